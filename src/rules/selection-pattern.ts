import { finding, Rule, RULES } from './catalog';
import { Finding } from './finding';
import { compileJavaPattern, CompiledPattern } from './java-pattern';
import { searchOverlaps } from './overlap-search';
import { checkBacktracking } from './pattern-backtracking';
import { Overlap } from './pattern-overlap';

/**
 * What an integration's selection patterns (REST) or response keys (WebSocket) are matched against.
 * - `lambda`: a Lambda custom integration; patterns match the error's `errorMessage`
 *   (the empty string for a success).
 * - `status`: HTTP, AWS (non-Lambda) and MOCK integrations; patterns match the status code.
 * - `unknown`: cannot be told before deployment.
 */
export type MatchTarget = 'lambda' | 'status' | 'unknown';

/** Every status code a backend can return, as the strings patterns are matched against. */
export const ALL_STATUS_CODES: readonly string[] = Array.from({ length: 500 }, (_, i) => String(100 + i));

/**
 * The rules and wording used for one kind of pattern: REST selection patterns and WebSocket
 * response keys share the checks but not the rule IDs.
 */
export interface PatternRules {
  /** What the pattern is called in messages. */
  readonly subject: string;
  readonly syntax: Rule;
  readonly unchecked: Rule;
  readonly unreachable: Rule;
  readonly matchesSuccess: Rule;
  /** Super-linear backtracking on long error messages. */
  readonly backtracking: Rule;
  readonly overlap: Rule;
}

export const REST_PATTERN_RULES: PatternRules = {
  subject: 'selection pattern',
  syntax: RULES.restSelectionPatternSyntax,
  unchecked: RULES.restSelectionPatternUnchecked,
  unreachable: RULES.restStatusPatternUnreachable,
  matchesSuccess: RULES.restLambdaPatternMatchesSuccess,
  backtracking: RULES.restSelectionPatternBacktracking,
  overlap: RULES.restPatternOverlap,
};

/**
 * Compiles a Java pattern, or explains with findings why it cannot be used.
 *
 * @param display how the pattern is shown in messages (a WebSocket key shows its slashes)
 */
export function compilePattern(source: string, rules: PatternRules, path?: string, display = source):
{ pattern?: CompiledPattern; findings: Finding[] } {
  const result = compileJavaPattern(source);
  if (result.ok) return { pattern: result, findings: [] };
  if (result.reason === 'too-large') {
    return {
      findings: [finding(rules.unchecked,
        `${rules.subject} '${abbreviate(display)}' is too large for this checker to analyse (${source.length} characters); ` +
        'API Gateway may accept it, but it is not checked further', path)],
    };
  }
  if (result.reason === 'unsupported') {
    return {
      findings: [finding(rules.unchecked,
        `${rules.subject} '${display}' uses ${result.detail}, which this checker cannot evaluate; ` +
        'API Gateway may accept it, but the pattern is not checked further', path)],
    };
  }
  return {
    findings: [finding(rules.syntax,
      `${rules.subject} '${display}' is not a valid Java regular expression (${result.detail}): ` +
      'java.util.regex cannot compile it, so API Gateway can never select this response; fix the pattern', path)],
  };
}

const ABBREVIATED = 40;

/** A long pattern cut for messages: its start and an ellipsis. */
export function abbreviate(pattern: string): string {
  return pattern.length <= ABBREVIATED * 2 ? pattern : `${pattern.slice(0, ABBREVIATED)}…`;
}

const statusCodesOf = new WeakMap<CompiledPattern, readonly string[]>();

/**
 * The status codes from 100 to 599 a compiled pattern matches (computed once per pattern: the same
 * patterns recur on every method of an API).
 */
export function matchedStatusCodes(pattern: CompiledPattern): readonly string[] {
  let codes = statusCodesOf.get(pattern);
  if (codes === undefined) {
    codes = ALL_STATUS_CODES.filter(code => pattern.matches(code));
    statusCodesOf.set(pattern, codes);
  }
  return codes;
}

/**
 * Target-specific checks of one compiled pattern: a status pattern must be able to match a status
 * code; a Lambda pattern must not match the empty error message of a success, nor take a
 * backtracking engine super-linear time on a long one.
 */
export function checkPatternForTarget(display: string, pattern: CompiledPattern, target: MatchTarget, rules: PatternRules, path?: string): Finding[] {
  return [...checkMatchedInputs(display, pattern, target, rules, path), ...checkBacktracking(display, pattern, target, rules, path)];
}

function checkMatchedInputs(display: string, pattern: CompiledPattern, target: MatchTarget, rules: PatternRules, path?: string): Finding[] {
  if (target === 'status' && matchedStatusCodes(pattern).length === 0) {
    return [finding(rules.unreachable,
      `${rules.subject} '${display}' can match no status code from 100 to 599, but this integration matches ` +
      'it against the backend status code, so the response is never selected; use a status pattern such ' +
      "as '404' or '5\\d{2}'", path)];
  }
  if (target === 'lambda' && pattern.matches('')) {
    return [finding(rules.matchesSuccess,
      `${rules.subject} '${display}' also matches the empty error message of a successful Lambda invocation, ` +
      'so API Gateway answers successes with this response instead of the default; match errors only, ' +
      "e.g. '.+' instead of '.*'", path)];
  }
  return [];
}

/**
 * A compiled pattern of a response set, with how messages name it and where it is.
 */
export interface PlacedPattern {
  readonly display: string;
  /** The response it belongs to, e.g. the status code. */
  readonly owner: string;
  readonly compiled: CompiledPattern;
  readonly path?: string;
}

/**
 * Warns about every pair of patterns a backend result can match at once. Past the comparison
 * budget of a very large set, the pairs not compared are reported once, as unchecked.
 */
export function checkPatternOverlaps(patterns: readonly PlacedPattern[], target: MatchTarget, rules: PatternRules): Finding[] {
  const search = searchOverlaps(patterns.map(p => p.compiled), target);
  const findings = search.overlaps.map(({ first, second, overlap }) => overlapFinding(patterns[first], patterns[second], overlap, target, rules));
  if (search.firstSkipped) {
    findings.push(finding(rules.unchecked,
      `${search.skipped} of the ${search.total} pairs of these ${patterns.length} ${rules.subject}s were not compared for overlaps ` +
      '(too many for this checker); API Gateway does not define which response it selects when two patterns match, so make sure ' +
      'those pairs are mutually exclusive, or use fewer patterns', patterns[search.firstSkipped[1]].path));
  }
  return findings;
}

function overlapFinding(a: PlacedPattern, b: PlacedPattern, overlap: Overlap, target: MatchTarget, rules: PatternRules): Finding {
  const what = target === 'status' ? `status ${overlap.witness}` : `'${overlap.witness}'`;
  const containment = overlap.firstInSecond && overlap.secondInFirst
    ? 'they match exactly the same inputs'
    : `every input of '${overlap.firstInSecond ? a.display : b.display}' also matches '${overlap.firstInSecond ? b.display : a.display}'`;
  return finding(rules.overlap,
    `${rules.subject}s '${a.display}' (${a.owner}) and '${b.display}' (${b.owner}) both match ${what} (${containment}): ` +
    'API Gateway does not define which response it selects; make the patterns mutually exclusive', b.path);
}
