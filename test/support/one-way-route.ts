import { App, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';

/**
 * A stack `Stack` with a one-way WebSocket route `ping` whose integration has a `$default`
 * response: the warning ws-route-not-two-way, on the route.
 */
export function oneWayRoute(app: App): { stack: Stack; route: apigwv2.CfnRoute } {
  const stack = new Stack(app, 'Stack');
  const socket = new apigwv2.WebSocketApi(stack, 'Socket');
  const route = socket.addRoute('ping', { integration: new WebSocketMockIntegration('Ping') });
  const integration = route.node.findAll().find(c => c instanceof apigwv2.CfnIntegration) as apigwv2.CfnIntegration;
  new apigwv2.CfnIntegrationResponse(stack, 'Pong', { apiId: socket.apiId, integrationId: integration.ref, integrationResponseKey: '$default' });
  return { stack, route: route.node.defaultChild as apigwv2.CfnRoute };
}
