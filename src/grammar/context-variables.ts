/**
 * `$context` variables API Gateway documents for REST API mappings (response parameters and
 * templates). Logging-only variables (latencies, `status`, ...) are not among them.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#context-variable-reference
 */
const NAMES = new Set([
  'accountId', 'apiId', 'awsEndpointRequestId', 'awsEndpointRequestId2', 'deploymentId', 'domainName',
  'domainPrefix', 'extendedRequestId', 'httpMethod', 'isCanaryRequest', 'path', 'protocol', 'requestId',
  'requestTime', 'requestTimeEpoch', 'resourceId', 'resourcePath', 'stage', 'wafResponseCode', 'webaclArn',
  'xrayTraceId',
]);

/** Families whose members depend on the request (claims, identity fields, overrides). */
const PREFIXES = ['authorizer.', 'customDomain.', 'error.', 'identity.', 'requestOverride.', 'responseOverride.'];

const NAME_SHAPE = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_-]+)*$/;

/** Whether `name` is spelled like a context variable (letters, digits, `_`, dot-separated). */
export function isContextVariableShape(name: string): boolean {
  return NAME_SHAPE.test(name);
}

/** Whether `name` is a documented context variable (or in a documented family such as `authorizer.*`). */
export function isKnownContextVariable(name: string): boolean {
  return NAMES.has(name) || PREFIXES.some(prefix => name.startsWith(prefix) && name.length > prefix.length);
}
