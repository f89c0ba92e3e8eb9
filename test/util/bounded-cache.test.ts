import { BoundedCache } from '../../src/util/bounded-cache';
import { derived } from '../../src/util/derived';

test('computes a value once, and remembers undefined as a value too', () => {
  const cache = new BoundedCache<string, number | undefined>(10);
  const compute = jest.fn(() => undefined);
  expect(cache.get('a', compute)).toBeUndefined();
  expect(cache.get('a', compute)).toBeUndefined();
  expect(compute).toHaveBeenCalledTimes(1);
});

test('holds at most its limit, forgetting the oldest entry first', () => {
  const cache = new BoundedCache<number, number>(3);
  const compute = jest.fn((n: number) => n * 2);
  for (const n of [1, 2, 3, 4]) cache.get(n, () => compute(n));
  expect(cache.size).toBe(3);
  cache.get(2, () => compute(2));
  cache.get(1, () => compute(1));
  expect(compute.mock.calls.map(([n]) => n)).toEqual([1, 2, 3, 4, 1]);
});

describe('derived', () => {
  test('computes once per object and keeps the value on it, not enumerable', () => {
    const key = Symbol('k');
    const a = {};
    const compute = jest.fn(() => ({ n: 1 }));
    const first = derived(a, key, compute);
    expect(derived(a, key, compute)).toBe(first);
    expect(derived({}, key, compute)).not.toBe(first);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(Object.keys(a)).toEqual([]);
  });
});
