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
 * Throws when `findings` holds an error; warnings and infos pass.
 *
 * @param where the API call or construct path the findings belong to
 */
export function throwOnErrors(findings: readonly Finding[], where?: string): void {
  const errors = findings.filter(f => f.severity === Severity.ERROR);
  if (errors.length > 0) throw new IntegrationResponseError(errors, where);
}

/**
 * An error in how the API is used (not a rule of API Gateway): `message (where)`.
 */
export function usageError(where: string, message: string): Error {
  return new Error(`${message} (${where})`);
}
