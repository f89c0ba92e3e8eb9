/** A copy of `object` without its keys whose value is `undefined` (what JSON would drop anyway). */
export function withoutUndefined(object: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(object)) if (object[key] !== undefined) result[key] = object[key];
  return result;
}
