import { finding } from './catalog';
import { Finding } from './finding';
import { checkBacktracking } from './pattern-backtracking';
import { PatternRules } from './pattern-rules';
import { compileJavaPattern, CompiledPattern } from '../grammar/java-pattern';
import { matchedStatusCodes, MatchTarget } from '../grammar/match-target';
import { searchOverlaps } from '../grammar/overlap-search';
import { isTooLargeToCompare, matchesOnlyNumbers, Overlap } from '../grammar/pattern-overlap';

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
  if (target === 'lambda' && matchesOnlyNumbers(pattern)) {
    const success = matchedStatusCodes(pattern).find(code => code.startsWith('2'));
    // An error thrown as '404' is a way some functions signal; one thrown as '200' is not.
    if (success !== undefined) {
      return [finding(rules.lambdaStatusCode,
        `${rules.subject} '${display}' matches only numbers, such as the status code '${success}', but on a Lambda custom integration ` +
        "API Gateway matches it against the Lambda error's errorMessage, not a status code: a successful invocation " +
        '(matched as the empty error message) never selects it and gets the default response instead; to answer ' +
        "successes with it, make it the default response, and match errors by their message (such as '.*NotFound.*')", path)];
    }
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
  if (target !== 'status' && patterns.length > 1) findings.push(...uncomparedPatterns(patterns, rules));
  return findings;
}

/** Message patterns the overlap search could not compare: said once each, rather than passed over. */
function uncomparedPatterns(patterns: readonly PlacedPattern[], rules: PatternRules): Finding[] {
  return patterns.filter(p => isTooLargeToCompare(p.compiled)).map(p => finding(rules.unchecked,
    `${rules.subject} '${abbreviate(p.display)}' (${p.owner}) was not compared with the other ${rules.subject}s for overlaps: its automaton ` +
    'would have more states or transitions than this checker builds; API Gateway does not define which ' +
    'response it selects when two patterns match, so make sure no error message matches this pattern and another one', p.path));
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
