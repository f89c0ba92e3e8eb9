import { CompiledPattern } from '../../src/grammar/java-pattern';
import { matchedStatusCodes } from '../../src/grammar/match-target';
import { REST_PATTERN_RULES } from '../../src/rules/pattern-rules';
import { checkPatternForTarget, compilePattern } from '../../src/rules/selection-pattern';

const compileSelectionPattern = (source: string, path?: string) => compilePattern(source, REST_PATTERN_RULES, path);

function compiled(source: string): CompiledPattern {
  const result = compileSelectionPattern(source);
  if (!result.pattern) throw new Error(`${source} does not compile`);
  return result.pattern;
}

test('fails a pattern Java rejects with the exact message', () => {
  expect(compileSelectionPattern('.*{"error".*', 'SelectionPattern').findings).toEqual([{
    ruleId: 'rest-selection-pattern-syntax',
    severity: 'error',
    message: "selection pattern '.*{\"error\".*' is not a valid Java regular expression (illegal repetition at '{\"error\".*' (write \\{ for a literal brace)): java.util.regex cannot compile it, so API Gateway can never select this response; fix the pattern",
    path: 'SelectionPattern',
  }]);
});

test('reports Java-only syntax as info, not as an error', () => {
  expect(compileSelectionPattern('.*\\p{Punct}.*').findings).toEqual([{
    ruleId: 'rest-selection-pattern-unchecked',
    severity: 'info',
    message: "selection pattern '.*\\p{Punct}.*' uses the \\p escape, which this checker cannot evaluate; API Gateway may accept it, but the pattern is not checked further",
  }]);
});

test('status codes matched by a pattern', () => {
  expect(matchedStatusCodes(compiled('40[0-4]'))).toEqual(['400', '401', '402', '403', '404']);
  expect(matchedStatusCodes(compiled('5\\d{2}'))).toHaveLength(100);
});

test('fails a status pattern that can match no status code', () => {
  expect(checkPatternForTarget('.*NotFound.*', compiled('.*NotFound.*'), 'status', REST_PATTERN_RULES, 'P')).toEqual([{
    ruleId: 'rest-status-pattern-unreachable',
    severity: 'warning',
    message: "selection pattern '.*NotFound.*' can match no status code from 100 to 599, but this integration matches it against the backend status code, so the response is never selected; use a status pattern such as '404' or '5\\d{2}'",
    path: 'P',
  }]);
});

test('warns when a Lambda pattern also matches successes', () => {
  expect(checkPatternForTarget('.*', compiled('.*'), 'lambda', REST_PATTERN_RULES)).toEqual([{
    ruleId: 'rest-lambda-pattern-matches-success',
    severity: 'warning',
    message: "selection pattern '.*' also matches the empty error message of a successful Lambda invocation, so API Gateway answers successes with this response instead of the default; match errors only, e.g. '.+' instead of '.*'",
  }]);
  expect(checkPatternForTarget('.+', compiled('.+'), 'lambda', REST_PATTERN_RULES)).toEqual([]);
  expect(checkPatternForTarget('(\\n|.)*', compiled('(\\n|.)*'), 'lambda', REST_PATTERN_RULES)).toHaveLength(1);
});

test('warns when a Lambda pattern is a pattern of success status codes, which a success never meets', () => {
  expect(checkPatternForTarget('2\\d{2}', compiled('2\\d{2}'), 'lambda', REST_PATTERN_RULES, 'P')).toEqual([{
    ruleId: 'rest-lambda-pattern-status-code',
    severity: 'warning',
    message: "selection pattern '2\\d{2}' matches only numbers, such as the status code '200', but on a Lambda custom integration API Gateway " +
      "matches it against the Lambda error's errorMessage, not a status code: a successful invocation (matched as the empty error message) " +
      'never selects it and gets the default response instead; to answer successes with it, make it the default response, and match errors ' +
      "by their message (such as '.*NotFound.*')",
    path: 'P',
  }]);
  const ruleIds = (source: string) => checkPatternForTarget(source, compiled(source), 'lambda', REST_PATTERN_RULES).map(f => f.ruleId);
  expect(ruleIds('\\d+')).toEqual(['rest-lambda-pattern-status-code']);
  expect(ruleIds('200|201')).toEqual(['rest-lambda-pattern-status-code']);
  expect(ruleIds('(2|3)[0-9][0-9]')).toEqual(['rest-lambda-pattern-status-code']);
  // Functions that throw '404' or '500' as their error message are matched on purpose.
  expect(ruleIds('404')).toEqual([]);
  expect(ruleIds('5\\d{2}')).toEqual([]);
  expect(ruleIds('302')).toEqual([]);
  // A pattern that matches other messages too is an error-message pattern.
  expect(ruleIds('.*200.*')).toEqual([]);
  expect(ruleIds('2\\d{2}|Error')).toEqual([]);
  // On a status integration, the same pattern is right.
  expect(checkPatternForTarget('2\\d{2}', compiled('2\\d{2}'), 'status', REST_PATTERN_RULES)).toEqual([]);
});

test('an unknown target gets no target-specific findings', () => {
  expect(checkPatternForTarget('.*', compiled('.*'), 'unknown', REST_PATTERN_RULES)).toEqual([]);
  expect(checkPatternForTarget('x', compiled('x'), 'unknown', REST_PATTERN_RULES)).toEqual([]);
});
