import { Rule } from '../rules/catalog';
import { Finding, Severity } from '../rules/finding';

/** Marks errors of this library across copies of it (two versions in one app still agree). */
const BRAND = Symbol.for('cdk-integration-responses.IntegrationResponseError');

/**
 * What an error is about: findings of the rule table, a call of the API that cannot work, input
 * that cannot be read, a question the simulator cannot answer, or a release of aws-cdk-lib whose
 * internals moved.
 */
export type ErrorKind = 'rule' | 'usage' | 'input' | 'simulation' | 'internals';

/**
 * The one error type this library throws. Its message lists its findings, one per line, as
 * `[rule-id] message (at property.path) (in where)`; `IntegrationResponseErrors` reads them back,
 * from the error or (in Python, Java, .NET and Go, which see only the message) from its message.
 */
export class IntegrationResponseError extends Error {
  /** Whether `x` is an error of this library, whatever copy of it threw the error. */
  public static is(x: unknown): x is IntegrationResponseError {
    return x !== null && typeof x === 'object' && (x as Record<symbol, unknown>)[BRAND] === true;
  }

  /** The findings the error reports (none for usage, input and simulation errors). */
  public readonly findings: readonly Finding[];

  constructor(readonly kind: ErrorKind, message: string, findings: readonly Finding[] = [], readonly where?: string) {
    super(message);
    this.findings = findings;
    this.name = 'IntegrationResponseError';
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * A finding as one line: `[rule-id] message (at Property.Path)`. Errors thrown at a call, synth-time
 * validation messages and the CLI's text output all use it.
 */
export function formatFinding(f: Finding): string {
  return `[${f.ruleId}] ${f.message}${f.path ? ` (at ${f.path})` : ''}`;
}

/** The ` (in where)` suffix naming the API call or construct a message is about. */
export function inWhere(where: string | undefined): string {
  return where ? ` (in ${where})` : '';
}

/**
 * An error reporting findings of the rule table, at `where` (the API call or the construct path).
 */
export function ruleError(findings: readonly Finding[], where?: string): IntegrationResponseError {
  return new IntegrationResponseError('rule', findings.map(f => `${formatFinding(f)}${inWhere(where)}`).join('\n'), findings, where);
}

/**
 * Throws when `findings` holds an error, or a finding of one of the `refused` rules; other warnings
 * and infos pass. Builders refuse some warnings: a template written by hand may deploy with them,
 * but a builder asked for them has been asked for something that cannot do what the call says.
 *
 * @param where the API call or construct path the findings belong to
 * @param refused the rules whose findings throw whatever their severity
 */
export function throwOnErrors(findings: readonly Finding[], where?: string, refused: readonly Rule[] = []): void {
  const ids = new Set(refused.map(r => r.id));
  const errors = findings.filter(f => f.severity === Severity.ERROR || ids.has(f.ruleId));
  if (errors.length > 0) throw ruleError(errors, where);
}

/**
 * An error in how the API is used (not a rule of API Gateway): `message (in where)`.
 */
export function usageError(where: string, message: string): IntegrationResponseError {
  return new IntegrationResponseError('usage', `${message}${inWhere(where)}`, [], where);
}
