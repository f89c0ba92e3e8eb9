/**
 * Lists read from JSON (a body, `$util.parseJson`, a JSONPath with a wildcard). API Gateway renders
 * them as JSON (`[{"c":5}]`), not as Java's `[{c=5}]`: its JSONPath (Jayway) builds json-smart
 * JSONArrays, which print themselves as JSON, and LinkedHashMaps for objects, which print the Java
 * way (LocalStack reproduces this in its AWS-validated VTL; docs/simulator.md).
 *
 * The mark is a non-enumerable symbol on the list itself rather than a module-level registry, so
 * the simulator keeps no state between simulations.
 */
const FROM_JSON = Symbol('cdk-integration-responses.json-list');

/** Marks `list` as read from JSON. */
export function markJsonList<T extends unknown[]>(list: T): T {
  Object.defineProperty(list, FROM_JSON, { value: true, enumerable: false });
  return list;
}

/** Whether `list` was read from JSON. */
export function isJsonList(list: unknown[]): boolean {
  return Object.prototype.hasOwnProperty.call(list, FROM_JSON);
}
