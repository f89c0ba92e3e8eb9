import * as fc from 'fast-check';
import { closestName } from '../../src/util/closest-name';

test('the likely misspelling: a letter missing, two letters swapped, another case', () => {
  const names = ['SelectionPattern', 'StatusCode', 'ResponseTemplates', 'ResponseParameters', 'ContentHandling'];
  expect(closestName('SelectionPatern', names)).toBe('SelectionPattern');
  expect(closestName('StatsuCode', names)).toBe('StatusCode');
  expect(closestName('statusCode', names)).toBe('StatusCode');
  expect(closestName('ResponseTemplate', names)).toBe('ResponseTemplates');
});

test('nothing when no name is close (at most a third of the name, at least two edits)', () => {
  expect(closestName('Zzzzzzzzzz', ['StatusCode'])).toBeUndefined();
  expect(closestName('Foo', ['Type'])).toBeUndefined();
  expect(closestName('Tpe', ['Type'])).toBe('Type');
  expect(closestName('x', [])).toBeUndefined();
});

test('a very long name is compared in time bounded by the allowed distance', () => {
  expect(closestName('A'.repeat(20_000), ['StatusCode', 'A'.repeat(19_999)])).toBe('A'.repeat(19_999));
});

/** The textbook optimal string alignment distance, in full, to check the banded one against. */
function naiveDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (__, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

test('agrees with the full computation on whether a name is close enough', () => {
  fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 14 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 14 }), (name, candidate) => {
    const allowed = Math.min(8, Math.max(2, Math.floor(name.length / 3)));
    expect(closestName(name, [candidate]) === candidate).toBe(naiveDistance(name, candidate) <= allowed);
  }), { seed: 20261202, numRuns: 2000 });
});
