import { Finding } from './finding';

/**
 * Findings memoized by the JSON of what they were computed from. The rules are pure functions of
 * plain values, and an app repeats the same responses on many methods: checking them once is
 * enough. Inputs that cannot be serialized are checked every time.
 */
export class FindingsMemo {
  private readonly byInput = new Map<string, readonly Finding[]>();

  /**
   * @param limit how many inputs to remember before starting over
   */
  constructor(private readonly limit = Number.POSITIVE_INFINITY) {}

  /** The findings for `input`: remembered, or computed by `check` and remembered. */
  public get(input: unknown, check: () => readonly Finding[]): readonly Finding[] {
    let key: string;
    try {
      key = JSON.stringify(input);
    } catch {
      return check();
    }
    let findings = this.byInput.get(key);
    if (findings === undefined) {
      findings = check();
      if (this.byInput.size >= this.limit) this.byInput.clear();
      this.byInput.set(key, findings);
    }
    return findings;
  }
}
