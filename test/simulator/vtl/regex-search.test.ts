import * as fc from 'fast-check';
import { compileJavaPattern, CompiledPattern } from '../../../src/grammar/java-pattern';
import { re2Pattern } from '../../../src/grammar/re2-syntax';
import { allMatches, re2Searcher, RegexMatch, regexSearcher, splitWith } from '../../../src/simulator/vtl/regex-search';

const compiled = (pattern: string): CompiledPattern => {
  const result = compileJavaPattern(pattern);
  if (!result.ok) throw new Error(result.detail);
  return result;
};

const re2 = (pattern: CompiledPattern, s: string) => re2Searcher(re2Pattern(pattern.source, pattern.flags)!, s);

describe('one search algorithm for both engines', () => {
  const atom = fc.constantFrom('a', 'b', ',', '.', '[ab]', '(a)', '(b|)', 'a*', 'b?', '(?:ab)+', 'a*?', '\\b', '$', '^');
  const regex = fc.array(atom, { minLength: 1, maxLength: 4 }).map(parts => parts.join(''));
  const text = fc.string({ unit: fc.constantFrom('a', 'b', ',', ' '), maxLength: 12 });

  test('splitWith splits as String.prototype.split does, with either engine', () => {
    fc.assert(fc.property(regex, text, (source, s) => {
      const pattern = compiled(source);
      const native = s.split(new RegExp(pattern.source, pattern.flags));
      expect(splitWith(regexSearcher(pattern, s), s)).toEqual(native);
      expect(splitWith(re2(pattern, s), s)).toEqual(native);
    }), { numRuns: 500 });
  });

  test('allMatches steps as a global RegExp does, with either engine', () => {
    fc.assert(fc.property(regex, text, (source, s) => {
      const pattern = compiled(source);
      const native = [...s.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))].map(m => [m.index, m[0], m[1]]);
      const spans = (find: (from: number) => RegexMatch | undefined) =>
        [...allMatches(find, s.length, true)].map(m => [m.index, s.slice(m.index, m.end), m.group(1)]);
      expect(spans(regexSearcher(pattern, s))).toEqual(native);
      expect(spans(re2(pattern, s))).toEqual(native);
    }), { numRuns: 500 });
  });
});
