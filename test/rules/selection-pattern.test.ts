import { CompiledPattern } from '../../src/rules/java-pattern';
import { checkPatternForTarget, compileSelectionPattern, matchedStatusCodes } from '../../src/rules/selection-pattern';

function compiled(source: string): CompiledPattern {
  const result = compileSelectionPattern(source);
  if (!result.pattern) throw new Error(`${source} does not compile`);
  return result.pattern;
}

test('fails a pattern Java rejects with the exact message', () => {
  expect(compileSelectionPattern('.*{"error".*', 'SelectionPattern').findings).toEqual([{
    ruleId: 'rest-selection-pattern-syntax',
    severity: 'error',
    message: "selection pattern '.*{\"error\".*' is not a valid Java regular expression (illegal repetition at '{\"error\".*' (write \\{ for a literal brace)): API Gateway rejects the deployment; fix the pattern",
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

test('an empty or tokenized pattern is not compiled', () => {
  expect(compileSelectionPattern('')).toEqual({ findings: [] });
  expect(compileSelectionPattern({ Ref: 'Pattern' })).toEqual({ findings: [] });
});

test('status codes matched by a pattern', () => {
  expect(matchedStatusCodes(compiled('40[0-4]'))).toEqual(['400', '401', '402', '403', '404']);
  expect(matchedStatusCodes(compiled('5\\d{2}'))).toHaveLength(100);
});

test('fails a status pattern that can match no status code', () => {
  expect(checkPatternForTarget('.*NotFound.*', compiled('.*NotFound.*'), 'status', 'P')).toEqual([{
    ruleId: 'rest-status-pattern-unreachable',
    severity: 'warning',
    message: "selection pattern '.*NotFound.*' can match no status code from 100 to 599, but this integration matches patterns against the backend status code, so the response is never selected; use a status pattern such as '404' or '5\\d{2}'",
    path: 'P',
  }]);
});

test('warns when a Lambda pattern also matches successes', () => {
  expect(checkPatternForTarget('.*', compiled('.*'), 'lambda')).toEqual([{
    ruleId: 'rest-lambda-pattern-matches-success',
    severity: 'warning',
    message: "selection pattern '.*' also matches the empty error message of a successful Lambda invocation, so API Gateway answers successes with this response instead of the default; match errors only, e.g. '.+' instead of '.*'",
  }]);
  expect(checkPatternForTarget('.+', compiled('.+'), 'lambda')).toEqual([]);
  expect(checkPatternForTarget('(\\n|.)*', compiled('(\\n|.)*'), 'lambda')).toHaveLength(1);
});

test('an unknown target gets no target-specific findings', () => {
  expect(checkPatternForTarget('.*', compiled('.*'), 'unknown')).toEqual([]);
  expect(checkPatternForTarget('x', compiled('x'), 'unknown')).toEqual([]);
});
