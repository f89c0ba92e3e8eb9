import { markJsonList } from './json-lists';
import { SimulationError } from './simulation-error';

/**
 * How API Gateway reads a payload as JSON, for `$input.json`, `$input.path` and the
 * `integration.response.body.{path}` mapping expression. What the simulator does here, and the
 * evidence for it, is listed in docs/simulator.md ("Empty, null and non-JSON bodies").
 */

/** Nesting deeper than this is refused: no payload needs it, and deeper input would exhaust the stack. */
export const MAX_JSON_DEPTH = 500;

/** A payload that cannot be read as JSON where JSON is required. */
export class JsonBodyError extends SimulationError {
  constructor(message: string) {
    super(message);
    this.name = 'JsonBodyError';
  }
}

/**
 * JSON parsed so that a `__proto__` key stays an ordinary own key and never reaches a prototype,
 * refusing input nested deeper than `MAX_JSON_DEPTH` with a clear error.
 */
export function parseJsonSafely(text: string): unknown {
  const depth = nestingDepth(text);
  if (depth > MAX_JSON_DEPTH) {
    throw new JsonBodyError(`the JSON is nested ${depth} levels deep, more than the ${MAX_JSON_DEPTH} the simulator reads`);
  }
  return JSON.parse(text, (_key, value) => {
    if (Array.isArray(value)) return markJsonList(value);
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, '__proto__')) {
      const copy: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) Object.defineProperty(copy, k, { value: v, enumerable: true, writable: true, configurable: true });
      return copy;
    }
    return value;
  });
}

/**
 * The body as `$input` sees it: an empty body is the empty object (API Gateway renders
 * `$input.json('$')` of an empty payload as `{}`); JSON is parsed; other text is a JSON string
 * (`$input.json('$')` of `a=b` is `"a=b"`). Text that starts like an object or a list but is not
 * valid JSON is an error, as it is for API Gateway's parser.
 */
export function inputJson(body: string): unknown {
  const text = body.trim();
  if (text === '') return {};
  try {
    return parseJsonSafely(text);
  } catch (e) {
    if (e instanceof JsonBodyError || text.startsWith('{') || text.startsWith('[')) throw asBodyError(e);
    return body;
  }
}

/**
 * The body as the `integration.response.body.{path}` mapping expression reads it: an empty body is
 * the empty object, a body that starts like JSON (`{`, `[`, a quote) is parsed, other text reads
 * as an object with no fields (so every path is missing and the header is not sent).
 */
export function mappingJson(body: string): unknown {
  const text = body.trim();
  if (text === '' || !/^[{["']/.test(text)) return {};
  try {
    return parseJsonSafely(text);
  } catch (e) {
    if (e instanceof JsonBodyError || text.startsWith('{')) throw asBodyError(e);
    return {};
  }
}

function asBodyError(e: unknown): JsonBodyError {
  if (e instanceof JsonBodyError) return e;
  const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  return new JsonBodyError(`the integration response body is not valid JSON (${detail}), so API Gateway cannot map it and answers 500`);
}

/** The deepest nesting of `[` and `{` outside strings, found in one pass without recursion. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return deepest;
}
