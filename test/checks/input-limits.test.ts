import { MAX_NESTING_DEPTH, tooDeepAt } from '../../src/checks/input-limits';

/** An array nesting `levels` levels (the outermost array counts as one). */
function nested(levels: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < levels; i++) value = [value];
  return value;
}

describe('tooDeepAt', () => {
  test('a value exactly at the limit passes, one level more is reported where it passes the limit', () => {
    expect(tooDeepAt(nested(MAX_NESTING_DEPTH))).toBeUndefined();
    const path = tooDeepAt(nested(MAX_NESTING_DEPTH + 1));
    expect(path).toBe('[0]'.repeat(MAX_NESTING_DEPTH));
  });

  test('objects count like arrays, and the path names their keys', () => {
    expect(tooDeepAt({ a: { b: nested(2) } }, 3)).toBe('a.b[0]');
    expect(tooDeepAt({ a: { b: nested(1) } }, 3)).toBeUndefined();
  });

  test('plain values and shallow wide trees pass', () => {
    expect(tooDeepAt('text')).toBeUndefined();
    expect(tooDeepAt(null)).toBeUndefined();
    expect(tooDeepAt(Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, [i, { v: i }]])))).toBeUndefined();
  });

  test('an object shared along 2^40 paths is measured once, by the exact walk once the quick one gives up', () => {
    let shared: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 40; i++) shared = { left: shared, right: shared };
    expect(tooDeepAt(shared)).toBeUndefined();
    expect(tooDeepAt(shared, 40)).toBe(`${'left.'.repeat(40)}leaf`.replace(/\.leaf$/, ''));
  });
});
