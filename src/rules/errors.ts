import { Rule } from './catalog';
import { Finding, Severity } from './finding';

/**
 * Thrown by builders and constructs at the call that introduces a mistake. Each line reads
 * `[rule-id] message (where)`.
 */
export class IntegrationResponseError extends Error {
  constructor(readonly findings: readonly Finding[], where?: string) {
    super(findings.map(f => `[${f.ruleId}] ${f.message}${where ? ` (${where})` : ''}`).join('\n'));
    this.name = 'IntegrationResponseError';
  }
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
  if (errors.length > 0) throw new IntegrationResponseError(errors, where);
}

/**
 * An error in how the API is used (not a rule of API Gateway): `message (where)`.
 */
export function usageError(where: string, message: string): Error {
  return new Error(`${message} (${where})`);
}
