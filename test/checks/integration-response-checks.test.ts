import { App, Aspects, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IntegrationResponseChecks, TemplateChecker } from '../../src';
import { synthesize } from '../support/synth';

function checkedApp() {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  Aspects.of(app).add(new IntegrationResponseChecks());
  return { app, stack };
}

function handler(stack: Stack) {
  return new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})') });
}

test('a plain aws-cdk-lib mistake fails synth: a mapped header no method response declares', () => {
  const { app, stack } = checkedApp();
  const api = new apigw.RestApi(stack, 'Api');
  api.root.addMethod('GET', new apigw.MockIntegration({
    integrationResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" } }],
  }), { methodResponses: [{ statusCode: '200' }] });
  expect(() => app.synth()).toThrow(/\[Stack\/Api\/Default\/GET\/Resource\] \[rest-method-response-header\] integration response '200' maps header 'Access-Control-Allow-Origin'/);
});

test('integration responses on a Lambda proxy integration fail synth', () => {
  const { app, stack } = checkedApp();
  new apigw.RestApi(stack, 'Api').root.addMethod('GET', new apigw.LambdaIntegration(handler(stack), {
    integrationResponses: [{ statusCode: '200' }],
  }), { methodResponses: [{ statusCode: '200' }] });
  expect(() => app.synth()).toThrow(/\[rest-proxy-integration-responses\] integration type AWS_PROXY has integration responses, which API Gateway ignores/);
});

test('values set through addPropertyOverride on a CfnMethod are checked', () => {
  const { app, stack } = checkedApp();
  const api = new apigw.RestApi(stack, 'Api');
  api.root.addMethod('ANY');
  const raw = new apigw.CfnMethod(stack, 'Raw', {
    restApiId: api.restApiId,
    resourceId: api.root.resourceId,
    httpMethod: 'GET',
    authorizationType: 'NONE',
    integration: { type: 'MOCK', integrationResponses: [{ statusCode: '200' }] },
    methodResponses: [{ statusCode: '200' }],
  });
  raw.addPropertyOverride('Integration.IntegrationResponses.0.ResponseParameters', { 'method.response.header.X': 'static' });
  expect(() => app.synth()).toThrow(/\[Stack\/Raw\] \[rest-parameter-value\] response parameter 'method.response.header.X': 'static' is not a valid mapping expression/);
});

test('WebSocket resources written with L1s are checked together', () => {
  const { app, stack } = checkedApp();
  const api = new apigwv2.CfnApi(stack, 'Socket', { name: 'ws', protocolType: 'WEBSOCKET', routeSelectionExpression: '$request.body.action' });
  const integration = new apigwv2.CfnIntegration(stack, 'Integ', { apiId: api.ref, integrationType: 'MOCK' });
  new apigwv2.CfnIntegrationResponse(stack, 'A', { apiId: api.ref, integrationId: integration.ref, integrationResponseKey: '$default' });
  new apigwv2.CfnIntegrationResponse(stack, 'B', { apiId: api.ref, integrationId: integration.ref, integrationResponseKey: '$default' });
  expect(() => app.synth()).toThrow(/\[Stack\/B\] \[ws-duplicate-response-key\] response key '\$default' is used by another integration response/);
});

test('warnings become annotations on the resource they are about', () => {
  const { stack } = checkedApp();
  const api = new apigwv2.WebSocketApi(stack, 'Socket');
  const route = api.addRoute('ping', { integration: new WebSocketMockIntegration('Ping') });
  const integration = route.node.findAll().find(c => c instanceof apigwv2.CfnIntegration) as apigwv2.CfnIntegration;
  new apigwv2.CfnIntegrationResponse(stack, 'Pong', { apiId: api.apiId, integrationId: integration.ref, integrationResponseKey: '$default' });
  Annotations.fromStack(stack).hasWarning('/Stack/Socket/ping-Route/Resource',
    Match.stringLikeRegexp("^\\[ws-route-not-two-way\\] route 'ping' has no route response selection expression"));
});

test('clean apps stay clean: CORS, Lambda proxy, WebSocket two-way MOCK', () => {
  const { app, stack } = checkedApp();
  new apigw.LambdaRestApi(stack, 'Proxy', { handler: handler(stack), defaultCorsPreflightOptions: { allowOrigins: apigw.Cors.ALL_ORIGINS } });
  const socket = new apigwv2.WebSocketApi(stack, 'Socket');
  socket.addRoute('ping', { integration: new WebSocketMockIntegration('Ping'), returnResponse: true });
  expect(() => app.synth()).not.toThrow();
  expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('cdk-integration-responses|\\[(rest|ws)-'))).toEqual([]);
});

describe('suppressions', () => {
  function brokenApi(stack: Stack) {
    const api = new apigw.RestApi(stack, 'Api');
    api.root.addMethod('GET', new apigw.MockIntegration({ integrationResponses: [{ statusCode: '200' }, { statusCode: '500', selectionPattern: '5\\d\\d' }] }),
      { methodResponses: [{ statusCode: '200' }] });
    return api;
  }

  test('a suppression on a scope turns the rule off for its children and is written to the template', () => {
    const { stack } = checkedApp();
    const api = brokenApi(stack);
    IntegrationResponseChecks.suppress(api, 'rest-method-response-missing', 'the 500 response is only for alarms');
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('rest-method-response-missing'))).toEqual([]);
    const template = synthesize(stack).toJSON();
    const method = Object.values<any>(template.Resources).find(r => r.Type === 'AWS::ApiGateway::Method');
    expect(method.Metadata['cdk-integration-responses']).toEqual({
      suppress: [{ ruleId: 'rest-method-response-missing', reason: 'the 500 response is only for alarms' }],
    });
    expect(TemplateChecker.check(template)).toEqual([]);
  });

  test('without the suppression the same app warns', () => {
    const { stack } = checkedApp();
    brokenApi(stack);
    Annotations.fromStack(stack).hasWarning('/Stack/Api/Default/GET/Resource', Match.stringLikeRegexp('^\\[rest-method-response-missing\\]'));
  });

  test('a suppression on another branch does not apply', () => {
    const { stack } = checkedApp();
    brokenApi(stack);
    const other = new apigw.RestApi(stack, 'Other');
    other.root.addMethod('GET');
    IntegrationResponseChecks.suppress(other, 'rest-method-response-missing', 'not this one');
    expect(Annotations.fromStack(stack).findWarning('/Stack/Api/Default/GET/Resource', Match.stringLikeRegexp('rest-method-response-missing'))).toHaveLength(1);
  });

  test('two methods with the same responses share findings but not suppressions', () => {
    const { stack } = checkedApp();
    const suppressed = brokenApi(stack);
    const plain = new apigw.RestApi(stack, 'Plain');
    plain.root.addMethod('GET', new apigw.MockIntegration({ integrationResponses: [{ statusCode: '200' }, { statusCode: '500', selectionPattern: '5\\d\\d' }] }),
      { methodResponses: [{ statusCode: '200' }] });
    IntegrationResponseChecks.suppress(suppressed, 'rest-method-response-missing', 'the 500 response is only for alarms');
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('rest-method-response-missing'));
    expect(warnings.map(w => w.id)).toEqual(['/Stack/Plain/Default/GET/Resource']);
  });

  test('suppressing needs a known rule and a reason', () => {
    const stack = new Stack();
    expect(() => IntegrationResponseChecks.suppress(stack, 'rest-nope', 'x')).toThrow(
      "suppression of 'rest-nope' names no rule of cdk-integration-responses (see docs/rules.md) (IntegrationResponseChecks.suppress on Default)");
    expect(() => IntegrationResponseChecks.suppress(stack, 'rest-no-default', '')).toThrow("suppression of 'rest-no-default' gives no reason");
  });
});
