import * as fc from 'fast-check';
import { compileJavaPattern } from '../../src/grammar/java-pattern';
import oracle from '../fixtures/java-pattern-oracle.json';

// The oracle was produced by java.util.regex itself (scripts/java-oracle/generate.js).
describe('agrees with java.util.regex', () => {
  const supported = oracle.cases.filter(c => {
    const result = compileJavaPattern(c.pattern);
    return result.ok || result.reason === 'invalid';
  });

  test.each(oracle.cases.filter(c => !c.valid).map(c => [c.pattern]))('rejects %j like Java does', pattern => {
    const result = compileJavaPattern(pattern);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe('invalid');
  });

  test.each(supported.filter(c => c.valid).map(c => [c.pattern, c.matches]))('%j matches exactly the inputs Java matches', (pattern, expected) => {
    const result = compileJavaPattern(pattern);
    if (!result.ok) throw new Error(`expected ${pattern} to compile: ${result.detail}`);
    expect(oracle.inputs.filter(input => result.matches(input))).toEqual(expected);
  });

  test('Java-only syntax is reported as unsupported, never as invalid', () => {
    const unsupported = oracle.cases.filter(c => c.valid && !compileJavaPattern(c.pattern).ok);
    expect(unsupported.map(c => c.pattern)).toEqual(['a*+', '(?>a|ab)', '\\p{Alpha}+', '[a-z&&[^b]]+', '(?x) a b', 'a(?i)b']);
  });
});

describe('whole-string semantics', () => {
  test('a pattern must match the whole string, not a prefix', () => {
    const result = compileJavaPattern('NotFound');
    expect(result.ok && result.matches('NotFound: item 3')).toBe(false);
  });

  test('alternatives are tried until the whole string matches', () => {
    const result = compileJavaPattern('a|ab');
    expect(result.ok && result.matches('ab')).toBe(true);
  });

  test('the m flag does not turn the whole-string match into a per-line match', () => {
    const result = compileJavaPattern('(?m)a');
    expect(result.ok && result.matches('a\nb')).toBe(false);
  });
});

describe('robustness', () => {
  test('any string compiles or is refused, never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), pattern => {
      const result = compileJavaPattern(pattern);
      expect(typeof result.ok).toBe('boolean');
      if (result.ok) expect(typeof result.matches('x')).toBe('boolean');
    }), { numRuns: 2000 });
  });

  test('regex-looking strings compile or are refused, never throw', () => {
    const atoms = fc.constantFrom('a', '.', '\\d', '\\', '(', ')', '[', ']', '{', '}', '*', '+', '?', '|', '^', '$', '2', ',', '-', '&', 'Q', 'E', 'x');
    fc.assert(fc.property(fc.array(atoms, { maxLength: 20 }).map(a => a.join('')), pattern => {
      expect(typeof compileJavaPattern(pattern).ok).toBe('boolean');
    }), { numRuns: 3000 });
  });

  test('status patterns built from digits, classes and alternatives always compile', () => {
    const digit = fc.constantFrom('\\d', '[0-9]', '[1-5]', '4', '0', '.');
    const code = fc.tuple(digit, digit, digit).map(d => d.join(''));
    fc.assert(fc.property(fc.array(code, { minLength: 1, maxLength: 4 }), codes => {
      const result = compileJavaPattern(codes.join('|'));
      expect(result.ok).toBe(true);
    }));
  });
});
