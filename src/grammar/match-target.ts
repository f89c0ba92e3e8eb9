import { CompiledPattern } from './java-pattern';
import { knownObject, knownString, stringFragments } from './unknown';
import { derived } from '../util/derived';


/**
 * What an integration's selection patterns (REST) or response keys (WebSocket) are matched against.
 * - `lambda`: a Lambda custom integration; patterns match the error's `errorMessage`
 *   (the empty string for a success).
 * - `status`: HTTP, AWS (non-Lambda) and MOCK integrations; patterns match the status code.
 * - `unknown`: cannot be told before deployment.
 */
export type MatchTarget = 'lambda' | 'status' | 'unknown';

/** Every status code a backend can return, as the strings patterns are matched against. */
export const ALL_STATUS_CODES: readonly string[] = Array.from({ length: 500 }, (_, i) => String(100 + i));

const STATUS_CODES = Symbol('matched status codes');

/**
 * The status codes from 100 to 599 a compiled pattern matches (computed once per pattern: the same
 * patterns recur on every method of an API).
 */
export function matchedStatusCodes(pattern: CompiledPattern): readonly string[] {
  return derived(pattern, STATUS_CODES, () => ALL_STATUS_CODES.filter(code => pattern.matches(code)));
}

const LAMBDA_URI_MARKER = ':lambda:path/';

/**
 * What an integration's patterns (REST) or response keys (WebSocket) are matched against, from its
 * type and URI: a Lambda function behind an `AWS` integration is matched by error message, every
 * other non-proxy integration by status code.
 */
export function matchTargetOf(type: unknown, uri: unknown): MatchTarget {
  const knownType = knownString(type);
  if (knownType === 'HTTP' || knownType === 'MOCK') return 'status';
  if (knownType !== 'AWS') return 'unknown';
  if (stringFragments(uri).some(fragment => fragment.includes(LAMBDA_URI_MARKER))) return 'lambda';
  if (knownString(uri) !== undefined) return 'status';
  // `!Sub arn:aws:apigateway:${AWS::Region}:dynamodb:action/GetItem`: only the region is unknown.
  const service = AWS_SERVICE_URI.exec(uriShape(uri, 0) ?? '')?.[1];
  return service === undefined ? 'unknown' : service === 'lambda' ? 'lambda' : 'status';
}

/** Stands for a part of a URI that is not known before deployment. */
const UNKNOWN_PART = '\u0000';

/**
 * An AWS integration's URI, `arn:{partition}:apigateway:{region}:{service}:{path|action}/...`, with
 * the service (or `subdomain.service`) known.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/api/API_Integration.html
 */
const AWS_SERVICE_URI = /^arn:[^:]*:apigateway:[^:]*:([A-Za-z0-9.-]+):(?:path|action)\//;

/** How deeply intrinsics nest in a URI before it is left unknown. */
const MAX_URI_DEPTH = 8;

/**
 * A URI that holds CDK tokens or intrinsics (`Fn::Sub`, `Fn::Join`) as text, each unknown part
 * written as `UNKNOWN_PART`; `undefined` for a value that is not built of strings.
 */
function uriShape(value: unknown, depth: number): string | undefined {
  if (depth > MAX_URI_DEPTH) return undefined;
  if (typeof value === 'string') return value.replace(/\$\{Token\[[^\]]*\]\}/g, UNKNOWN_PART);
  const object = asObject(value);
  if (object === undefined) return undefined;
  const sub = object['Fn::Sub'];
  if (sub !== undefined) {
    const text = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
    // `${Name}` is a variable; `${!Literal}` writes `${Literal}`, which no URI needs.
    return text?.replace(/\$\{[^}]*\}/g, UNKNOWN_PART);
  }
  const join = object['Fn::Join'];
  if (join !== undefined) {
    if (!Array.isArray(join) || typeof join[0] !== 'string' || !Array.isArray(join[1])) return undefined;
    return join[1].map(part => uriShape(part, depth + 1) ?? UNKNOWN_PART).join(join[0]);
  }
  return UNKNOWN_PART;
}

/** `value` as an object (an intrinsic, a resolvable or a map), or `undefined`. */
function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
}

/**
 * The status codes a MOCK integration can answer with, when its request templates say so
 * statically (`{"statusCode": 200}`, the usual mock); `undefined` when they cannot be known
 * (VTL that computes the code, an intrinsic, not a MOCK). A rule that warns about results no
 * response matches has nothing to warn about when every one of these codes is matched.
 */
export function mockStatusCodes(type: unknown, requestTemplates: unknown): string[] | undefined {
  if (knownString(type) !== 'MOCK') return undefined;
  const templates = knownObject(requestTemplates);
  if (templates === undefined) return undefined;
  const codes = new Set<string>();
  for (const template of Object.values(templates)) {
    const text = knownString(template);
    const parsed = text === undefined ? undefined : parseStatic(text);
    if (parsed === undefined) return undefined;
    codes.add(parsed);
  }
  return codes.size === 0 ? undefined : [...codes];
}

function parseStatic(template: string): string | undefined {
  try {
    const value: unknown = JSON.parse(template);
    const code = knownObject(value)?.statusCode;
    return typeof code === 'number' && Number.isInteger(code) ? String(code) : undefined;
  } catch {
    return undefined;
  }
}

/** Integration types whose responses API Gateway passes through untouched. */
export const PROXY_INTEGRATION_TYPES: readonly string[] = ['AWS_PROXY', 'HTTP_PROXY'];
