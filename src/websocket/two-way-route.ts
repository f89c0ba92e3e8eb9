import { Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { throwOnErrors } from '../errors/integration-response-error';
import { RULES } from '../rules/catalog';
import { DEFAULT_KEY } from '../rules/response-key';
import { checkRoute } from '../rules/websocket-integration';

/**
 * Makes a route two-way, so its integration responses reach the client: sets its route response
 * selection expression to `$default` and gives it a `$default` route response, unless it has them.
 * Both are what `addRoute(..., { returnResponse: true })` would have created.
 */
export function makeTwoWay(route: apigwv2.WebSocketRoute, where: string): void {
  const cfnRoute = route.node.defaultChild as apigwv2.CfnRoute;
  const expression = cfnRoute.routeResponseSelectionExpression;
  if (expression === undefined) {
    cfnRoute.routeResponseSelectionExpression = DEFAULT_KEY;
  } else {
    // A route that selects route responses by anything but $default cannot be made two-way here.
    throwOnErrors(checkRoute({ properties: { RouteResponseSelectionExpression: expression } }, false), where, [RULES.wsRouteResponseSelection]);
  }
  const hasDefaultResponse = route.node.children.some(child => child instanceof apigwv2.CfnRouteResponse
    && Stack.of(route).resolve(child.routeResponseKey) === DEFAULT_KEY);
  if (!hasDefaultResponse) {
    new apigwv2.CfnRouteResponse(route, 'DefaultRouteResponse', {
      apiId: route.webSocketApi.apiId,
      routeId: route.routeId,
      routeResponseKey: DEFAULT_KEY,
    });
  }
}
