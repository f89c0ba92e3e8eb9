import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { ResponseKey, ResponseValue, TemplateSelection, WebSocketIntegrationResponse } from '../../src';
import { apiGatewayResources, synthesize } from '../support/synth';

function rawApi() {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  const api = new apigwv2.CfnApi(stack, 'Api', { name: 'ws', protocolType: 'WEBSOCKET', routeSelectionExpression: '$request.body.action' });
  const integration = new apigwv2.CfnIntegration(stack, 'Integration', { apiId: api.ref, integrationType: 'MOCK', requestTemplates: { $default: '{"statusCode": 200}' }, templateSelectionExpression: '\\$default' });
  return { app, stack, api, integration };
}

test('imports an identifier known only at deployment by splitting it there', () => {
  const stack = new Stack();
  const identifier = new CfnParameter(stack, 'ResponseId').valueAsString;
  const imported = WebSocketIntegrationResponse.fromIdentifier(stack, 'Imported', identifier);
  expect(stack.resolve(imported.integrationId)).toEqual({ 'Fn::Select': [1, { 'Fn::Split': ['|', { Ref: 'ResponseId' }] }] });
  expect(stack.resolve(imported.integrationResponseId)).toEqual({ 'Fn::Select': [2, { 'Fn::Split': ['|', { Ref: 'ResponseId' }] }] });
});

test('renders every field of AWS::ApiGatewayV2::IntegrationResponse', () => {
  const { stack, api, integration } = rawApi();
  const response = new WebSocketIntegrationResponse(stack, 'Ok', {
    apiId: api.ref,
    integrationId: integration.ref,
    responseKey: ResponseKey.DEFAULT,
    templateSelection: TemplateSelection.statusCode(),
    responseTemplates: { 200: '{"ok": true}', $default: '{"ok": false}' },
    headers: { 'X-Kind': ResponseValue.literal('pong') },
    contentHandling: apigwv2.ContentHandling.CONVERT_TO_TEXT,
  });
  const template = synthesize(stack);
  template.hasResourceProperties('AWS::ApiGatewayV2::IntegrationResponse', {
    ApiId: { Ref: 'Api' },
    IntegrationId: { Ref: 'Integration' },
    IntegrationResponseKey: '$default',
    TemplateSelectionExpression: '${integration.response.statuscode}',
    ResponseTemplates: { 200: '{"ok": true}', $default: '{"ok": false}' },
    ResponseParameters: { 'method.response.header.X-Kind': "'pong'" },
    ContentHandlingStrategy: 'CONVERT_TO_TEXT',
  });
  const resource = response.node.defaultChild as apigwv2.CfnIntegrationResponse;
  expect(stack.resolve(response.integrationResponseId)).toEqual({ Ref: stack.getLogicalId(resource) });
  expect(stack.resolve(response.apiId)).toEqual({ Ref: 'Api' });
  expect(apiGatewayResources(template, '')).toMatchSnapshot();
});

test('imports from attributes and from the CloudFormation identifier', () => {
  const stack = new Stack();
  const a = WebSocketIntegrationResponse.fromWebSocketIntegrationResponseAttributes(stack, 'A', { apiId: 'api1', integrationId: 'int1', integrationResponseId: 'resp1' });
  expect([a.apiId, a.integrationId, a.integrationResponseId]).toEqual(['api1', 'int1', 'resp1']);
  const b = WebSocketIntegrationResponse.fromIdentifier(stack, 'B', 'api2|int2|resp2');
  expect([b.apiId, b.integrationId, b.integrationResponseId]).toEqual(['api2', 'int2', 'resp2']);
  expect(() => WebSocketIntegrationResponse.fromIdentifier(stack, 'C', 'api|int')).toThrow(
    "'api|int' is not an integration response identifier: expected ApiId|IntegrationId|IntegrationResponseId (in WebSocketIntegrationResponse.fromIdentifier)");
});

test('fails a mistake in the response at construction, naming the construct', () => {
  const { stack, api, integration } = rawApi();
  expect(() => new WebSocketIntegrationResponse(stack, 'Bad', {
    apiId: api.ref,
    integrationId: integration.ref,
    responseKey: ResponseKey.DEFAULT,
    headers: { X: ResponseValue.literal('x'.repeat(511)) },
  })).toThrow("[ws-parameter-value] response parameter 'method.response.header.X' has a value of 513 characters: API Gateway's API reference allows 1 to 512 characters; give a non-empty value of at most 512 characters (at ResponseParameters.method.response.header.X) (in WebSocketIntegrationResponse Stack/Bad)");
  expect(() => new WebSocketIntegrationResponse(stack, 'Context', {
    apiId: api.ref, integrationId: integration.ref, responseKey: ResponseKey.DEFAULT, headers: { X: ResponseValue.contextVariable('requestId') },
  })).toThrow(/^\[ws-parameter-source\] response parameter 'method.response.header.X': 'context.requestId' is a REST mapping source that API Gateway does not document for WebSocket integration responses .* \(in WebSocketIntegrationResponse Stack\/Context\)$/);
  expect(() => new WebSocketIntegrationResponse(stack, 'Name', {
    apiId: api.ref, integrationId: integration.ref, responseKey: ResponseKey.DEFAULT, headers: { 'X Kind': ResponseValue.literal('a') },
  })).toThrow(/^\[ws-parameter-key\] response parameter 'method.response.header.X Kind' is not valid: header names cannot contain spaces/);
  expect(() => new WebSocketIntegrationResponse(stack, 'Big', {
    apiId: api.ref, integrationId: integration.ref, responseKey: ResponseKey.DEFAULT, responseTemplates: { $default: 'x'.repeat(40_000) },
  })).toThrow(/^\[ws-template-size\] .* \(in WebSocketIntegrationResponse Stack\/Big\)$/);
});

test('warns at synth when a second response reuses a key, and when $default is missing', () => {
  const { stack, api, integration } = rawApi();
  new WebSocketIntegrationResponse(stack, 'A', { apiId: api.ref, integrationId: integration.ref, responseKey: ResponseKey.clientErrorStatus() });
  new WebSocketIntegrationResponse(stack, 'B', { apiId: api.ref, integrationId: integration.ref, responseKey: ResponseKey.clientErrorStatus() });
  const annotations = Annotations.fromStack(stack);
  annotations.hasWarning('/Stack/B/Resource', Match.stringLikeRegexp("^\\[ws-duplicate-response-key\\] response key '/4\\\\d\\\\d/' is used by another integration response"));
  annotations.hasWarning('/Stack/A/Resource', Match.stringLikeRegexp('^\\[ws-no-default-key\\]'));
});

test('a second synthesis checks the app as it is then, not as it was', () => {
  const { app, stack, api, integration } = rawApi();
  new WebSocketIntegrationResponse(stack, 'A', { apiId: api.ref, integrationId: integration.ref, responseKey: ResponseKey.clientErrorStatus() });
  expect(() => app.synth({ force: true })).not.toThrow();
  new WebSocketIntegrationResponse(stack, 'B', { apiId: api.ref, integrationId: integration.ref, responseKey: ResponseKey.serverErrorStatus(), responseTemplates: { $default: '{"error": "x"}' } });
  expect(() => app.synth({ force: true })).not.toThrow();
  (integration as apigwv2.CfnIntegration).integrationType = 'HTTP_PROXY';
  const warnings = () => app.synth({ force: true }).getStackByName('Stack').messages.map(m => `${m.id} ${String(m.entry.data).split(' ')[0]}`);
  expect(warnings()).toContain('/Stack/B/Resource [ws-proxy-integration-responses]');
  expect(warnings()).not.toContain('/Stack/A/Resource [ws-proxy-integration-responses]');
});

test('a one-way route to the integration is reported on the response, without the whole-app checks', () => {
  const { stack, api, integration } = rawApi();
  new apigwv2.CfnRoute(stack, 'Route', { apiId: api.ref, routeKey: 'ping', target: `integrations/${integration.ref}` });
  new WebSocketIntegrationResponse(stack, 'Ok', { apiId: api.ref, integrationId: integration.ref, responseKey: ResponseKey.DEFAULT });
  Annotations.fromStack(stack).hasWarning('/Stack/Ok/Resource',
    Match.stringLikeRegexp("^\\[ws-route-not-two-way\\] route 'ping' has no '\\$default' route response.* \\(at route Stack/Route\\)"));
});

test('warns at synth about a mapping on a proxy integration given by ID; a bare $default response is not reported', () => {
  const { stack, api } = rawApi();
  const proxy = new apigwv2.CfnIntegration(stack, 'Proxy', { apiId: api.ref, integrationType: 'AWS_PROXY', integrationUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations' });
  new WebSocketIntegrationResponse(stack, 'Bare', { apiId: api.ref, integrationId: proxy.ref, responseKey: ResponseKey.DEFAULT });
  new WebSocketIntegrationResponse(stack, 'P', { apiId: api.ref, integrationId: proxy.ref, responseKey: ResponseKey.serverErrorStatus(), responseTemplates: { $default: '{}' } });
  const annotations = Annotations.fromStack(stack);
  annotations.hasWarning('/Stack/P/Resource', Match.stringLikeRegexp('^\\[ws-proxy-integration-responses\\] integration type AWS_PROXY ignores integration responses'));
  expect(annotations.findWarning('/Stack/Bare/Resource', Match.anyValue())).toEqual([]);
});

test('warnings of the response become annotations', () => {
  const { stack, api, integration } = rawApi();
  new WebSocketIntegrationResponse(stack, 'Ok', { apiId: api.ref, integrationId: integration.ref, responseKey: ResponseKey.DEFAULT });
  new WebSocketIntegrationResponse(stack, 'Never', { apiId: api.ref, integrationId: integration.ref, responseKey: ResponseKey.whenStatusMatches('.*x.*') });
  Annotations.fromStack(stack).hasWarning('/Stack/Never/Resource', Match.stringLikeRegexp('^\\[ws-status-key-unreachable\\] response key'));
});
