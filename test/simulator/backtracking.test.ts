import { RestResponse, RestResponses, RestSimulator } from '../../src';
import { restModel, simulateRest } from '../../src/simulator/rest-simulation';
import { javaMethod } from '../../src/simulator/vtl/java-methods';
import { simulateWebSocket, webSocketModel } from '../../src/simulator/websocket-simulation';
import { cpuTime } from '../support/cpu-time';

// Patterns java.util.regex (and a JavaScript RegExp) can take exponential or high polynomial time
// on. The simulator must answer what API Gateway eventually answers, at once.
const A40 = 'a'.repeat(40);
const A40_BANG = `${A40}!`;

function timed<T>(run: () => T): T {
  const { millis, result } = cpuTime(run);
  // A guard against hangs, not a benchmark: each case takes milliseconds.
  expect(millis).toBeLessThan(1000);
  return result;
}

const lambdaSimulator = (patterns: readonly string[]) => RestSimulator.fromResponses(RestResponses.of([
  RestResponse.forStatus('200'),
  ...patterns.map((p, i) => RestResponse.forStatus(String(400 + i)).whenLambdaErrorMatches(p)),
]));

describe('REST selection never hangs', () => {
  const simulator = lambdaSimulator(['(a+)+$', '(.*a){25}', '((a|aa)+)+b']);

  test.each([
    [A40_BANG, '200'],
    [A40, '400'],
    [`${A40}b`, '402'],
    [`${'ba'.repeat(25)}`, '401'],
  ])('error message %j selects %s', (errorMessage, selected) => {
    expect(timed(() => simulator.simulate({ backend: { errorMessage } })).selected).toBe(selected);
  });

  test.each([
    ['(.+)+x', 'Task timed out after 3.00 seconds', false],
    ['(.+)+x', 'Task timed out after 3.00 seconds x', true],
    ['(x+x+)+y', 'x'.repeat(40), false],
    ['(x+x+)+y', `${'x'.repeat(40)}y`, true],
    ['(a|b|ab)*c', 'ab'.repeat(30), false],
    ['(a|b|ab)*c', `${'ab'.repeat(30)}c`, true],
    ['(\\d+)*\\D', '1'.repeat(40), false],
    ['(\\d+)*\\D', `${'1'.repeat(40)}x`, true],
    ['.*.*.*.*.*.*=', 'a'.repeat(200), false],
    ['.*.*.*.*.*.*=', `${'a'.repeat(200)}=`, true],
    ['(.*){1,32000}[bc]', 'a'.repeat(40), false],
    ['(.*){1,32000}[bc]', `${'a'.repeat(40)}c`, true],
    // Optional parts do not grow with the input, but each doubles what a backtracking engine may try
    // (2^26 here, seconds); the robustness run (seed 1315260937) found 400 of them against 1,010 characters.
    ['(?:a)?'.repeat(26), 'a'.repeat(27), false],
    ['(?:a)?'.repeat(26), 'a'.repeat(26), true],
    ['(?:a)?'.repeat(400), 'a'.repeat(1010), false],
    ['(?:a)?'.repeat(400), 'a'.repeat(390), true],
  ])('%j against %j: %s', (pattern, errorMessage, matches) => {
    const response = timed(() => lambdaSimulator([pattern]).simulate({ backend: { errorMessage } }));
    expect(response.selected).toBe(matches ? '400' : '200');
  });

  test('an unsafe pattern the linear-time matcher cannot run is a clear error, not a hang', () => {
    const model = restModel([{ StatusCode: '200' }, { StatusCode: '400', SelectionPattern: '(?=a)(a+)+b' }], 'lambda');
    expect(() => timed(() => simulateRest(model, { backend: { errorMessage: A40_BANG } }))).toThrow(
      "selection pattern '(?=a)(a+)+b' cannot be simulated for an input of 41 characters: it can take a backtracking engine super-linear " +
      'time, and it uses a construct the linear-time matcher cannot run (a look-ahead, a back-reference, a multi-line $ or a repetition count over 1,000)');
    // Short inputs are safe whatever the pattern.
    expect(simulateRest(model, { backend: { errorMessage: 'aab' } }).selected).toBe('400');
  });

  test('safe patterns with look-aheads still run', () => {
    const withLookahead = lambdaSimulator(['(?!\\[NotFound\\]).+']);
    expect(timed(() => withLookahead.simulate({ backend: { errorMessage: 'x'.repeat(100000) } })).selected).toBe('400');
  });
});

describe('WebSocket selection never hangs', () => {
  const model = webSocketModel('AWS', 'lambda', [
    { IntegrationResponseKey: '$default' },
    { IntegrationResponseKey: '/(a+)+$/' },
    { IntegrationResponseKey: '/((a|aa)+)+b/' },
  ]);

  test.each([[A40_BANG, '$default'], [A40, '/(a+)+$/'], [`${A40}b`, '/((a|aa)+)+b/']])('error message %j selects %s', (errorMessage, selected) => {
    expect(timed(() => simulateWebSocket(model, { backend: { errorMessage } })).selected).toBe(selected);
  });

  test('an unsafe key the linear-time matcher cannot run is a clear error', () => {
    const unsafe = webSocketModel('AWS', 'lambda', [{ IntegrationResponseKey: '/(a+)+(?!b)/' }]);
    expect(() => simulateWebSocket(unsafe, { backend: { errorMessage: A40_BANG } })).toThrow(/^response key '\/\(a\+\)\+\(\?!b\)\/' cannot be simulated for an input of 41 characters/);
  });
});

describe('VTL regular expression methods never hang', () => {
  const call = (target: string, name: string, ...args: unknown[]) => timed(() => javaMethod(target, name)!(...args));

  test('matches', () => {
    expect(call(A40_BANG, 'matches', '(a+)+$')).toBe(false);
    expect(call(A40, 'matches', '(a|aa)+')).toBe(true);
  });

  test('replaceAll and replaceFirst find the same matches and groups as a backtracking engine', () => {
    const s = `${A40_BANG} ${A40}b`;
    expect(call(s, 'replaceAll', '((a|aa)+)+b', '<$1|$2>')).toBe(`${A40_BANG} <${A40}|a>`);
    expect(call(s, 'replaceFirst', '(a+)+!', '[$1]')).toBe(`[${A40}] ${A40}b`);
    expect(call('x'.repeat(20000), 'replaceAll', '(x+x+)+y', '-')).toBe('x'.repeat(20000));
    expect(call('ab ab', 'replaceAll', '(a|b|ab)*', '.')).toBe('.. ..');
  });

  test('split', () => {
    expect(call(`${A40},${A40}!,b`, 'split', '(?:(?:a|aa)+)+,')).toEqual(['', `${A40}!,b`]);
    expect(call(`1${'a'.repeat(30)}2`, 'split', '(?:a|aa)+')).toEqual(['1', '2']);
  });

  test('the linear-time engine gives what a backtracking engine gives where that one finishes', () => {
    const a12 = 'a'.repeat(12);
    const cases: Array<[string, string, string, string?]> = [
      [`${a12}! ${a12}b`, 'replaceAll', '((a|aa)+)+b', '<$1|$2>'],
      [`${a12}! ${a12}b`, 'replaceFirst', '(a+)+!', '[$1]'],
      ['ab abc', 'replaceAll', '(a|b|ab)*', '.'],
      [`${a12},${a12}!,b`, 'split', '((a|aa)+)+,'],
      [`x${a12}y${a12}`, 'split', '(?:a|aa)*?'],
    ];
    for (const [s, method, regex, replacement] of cases) {
      const native = method === 'split' ? s.split(new RegExp(regex))
        : s.replace(new RegExp(regex, method === 'replaceAll' ? 'g' : ''), replacement!);
      expect(call(s, method, regex, replacement)).toEqual(native);
    }
  });

  test('long strings are searched in linear time even with safe patterns', () => {
    const s = 'x'.repeat(200000);
    expect(call(s, 'replaceAll', '.*NotFound.*', '')).toBe(s);
    expect((call(s, 'split', 'x*y') as string[]).length).toBe(1);
  });

  test('an unsafe regular expression the linear-time matcher cannot run is a clear error', () => {
    expect(() => call(A40_BANG, 'replaceAll', '(a+)+(?=b)', '')).toThrow(
      "regular expression '(a+)+(?=b)' can take a backtracking engine super-linear time on a string of 41 characters, and the linear-time " +
      'matcher cannot run it (it uses a look-ahead, a back-reference, a multi-line $ or a repetition count over 1,000); simplify the regular expression');
    expect(() => call(A40_BANG, 'matches', '(a+)+(?=b)')).toThrow(/^regular expression '\(a\+\)\+\(\?=b\)' cannot be matched here: it can take/);
  });
});
