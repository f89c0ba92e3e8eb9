/** Java values a JavaScript value cannot stand for. */

/**
 * A number Java holds as a `double` although its value is whole: Velocity's `2.5 * 2` is `5.0`, and
 * renders so, where a JavaScript number would print `5`. Only arithmetic makes these; other
 * numbers are JavaScript numbers, a whole one read as a Java integer.
 */
export class JavaDouble {
  constructor(readonly value: number) {}
}

/** A number as Java's `Double.toString` writes it: `5.0`, `0.5`, `1.0E-7`, `1.5E10`. */
export function javaDoubleText(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity';
  const abs = Math.abs(n);
  if (n === 0 || (abs >= 1e-3 && abs < 1e7)) return Number.isInteger(n) ? `${n === 0 && Object.is(n, -0) ? '-0' : n}.0` : String(n);
  const [mantissa, exponent] = n.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/**
 * A Java `char`, what `String.charAt` returns: it renders as its character but is not a string, so
 * `$s.charAt(0).startsWith("a")` is a method Velocity does not find (null).
 */
export class JavaChar {
  constructor(readonly value: string) {}
}

/** A `Map.Entry`, what `entrySet()` holds: `$e.key` and `$e.value` read it, and it renders as `key=value`. */
export class JavaEntry {
  constructor(readonly key: string, readonly value: unknown) {}
}

/**
 * What a map's `keySet()`, `values()` and `entrySet()` return: a Java collection that is no list,
 * so it has no `get`, `indexOf` or `count` (Velocity finds no such method: null).
 */
export class JavaCollection<T> extends Array<T> {}
