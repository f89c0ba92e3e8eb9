import { headerNameProblem } from './header-name';
import { Parsed, parseSharedSource, SharedSource } from './mapping-expression';

/**
 * What AWS documents about one gateway response type: the status code API Gateway answers with,
 * and the default response (`DEFAULT_4XX` or `DEFAULT_5XX`) it falls back to when the type is not
 * customized.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
export interface GatewayResponseTypeFacts {
  readonly type: string;
  /** `undefined` for `DEFAULT_4XX` and `DEFAULT_5XX`, whose status code is documented as null. */
  readonly defaultStatusCode?: string;
  readonly family: '4XX' | '5XX';
}

const TYPES: ReadonlyArray<[string, string | undefined, '4XX' | '5XX']> = [
  ['DEFAULT_4XX', undefined, '4XX'],
  ['DEFAULT_5XX', undefined, '5XX'],
  ['ACCESS_DENIED', '403', '4XX'],
  ['API_CONFIGURATION_ERROR', '500', '5XX'],
  ['AUTHORIZER_CONFIGURATION_ERROR', '500', '5XX'],
  ['AUTHORIZER_FAILURE', '500', '5XX'],
  ['BAD_REQUEST_PARAMETERS', '400', '4XX'],
  ['BAD_REQUEST_BODY', '400', '4XX'],
  ['EXPIRED_TOKEN', '403', '4XX'],
  ['INTEGRATION_FAILURE', '504', '5XX'],
  ['INTEGRATION_TIMEOUT', '504', '5XX'],
  ['INVALID_API_KEY', '403', '4XX'],
  ['INVALID_SIGNATURE', '403', '4XX'],
  ['MISSING_AUTHENTICATION_TOKEN', '403', '4XX'],
  ['QUOTA_EXCEEDED', '429', '4XX'],
  ['REQUEST_TOO_LARGE', '413', '4XX'],
  ['RESOURCE_NOT_FOUND', '404', '4XX'],
  ['THROTTLED', '429', '4XX'],
  ['UNAUTHORIZED', '401', '4XX'],
  ['UNSUPPORTED_MEDIA_TYPE', '415', '4XX'],
  ['WAF_FILTERED', '403', '4XX'],
];

/** Every gateway response type API Gateway has, by name. */
export const GATEWAY_RESPONSE_TYPES: ReadonlyMap<string, GatewayResponseTypeFacts> = new Map(
  TYPES.map(([type, defaultStatusCode, family]) => [type, { type, defaultStatusCode, family }]));

/** The response type a mistyped one most likely meant (same letters in another case, `-` for `_`). */
export function closestGatewayResponseType(type: string): string | undefined {
  const normalized = type.trim().toUpperCase().replace(/[-\s]/g, '_');
  return GATEWAY_RESPONSE_TYPES.has(normalized) ? normalized : undefined;
}

/** Where a gateway response parameter writes: `gatewayresponse.{header|path|querystring}.{name}`. */
export interface GatewayResponseTarget {
  readonly location: 'header' | 'path' | 'querystring';
  readonly name: string;
}

export const GATEWAY_RESPONSE_HEADER_PREFIX = 'gatewayresponse.header.';
const KEY = /^gatewayresponse\.(header|path|querystring)\.(.*)$/s;

/**
 * The target of a gateway response parameter key.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-gateway-responses.responseParameters.html
 */
export function parseGatewayResponseParameterKey(key: string): Parsed<GatewayResponseTarget> {
  const match = KEY.exec(key);
  if (!match) {
    const header = /^(?:method|integration)\.response\.header\.(.+)$/s.exec(key);
    return {
      problem: header
        ? `gateway responses set their headers as gatewayresponse.header.{name}, not as method or integration response headers (write 'gatewayresponse.header.${header[1]}')`
        : 'gateway response parameters are gatewayresponse.header.{name}, gatewayresponse.path.{name} or gatewayresponse.querystring.{name}',
    };
  }
  const location = match[1] as GatewayResponseTarget['location'];
  const name = match[2];
  if (name === '') return { problem: `the ${location} name is empty` };
  if (location === 'header') {
    const problem = headerNameProblem(name);
    if (problem) return { problem };
  }
  return { value: { location, name } };
}

/**
 * Where a gateway response parameter takes its value from: a method request parameter, a context
 * or stage variable, or single-quoted static text. A gateway response answers before (or instead
 * of) the integration, so there is no integration response to read.
 */
export type GatewayResponseSource =
  | { readonly kind: 'request'; readonly location: string; readonly name: string }
  | SharedSource;

const REQUEST = /^method\.request\.(header|multivalueheader|querystring|multivaluequerystring|path)\.(.+)$/s;

/**
 * The source a gateway response parameter value names.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-gatewayResponse-definition.html
 */
export function parseGatewayResponseParameterValue(expression: string): Parsed<GatewayResponseSource> & { readonly unquotedStatic?: boolean } {
  const shared = parseSharedSource(expression);
  if (shared !== undefined) return shared;
  const request = REQUEST.exec(expression);
  if (request) return { value: { kind: 'request', location: request[1], name: request[2] } };
  if (expression.startsWith('integration.response.')) {
    return { problem: 'a gateway response has no integration response to read (API Gateway answers it itself)' };
  }
  if (expression.startsWith('method.request.')) {
    return { problem: 'request parameters are method.request.{header|querystring|path|multivalueheader|multivaluequerystring}.{name}' };
  }
  if (expression.startsWith('"') || expression.startsWith("'")) {
    return { problem: 'a static value must be enclosed in a pair of single quotes', unquotedStatic: true };
  }
  return {
    problem: `a static value must be enclosed in single quotes ('${expression}'); otherwise use method.request.*, context.* or stageVariables.*`,
    unquotedStatic: true,
  };
}

// Directives and the $input and $util objects exist only in VTL templates; a gateway response
// template only substitutes $context, $stageVariables and method.request values.
// Text such as `#set-up` or `<a href="#stop">` is not a directive: those with arguments count only
// before a parenthesis, the others (`#else`, `#end`, ...) only braced; `$input` and `$util` only
// before a member (`$input.path`, `${util.escapeJavaScript(...)}`).
const VTL = /#\{?(?:if|elseif|set|foreach|macro|parse|include|define|evaluate)\}?\s*\(|#\{(?:else|end|stop|break)\}|\$!?\{?(?:input|util)\./;

/**
 * The first piece of a gateway response template that only a VTL template would process
 * (a directive, `$input`, `$util`), or `undefined`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-gateway-responses.responseTemplates.html
 */
export function vtlInGatewayTemplate(template: string): string | undefined {
  const match = VTL.exec(template);
  return match ? match[0].replace(/\s*\($/, '').replace(/\.$/, '') : undefined;
}

const QUOTED_MESSAGE_STRING = /"\$!?(?:context\.error\.messageString|\{context\.error\.messageString\})"/;

/**
 * Whether the template writes `$context.error.messageString`, which is already quoted, between
 * double quotes (giving `""Missing Authentication Token""`, which is not JSON).
 */
export function quotesMessageString(template: string): boolean {
  return QUOTED_MESSAGE_STRING.test(template);
}
