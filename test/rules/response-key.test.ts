import * as fc from 'fast-check';
import { checkResponseKey, parseResponseKey } from '../../src/rules/response-key';

test('parses $default and patterns between slashes', () => {
  expect(parseResponseKey('$default')).toEqual({ isDefault: true });
  expect(parseResponseKey('/4\\d\\d/')).toEqual({ pattern: '4\\d\\d' });
  expect(parseResponseKey('/a/b/')).toEqual({ pattern: 'a/b' });
});

test.each([
  ['200', "keys are $default or a regular expression between slashes, such as '/200/'"],
  ['default', "keys are $default or a regular expression between slashes, such as '/default/'"],
  ['//', 'the pattern between the slashes is empty'],
  ['/', "keys are $default or a regular expression between slashes, such as '/2\\d\\d/'"],
])('%j is refused: %s', (key, problem) => {
  expect(parseResponseKey(key)).toEqual({ problem });
});

test('warns about a key without slashes with the exact message', () => {
  expect(checkResponseKey('4\\d\\d', 'status', 'IntegrationResponseKey').findings).toEqual([{
    ruleId: 'ws-response-key',
    severity: 'warning',
    message: "response key '4\\d\\d' is not valid: keys are $default or a regular expression between slashes, such as '/4\\d\\d/'; API Gateway documents keys as $default or a pattern that \"should follow a format of /expression/\", so this key may never be selected",
    path: 'IntegrationResponseKey',
  }]);
});

test('fails a key whose pattern Java rejects', () => {
  expect(checkResponseKey('/{"error"/', 'lambda').findings).toEqual([{
    ruleId: 'ws-response-key-syntax',
    severity: 'error',
    message: "response key '/{\"error\"/' is not a valid Java regular expression (illegal repetition at '{\"error\"' (write \\{ for a literal brace)): java.util.regex cannot compile it, so API Gateway can never select this response; fix the pattern",
  }]);
});

test('reports Java-only syntax as info', () => {
  expect(checkResponseKey('/a*+/', 'unknown').findings.map(f => [f.ruleId, f.severity])).toEqual([['ws-response-key-unchecked', 'info']]);
});

test('warns about a status key that matches no status code, with the exact message', () => {
  expect(checkResponseKey('/.*NotFound.*/', 'status').findings).toEqual([{
    ruleId: 'ws-status-key-unreachable',
    severity: 'warning',
    message: "response key '/.*NotFound.*/' can match no status code from 100 to 599, but this integration matches it against the backend status code, so the response is never selected; use a status pattern such as '404' or '5\\d{2}'",
  }]);
});

test('warns about a Lambda key that also matches successes', () => {
  expect(checkResponseKey('/.*/', 'lambda').findings.map(f => f.ruleId)).toEqual(['ws-lambda-key-matches-success']);
  expect(checkResponseKey('/.+/', 'lambda').findings).toEqual([]);
});

test('$default and tokens pass', () => {
  expect(checkResponseKey('$default', 'status')).toEqual({ findings: [] });
  expect(checkResponseKey({ Ref: 'Key' }, 'status')).toEqual({ findings: [] });
});

test('random keys give findings, never throw; generated valid keys are accepted', () => {
  fc.assert(fc.property(fc.string({ maxLength: 30 }), key => {
    expect(Array.isArray(checkResponseKey(key, 'lambda').findings)).toBe(true);
  }), { numRuns: 2000 });
  const statusPattern = fc.array(fc.constantFrom('\\d', '[0-9]', '2', '4', '5', '0'), { minLength: 3, maxLength: 3 }).map(p => p.join(''));
  fc.assert(fc.property(statusPattern, pattern => {
    const result = checkResponseKey(`/${pattern}/`, 'unknown');
    expect(result.findings).toEqual([]);
    expect(result.pattern).toBeDefined();
  }));
});
