import { finding, RULES } from './catalog';
import { Finding } from './finding';
import { compileJavaPattern, CompiledPattern } from './java-pattern';
import { knownString } from './unknown';

/**
 * What a REST integration's selection patterns are matched against.
 * - `lambda`: a Lambda custom integration; patterns match the error's `errorMessage`
 *   (the empty string for a success).
 * - `status`: HTTP, AWS (non-Lambda) and MOCK integrations; patterns match the status code.
 * - `unknown`: cannot be told before deployment.
 */
export type MatchTarget = 'lambda' | 'status' | 'unknown';

/** Every status code a backend can return, as the strings patterns are matched against. */
export const ALL_STATUS_CODES: readonly string[] = Array.from({ length: 500 }, (_, i) => String(100 + i));

/**
 * The compiled pattern, or the findings that explain why it could not be compiled.
 */
export function compileSelectionPattern(value: unknown, path?: string): { pattern?: CompiledPattern; findings: Finding[] } {
  const source = knownString(value);
  if (source === undefined || source === '') return { findings: [] };
  const result = compileJavaPattern(source);
  if (result.ok) return { pattern: result, findings: [] };
  if (result.reason === 'unsupported') {
    return {
      findings: [finding(RULES.restSelectionPatternUnchecked,
        `selection pattern '${source}' uses ${result.detail}, which this checker cannot evaluate; ` +
        'API Gateway may accept it, but the pattern is not checked further', path)],
    };
  }
  return {
    findings: [finding(RULES.restSelectionPatternSyntax,
      `selection pattern '${source}' is not a valid Java regular expression (${result.detail}): ` +
      'API Gateway rejects the deployment; fix the pattern', path)],
  };
}

/**
 * The status codes from 100 to 599 a compiled pattern matches.
 */
export function matchedStatusCodes(pattern: CompiledPattern): string[] {
  return ALL_STATUS_CODES.filter(code => pattern.matches(code));
}

/**
 * Target-specific checks of one compiled pattern: a status pattern must be able to match a status
 * code; a Lambda pattern must not match the empty error message of a success.
 */
export function checkPatternForTarget(source: string, pattern: CompiledPattern, target: MatchTarget, path?: string): Finding[] {
  if (target === 'status' && matchedStatusCodes(pattern).length === 0) {
    return [finding(RULES.restStatusPatternUnreachable,
      `selection pattern '${source}' can match no status code from 100 to 599, but this integration matches ` +
      'patterns against the backend status code, so the response is never selected; use a status pattern such ' +
      "as '404' or '5\\d{2}'", path)];
  }
  if (target === 'lambda' && pattern.matches('')) {
    return [finding(RULES.restLambdaPatternMatchesSuccess,
      `selection pattern '${source}' also matches the empty error message of a successful Lambda invocation, ` +
      'so API Gateway answers successes with this response instead of the default; match errors only, ' +
      "e.g. '.+' instead of '.*'", path)];
  }
  return [];
}
