import { ALL_RULES, finding, RULES } from './catalog';
import { Finding } from './finding';
import { knownString } from '../grammar/unknown';

/**
 * Why a suppression cannot be used, or `undefined` when it can: it names a rule of the table and
 * gives a reason.
 */
export function suppressionProblem(ruleId: unknown, reason: unknown): string | undefined {
  if (ruleId === undefined || ruleId === null) return 'a suppression without a ruleId names no rule of cdk-integration-responses (see docs/rules.md)';
  const id = typeof ruleId === 'string' ? ruleId : undefined;
  if (id === undefined) return `a suppression's ruleId must be a rule ID string, not ${describeValue(ruleId)}`;
  if (!ALL_RULES.some(r => r.id === id)) return `suppression of '${id}' names no rule of cdk-integration-responses (see docs/rules.md)`;
  const text = knownString(reason);
  if (text === undefined || text.trim() === '') return `suppression of '${id}' gives no reason`;
  return undefined;
}

/**
 * `suppression-invalid`: a suppression recorded in a template cannot be used and is ignored.
 *
 * @param path where the suppression is, e.g. `Metadata.cdk-integration-responses.suppress[0]`
 */
export function checkSuppression(ruleId: unknown, reason: unknown, path: string): Finding[] {
  const problem = suppressionProblem(ruleId, reason);
  return problem ? [finding(RULES.suppressionInvalid, `${problem}; it is ignored`, path)] : [];
}

/** A short description of a value that is not a string, never its (possibly huge) contents. */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${String(value).slice(0, 40)}`;
}
