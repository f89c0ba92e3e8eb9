import { JSONPath } from 'jsonpath-plus';
import { markJsonList } from './json-lists';
import { SimulationError } from './simulation-error';

/**
 * Evaluates a JSONPath against a parsed JSON value the way API Gateway's JSONPath does: a definite
 * path (`$.a.b[0]`) gives one value or `undefined`; an indefinite one (wildcards, `..`, filters,
 * unions, slices) gives a list. Filters are evaluated by jsonpath-plus's own safe evaluator, never
 * by JavaScript `eval`.
 */
export function evaluateJsonPath(json: unknown, path: string): unknown {
  const normalized = path.startsWith('$') ? path : `$.${path}`;
  let segments: string[];
  let matches: unknown[];
  try {
    segments = JSONPath.toPathArray(normalized);
    // A filter that meets a null element (`$[?(@.a)]` on `[null]`) skips it, as Java's JsonPath does.
    matches = json === null || typeof json !== 'object'
      ? (normalized === '$' ? [json] : [])
      : JSONPath({ path: normalized, json: json as object, wrap: true, eval: 'safe', ignoreEvalErrors: true }) as unknown[];
  } catch (e) {
    throw new SimulationError(`JSONPath '${path}' cannot be evaluated: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
  }
  const indefinite = segments.some(s => s === '*' || s === '..' || s.startsWith('?(') || s.includes(',') || s.includes(':'));
  if (indefinite) return markJsonList(matches);
  return matches.length === 0 ? undefined : matches[0];
}
