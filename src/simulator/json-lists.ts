/**
 * Lists read from JSON (a body, `$util.parseJson`, a JSONPath with a wildcard). API Gateway renders
 * them as JSON (`[{"c":5}]`), not as Java's `[{c=5}]`: its JSONPath (Jayway) builds json-smart
 * JSONArrays, which print themselves as JSON, and LinkedHashMaps for objects, which print the Java
 * way (LocalStack reproduces this in its AWS-validated VTL; docs/simulator.md).
 */
const jsonLists = new WeakSet<object>();

/** Marks `list` as read from JSON. */
export function markJsonList<T extends unknown[]>(list: T): T {
  jsonLists.add(list);
  return list;
}

/** Whether `list` was read from JSON. */
export function isJsonList(list: unknown[]): boolean {
  return jsonLists.has(list);
}
