import { mappingJson } from './json-body';
import { evaluateJsonPath } from './json-path';
import { SimulationError } from './simulation-error';
import { BackendResult, SimulationInput } from './types';
import { ResponseSource } from '../grammar/mapping-expression';
import { MatchTarget } from '../grammar/match-target';
import { javaToString } from './vtl/java-methods';
import { inputVariable, utilVariable } from './vtl/variables';

/** REST and WebSocket payloads are at most 10 MB; larger backend bodies are refused. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * `$context` values the simulator provides unless the input says otherwise: deterministic, so
 * tests that render them are stable.
 */
export const DEFAULT_CONTEXT: Readonly<Record<string, string>> = {
  'accountId': '123456789012',
  'apiId': 'simulated',
  'domainName': 'simulated.execute-api.us-east-1.amazonaws.com',
  'extendedRequestId': 'simulated-extended-request-id',
  'httpMethod': 'GET',
  'identity.sourceIp': '127.0.0.1',
  'identity.userAgent': 'cdk-integration-responses-simulator',
  'path': '/test/',
  'protocol': 'HTTP/1.1',
  'requestId': '00000000-0000-4000-8000-000000000000',
  'requestTime': '01/Jan/2026:00:00:00 +0000',
  'requestTimeEpoch': '1767225600000',
  'resourcePath': '/',
  'stage': 'test',
};

/**
 * The backend result as a template and the header mappings see it.
 */
export interface IntegrationResult {
  readonly body: string;
  readonly isBase64Encoded: boolean;
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly multiValueHeaders: Readonly<Record<string, readonly string[]>>;
}

/**
 * The backend result of `input`, once its shape is the one `SimulationInput` declares: JavaScript
 * callers are not held to the types, and a wrong shape gets a clear error instead of a `TypeError`.
 */
export function backendOf(input: SimulationInput): BackendResult {
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(input) || !isObject(input.backend)) throw new SimulationError('the input must be an object with a backend object');
  const backend = input.backend as unknown as Record<string, unknown>;
  const expect = (key: string, ok: (v: unknown) => boolean, what: string) => {
    if (backend[key] !== undefined && !ok(backend[key])) throw new SimulationError(`backend.${key} must be ${what}`);
  };
  const isString = (v: unknown) => typeof v === 'string';
  expect('statusCode', v => typeof v === 'number', 'a number');
  expect('headers', v => isObject(v) && Object.values(v).every(isString), 'an object of strings');
  expect('multiValueHeaders', v => isObject(v) && Object.values(v).every(l => Array.isArray(l) && l.every(isString)), 'an object of string lists');
  expect('body', isString, 'a string');
  expect('isBase64Encoded', v => typeof v === 'boolean', 'true or false');
  expect('errorMessage', isString, 'a string');
  expect('errorType', isString, 'a string');
  return input.backend;
}

/**
 * The integration response a backend result amounts to. A Lambda error without a body gets the body
 * Lambda produces: `{"errorMessage": ..., "errorType": ...}`.
 */
export function integrationResult(backend: BackendResult): IntegrationResult {
  const body = backend.body ?? (backend.errorMessage === undefined ? ''
    : JSON.stringify({ errorMessage: backend.errorMessage, errorType: backend.errorType ?? 'Error' }));
  if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES) {
    throw new SimulationError(`the backend body is larger than ${MAX_BODY_BYTES} bytes, over API Gateway's payload limit`);
  }
  const statusCode = backend.statusCode ?? 200;
  if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    throw new SimulationError(`backend status code ${statusCode} is not an HTTP status code (100 to 599)`);
  }
  const multiValueHeaders: Record<string, readonly string[]> = { ...backend.multiValueHeaders };
  const headers: Record<string, string> = { ...backend.headers };
  for (const [name, values] of Object.entries(multiValueHeaders)) {
    if (!(name in headers) && values.length > 0) headers[name] = values[values.length - 1];
  }
  for (const [name, value] of Object.entries(headers)) {
    if (!(name in multiValueHeaders)) multiValueHeaders[name] = [value];
  }
  return { body, isBase64Encoded: backend.isBase64Encoded ?? false, statusCode, headers, multiValueHeaders };
}

/**
 * The backend result, and the string response patterns or keys are matched against: the Lambda
 * error message (the empty string for a success) or the status code.
 */
export function resultToMatch(target: MatchTarget, backend: BackendResult): { result: IntegrationResult; selectionInput: string } {
  if (backend.errorMessage !== undefined && target === 'status') {
    throw new SimulationError('errorMessage describes a failed Lambda custom integration, but this integration matches the ' +
      'backend status code; give statusCode instead');
  }
  const result = integrationResult(backend);
  const selectionInput = target === 'status' || (target === 'unknown' && backend.errorMessage === undefined)
    ? String(result.statusCode)
    : backend.errorMessage ?? '';
  return { result, selectionInput };
}

/**
 * `$context` as a nested object: the defaults, then the input's (dotted) names, plus the override
 * maps templates write to (`responseOverride.status`, `responseOverride.header.X`).
 */
export function contextVariable(input: SimulationInput): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  for (const [name, value] of Object.entries({ ...DEFAULT_CONTEXT, ...input.context })) setDotted(context, name, value);
  context.responseOverride = { header: {} };
  context.requestOverride = { header: {}, path: {}, querystring: {} };
  return context;
}

function setDotted(target: Record<string, unknown>, name: string, value: unknown): void {
  const keys = name.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (key === '__proto__') return;
    const next = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
    if (next === null || typeof next !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (last !== '__proto__') node[last] = value;
}

function getDotted(source: Record<string, unknown>, name: string): unknown {
  let node: unknown = source;
  for (const key of name.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * The variables a mapping template renders against.
 */
export function templateVariables(body: string, input: SimulationInput, context: Record<string, unknown>): Record<string, unknown> {
  return {
    input: inputVariable(body, { params: input.request?.parameters ?? {} }),
    util: utilVariable(),
    context,
    stageVariables: { ...input.stageVariables },
  };
}

/**
 * The value a response parameter source gives, or `undefined` when the source has none (the
 * header is then not sent).
 */
export function sourceValue(source: ResponseSource, result: IntegrationResult, input: SimulationInput,
  context: Record<string, unknown>): string | undefined {
  switch (source.kind) {
    case 'static': return source.value;
    case 'header': return own(result.headers, source.name);
    case 'multivalueheader': return own(result.multiValueHeaders, source.name)?.join(',');
    // An empty body maps as {} (LocalStack's AWS-validated behaviour, see docs/simulator.md).
    case 'body': return result.body.trim() === '' ? '{}' : result.body;
    case 'bodyPath': {
      const value = evaluateJsonPath(mappingJson(result.body), source.path);
      return value === undefined || value === null ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
    }
    case 'context': {
      const value = getDotted(context, source.name);
      return value === undefined || value === null || typeof value === 'object' ? undefined : javaToString(value);
    }
    case 'stageVariable': return own(input.stageVariables ?? {}, source.name);
  }
}

/** `record[key]` when the record has it as its own: a header named `constructor` is not `Object`. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * The status and headers a template set through `$context.responseOverride`. API Gateway ignores a
 * status that is not an HTTP status code.
 */
export function responseOverrides(context: Record<string, unknown>): { status?: number; headers: Record<string, string> } {
  const override = context.responseOverride as { status?: unknown; header?: Record<string, unknown> };
  const status = Number(override.status);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(override.header ?? {})) {
    if (value !== undefined && value !== null) headers[name] = javaToString(value);
  }
  return { status: Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined, headers };
}
