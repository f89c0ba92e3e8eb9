import { IConstruct } from 'constructs';
import { HttpModel, httpModel, simulateHttp } from './http-simulation';
import { SimulationError } from './simulation-error';
import { SimulatedResponse, SimulationInput } from './types';
import { InputTooDeepError, tooDeepAt } from '../checks/input-limits';
import { renderResource } from '../checks/render';
import { knownObject } from '../grammar/unknown';
import { HttpResponseMappings } from '../http/http-response-mappings';
import { httpIntegrationOf } from '../http/integration-of';

/**
 * Computes what an HTTP API returns to the client for an integration's answer, without deploying:
 * which response parameter mapping applies (the one of the answer's status code), the status code
 * and the headers after it. The body passes through unchanged, as HTTP APIs pass it.
 * See docs/simulator.md for what is modelled and what AWS leaves undocumented.
 *
 * ```ts
 * const mappings = HttpResponseMappings.of(HttpResponseMapping.forStatus(404).overwriteStatusCode(410));
 * const response = HttpSimulator.fromMappings(mappings).simulate({ backend: { statusCode: 404 } });
 * // response.statusCode === 410
 * ```
 */
export class HttpSimulator {
  /**
   * Simulates response parameter mappings built with `HttpResponseMappings`.
   *
   * @param mappings the mappings
   */
  public static fromMappings(mappings: HttpResponseMappings): HttpSimulator {
    return new HttpSimulator(httpModel(mappings.toResponseParameters(), 'the mappings'));
  }

  /**
   * Simulates an integration of a stack as it will be synthesized (`addPropertyOverride` included):
   * a `CfnIntegration`, an aws-cdk-lib `HttpIntegration`, or the route an `HttpUrlIntegration`,
   * `HttpLambdaIntegration`, ... was first added to. Call it once the stack is built.
   *
   * @param scope the integration or the route
   */
  public static fromIntegration(scope: IConstruct): HttpSimulator {
    const integration = httpIntegrationOf(scope);
    if (integration === undefined) {
      throw new SimulationError(`${scope.node.path} is not an HTTP API integration: give a CfnIntegration, an HttpIntegration, ` +
        'or the first route an integration was added to');
    }
    return new HttpSimulator(httpModel(renderResource(integration).properties.ResponseParameters, integration.node.path));
  }

  /**
   * Simulates an `AWS::ApiGatewayV2::Integration` of an HTTP API in a CloudFormation template. A
   * template nested more than 500 levels deep is refused with an error that says where, as
   * `TemplateChecker.check` refuses it.
   *
   * @param template the template, as parsed JSON
   * @param logicalId the logical ID of the integration
   */
  public static fromTemplate(template: any, logicalId: string): HttpSimulator {
    const tooDeep = tooDeepAt(template);
    if (tooDeep !== undefined) throw new InputTooDeepError('the template', tooDeep);
    const resources = knownObject(knownObject(template)?.Resources) ?? {};
    const integration = Object.prototype.hasOwnProperty.call(resources, logicalId) ? knownObject(resources[logicalId]) : undefined;
    if (!integration || integration.Type !== 'AWS::ApiGatewayV2::Integration') {
      throw new SimulationError(`the template has no AWS::ApiGatewayV2::Integration '${logicalId}'`);
    }
    if (integration.Properties !== undefined && knownObject(integration.Properties) === undefined) {
      throw new SimulationError(`the properties of integration ${logicalId} are only known at deployment`);
    }
    return new HttpSimulator(httpModel(knownObject(integration.Properties)?.ResponseParameters, `integration ${logicalId}`));
  }

  private constructor(private readonly model: HttpModel) {}

  /**
   * What the client receives for this answer of the integration. `backend.statusCode`,
   * `backend.headers`, `backend.multiValueHeaders` and `backend.body` are the integration's answer
   * (for a Lambda proxy integration, the status code, headers and body of the function's response);
   * `context` and `stageVariables` feed `$context` and `$stageVariables` values. `headers` of the
   * result are every header the client gets from the integration, after the mapping.
   *
   * @param input the integration's answer, stage and context variables
   */
  public simulate(input: SimulationInput): SimulatedResponse {
    return simulateHttp(this.model, input);
  }
}
