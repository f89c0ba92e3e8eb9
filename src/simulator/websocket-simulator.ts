import { CfnResource, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { SimulationError } from './simulation-error';
import { SimulatedResponse, SimulationInput } from './types';
import { simulateWebSocket, WebSocketModel, webSocketModel } from './websocket-simulation';
import { InputTooDeepError, tooDeepAt } from '../checks/input-limits';
import { renderResource } from '../checks/render';
import { referenceKey } from '../checks/template-resources';
import { matchTargetOf } from '../grammar/match-target';
import { knownObject } from '../grammar/unknown';
import { WebSocketResponses } from '../websocket/websocket-responses';

/**
 * Computes what a WebSocket integration sends back to the client for a backend result, without
 * deploying: which integration response is selected, which template, the rendered message.
 * See docs/simulator.md for what is modelled and the known differences from API Gateway.
 */
export class WebSocketSimulator {
  /**
   * Simulates the responses added with `WebSocketResponses`.
   *
   * @param responses the responses of an integration
   */
  public static fromResponses(responses: WebSocketResponses): WebSocketSimulator {
    const properties = responses.integrationResponses.map(r => renderResource(r.node.defaultChild as CfnResource).properties);
    return new WebSocketSimulator(webSocketModel(undefined, responses._matchTarget, properties));
  }

  /**
   * Simulates an integration of a stack (the aws-cdk-lib `WebSocketIntegration` behind a route, or a
   * `CfnIntegration`) with every integration response of the stack that belongs to it. Call it once
   * the stack is built.
   *
   * @param integration the integration
   */
  public static fromIntegration(integration: apigwv2.WebSocketIntegration | apigwv2.CfnIntegration): WebSocketSimulator {
    const cfn = integration instanceof apigwv2.WebSocketIntegration ? integration.node.defaultChild as apigwv2.CfnIntegration : integration;
    const stack = Stack.of(cfn);
    const resources: Record<string, unknown> = {};
    for (const c of stack.node.findAll()) {
      if (CfnResource.isCfnResource(c) && Stack.of(c) === stack && c.cfnResourceType.startsWith('AWS::ApiGatewayV2::')) {
        const rendered = renderResource(c);
        resources[rendered.logicalId] = { Type: rendered.type, Properties: rendered.properties };
      }
    }
    return WebSocketSimulator.fromTemplate({ Resources: resources }, stack.getLogicalId(cfn));
  }

  /**
   * Simulates an `AWS::ApiGatewayV2::Integration` of a CloudFormation template with the
   * integration responses that refer to it. A template nested more than 500 levels deep is refused
   * with an error that says where, as `TemplateChecker.check` refuses it.
   *
   * @param template the template, as parsed JSON
   * @param logicalId the logical ID of the integration
   */
  public static fromTemplate(template: any, logicalId: string): WebSocketSimulator {
    const tooDeep = tooDeepAt(template);
    if (tooDeep !== undefined) throw new InputTooDeepError('the template', tooDeep);
    const resources = knownObject(knownObject(template)?.Resources) ?? {};
    const integration = knownObject(resources[logicalId]);
    if (!integration || integration.Type !== 'AWS::ApiGatewayV2::Integration') {
      throw new SimulationError(`the template has no AWS::ApiGatewayV2::Integration '${logicalId}'`);
    }
    const properties = knownObject(integration.Properties) ?? {};
    const responses = Object.values(resources)
      .map(r => knownObject(r))
      .filter(r => r?.Type === 'AWS::ApiGatewayV2::IntegrationResponse')
      .map(r => knownObject(r!.Properties) ?? {})
      .filter(p => referenceKey(p.IntegrationId) === `ref:${logicalId}`);
    return new WebSocketSimulator(webSocketModel(properties.IntegrationType,
      matchTargetOf(properties.IntegrationType, properties.IntegrationUri), responses));
  }

  private constructor(private readonly model: WebSocketModel) {}

  /**
   * What the client receives for this backend result and request.
   *
   * @param input the backend's result, the client message, stage and context variables
   */
  public simulate(input: SimulationInput): SimulatedResponse {
    return simulateWebSocket(this.model, input);
  }
}
