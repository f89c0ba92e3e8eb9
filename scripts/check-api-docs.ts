/**
 * `ts-node scripts/check-api-docs.ts`: after `npx projen compile`, fails when a public type, member
 * or parameter of the jsii assembly has no documentation, or an optional struct field has no
 * `@default`. Every language's API reference (API.md, Python docstrings, Javadoc) is built from these.
 */
import * as fs from 'fs';
import * as path from 'path';

interface Docs { readonly summary?: string; readonly default?: string }
interface Parameter { readonly name: string; readonly docs?: Docs }
interface Member { readonly name: string; readonly docs?: Docs; readonly optional?: boolean; readonly parameters?: Parameter[] }
interface JsiiType {
  readonly kind: string;
  readonly docs?: Docs;
  readonly methods?: Member[];
  readonly properties?: Member[];
  readonly initializer?: { readonly parameters?: Parameter[] };
}

const assembly = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '.jsii'), 'utf8')) as { types: Record<string, JsiiType> };
const missing: string[] = [];
for (const [fqn, type] of Object.entries(assembly.types)) {
  if (!type.docs?.summary) missing.push(`${fqn}: no summary`);
  for (const p of type.initializer?.parameters ?? []) if (!p.docs?.summary) missing.push(`${fqn} constructor: parameter ${p.name} is not documented`);
  for (const member of [...type.methods ?? [], ...type.properties ?? []]) {
    if (!member.docs?.summary) missing.push(`${fqn}.${member.name}: no summary`);
    if (type.kind === 'interface' && member.optional && member.docs?.default === undefined) missing.push(`${fqn}.${member.name}: optional, but no @default`);
    for (const p of member.parameters ?? []) if (!p.docs?.summary) missing.push(`${fqn}.${member.name}: parameter ${p.name} is not documented`);
  }
}
if (missing.length > 0) {
  console.error(`undocumented public API (${missing.length}):\n${missing.join('\n')}`);
  process.exit(1);
}
console.log(`api docs: every public type, member and parameter of ${Object.keys(assembly.types).length} types is documented`);
