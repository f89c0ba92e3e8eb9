import { Finding } from './finding';
import { BoundedCache } from '../util/bounded-cache';

/** How many distinct inputs a memo remembers unless told otherwise. */
const DEFAULT_LIMIT = 10_000;

/**
 * Findings memoized by the JSON of what they were computed from. The rules are pure functions of
 * plain values, and an app repeats the same responses on many methods: checking them once is
 * enough. Inputs that cannot be serialized are checked every time.
 */
export class FindingsMemo {
  private readonly byInput: BoundedCache<string, readonly Finding[]>;

  /**
   * @param limit how many inputs to remember (the oldest are forgotten first)
   */
  constructor(limit = DEFAULT_LIMIT) {
    this.byInput = new BoundedCache(limit);
  }

  /** The findings for `input`: remembered, or computed by `check` and remembered. */
  public get(input: unknown, check: () => readonly Finding[]): readonly Finding[] {
    let key: string;
    try {
      key = JSON.stringify(input);
    } catch {
      return check();
    }
    return this.byInput.get(key, check);
  }
}
