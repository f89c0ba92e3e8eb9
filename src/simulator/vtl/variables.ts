import { inputJson, parseJsonSafely } from '../json-body';
import { evaluateJsonPath } from '../json-path';
import { javaJson, javaToString } from './java-methods';
import { exposeMethods } from './sandbox';
import { TemplateError } from './template-error';

/**
 * What a mapping template sees of the request, besides the integration response body.
 */
export interface TemplateRequest {
  /** Method request parameters by location (`path`, `querystring`, `header`). */
  readonly params: Record<string, Record<string, string>>;
}

/**
 * `$input`: the integration response body (`$input.body`, raw), JSONPath over it (`$input.json`,
 * `$input.path`) and the method request parameters (`$input.params`).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#input-variable-reference
 */
export function inputVariable(body: string, request: TemplateRequest): Record<string, unknown> {
  let json: { value?: unknown } | undefined;
  const parsedBody = () => {
    json ??= { value: inputJson(body) };
    return json.value;
  };
  const select = (path: unknown) => evaluateJsonPath(parsedBody(), String(path));
  return exposeMethods({
    // An empty payload reads as {} here too (docs/simulator.md).
    body: body.trim() === '' ? '{}' : body,
    // Nothing at the path (or null) renders as a JSON empty string, "" (a deployed API's output).
    // Numbers are written as Java writes them (`1.0E-7`): the JSON is Java values written again.
    json: (path: unknown) => {
      const value = select(path);
      return value === undefined || value === null ? '""' : javaJson(value);
    },
    // Nothing at the path (or null) is a null reference: it renders as nothing, a method called on
    // it is null too, and it is not equal to ''.
    path: (path: unknown) => select(path) ?? undefined,
    params: (name?: unknown) => {
      if (name === undefined) return allParams(request);
      for (const location of PARAM_LOCATIONS) {
        const values = ownEntries(request.params, location) ?? {};
        if (Object.prototype.hasOwnProperty.call(values, String(name))) return values[String(name)];
      }
      return '';
    },
  });
}

const PARAM_LOCATIONS = ['path', 'querystring', 'header'];

function ownEntries(params: TemplateRequest['params'], location: string): Record<string, string> | undefined {
  return Object.prototype.hasOwnProperty.call(params, location) ? params[location] : undefined;
}

/**
 * `$input.params()`: every location API Gateway has (path, querystring, header), empty when the
 * request has none, as copies a template cannot change the caller's input through.
 */
function allParams(request: TemplateRequest): Record<string, Record<string, string>> {
  const copy = (values: Record<string, string> | undefined) => Object.fromEntries(Object.entries(values ?? {}));
  const all: Record<string, Record<string, string>> = {};
  for (const location of PARAM_LOCATIONS) all[location] = copy(ownEntries(request.params, location));
  for (const location of Object.keys(request.params)) {
    if (!PARAM_LOCATIONS.includes(location)) all[location] = copy(request.params[location]);
  }
  return all;
}

const FORM_SAFE = /[A-Za-z0-9.\-*_]/;

/** `java.net.URLEncoder.encode(s, "UTF-8")`: form encoding, space as `+`. */
export function urlEncode(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === ' ') out += '+';
    else if (FORM_SAFE.test(ch)) out += ch;
    else out += [...Buffer.from(ch, 'utf8')].map(b => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

/** `java.net.URLDecoder.decode(s, "UTF-8")`: `+` is a space. */
export function urlDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new TemplateError(`'${text}' is not a valid URL-encoded string`);
  }
}

/**
 * `$util.escapeJavaScript`: escapes a string for a JavaScript string literal, as Apache Commons
 * Lang's `StringEscapeUtils.escapeJavaScript` does (so `'` becomes `\'`, which JSON does not allow).
 */
export function escapeJavaScript(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = text.charCodeAt(i);
    const escaped = JS_ESCAPES[ch];
    if (escaped !== undefined) out += escaped;
    else if (code < 0x20 || code > 0x7f) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

const JS_ESCAPES: Record<string, string> = {
  '"': '\\"', "'": "\\'", '\\': '\\\\', '/': '\\/', '\b': '\\b', '\n': '\\n', '\t': '\\t', '\f': '\\f', '\r': '\\r',
};

/**
 * `java.util.Base64.getDecoder().decode(s)` as UTF-8: the basic alphabet only, padding optional,
 * anything else (a space, a URL-safe `-`, a lone final character) is an error, as it is in Java.
 */
export function base64Decode(text: string): string {
  const unpadded = text.replace(/={1,2}$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(unpadded) || unpadded.length % 4 === 1) {
    throw new TemplateError(`$util.base64Decode: '${text.length > 40 ? `${text.slice(0, 40)}...` : text}' is not base64`);
  }
  return Buffer.from(unpadded, 'base64').toString('utf8');
}

/**
 * `$util`: the helper functions API Gateway provides to mapping templates.
 */
export function utilVariable(): Record<string, unknown> {
  const text = (value: unknown) => typeof value === 'string' ? value : javaToString(value);
  // The Java methods behind $util fail on null (a NullPointerException), except escapeJavaScript,
  // which answers null.
  const required = (name: string, value: unknown) => {
    if (value === undefined || value === null) throw new TemplateError(`$util.${name} of null`);
    return text(value);
  };
  return exposeMethods({
    escapeJavaScript: (value: unknown) => value === undefined || value === null ? undefined : escapeJavaScript(text(value)),
    parseJson: (value: unknown) => {
      const json = required('parseJson', value);
      try {
        return parseJsonSafely(json);
      } catch (e) {
        throw new TemplateError(`$util.parseJson: ${(e instanceof Error ? e.message : String(e))}`);
      }
    },
    urlEncode: (value: unknown) => urlEncode(required('urlEncode', value)),
    urlDecode: (value: unknown) => urlDecode(required('urlDecode', value)),
    base64Encode: (value: unknown) => Buffer.from(required('base64Encode', value), 'utf8').toString('base64'),
    base64Decode: (value: unknown) => base64Decode(required('base64Decode', value)),
  });
}
