import { deepEqual } from '../../src/util/deep-equal';

test('compares plain values structurally, and nothing else', () => {
  expect(deepEqual([1, 'a', null, { x: [true] }], [1, 'a', null, { x: [true] }])).toBe(true);
  expect(deepEqual([1], { 0: 1 })).toBe(false);
  expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  expect(deepEqual(new Date(0), new Date(0))).toBe(false);
});
