import { boundedNfa, transitionsOf } from '../../src/grammar/bounded-nfa';
import { CompiledPattern, compileJavaPattern } from '../../src/grammar/java-pattern';
import { findOverlap } from '../../src/grammar/pattern-overlap';
import { checkIntegrationResponses } from '../../src/rules/rest-integration-responses';
import { cpuTime } from '../support/cpu-time';

const optionalRun = (n: number) => '(?:a)?'.repeat(n);

describe('automata stay small', () => {
  test('ordinary patterns get an automaton', () => {
    for (const source of ['.*NotFound.*', '5\\d{2}', 'a{0,300}', '(.*){1,32000}[bc]', optionalRun(40)]) {
      expect(boundedNfa(source, 's')).toBeDefined();
    }
  });

  test('a run of optional items, with a quadratic number of transitions, gets none', () => {
    // 60 optional items make 1,830 transitions, 100 make 5,050: past the bound of 4,000.
    expect(transitionsOf(boundedNfa(optionalRun(60), 's')!)).toBe(1830);
    // This fails if refa stops linking states through Node.link, where the bound is counted.
    expect(boundedNfa(optionalRun(100), 's')).toBeUndefined();
    const { millis, result } = cpuTime(() => boundedNfa(optionalRun(1600), 's'));
    expect(result).toBeUndefined();
    expect(millis).toBeLessThan(1000);
  });
});

// Found by the robustness run on seed 166891578: 413 optional groups beside a second Lambda
// pattern took 2.3 s of CPU in TemplateChecker.check, nearly all of it building a DFA.
describe('overlaps of a pattern with hundreds of optional groups', () => {
  const compiled = (source: string) => compileJavaPattern(source) as CompiledPattern;

  test.each([413, 1600])('%i groups are not compared, at once, and the finding says so', n => {
    const responses = [{ StatusCode: '200' }, { StatusCode: '400', SelectionPattern: optionalRun(n) }, { StatusCode: '401', SelectionPattern: '/4\\d\\d/' }];
    const { millis, result } = cpuTime(() => checkIntegrationResponses(responses, 'lambda', 'R'));
    expect(result.map(f => f.ruleId)).toEqual(['rest-lambda-pattern-matches-success', 'rest-selection-pattern-unchecked']);
    expect(result[1].message).toMatch(/^selection pattern '\(\?:a\)\?.{34}…' \(400\) was not compared with the other selection patterns for overlaps/);
    // A guard, not a benchmark: about 0.1 s alone, 2.3 s before the bound.
    expect(millis).toBeLessThan(1000);
  });

  test('patterns below the bound are still compared', () => {
    expect(findOverlap(compiled(optionalRun(40)), compiled('a{0,40}'), 'lambda')).toMatchObject({ firstInSecond: true, secondInFirst: true });
  });
});
