import { knownObject, knownString } from '../grammar/unknown';
import { withoutUndefined } from '../util/without-undefined';

/** The OpenAPI extension holding an operation's integration. */
export const INTEGRATION_EXTENSION = 'x-amazon-apigateway-integration';

/** The OpenAPI extension that lists an API's gateway responses in its definition. */
export const GATEWAY_RESPONSES_EXTENSION = 'x-amazon-apigateway-gateway-responses';

/** The HTTP methods an OpenAPI path item can hold, plus API Gateway's catch-all `x-amazon-apigateway-any-method`. */
const ANY_METHOD_KEY = 'x-amazon-apigateway-any-method';
const OPERATION_KEYS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', ANY_METHOD_KEY];

/** The OpenAPI extension listing the media types an API treats as binary. */
export const BINARY_MEDIA_TYPES_EXTENSION = 'x-amazon-apigateway-binary-media-types';

/**
 * An operation of an OpenAPI definition that has an `x-amazon-apigateway-integration`, read as the
 * `AWS::ApiGateway::Method` properties API Gateway imports it as, so that the rule table checks it.
 */
export interface DefinitionOperation {
  /** Where the operation is in the definition: `paths./items/{id}.get`. */
  readonly at: string;
  /** The operation's HTTP method, upper case: `GET`, or `ANY` for `x-amazon-apigateway-any-method`. */
  readonly httpMethod: string;
  /** The operation's path: `/items/{id}`. */
  readonly path: string;
  /** The operation as `AWS::ApiGateway::Method` properties (`Integration`, `MethodResponses`). */
  readonly properties: Record<string, unknown>;
  /** The key of each integration response (its selection pattern, or `default`), in order. */
  readonly responseKeys: readonly string[];
  /** The key of each operation response (its status code), in order. */
  readonly methodResponseKeys: readonly string[];
}

/**
 * The operations of an OpenAPI 2.0 or 3.x definition (already parsed) that API Gateway integrates.
 * What is not known here stays unknown rather than guessed: an operation response given by `$ref`,
 * `default` or a range (`2XX`) makes the method responses unknown, so no rule judges them.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration-responses.html
 */
export function definitionOperations(definition: unknown): DefinitionOperation[] {
  const paths = knownObject(knownObject(definition)?.paths);
  if (paths === undefined) return [];
  const operations: DefinitionOperation[] = [];
  for (const path of Object.keys(paths)) {
    const item = knownObject(paths[path]);
    if (item === undefined) continue;
    for (const key of OPERATION_KEYS) {
      const operation = knownObject(item[key]);
      const integration = knownObject(operation?.[INTEGRATION_EXTENSION]);
      if (operation === undefined || integration === undefined) continue;
      operations.push(asMethod(path, key, operation, integration));
    }
  }
  return operations;
}

/** The HTTP method of an operation key: `get` is `GET`, API Gateway's catch-all is `ANY`. */
export function httpMethodOf(key: string): string {
  return key === ANY_METHOD_KEY ? 'ANY' : key.toUpperCase();
}

function asMethod(path: string, operationKey: string, operation: Record<string, unknown>, integration: Record<string, unknown>): DefinitionOperation {
  const at = `paths.${path}.${operationKey}`;
  const responses = knownObject(integration.responses);
  const responseKeys = responses === undefined ? [] : Object.keys(responses);
  const type = knownString(integration.type);
  const integrationResponses = responses === undefined ? integration.responses : responseKeys.map(key => {
    const response = knownObject(responses[key]);
    if (response === undefined) return responses[key];
    return withoutUndefined({
      StatusCode: response.statusCode,
      SelectionPattern: key === 'default' ? undefined : key,
      ResponseParameters: response.responseParameters,
      ResponseTemplates: response.responseTemplates,
      ContentHandling: response.contentHandling,
    });
  });
  const methodResponses = knownObject(operation.responses);
  const methodResponseKeys = methodResponses === undefined ? [] : Object.keys(methodResponses);
  // How API Gateway imports a `default` response or a range such as `2XX` (OpenAPI 3) is not
  // documented: an operation with one has method responses that are not known here, and none is judged.
  const known = methodResponseKeys.every(code => /^\d{3}$/.test(code));
  return {
    at,
    httpMethod: httpMethodOf(operationKey),
    path,
    responseKeys,
    methodResponseKeys,
    properties: {
      Integration: withoutUndefined({
        // The extension's type is case-insensitive (`aws_proxy`, `AWS_PROXY`); CloudFormation's is upper case.
        Type: type === undefined ? integration.type : type.toUpperCase(),
        Uri: integration.uri,
        RequestTemplates: integration.requestTemplates,
        IntegrationResponses: integrationResponses,
      }),
      MethodResponses: methodResponses === undefined || !known ? operation.responses
        : methodResponseKeys.map(code => asMethodResponse(code, methodResponses[code])),
    },
  };
}

/** An operation response as a method response: its `headers` are the headers it declares. */
function asMethodResponse(code: string, value: unknown): unknown {
  const response = knownObject(value);
  // A `$ref` (or an intrinsic) is not followed here: the response is unknown, and so are its headers.
  if (response === undefined || response.$ref !== undefined) return undefined;
  const headers = response.headers;
  if (headers === undefined) return { StatusCode: code };
  const declared = knownObject(headers);
  if (declared === undefined) return { StatusCode: code, ResponseParameters: headers };
  const parameters: Record<string, boolean> = {};
  for (const name of Object.keys(declared)) parameters[`method.response.header.${name}`] = false;
  return { StatusCode: code, ResponseParameters: parameters };
}

/**
 * The definition path of a finding the rule table made on `operation`'s method properties
 * (`Integration.IntegrationResponses[1].StatusCode` becomes
 * `paths./items.get.x-amazon-apigateway-integration.responses.<key>.statusCode`).
 */
export function definitionPath(operation: DefinitionOperation, path: string | undefined): string {
  if (path === undefined) return operation.at;
  const response = /^Integration\.IntegrationResponses(?:\[(\d+)\](?:\.(\w+))?(.*))?$/.exec(path);
  if (response) {
    const [, index, field, rest] = response;
    const responses = `${operation.at}.${INTEGRATION_EXTENSION}.responses`;
    // A finding about the whole list (`rest-no-default`) is about the responses object.
    if (index === undefined) return responses;
    const base = `${responses}.${operation.responseKeys[Number(index)]}`;
    // The selection pattern is the response's key.
    if (field === undefined || field === 'SelectionPattern') return base + (field === undefined ? rest : '');
    return `${base}.${lowerFirst(field)}${rest}`;
  }
  const methodResponse = /^MethodResponses\[(\d+)\](?:\.(\w+))?(.*)$/.exec(path);
  if (methodResponse) {
    const [, index, field, rest] = methodResponse;
    const base = `${operation.at}.responses.${operation.methodResponseKeys[Number(index)]}`;
    if (field === 'ResponseParameters') return `${base}.headers${rest.replace(/^\.method\.response\.header\./, '.')}`;
    return field === undefined || field === 'StatusCode' ? base : `${base}.${lowerFirst(field)}${rest}`;
  }
  const integration = /^Integration(?:\.(\w+))?(.*)$/.exec(path);
  if (integration) {
    const [, field, rest] = integration;
    return `${operation.at}.${INTEGRATION_EXTENSION}${field === undefined ? '' : `.${lowerFirst(field)}`}${rest}`;
  }
  return `${operation.at}.${path}`;
}

/**
 * The definition path of a finding the gateway response rules made on the response of type `type`
 * read as `AWS::ApiGateway::GatewayResponse` properties (`ResponseParameters.gatewayresponse.header.X`
 * becomes `x-amazon-apigateway-gateway-responses.<type>.responseParameters.gatewayresponse.header.X`).
 */
export function gatewayResponseDefinitionPath(type: string, path: string | undefined): string {
  const at = `${GATEWAY_RESPONSES_EXTENSION}.${type}`;
  // The response type is the response's key.
  return path === undefined || path === 'ResponseType' ? at : `${at}.${lowerFirst(path)}`;
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
