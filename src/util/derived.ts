/**
 * A value derived from an immutable object, computed once and kept on the object itself (under a
 * symbol, not enumerable), so it lives exactly as long as the object and no module holds state.
 *
 * @param object the object the value is derived from (it must not change)
 * @param key the symbol naming the derived value
 * @param compute how to derive it
 */
export function derived<T>(object: object, key: symbol, compute: () => T): T {
  const holder = object as Record<symbol, { value: T } | undefined>;
  const kept = holder[key];
  if (kept !== undefined) return kept.value;
  const value = compute();
  Object.defineProperty(object, key, { value: { value } });
  return value;
}
