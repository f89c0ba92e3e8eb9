import { headerNameProblem } from './header-name';
import { parseBodyPath } from './json-path';
import { Parsed } from './mapping-expression';

/**
 * The grammar of HTTP API response parameter mapping (`AWS::ApiGatewayV2::Integration`
 * `ResponseParameters`): per status code, destinations such as `overwrite:header.X-Id` and the
 * values mapped to them (`$response.header.Id`, `${context.requestId}`, static text).
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html
 */

/** What a response parameter changes. */
export type HttpResponseDestination =
  | { readonly kind: 'statuscode' }
  | { readonly kind: 'header'; readonly action: HttpHeaderAction; readonly name: string };

/** How a header is changed. */
export type HttpHeaderAction = 'append' | 'overwrite' | 'remove';

const ACTIONS: readonly HttpHeaderAction[] = ['append', 'overwrite', 'remove'];

/** The destination of the status code. */
export const STATUS_CODE_DESTINATION = 'overwrite:statuscode';

/**
 * The status code destination as the API and CloudFormation references spell it ("The key must match
 * pattern <action>:<header>.<location> or overwrite.statuscode"): read as the developer guide's
 * colon form, so a template written from the reference is not reported.
 */
const REFERENCE_STATUS_CODE_DESTINATION = 'overwrite.statuscode';

/**
 * The destination a response parameter key names: `overwrite:statuscode`, or
 * `append|overwrite|remove:header.{name}`.
 */
export function parseHttpResponseDestination(key: string): Parsed<HttpResponseDestination> {
  if (key === STATUS_CODE_DESTINATION || key === REFERENCE_STATUS_CODE_DESTINATION) return { value: { kind: 'statuscode' } };
  const colon = key.indexOf(':');
  const action = key.slice(0, colon) as HttpHeaderAction;
  const target = key.slice(colon + 1);
  if (colon < 0 || !ACTIONS.includes(action)) {
    return { problem: `a destination is '${STATUS_CODE_DESTINATION}' or an action (append, overwrite, remove), ':' and 'header.{name}'` };
  }
  if (target === 'statuscode') return { problem: `the status code can only be overwritten ('${STATUS_CODE_DESTINATION}')` };
  if (!target.startsWith('header.')) {
    return { problem: `responses can change only headers ('${action}:header.{name}') and the status code ('${STATUS_CODE_DESTINATION}')` };
  }
  const name = target.slice('header.'.length);
  const problem = headerNameProblem(name);
  return problem ? { problem } : { value: { kind: 'header', action, name } };
}

/** A variable a response parameter value reads. */
export type HttpResponseVariable =
  | { readonly kind: 'responseHeader'; readonly name: string }
  | { readonly kind: 'responseBody'; readonly path?: string }
  | { readonly kind: 'context'; readonly name: string }
  | { readonly kind: 'stageVariable'; readonly name: string };

/** A response parameter value: static text around the variables it reads. */
export interface HttpResponseValue {
  /** The value in order: text as written, and the variables in between. */
  readonly parts: ReadonlyArray<string | HttpResponseVariable>;
  readonly variables: readonly HttpResponseVariable[];
  /** Whether the value is static text only. */
  readonly isStatic: boolean;
}

/**
 * The variables a response parameter value reads: the whole value is one variable
 * (`$response.header.Id`), or its `${...}` parts are (`${context.stage}-${response.header.Id}`),
 * or it is static text.
 */
export function parseHttpResponseValue(value: string): Parsed<HttpResponseValue> {
  if (value.startsWith('$') && !value.startsWith('${')) {
    const variable = parseHttpResponseVariable(value.slice(1));
    return variable.problem ? { problem: variable.problem } : { value: { parts: [variable.value!], variables: [variable.value!], isStatic: false } };
  }
  const parts: Array<string | HttpResponseVariable> = [];
  const variables: HttpResponseVariable[] = [];
  let from = 0;
  for (let at = value.indexOf('${'); at >= 0; at = value.indexOf('${', from)) {
    const end = value.indexOf('}', at);
    if (end < 0) return { problem: `the '\${' at position ${at + 1} is not closed by '}'` };
    const variable = parseHttpResponseVariable(value.slice(at + 2, end));
    if (variable.problem) return { problem: variable.problem };
    if (at > from) parts.push(value.slice(from, at));
    parts.push(variable.value!);
    variables.push(variable.value!);
    from = end + 1;
  }
  if (from < value.length) parts.push(value.slice(from));
  return { value: { parts, variables, isStatic: variables.length === 0 } };
}

const STAGE_VARIABLE = /^[A-Za-z0-9_]+$/;
const CONTEXT_VARIABLE = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

/** A variable of a response mapping value, written without its `$` (`response.header.Id`). */
export function parseHttpResponseVariable(text: string): Parsed<HttpResponseVariable> {
  if (text.startsWith('response.header.')) {
    const name = text.slice('response.header.'.length);
    const problem = headerNameProblem(name);
    return problem ? { problem } : { value: { kind: 'responseHeader', name } };
  }
  if (text === 'response.body') return { value: { kind: 'responseBody' } };
  if (text.startsWith('response.body.')) {
    // The same JSONPath subset as REST mappings: no recursive descent, no filters.
    const path = text.slice('response.body.'.length);
    const parsed = path.startsWith('.') ? { problem: "recursive descent '..' is not supported" } : parseBodyPath(path);
    return parsed.problem ? { problem: `the body path of '$${text}' is not valid: ${parsed.problem}` } : { value: { kind: 'responseBody', path } };
  }
  if (text.startsWith('context.')) {
    const name = text.slice('context.'.length);
    return CONTEXT_VARIABLE.test(name) ? { value: { kind: 'context', name } }
      : { problem: `'$context.${name}' is not a context variable name (letters, digits, '_' and '.')` };
  }
  if (text.startsWith('stageVariables.')) {
    const name = text.slice('stageVariables.'.length);
    return STAGE_VARIABLE.test(name) ? { value: { kind: 'stageVariable', name } }
      : { problem: 'stage variable names contain only letters, digits and underscores' };
  }
  if (text.startsWith('request.')) {
    return { problem: `'$${text}' is request data, which AWS does not list among the values of response mappings (map it in the request parameters)` };
  }
  return {
    problem: `'$${text}' is not among the values AWS lists for response mappings ($response.header.{name}, $response.body.{path}, ` +
      '$context.{name}, $stageVariables.{name}, or static text)',
  };
}

/** Headers HTTP API mappings cannot set, by name and by prefix (compared without case). */
const RESERVED_HEADERS = new Set([
  'authorization', 'connection', 'content-encoding', 'content-length', 'content-location', 'forwarded', 'keep-alive',
  'origin', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailers', 'transfer-encoding', 'upgrade',
  'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'via',
]);
const RESERVED_PREFIXES = ['access-control-', 'apigw-', 'x-amz-', 'x-amzn-'];

/**
 * Whether HTTP APIs reserve header `name`: "You can't configure request or response mappings for
 * these headers."
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html#http-api-mapping-reserved-headers
 */
export function isReservedHttpApiHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return RESERVED_HEADERS.has(lower) || RESERVED_PREFIXES.some(prefix => lower.startsWith(prefix));
}

/** Whether a reserved header is a CORS one, which an HTTP API sets from its CORS configuration. */
export function isCorsHeader(name: string): boolean {
  return name.toLowerCase().startsWith('access-control-');
}
