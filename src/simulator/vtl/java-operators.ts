import { javaToString, javaValueEquals } from './java-methods';
import { JavaDouble } from './java-values';

/**
 * Velocity 1.7's operators, where they differ from JavaScript's (measured against Velocity 1.7 by
 * `npm run oracle`):
 *
 * - a condition is true only for `true`, a reference that is neither null nor `false`, a
 *   comparison or a logical operation that holds; a literal (`1`, `"a"`, `[1]`) or an arithmetic
 *   result is never true, and `&&`, `||` and `!` give booleans;
 * - `<`, `>`, `<=` and `>=` compare numbers only (anything else is false);
 * - `==` is true for two nulls, compares numbers as numbers, values of one kind with Java's
 *   `equals`, and values of different kinds by their `toString()` (`"2" == 2`);
 * - arithmetic takes numbers only (else null), `+` joins text when either side is a string, `/`
 *   and `%` between integers are integer operations, and dividing by zero gives null.
 */

/** The JavaScript number of a Java number, `undefined` for other values. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (value instanceof JavaDouble) return value.value;
  return undefined;
}

function isDouble(value: unknown, literalDecimal: boolean): boolean {
  return literalDecimal || value instanceof JavaDouble || (typeof value === 'number' && !Number.isInteger(value));
}

/** `==`: two nulls are equal, numbers compare as numbers, values of one kind by `equals`, others by `toString()`. */
export function javaEquals(left: unknown, right: unknown): boolean {
  const absentLeft = left === undefined || left === null;
  const absentRight = right === undefined || right === null;
  if (absentLeft || absentRight) return absentLeft && absentRight;
  const a = numberOf(left);
  const b = numberOf(right);
  if (a !== undefined && b !== undefined) return a === b;
  if (sameKind(left, right)) return javaValueEquals(left, right);
  return javaToString(left) === javaToString(right);
}

function sameKind(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b);
  return typeof a === typeof b;
}

/** `<`, `>`, `<=`, `>=`: numbers only. */
export function javaCompare(operator: string, left: unknown, right: unknown): boolean {
  const a = numberOf(left);
  const b = numberOf(right);
  if (a === undefined || b === undefined) return false;
  switch (operator) {
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    default: return a >= b;
  }
}

/** One side of an arithmetic operation: its value, whether it is a decimal literal, its source text. */
export interface Operand {
  readonly value: unknown;
  readonly decimal: boolean;
  readonly text: string;
}

/** `+ - * / %` as Velocity 1.7 computes them; `undefined` is Velocity's null. */
export function javaArithmetic(operator: string, left: Operand, right: Operand): unknown {
  if (operator === '+' && (typeof left.value === 'string' || typeof right.value === 'string')) {
    // Velocity writes a null operand of a string join as it is written.
    const side = (o: Operand) => o.value === undefined || o.value === null ? o.text : javaToString(o.value);
    return side(left) + side(right);
  }
  const a = numberOf(left.value);
  const b = numberOf(right.value);
  if (a === undefined || b === undefined) return undefined;
  const double = isDouble(left.value, left.decimal) || isDouble(right.value, right.decimal);
  let result: number;
  switch (operator) {
    case '+': result = a + b; break;
    case '-': result = a - b; break;
    case '*': result = a * b; break;
    case '/':
      if (b === 0) return undefined;
      result = double ? a / b : Math.trunc(a / b);
      break;
    case '%':
      if (b === 0) return undefined;
      result = a % b;
      break;
    default: return undefined;
  }
  return double && Number.isInteger(result) ? new JavaDouble(result) : result;
}
