import { Finding } from './finding';
import { BoundedCache } from '../util/bounded-cache';
import { deepEqual } from '../util/deep-equal';

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
