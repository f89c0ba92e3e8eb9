import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketAwsIntegration, WebSocketLambdaIntegration, WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ResponseKey, TemplateSelection, WebSocketResponses } from '../../src';
import { apiGatewayResources, synthesize } from '../support/synth';

function fixture() {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  const api = new apigwv2.WebSocketApi(stack, 'Api');
  return { app, stack, api };
}

const pong = { templateSelection: TemplateSelection.DEFAULT, responseTemplates: { $default: '{"message": "pong"}' } };

test('a MOCK ping route answers pong two-way', () => {
  const { stack, api } = fixture();
  const route = api.addRoute('ping', { integration: new WebSocketMockIntegration('Ping') });
  const responses = WebSocketResponses.forRoute(route);
  const response = responses.addResponse(ResponseKey.DEFAULT, pong);
  expect(response.responseKey).toBe(ResponseKey.DEFAULT);
  const template = synthesize(stack);
  template.hasResourceProperties('AWS::ApiGatewayV2::IntegrationResponse', {
    IntegrationId: { Ref: Match.stringLikeRegexp('^ApipingRoutePing') },
    IntegrationResponseKey: '$default',
    TemplateSelectionExpression: '\\$default',
    ResponseTemplates: { $default: '{"message": "pong"}' },
  });
  template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ping', RouteResponseSelectionExpression: '$default' });
  template.hasResourceProperties('AWS::ApiGatewayV2::RouteResponse', { RouteResponseKey: '$default', RouteId: { Ref: Match.stringLikeRegexp('^ApipingRoute') } });
  expect(responses.integrationResponses).toHaveLength(1);
  expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  expect(apiGatewayResources(template, 'AWS::ApiGatewayV2')).toMatchSnapshot();
});

test('a route created with returnResponse keeps its own route response', () => {
  const { stack, api } = fixture();
  const route = api.addRoute('ping', { integration: new WebSocketMockIntegration('Ping'), returnResponse: true });
  WebSocketResponses.forRoute(route).addResponse(ResponseKey.DEFAULT, pong);
  synthesize(stack).resourceCountIs('AWS::ApiGatewayV2::RouteResponse', 1);
});

test('an AWS service integration maps status codes', () => {
  const { stack, api } = fixture();
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
  const route = api.addRoute('save', {
    integration: new WebSocketAwsIntegration('Save', {
      integrationUri: `arn:aws:apigateway:${stack.region}:dynamodb:action/PutItem`,
      integrationMethod: 'POST',
      credentialsRole: role,
    }),
  });
  const responses = WebSocketResponses.forRoute(route);
  responses.addResponse(ResponseKey.DEFAULT, { responseTemplates: { $default: '{"saved": true}' }, templateSelection: TemplateSelection.DEFAULT });
  responses.addResponse(ResponseKey.clientErrorStatus(), { responseTemplates: { $default: '{"error": "rejected"}' }, templateSelection: TemplateSelection.DEFAULT });
  responses.addResponse(ResponseKey.serverErrorStatus(), { responseTemplates: { $default: '{"error": "unavailable"}' }, templateSelection: TemplateSelection.DEFAULT });
  const template = synthesize(stack);
  template.resourceCountIs('AWS::ApiGatewayV2::IntegrationResponse', 3);
  template.hasResourceProperties('AWS::ApiGatewayV2::IntegrationResponse', { IntegrationResponseKey: '/5\\d\\d/' });
});

test('asking twice for the same integration returns the same set', () => {
  const { api } = fixture();
  const route = api.addRoute('ping', { integration: new WebSocketMockIntegration('Ping') });
  expect(WebSocketResponses.forRoute(route)).toBe(WebSocketResponses.forRoute(route));
});

test('fails a key used twice, across calls', () => {
  const { api } = fixture();
  const route = api.addRoute('ping', { integration: new WebSocketMockIntegration('Ping') });
  WebSocketResponses.forRoute(route).addResponse(ResponseKey.clientErrorStatus());
  expect(() => WebSocketResponses.forRoute(route).addResponse(ResponseKey.fromKey('/4\\d\\d/'))).toThrow(
    "[ws-duplicate-response-key] response key '/4\\d\\d/' is used by another integration response of the same integration: API Gateway selects one response per key, so one of them is never used (creating the second may also fail with a conflict); merge the two responses (at IntegrationResponseKey) (in WebSocketResponses.forRoute on Stack/Api/ping-Route)");
});

test('fails keys of the wrong kind for the integration, and mixed kinds', () => {
  const { stack, api } = fixture();
  const mock = api.addRoute('ping', { integration: new WebSocketMockIntegration('Ping') });
  expect(() => WebSocketResponses.forRoute(mock).addResponse(ResponseKey.whenLambdaErrorMatches('.+'))).toThrow(
    "[ws-key-kind] key '/.+/' matches Lambda error messages, but this integration matches keys against the status code; use ResponseKey.whenStatusMatches (in WebSocketResponses.forRoute on Stack/Api/ping-Route)");
  const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})') });
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
  const custom = api.addRoute('get', {
    integration: new WebSocketAwsIntegration('Get', {
      integrationUri: `arn:aws:apigateway:${stack.region}:lambda:path/2015-03-31/functions/${fn.functionArn}/invocations`,
      integrationMethod: 'POST',
      credentialsRole: role,
    }),
  });
  expect(() => WebSocketResponses.forRoute(custom).addResponse(ResponseKey.clientErrorStatus())).toThrow(/^\[ws-key-kind\] key '\/4\\d\\d\/' matches status codes, but this is a Lambda custom integration/);
  const unknown = WebSocketResponses.forIntegration(stack, api.apiId, 'abc123');
  unknown.addResponse(ResponseKey.whenLambdaErrorMatches('.+'));
  expect(() => unknown.addResponse(ResponseKey.whenStatusMatches('5\\d\\d'))).toThrow(/^\[ws-key-kind\] key '\/5\\d\\d\/' mixes error-message keys and status keys/);
});

test('fails on a Lambda proxy integration', () => {
  const { stack, api } = fixture();
  const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})') });
  const route = api.addRoute('echo', { integration: new WebSocketLambdaIntegration('Echo', fn) });
  expect(() => WebSocketResponses.forRoute(route)).toThrow(
    "[ws-proxy-integration-responses] integration type AWS_PROXY ignores integration responses: for proxy integrations API Gateway passes the backend's answer through (\"There is no integration response\"), so their templates and parameters never apply; use a non-proxy integration (AWS, HTTP or MOCK: WebSocketAwsIntegration, WebSocketMockIntegration) to map responses, or remove them (in WebSocketResponses.forRoute on Stack/Api/echo-Route)");
});

test('fails a route with a route response selection expression other than $default', () => {
  const { api } = fixture();
  const route = api.addRoute('ping', { integration: new WebSocketMockIntegration('Ping') });
  (route.node.defaultChild as apigwv2.CfnRoute).routeResponseSelectionExpression = '$request.body.x';
  expect(() => WebSocketResponses.forRoute(route)).toThrow(/^\[ws-route-response-selection\] route response selection expression '\$request.body.x' is not supported/);
});

test('works with a raw CfnApi and CfnIntegration, checking the integration type', () => {
  const { stack } = fixture();
  const api = new apigwv2.CfnApi(stack, 'Raw', { name: 'raw', protocolType: 'WEBSOCKET', routeSelectionExpression: '$request.body.action' });
  const integration = new apigwv2.CfnIntegration(stack, 'Mock', { apiId: api.ref, integrationType: 'MOCK' });
  const responses = WebSocketResponses.forIntegration(stack, api.ref, integration.ref);
  responses.addResponse(ResponseKey.DEFAULT, pong);
  responses.addResponse(ResponseKey.successStatus());
  synthesize(stack).hasResourceProperties('AWS::ApiGatewayV2::IntegrationResponse', { ApiId: { Ref: 'Raw' }, IntegrationId: { Ref: 'Mock' }, IntegrationResponseKey: '/2\\d\\d/' });
  const proxy = new apigwv2.CfnIntegration(stack, 'Proxy', { apiId: api.ref, integrationType: 'HTTP_PROXY', integrationUri: 'https://example.com', integrationMethod: 'ANY' });
  expect(() => WebSocketResponses.forIntegration(stack, api.ref, proxy.ref)).toThrow(/^\[ws-proxy-integration-responses\] integration type HTTP_PROXY/);
});

test('warns at synth when the integration has no $default response', () => {
  const { stack, api } = fixture();
  const route = api.addRoute('ping', { integration: new WebSocketMockIntegration('Ping') });
  WebSocketResponses.forRoute(route).addResponse(ResponseKey.successStatus());
  Annotations.fromStack(stack).hasWarning('/Stack/Api/ping-Route/Ping/Resource', Match.stringLikeRegexp("^\\[ws-no-default-key\\] the integration has 1 integration response\\(s\\) but none with key '\\$default'"));
});

test('a second route sharing the integration finds it through its target', () => {
  const { stack, api } = fixture();
  const shared = new WebSocketMockIntegration('Shared');
  api.addRoute('a', { integration: shared });
  const b = api.addRoute('b', { integration: shared });
  WebSocketResponses.forRoute(b).addResponse(ResponseKey.DEFAULT, pong);
  const template = synthesize(stack);
  template.resourceCountIs('AWS::ApiGatewayV2::IntegrationResponse', 1);
  template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'b', RouteResponseSelectionExpression: '$default' });
});
