/**
 * Writes src/rules/rule-ids.ts, one constant per rule of the rule table (src/rules/catalog.ts), so
 * that suppressions and acknowledgments written in code complete in every language.
 *
 *   npx ts-node --transpile-only scripts/generate-rule-ids.ts           # write the file
 *   npx ts-node --transpile-only scripts/generate-rule-ids.ts --check   # fail if it is out of date
 */
import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../src/rules/catalog';

const OUTPUT = path.join(__dirname, '..', 'src', 'rules', 'rule-ids.ts');

export function generate(): string {
  const lines = [
    '/**',
    ' * The IDs of the rules, for suppressions and acknowledgments written in code',
    " * (`IntegrationResponseChecks.suppress(scope, RuleIds.REST_NO_DEFAULT, 'why')`): one constant per",
    ' * rule of docs/rules.md, so every language completes them and a misspelt ID does not compile.',
    ' */',
    'export class RuleIds {',
  ];
  for (const rule of ALL_RULES) {
    lines.push('  /**', `   * \`${rule.id}\`: ${rule.summary}.`, '   */',
      `  public static readonly ${rule.id.toUpperCase().replace(/-/g, '_')} = '${rule.id}';`, '');
  }
  lines.push('  private constructor() {}', '}', '');
  return lines.join('\n');
}

if (require.main === module) {
  const text = generate();
  if (process.argv.includes('--check')) {
    if (fs.readFileSync(OUTPUT, 'utf8') !== text) {
      process.stderr.write(`${path.relative(process.cwd(), OUTPUT)} is out of date: run scripts/generate-rule-ids.ts\n`);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(OUTPUT, text);
  }
}
