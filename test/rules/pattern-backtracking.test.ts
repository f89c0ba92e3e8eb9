import { compileJavaPattern, CompiledPattern } from '../../src/grammar/java-pattern';
import { REST_PATTERN_RULES } from '../../src/rules/pattern-rules';
import { WEBSOCKET_KEY_RULES } from '../../src/rules/response-key';
import { checkIntegrationResponses } from '../../src/rules/rest-integration-responses';
import { checkPatternForTarget } from '../../src/rules/selection-pattern';
import { checkWebSocketIntegration } from '../../src/rules/websocket-integration';
import { cpuTime } from '../support/cpu-time';

const LAMBDA = { IntegrationType: 'AWS', IntegrationUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations' };

function compiled(source: string): CompiledPattern {
  const result = compileJavaPattern(source);
  if (!result.ok) throw new Error(result.detail);
  return result;
}

const check = (source: string, target: 'lambda' | 'status' | 'unknown' = 'lambda') =>
  checkPatternForTarget(source, compiled(source), target, REST_PATTERN_RULES, 'P');

describe('rest-selection-pattern-backtracking', () => {
  test('exponential backtracking, with an attack string and the fix', () => {
    expect(check('(a+)+$')).toEqual([{
      ruleId: 'rest-selection-pattern-backtracking',
      severity: 'warning',
      message: "selection pattern '(a+)+$' can take exponential time to reject some error messages, such as 'a' × 30 + '!': " +
        'API Gateway matches it with java.util.regex, a backtracking engine, so a long error message can make the response slow or fail; ' +
        "'a+' is repeated inside '(a+)+', so the same text splits into many sequences of repetitions; make the repetition unambiguous " +
        "(e.g. '(a+)+' → 'a+')",
      path: 'P',
    }]);
  });

  test('the attack string starts with what leads to the repetition', () => {
    expect(check('Error: (\\w+\\s?)+$')[0].message).toContain("such as 'Error: ' + 'A' × 30 + '!'");
    expect(check('(\\d+)*\\D')[0].message).toContain("such as '0' × 30:");
  });

  test('polynomial backtracking between two repetitions, with scslre\'s fix when it is readable', () => {
    expect(check('(x+x+)+y')[0].message).toContain("'x+' and 'x+' can both match 'x', so they can share it out in many ways; " +
      "make them exclude each other or merge them (e.g. '(x{2,})+y')");
    const [finding] = check('.*.*.*.*.*.*=');
    expect(finding.message).toMatch(/^selection pattern '\.\*\.\*\.\*\.\*\.\*\.\*=' can take polynomial time to reject some error messages, such as 'A' × 10000 \+ '!'/);
  });

  test.each(['(.*a){25}', '((a|aa)+)+b', '(.+)+x', '(.*){1,32000}[bc]', '.*\\s+Error.*'])('%j is reported', source => {
    expect(check(source).map(f => f.ruleId)).toEqual(['rest-selection-pattern-backtracking']);
  });

  test.each(['.*NotFound.*', '\\[BadRequest\\].*', '(?!\\[BadRequest\\]|\\[NotFound\\]).+', '.+', '.*(Error|Exception).*', '^(\\[\\w+\\] )+\\w+:.*', 'Task timed out after \\d+\\.\\d+ seconds'])(
    'ordinary pattern %j is not reported', source => {
      expect(check(source)).toEqual([]);
    });

  test('status targets are skipped (status codes are 3 characters); unknown targets are checked', () => {
    expect(check('(4+)+\\d', 'status')).toEqual([]);
    expect(check('(a+)+$', 'unknown')[0].message).toContain('can take exponential time to reject some inputs, such as');
  });

  test('patterns too large for the analysis are reported as unchecked, unless they cannot backtrack at all', () => {
    const large = '.*a'.repeat(3000);
    expect(check(large)).toEqual([{
      ruleId: 'rest-selection-pattern-unchecked',
      severity: 'info',
      message: `selection pattern '${large.slice(0, 40)}…' is too large for this checker to analyse for backtracking (9000 characters); ` +
        'API Gateway may accept it, but its matching time is not checked',
      path: 'P',
    }]);
    const alternatives = Array.from({ length: 100000 }, (_, i) => `E${i}`).join('|');
    const { millis, result } = cpuTime(() => check(alternatives));
    expect(result).toEqual([]);
    expect(millis).toBeLessThan(1000);
  });

  test('reported through checkIntegrationResponses on a Lambda method', () => {
    const findings = checkIntegrationResponses([{ StatusCode: '200' }, { StatusCode: '500', SelectionPattern: '(\\w+\\s?)+$' }], 'lambda', 'R');
    expect(findings.map(f => [f.ruleId, f.path])).toEqual([['rest-selection-pattern-backtracking', 'R[1].SelectionPattern']]);
  });
});

describe('ws-response-key-backtracking', () => {
  test('shares the analysis, with its own rule and the key as written', () => {
    expect(checkPatternForTarget('/(a+)+$/', compiled('(a+)+$'), 'lambda', WEBSOCKET_KEY_RULES)[0]).toEqual(expect.objectContaining({
      ruleId: 'ws-response-key-backtracking',
      severity: 'warning',
      message: expect.stringMatching(/^response key '\/\(a\+\)\+\$\/' can take exponential time to reject some error messages, such as 'a' × 30 \+ '!'/),
    }));
  });

  test('reported on the integration response of a Lambda integration', () => {
    const result = checkWebSocketIntegration(LAMBDA, [{ IntegrationResponseKey: '$default' }, { IntegrationResponseKey: '/(\\d+)*\\D/' }], []);
    expect(result.responses[1].map(f => [f.ruleId, f.path])).toEqual([['ws-response-key-backtracking', 'IntegrationResponseKey']]);
  });
});
