/**
 * A cache of computed values that holds at most `limit` entries, dropping the oldest to make
 * room. The library's caches (compiled patterns, pattern analyses, findings of repeated responses,
 * parsed templates) all use it, so none grows without bound in a long-running process such as a
 * test runner or a watch mode.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  /**
   * @param limit how many entries to keep
   */
  constructor(private readonly limit: number) {}

  /** The value for `key`: remembered, or computed by `compute` and remembered. */
  public get(key: K, compute: () => V): V {
    if (this.entries.has(key)) return this.entries.get(key) as V;
    const value = compute();
    if (this.entries.size >= this.limit) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
    return value;
  }

  /** How many entries the cache holds. */
  public get size(): number {
    return this.entries.size;
  }
}
