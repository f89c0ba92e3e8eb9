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

test('an unknown target gets no target-specific findings', () => {
  expect(checkPatternForTarget('.*', compiled('.*'), 'unknown', REST_PATTERN_RULES)).toEqual([]);
  expect(checkPatternForTarget('x', compiled('x'), 'unknown', REST_PATTERN_RULES)).toEqual([]);
});
