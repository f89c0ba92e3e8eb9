import { knownObject, knownString } from '../grammar/unknown';
import { Finding } from '../rules/finding';
import { checkGatewayResponse, checkGatewayResponseCors, methodSendsAllowOrigin } from '../rules/gateway-responses';

/** A resource's logical ID and its properties. */
export type ResourceEntry = readonly [string, Record<string, unknown>];

/**
 * The findings of a template's gateway responses, by logical ID: each response's own, and for every
 * REST API whose methods send `Access-Control-Allow-Origin`, the gateway responses that do not
 * (reported on the API when the template defines it, else on the first such method).
 *
 * @param isRestApi whether a logical ID is an `AWS::ApiGateway::RestApi` of the template
 * @param apiOf the API a `RestApiId` value names, as a reference key (`undefined` when unknown)
 */
export function checkGatewayResponseResources(methods: readonly ResourceEntry[], gatewayResponses: readonly ResourceEntry[],
  isRestApi: (logicalId: string) => boolean, apiOf: (restApiId: unknown) => string | undefined): Array<[string, Finding[]]> {
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
    const facts = api.responses.map(p => ({
      type: knownString(p.ResponseType),
      parameters: p.ResponseParameters === undefined ? {} : knownObject(p.ResponseParameters),
    }));
    const findings = checkGatewayResponseCors(api.corsMethods.length, facts);
    if (findings.length === 0) continue;
    const apiId = key.startsWith('ref:') ? key.slice(4) : undefined;
    result.push([apiId !== undefined && isRestApi(apiId) ? apiId : api.corsMethods[0], findings]);
  }
  return result;
}
