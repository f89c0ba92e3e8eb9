import { Finding } from './finding';
import { BoundedCache } from '../util/bounded-cache';

/** How many distinct inputs a memo remembers unless told otherwise. */
const DEFAULT_LIMIT = 10_000;
/** How many distinct inputs one fingerprint may stand for before the memo stops comparing. */
const PER_FINGERPRINT = 8;

interface Remembered {
  readonly input: unknown;
  readonly findings: readonly Finding[];
}

/**
 * Findings memoized by what they were computed from. The rules are pure functions of plain values,
 * and an app repeats the same responses on many methods: checking them once is enough.
 *
 * Inputs are told apart in two steps: a cheap fingerprint the caller gives (the status codes and
 * patterns of a method, say), then, among the inputs remembered under that fingerprint, an exact
 * structural comparison. Serializing every input to compare it would cost as much as reading the
 * template again.
 */
export class FindingsMemo {
  private readonly byFingerprint: BoundedCache<string, Remembered[]>;

  /**
   * @param limit how many fingerprints to remember (the oldest are forgotten first)
   */
  constructor(limit = DEFAULT_LIMIT) {
    this.byFingerprint = new BoundedCache(limit);
  }

  /**
   * The findings for `input`: remembered, or computed by `check` and remembered.
   *
   * @param fingerprint a short string equal for equal inputs (different inputs may share one)
   */
  public get(input: unknown, check: () => readonly Finding[], fingerprint = ''): readonly Finding[] {
    const remembered = this.byFingerprint.get(fingerprint, () => []);
    for (const entry of remembered) {
      if (deepEqual(entry.input, input)) return entry.findings;
    }
    const findings = check();
    if (remembered.length < PER_FINGERPRINT) remembered.push({ input, findings });
    return findings;
  }
}

/** Whether two plain JSON-like values are equal, key order aside; ends at the first difference. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const list = b as unknown[];
    if (a.length !== list.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], list[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    if (!Object.prototype.hasOwnProperty.call(left, key)) continue;
    count++;
    if (!Object.prototype.hasOwnProperty.call(right, key) || !deepEqual(left[key], right[key])) return false;
  }
  for (const key in right) if (Object.prototype.hasOwnProperty.call(right, key)) count--;
  return count === 0;
}
