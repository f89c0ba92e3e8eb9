import { checkDefinition } from './definition-checker';
import { InputError } from './input-error';
import { suppressionsInMetadata, withoutSuppressed } from './suppressions';
import { TemplateFinding } from './template-finding';
import { collectTemplates, TemplateFile } from './template-reader';
import { checkTemplate } from './template-resources';
import { formatFinding } from '../errors/integration-response-error';
import { knownObject } from '../grammar/unknown';
import { definitionVersion } from '../openapi/definition-version';
import { Severity } from '../rules/finding';

/**
 * A finding of the CLI: a template finding and the file it is in.
 */
export interface FileFinding extends TemplateFinding {
  /** The template file the finding is in. */
  readonly file: string;
}

/**
 * What `check` found under its paths.
 */
export interface CheckResult {
  /** The findings of every template read, in the order of the templates. */
  readonly findings: FileFinding[];
  /** The templates read. */
  readonly templates: TemplateFile[];
  /** The inputs that could not be read (a missing file, malformed YAML, ...), one error each. */
  readonly unreadable: InputError[];
}

/** The `resource` of the findings of an OpenAPI definition file: the definition as a whole. */
export const DEFINITION_RESOURCE = 'definition';

/**
 * Checks every template under the given paths (template files, OpenAPI definition files or cloud
 * assembly directories). An input that cannot be read is one of `unreadable`; the others are still
 * checked.
 */
export function checkPaths(paths: readonly string[]): CheckResult {
  const collected = paths.map(p => collectTemplates(p));
  const templates = collected.flatMap(c => c.templates);
  const findings = templates.flatMap(t => findingsOf(t).map(f => ({ ...f, file: t.file })));
  return { findings, templates, unreadable: collected.flatMap(c => c.errors) };
}

function findingsOf(file: TemplateFile): TemplateFinding[] {
  if (file.definition !== undefined) return checkDefinition(file.definition).map(f => ({ ...f, resource: DEFINITION_RESOURCE }));
  return [...readingFindings(file), ...checkTemplate(file.template)];
}

/** The findings of reading a template, less those the resource they are about suppresses. */
function readingFindings({ template, findings }: TemplateFile): TemplateFinding[] {
  return findings.filter(f => {
    const metadata = own(template.Resources, f.resource) ? knownObject(template.Resources[f.resource])?.Metadata : undefined;
    return withoutSuppressed([f], suppressionsInMetadata(metadata).suppressions).length > 0;
  });
}

/**
 * `--format json`: an array of findings, each with rule ID, severity, file, resource, property
 * path (or null) and message.
 */
export function formatJson(result: CheckResult): string {
  return JSON.stringify(result.findings.map(f => ({
    ruleId: f.ruleId,
    severity: f.severity,
    file: f.file,
    resource: f.resource,
    path: f.path ?? null,
    message: f.message,
  })), null, 2);
}

/**
 * `--format text`: findings grouped by file and resource, each on one line as errors and synthesis
 * print them (`[rule-id] message (at path)`) after its severity, then a summary line.
 */
export function formatText(result: CheckResult): string {
  const lines: string[] = [];
  for (const { file, template, definition } of result.templates) {
    const inFile = result.findings.filter(f => f.file === file);
    if (inFile.length === 0) continue;
    lines.push(file);
    for (const resource of [...new Set(inFile.map(f => f.resource))]) {
      lines.push(`  ${resource}${definition === undefined ? label(template, resource) : definitionLabel(definition)}`);
      for (const f of inFile.filter(x => x.resource === resource)) lines.push(`    ${f.severity.padEnd(7)} ${formatFinding(f)}`);
    }
    lines.push('');
  }
  lines.push(summary(result));
  return lines.join('\n');
}

/** ` (AWS::Type)` for a resource, ` (template section)` for a finding about `Mappings`, `Outputs`, ... */
function label(template: TemplateFile['template'], resource: string): string {
  if (own(template.Resources, resource)) {
    const type = knownObject(template.Resources[resource])?.Type;
    return typeof type === 'string' ? ` (${type})` : '';
  }
  return own(template, resource) ? ' (template section)' : '';
}

/** ` (OpenAPI 3.0.1)` for the findings of a definition file. */
function definitionLabel(definition: Record<string, unknown>): string {
  return ` (OpenAPI ${definitionVersion(definition)})`;
}

function own(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

function summary(result: CheckResult): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const severity = (s: Severity, word: string) => count(result.findings.filter(f => f.severity === s).length, word);
  const unreadable = result.unreadable.length;
  return `${severity(Severity.ERROR, 'error')}, ${severity(Severity.WARNING, 'warning')}, ${severity(Severity.INFO, 'info')} ` +
    `in ${filesRead(result.templates, count)}${unreadable > 0 ? `, ${count(unreadable, 'template')} could not be read` : ''}`;
}

/** `2 templates`, `1 definition`, `2 templates and 1 definition`. */
function filesRead(files: readonly TemplateFile[], count: (n: number, word: string) => string): string {
  const definitions = files.filter(f => f.definition !== undefined).length;
  const templates = files.length - definitions;
  if (definitions === 0) return count(templates, 'template');
  return templates === 0 ? count(definitions, 'definition') : `${count(templates, 'template')} and ${count(definitions, 'definition')}`;
}

/**
 * Exit code of a check: 2 when an input could not be read, else 1 when there is an error, else 0.
 */
export function exitCodeOf(result: CheckResult): number {
  if (result.unreadable.length > 0) return 2;
  return result.findings.some(f => f.severity === Severity.ERROR) ? 1 : 0;
}
