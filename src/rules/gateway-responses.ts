import { childPath, finding, RULES } from './catalog';
import { Finding } from './finding';
import { checkStatusCode } from './status-code';
import { isContextVariableShape } from '../grammar/context-variables';
import {
  closestGatewayResponseType, GATEWAY_RESPONSE_HEADER_PREFIX, GATEWAY_RESPONSE_TYPES, parseGatewayResponseParameterKey,
  parseGatewayResponseParameterValue, quotesMessageString, vtlInGatewayTemplate,
} from '../grammar/gateway-response';
import { isUnknown, knownObject, knownString } from '../grammar/unknown';

const ALLOW_ORIGIN = 'access-control-allow-origin';

/**
 * Checks one `AWS::ApiGateway::GatewayResponse`: its type, status code, parameter mappings and
 * templates (which API Gateway fills by plain substitution, not with VTL).
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-gatewayResponse-definition.html
 */
export function checkGatewayResponse(properties: Record<string, unknown>): Finding[] {
  const findings: Finding[] = [];
  const type = knownString(properties.ResponseType);
  if (type !== undefined && !GATEWAY_RESPONSE_TYPES.has(type)) {
    const closest = closestGatewayResponseType(type);
    findings.push(finding(RULES.gatewayResponseType,
      `response type '${type}' is not a gateway response type: API Gateway has only ${[...GATEWAY_RESPONSE_TYPES.keys()].join(', ')}, ` +
      `so this response can never be used; ${closest ? `write '${closest}'` : 'use one of them'}`, 'ResponseType'));
  }
  findings.push(...checkStatusCode(properties.StatusCode, 'StatusCode'));
  const parameters = knownObject(properties.ResponseParameters) ?? {};
  for (const key of Object.keys(parameters)) {
    findings.push(...checkGatewayResponseParameter(key, parameters[key], childPath('ResponseParameters', key)));
  }
  const templates = knownObject(properties.ResponseTemplates) ?? {};
  for (const contentType of Object.keys(templates)) {
    findings.push(...checkGatewayResponseTemplate(contentType, templates[contentType], childPath('ResponseTemplates', contentType)));
  }
  return findings;
}

/**
 * Checks one gateway response parameter mapping (`gatewayresponse.header.X` → value).
 */
export function checkGatewayResponseParameter(key: string, value: unknown, path?: string): Finding[] {
  const findings: Finding[] = [];
  // A key with a token in it is known only at deployment.
  const target = isUnknown(key) ? {} : parseGatewayResponseParameterKey(key);
  if (target.problem) {
    findings.push(finding(RULES.gatewayResponseParameterKey,
      `gateway response parameter '${key}' is not valid: ${target.problem}; API Gateway rejects the deployment ` +
      `("Invalid mapping expression specified: ${key}")`, path));
  }
  findings.push(...checkGatewayResponseValue(value, `gateway response parameter '${key}'`, path));
  return findings;
}

/**
 * Checks the value side of a gateway response parameter mapping; `label` starts each message.
 */
export function checkGatewayResponseValue(value: unknown, label: string, path?: string): Finding[] {
  const expression = knownString(value);
  if (expression === undefined) {
    return value === undefined || isUnknown(value) ? [] : [finding(RULES.gatewayResponseParameterValue,
      `${label} is ${value === null ? 'null' : `a ${Array.isArray(value) ? 'list' : typeof value}`}, not a string: ` +
      "give a request parameter (method.request.header.{name}) or a single-quoted static value such as '*'", path)];
  }
  const source = parseGatewayResponseParameterValue(expression);
  if (source.problem) {
    // The rejection is on record for unquoted text; for other values AWS documents what is allowed.
    const consequence = source.unquotedStatic
      ? `API Gateway rejects the deployment ("Invalid mapping expression specified: ${expression}")`
      : 'AWS documents only request parameters, context and stage variables and static values there, so this mapping can never work';
    return [finding(RULES.gatewayResponseParameterValue,
      `${label}: '${expression}' is not a valid mapping expression: ${source.problem}; ${consequence}`, path)];
  }
  if (source.value?.kind === 'context' && !isContextVariableShape(source.value.name)) {
    return [finding(RULES.gatewayResponseParameterValue,
      `${label}: '${expression}' is not a context variable: their names are letters, digits and ` +
      'underscores separated by dots, so this mapping can never name one; fix the name', path)];
  }
  return [];
}

/**
 * Checks one gateway response template: API Gateway substitutes variables in it but runs no VTL.
 */
export function checkGatewayResponseTemplate(contentType: string, template: unknown, path?: string): Finding[] {
  const text = knownString(template);
  if (text === undefined) return [];
  const findings: Finding[] = [];
  const vtl = vtlInGatewayTemplate(text);
  if (vtl !== undefined) {
    findings.push(finding(RULES.gatewayResponseTemplateVtl,
      `gateway response template for '${contentType}' uses '${vtl}', but AWS documents that a gateway response template "is not ` +
      'processed by the Velocity Template Language (VTL) engine", so clients get the text as written; use only $context, ' +
      '$stageVariables and method.request values there', path));
  }
  if (quotesMessageString(text)) {
    findings.push(finding(RULES.gatewayResponseMessageQuoted,
      `gateway response template for '${contentType}' writes $context.error.messageString between double quotes, but AWS documents ` +
      'it as already quoted ("The quoted value of $context.error.message"), so clients get ""Missing Authentication Token"", which is ' +
      'not JSON; remove the quotes around it, or quote $context.error.message instead', path));
  }
  return findings;
}

/**
 * One gateway response of an API, as the CORS rule needs it.
 */
export interface GatewayResponseFacts {
  /** `undefined` when only the deployment knows it. */
  readonly type?: string;
  /** `undefined` when only the deployment knows them. */
  readonly parameters?: Record<string, unknown>;
}

/**
 * `gateway-response-cors` for one API: given how many of its methods send
 * `Access-Control-Allow-Origin`, the gateway responses that answer without it. A type that is not
 * customized answers as its `DEFAULT_4XX` or `DEFAULT_5XX` does; a customized one answers with its
 * own headers. When a response's type or parameters are known only at deployment, the rule
 * says nothing: any of them could be the one that sends the header.
 */
export function checkGatewayResponseCors(corsMethods: number, responses: readonly GatewayResponseFacts[], path?: string): Finding[] {
  if (corsMethods === 0 || responses.some(r => r.type === undefined || r.parameters === undefined)) return [];
  const sends = new Map<string, boolean>();
  for (const response of responses) {
    const has = Object.keys(response.parameters!).some(key => key.toLowerCase() === GATEWAY_RESPONSE_HEADER_PREFIX + ALLOW_ORIGIN);
    sends.set(response.type!, (sends.get(response.type!) ?? false) || has);
  }
  const lacking: string[] = [];
  for (const family of ['DEFAULT_4XX', 'DEFAULT_5XX']) if (!sends.get(family)) lacking.push(family);
  for (const [type, has] of sends) if (!has && !type.startsWith('DEFAULT_') && GATEWAY_RESPONSE_TYPES.has(type)) lacking.push(type);
  if (lacking.length === 0) return [];
  const statuses = andList([...new Set(lacking.map(statusOf))]);
  return [finding(RULES.gatewayResponseCors,
    `${corsMethods === 1 ? 'a method of this API sends' : `${corsMethods} methods of this API send`} Access-Control-Allow-Origin, but ` +
    `the gateway response${lacking.length === 1 ? '' : 's'} ${andList(lacking)} ${lacking.length === 1 ? 'does' : 'do'} not, so a browser ` +
    `calling the API sees a CORS error instead of the ${statuses} answers API Gateway gives itself (unauthorized, throttled, missing ` +
    'token, timeouts); add ' +
    `gatewayresponse.header.Access-Control-Allow-Origin to ${lacking.length === 1 ? 'it' : 'them'} (GatewayResponses.addCors does it in one call)`, path)];
}

function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function statusOf(type: string): string {
  if (type === 'DEFAULT_4XX') return '4XX';
  if (type === 'DEFAULT_5XX') return '5XX';
  return GATEWAY_RESPONSE_TYPES.get(type)!.defaultStatusCode!;
}

/**
 * Whether a method sends `Access-Control-Allow-Origin`: one of its method responses declares the
 * header, or one of its integration responses maps it.
 */
export function methodSendsAllowOrigin(properties: Record<string, unknown>): boolean {
  const declares = (list: unknown) => Array.isArray(list) && list.some(item => {
    const parameters = knownObject(knownObject(item)?.ResponseParameters);
    return parameters !== undefined && Object.keys(parameters).some(key => key.toLowerCase() === `method.response.header.${ALLOW_ORIGIN}`);
  });
  return declares(properties.MethodResponses) || declares(knownObject(properties.Integration)?.IntegrationResponses);
}
