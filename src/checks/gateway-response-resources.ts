import { knownObject, knownString } from '../grammar/unknown';
import { definitionOperations, GATEWAY_RESPONSES_EXTENSION } from '../openapi/definition-operations';
import { Finding } from '../rules/finding';
import { checkGatewayResponse, checkGatewayResponseCors, methodSendsAllowOrigin } from '../rules/gateway-responses';

/** A resource's logical ID and its properties. */
export type ResourceEntry = readonly [string, Record<string, unknown>];

/**
 * The gateway responses a REST API's own definition gives it (`Body`'s
 * `x-amazon-apigateway-gateway-responses`), as `AWS::ApiGateway::GatewayResponse` properties:
 * none without a definition, `undefined` when the definition is not known here (a `BodyS3Location`,
 * an intrinsic, a string), so that the API's CORS cannot be judged.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-gateway-responses.html
 */
export function definitionGatewayResponses(body: unknown, bodyS3Location: unknown): Array<Record<string, unknown>> | undefined {
  if (bodyS3Location !== undefined) return undefined;
  if (body === undefined) return [];
  const definition = knownObject(body);
  if (definition === undefined) return undefined;
  const extension = definition[GATEWAY_RESPONSES_EXTENSION];
  if (extension === undefined) return [];
  const responses = knownObject(extension);
  if (responses === undefined) return undefined;
  return Object.entries(responses).map(([type, response]) => {
    const parameters = knownObject(response)?.responseParameters;
    return { ResponseType: type, ResponseParameters: knownObject(response) === undefined ? null : parameters };
  });
}

/**
 * The operations of a REST API's own definition (`Body`), as the methods API Gateway imports them
 * as, each naming the API, so that the CORS rule counts them with the API's `AWS::ApiGateway::Method`
 * resources.
 */
export function definitionMethods(apiLogicalId: string, body: unknown): ResourceEntry[] {
  return definitionOperations(body).map(operation => [apiLogicalId, { ...operation.properties, RestApiId: { Ref: apiLogicalId } }]);
}

/**
 * The findings of a template's gateway responses, by logical ID: each response's own, and, on every
 * REST API of the template whose methods (with the operations of its definition, see
 * `definitionMethods`) send `Access-Control-Allow-Origin`, the gateway responses that do not. An API the template does not define, or whose definition is not known, is not
 * judged: its gateway responses may be written where the template cannot see them.
 *
 * @param apiDefinition the gateway responses the definition of the template's REST API `logicalId`
 *   gives it (see `definitionGatewayResponses`); `null` when the template defines no such API
 * @param apiOf the API a `RestApiId` value names, as a reference key (`undefined` when unknown)
 */
export function checkGatewayResponseResources(methods: readonly ResourceEntry[], gatewayResponses: readonly ResourceEntry[],
  apiDefinition: (logicalId: string) => Array<Record<string, unknown>> | undefined | null,
  apiOf: (restApiId: unknown) => string | undefined): Array<[string, Finding[]]> {
  const result: Array<[string, Finding[]]> = gatewayResponses.map(([id, properties]) => [id, checkGatewayResponse(properties)]);
  const apis = new Map<string, { corsMethods: string[]; responses: Array<Record<string, unknown>> }>();
  const apiNamed = (key: string) => {
    let api = apis.get(key);
    if (api === undefined) apis.set(key, api = { corsMethods: [], responses: [] });
    return api;
  };
  for (const [id, properties] of methods) {
    const key = apiOf(properties.RestApiId);
    if (key !== undefined && methodSendsAllowOrigin(properties)) apiNamed(key).corsMethods.push(id);
  }
  for (const [, properties] of gatewayResponses) {
    const key = apiOf(properties.RestApiId);
    // A response whose API is unknown could be any API's: the APIs it could belong to are not judged.
    if (key === undefined) return result;
    apiNamed(key).responses.push(properties);
  }
  for (const [key, api] of apis) {
    if (!key.startsWith('ref:')) continue;
    const apiId = key.slice(4);
    const defined = apiDefinition(apiId);
    if (defined === null || defined === undefined) continue;
    const facts = [...api.responses, ...defined].map(p => ({
      type: knownString(p.ResponseType),
      parameters: p.ResponseParameters === undefined ? {} : knownObject(p.ResponseParameters),
    }));
    const findings = checkGatewayResponseCors(api.corsMethods.length, facts);
    if (findings.length > 0) result.push([apiId, findings]);
  }
  return result;
}
