import * as fc from 'fast-check';
import { automatonMatcher } from '../../src/grammar/automaton-match';
import { compileJavaPattern } from '../../src/grammar/java-pattern';
import { linearMatcher, withoutEdgeAnchors } from '../../src/grammar/linear-match';
import { re2Pattern } from '../../src/grammar/re2-syntax';
import oracle from '../fixtures/java-pattern-oracle.json';
import { cpuTime } from '../support/cpu-time';

const compiledCases = oracle.cases.flatMap(c => {
  const result = compileJavaPattern(c.pattern);
  return c.valid && result.ok ? [{ ...c, source: result.source, flags: result.flags }] : [];
});

// Both linear-time engines must give java.util.regex's answers wherever they run a pattern.
describe('agrees with java.util.regex', () => {
  test.each(compiledCases.map(c => [c.pattern, c]))('the automaton of %j matches what Java matches', (_, c) => {
    const matcher = automatonMatcher(withoutEdgeAnchors(c.source), c.flags);
    if (matcher) expect(oracle.inputs.filter(matcher)).toEqual(c.matches);
  });

  test.each(compiledCases.map(c => [c.pattern, c]))('re2js runs %j as Java does', (_, c) => {
    const re2 = re2Pattern(c.source, c.flags);
    if (re2) expect(oracle.inputs.filter(input => re2.matches(input))).toEqual(c.matches);
  });

  test('most patterns get an automaton, and every one without assertions or back-references does', () => {
    const without = compiledCases.filter(c => automatonMatcher(withoutEdgeAnchors(c.source), c.flags) === undefined).map(c => c.pattern);
    expect(without.length).toBeLessThan(compiledCases.length / 4);
    for (const pattern of without) expect(pattern).toMatch(/\\b|\\B|\(\?[=!<]|\\[1-9k]|.\^|\$./);
  });
});

describe('agrees with the RegExp on generated patterns and inputs', () => {
  const atom = fc.constantFrom('a', 'b', '.', '[ab]', '[^a]', '\\d', '\\s', '\\w', '(a|ab)', '(?:b|)', 'a*', 'b+?', '(a+)+', '(?:a|b){2,3}', '\\b', '^', '$');
  const pattern = fc.array(atom, { minLength: 1, maxLength: 6 }).map(parts => parts.join(''));
  const input = fc.string({ unit: fc.constantFrom('a', 'b', '1', ' ', '\n', 'é'), maxLength: 12 });

  test('the automaton and re2js give the RegExp\'s whole-string answer', () => {
    fc.assert(fc.property(pattern, fc.array(input, { maxLength: 8 }), (source, inputs) => {
      const regex = new RegExp(`^(?:${source})$`);
      const automaton = automatonMatcher(withoutEdgeAnchors(source), '');
      const re2 = re2Pattern(source, '');
      for (const s of inputs) {
        if (automaton) expect(automaton(s)).toBe(regex.test(s));
        if (re2) expect(re2.matches(s)).toBe(regex.test(s));
      }
    }), { numRuns: 300 });
  });

  test('in multi-line mode ^ also follows \\r, \\u2028 and \\u2029 on re2js', () => {
    const re2 = re2Pattern('(?:a|b)+\\n^c|x\\r^c|y\\u2028^c', 'm')!;
    // Sticky and nothing after: a whole-string match that the m flag does not turn into a per-line one.
    const regex = /(?:(?:a|b)+\n^c|x\r^c|y\u2028^c)(?![\s\S])/my;
    for (const s of ['ab\nc', 'x\rc', 'y\u2028c', 'abc', 'xc']) {
      regex.lastIndex = 0;
      expect(re2.matches(s)).toBe(regex.test(s));
    }
  });

  test('case-insensitive and dot-all flags are honoured', () => {
    for (const flags of ['i', 's', 'is']) {
      const matcher = linearMatcher('x', 'a.B', flags)!;
      const regex = new RegExp('^(?:a.B)$', flags);
      for (const s of ['aXb', 'A\nB', 'a\nb', 'AxB', 'ab']) expect(matcher(s)).toBe(regex.test(s));
    }
  });
});

describe('linear time', () => {
  test('patterns that backtrack exponentially are answered at once, for very long inputs too', () => {
    const { millis } = cpuTime(() => {
      const matcher = linearMatcher('(a+)+$', '(a+)+$', '')!;
      expect(matcher('a'.repeat(100000) + '!')).toBe(false);
      expect(matcher('a'.repeat(100000))).toBe(true);
      const withBoundary = linearMatcher('\\b(a|aa)+\\b', '\\b(a|aa)+\\b', '')!;
      expect(withBoundary('a'.repeat(50000) + '!')).toBe(false);
    });
    expect(millis).toBeLessThan(1000);
  });

  test('large repetition counts need no large automaton', () => {
    expect(linearMatcher('(.*){1,32000}[bc]', '(.*){1,32000}[bc]', '')!('a'.repeat(1000) + 'c')).toBe(true);
  });

  test('look-aheads and back-references have no linear-time matcher', () => {
    expect(linearMatcher('(?=a)a+', '(?=a)a+', '')).toBeUndefined();
    expect(linearMatcher('(a+)\\1', '(a+)\\1', '')).toBeUndefined();
    // A group with finitely many words is no obstacle: (a)\1 is aa.
    expect(linearMatcher('(a)\\1', '(a)\\1', '')!('aa')).toBe(true);
  });
});
