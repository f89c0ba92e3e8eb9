import { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { InputTooDeepError, tooDeepAt } from '../checks/input-limits';
import { renderResource } from '../checks/render';
import { ResponseMatch } from '../response-match';
import { RestModel, restModel, simulateRest } from './rest-simulation';
import { SimulationError } from './simulation-error';
import { SimulatedResponse, SimulationInput } from './types';
import { matchTargetOf, PROXY_INTEGRATION_TYPES, MatchTarget } from '../grammar/match-target';
import { knownArray, knownObject, knownString } from '../grammar/unknown';
import { BINARY_MEDIA_TYPES_EXTENSION, definitionOperations, INTEGRATION_EXTENSION } from '../openapi/definition-operations';
import { RestResponses } from '../rest/rest-responses';
import { toCfnIntegrationResponse } from '../rest/to-cfn';

/**
 * Options of a REST simulator.
 */
export interface RestSimulatorOptions {
  /**
   * The API's binary media types (they decide binary conversions together with `Accept`).
   *
   * @default - those of the method's RestApi when it is known, else none
   */
  readonly binaryMediaTypes?: string[];
}

/**
 * Computes what a REST API method returns to the client for a backend result, without deploying:
 * which integration response is selected, the mapped headers, the rendered template, the status.
 * See docs/simulator.md for what is modelled and the known differences from API Gateway.
 *
 * ```ts
 * const response = RestSimulator.fromResponses(responses).simulate({
 *   backend: { errorMessage: '[NotFound] no such item' },
 * });
 * // response.statusCode === 404
 * ```
 */
export class RestSimulator {
  /**
   * Simulates a response set built with `RestResponses`. Whether patterns see a Lambda error
   * message or a status code follows from how the responses were built.
   *
   * @param responses the response set
   * @param options how the simulator reads the API (its binary media types)
   */
  public static fromResponses(responses: RestResponses, options: RestSimulatorOptions = {}): RestSimulator {
    const kinds = responses.responses.map(r => r.matchesOn);
    const target: MatchTarget = kinds.includes(ResponseMatch.LAMBDA_ERROR) ? 'lambda' : kinds.includes(ResponseMatch.STATUS_CODE) ? 'status' : 'unknown';
    const integrationResponses = responses.integrationResponses().map(toCfnIntegrationResponse);
    return new RestSimulator(restModel(integrationResponses, target, undefined, options.binaryMediaTypes ?? []));
  }

  /**
   * Simulates a method of a stack (an aws-cdk-lib `Method` or a `CfnMethod`), as it will be
   * synthesized. Call it once the stack is built.
   *
   * @param method the method
   * @param options how the simulator reads the API (its binary media types)
   */
  public static fromMethod(method: apigw.Method | apigw.CfnMethod, options: RestSimulatorOptions = {}): RestSimulator {
    const cfn = method instanceof apigw.Method ? method.node.defaultChild as apigw.CfnMethod : method;
    const binaryMediaTypes = options.binaryMediaTypes ?? (method instanceof apigw.Method && method.api instanceof apigw.RestApi
      ? stringList(Stack.of(method).resolve((method.api.node.defaultChild as apigw.CfnRestApi).binaryMediaTypes))
      : []);
    return RestSimulator.fromProperties(renderResource(cfn).properties, binaryMediaTypes, cfn.node.path);
  }

  /**
   * Simulates an `AWS::ApiGateway::Method` of a CloudFormation template. A template nested more
   * than 500 levels deep is refused with an error that says where, as `TemplateChecker.check` refuses it.
   *
   * @param template the template, as parsed JSON
   * @param logicalId the logical ID of the method
   * @param options how the simulator reads the API (its binary media types)
   */
  public static fromTemplate(template: any, logicalId: string, options: RestSimulatorOptions = {}): RestSimulator {
    const tooDeep = tooDeepAt(template);
    if (tooDeep !== undefined) throw new InputTooDeepError('the template', tooDeep);
    const resources = knownObject(knownObject(template)?.Resources) ?? {};
    const resource = knownObject(resources[logicalId]);
    if (!resource || resource.Type !== 'AWS::ApiGateway::Method') {
      throw new SimulationError(`the template has no AWS::ApiGateway::Method '${logicalId}'`);
    }
    const properties = knownObject(resource.Properties) ?? {};
    // knownObject treats a `Ref` as unknown: the reference is read from the raw value.
    const restApiId = properties.RestApiId as { Ref?: unknown } | undefined;
    const api = typeof restApiId === 'object' && restApiId !== null ? knownString(restApiId.Ref) : undefined;
    const binaryMediaTypes = options.binaryMediaTypes
      ?? stringList(api === undefined ? undefined : knownObject(knownObject(resources[api])?.Properties)?.BinaryMediaTypes);
    return RestSimulator.fromProperties(properties, binaryMediaTypes, logicalId);
  }

  /**
   * Simulates an operation of an OpenAPI 2.0 or 3.x definition (already parsed, as for
   * `ApiDefinition.fromInline`), read as API Gateway imports it: the integration responses of its
   * `x-amazon-apigateway-integration`, the operation responses as method responses, and the
   * definition's `x-amazon-apigateway-binary-media-types`.
   *
   * @param definition the definition, as parsed JSON or YAML
   * @param httpMethod the operation's HTTP method (`GET`; `ANY` for `x-amazon-apigateway-any-method`)
   * @param path the operation's path, as written under `paths` (`/items/{id}`)
   * @param options how the simulator reads the API (its binary media types)
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration-responses.html
   */
  public static fromDefinition(definition: any, httpMethod: string, path: string, options: RestSimulatorOptions = {}): RestSimulator {
    const tooDeep = tooDeepAt(definition);
    if (tooDeep !== undefined) throw new InputTooDeepError('the definition', tooDeep, 'OpenAPI definition');
    const operations = definitionOperations(definition);
    const method = httpMethod.toUpperCase();
    const operation = operations.find(o => o.httpMethod === method && o.path === path);
    if (operation === undefined) {
      const known = operations.map(o => `${o.httpMethod} ${o.path}`);
      throw new SimulationError(`the definition has no operation '${method} ${path}' with an ${INTEGRATION_EXTENSION}` +
        (known.length === 0 ? '; it has none' : `; it has ${known.join(', ')}`));
    }
    const binaryMediaTypes = options.binaryMediaTypes ?? stringList(knownObject(definition)?.[BINARY_MEDIA_TYPES_EXTENSION]);
    return RestSimulator.fromProperties(operation.properties, binaryMediaTypes, `'${method} ${path}'`);
  }

  private static fromProperties(properties: Record<string, unknown>, binaryMediaTypes: string[], name: string): RestSimulator {
    const integration = knownObject(properties.Integration);
    if (!integration) throw new SimulationError(`method ${name} has no integration (or one only known at deployment)`);
    const type = knownString(integration.Type);
    if (type !== undefined && PROXY_INTEGRATION_TYPES.includes(type)) {
      throw new SimulationError(`method ${name} uses a proxy integration (${type}), which has no integration responses: API Gateway passes the backend's answer through`);
    }
    return new RestSimulator(restModel(integration.IntegrationResponses, matchTargetOf(integration.Type, integration.Uri),
      properties.MethodResponses ?? [], binaryMediaTypes));
  }

  private constructor(private readonly model: RestModel) {}

  /**
   * What the client receives for this backend result and request.
   *
   * @param input the backend's result, the client request, stage and context variables
   */
  public simulate(input: SimulationInput): SimulatedResponse {
    return simulateRest(this.model, input);
  }
}

function stringList(value: unknown): string[] {
  return (knownArray(value) ?? []).map(knownString).filter((v): v is string => v !== undefined);
}
