import { App, Aspects, Stack, Stage } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { GatewayResponses, IntegrationResponseChecks, RestResponse, RestResponses, TemplateChecker } from '../../src';
import { oneWayRoute } from '../support/one-way-route';
import { synthesize } from '../support/synth';
import { REPORTS_THROUGH_VALIDATIONS, reportedFinding, synthFailure } from '../support/synth-failure';
import { reportedViolations } from '../support/validation-report';

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

test('integration responses that map something on a Lambda proxy integration are a warning: they deploy and are ignored', () => {
  const { app, stack } = checkedApp();
  new apigw.RestApi(stack, 'Api').root.addMethod('GET', new apigw.LambdaIntegration(handler(stack), {
    integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{}' } }],
  }), { methodResponses: [{ statusCode: '200' }] });
  expect(() => app.synth()).not.toThrow();
  Annotations.fromStack(stack).hasWarning('/Stack/Api/Default/GET/Resource',
    Match.stringLikeRegexp('^\\[rest-proxy-integration-responses\\] integration type AWS_PROXY ignores integration responses'));
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
  const l1Socket = (withBadParameter: boolean) => {
    const { app, stack } = checkedApp();
    const api = new apigwv2.CfnApi(stack, 'Socket', { name: 'ws', protocolType: 'WEBSOCKET', routeSelectionExpression: '$request.body.action' });
    const integration = new apigwv2.CfnIntegration(stack, 'Integ', { apiId: api.ref, integrationType: 'MOCK' });
    new apigwv2.CfnIntegrationResponse(stack, 'A', { apiId: api.ref, integrationId: integration.ref, integrationResponseKey: '$default' });
    new apigwv2.CfnIntegrationResponse(stack, 'B', {
      apiId: api.ref,
      integrationId: integration.ref,
      integrationResponseKey: '$default',
      responseParameters: withBadParameter ? { 'method.response.header.X': '*' } : undefined,
    });
    return { app, stack };
  };
  const broken = l1Socket(true);
  expect(() => broken.app.synth()).toThrow(/\[Stack\/B\] \[ws-parameter-value\] response parameter 'method.response.header.X': '\*' is not a valid mapping expression/);
  Annotations.fromStack(l1Socket(false).stack).hasWarning('/Stack/B',
    Match.stringLikeRegexp("^\\[ws-duplicate-response-key\\] response key '\\$default' is used by another integration response"));
});

test('warnings become annotations on the resource they are about', () => {
  const { stack } = checkedApp();
  const api = new apigwv2.WebSocketApi(stack, 'Socket');
  const route = api.addRoute('ping', { integration: new WebSocketMockIntegration('Ping') });
  const integration = route.node.findAll().find(c => c instanceof apigwv2.CfnIntegration) as apigwv2.CfnIntegration;
  new apigwv2.CfnIntegrationResponse(stack, 'Pong', { apiId: api.apiId, integrationId: integration.ref, integrationResponseKey: '$default' });
  Annotations.fromStack(stack).hasWarning('/Stack/Socket/ping-Route/Resource',
    Match.stringLikeRegexp("^\\[ws-route-not-two-way\\] route 'ping' has no '\\$default' route response, so it is one-way"));
});

test('clean apps stay clean: CORS (on gateway responses too), Lambda proxy, WebSocket two-way MOCK', () => {
  const { app, stack } = checkedApp();
  const proxy = new apigw.LambdaRestApi(stack, 'Proxy', { handler: handler(stack), defaultCorsPreflightOptions: { allowOrigins: apigw.Cors.ALL_ORIGINS } });
  GatewayResponses.addCors(proxy);
  const socket = new apigwv2.WebSocketApi(stack, 'Socket');
  socket.addRoute('ping', { integration: new WebSocketMockIntegration('Ping'), returnResponse: true });
  expect(() => app.synth()).not.toThrow();
  expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('cdk-integration-responses|\\[(rest|ws|gateway)-'))).toEqual([]);
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
      "suppression of 'rest-nope' names no rule of cdk-integration-responses (see docs/rules.md) (in IntegrationResponseChecks.suppress on Default)");
    expect(() => IntegrationResponseChecks.suppress(stack, 'rest-no-default', '')).toThrow("suppression of 'rest-no-default' gives no reason");
  });
});

describe('apps built from stages (CDK Pipelines)', () => {
  /** A pipeline-shaped app: a stage inside a stack, and a stage inside a stage, each with a stack. */
  function pipelineApp(betaHeaderDeclared = false) {
    const app = new App();
    const pipeline = new Stack(app, 'Pipeline');
    const beta = new Stage(pipeline, 'Beta');
    const betaService = new Stack(beta, 'Service');
    new apigw.RestApi(betaService, 'Api').root.addMethod('GET', new apigw.MockIntegration({
      integrationResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.X-Id': "'1'" } }],
    }), { methodResponses: [{ statusCode: '200', responseParameters: betaHeaderDeclared ? { 'method.response.header.X-Id': true } : undefined }] });
    const prod = new Stage(app, 'Prod');
    const region = new Stage(prod, 'EuWest1');
    const prodService = new Stack(region, 'Service');
    const socket = new apigwv2.WebSocketApi(prodService, 'Socket');
    const route = socket.addRoute('ping', { integration: new WebSocketMockIntegration('Ping') });
    const integration = route.node.findAll().find(c => c instanceof apigwv2.CfnIntegration) as apigwv2.CfnIntegration;
    new apigwv2.CfnIntegrationResponse(prodService, 'Pong', { apiId: socket.apiId, integrationId: integration.ref, integrationResponseKey: '$default' });
    return { app, beta, region, prodService };
  }

  test('addTo checks the stacks of every stage, nested stages included', () => {
    const { app } = pipelineApp();
    IntegrationResponseChecks.addTo(app);
    expect(synthFailure(app)).toMatch(reportedFinding('Pipeline/Beta/Service/Api/Default/GET/Resource', 'rest-method-response-header',
      "integration response '200' maps header 'X-Id'"));
  });

  test('addTo reports the warnings of a stage nested in a stage on its resources', () => {
    const { app, prodService } = pipelineApp(true);
    IntegrationResponseChecks.addTo(app);
    if (REPORTS_THROUGH_VALIDATIONS) {
      expect(reportedViolations(app.synth().directory, 'cdk-integration-responses'))
        .toEqual(['cdk-integration-responses warning ws-route-not-two-way Prod/EuWest1/Service/Socket/ping-Route/Resource Properties']);
    } else {
      Annotations.fromStack(prodService).hasWarning('/Prod/EuWest1/Service/Socket/ping-Route/Resource',
        Match.stringLikeRegexp("^\\[ws-route-not-two-way\\] route 'ping' has no '\\$default' route response"));
    }
  });

  test('checks added with Aspects.of(app), which never reach stages, fail synthesis naming the stages instead of skipping them', () => {
    const { app } = pipelineApp();
    Aspects.of(app).add(new IntegrationResponseChecks());
    expect(() => app.synth()).toThrow(
      "[cdk-integration-responses] the integration response checks do not reach stage 'Pipeline/Beta' (1 API Gateway resource): " +
      'the aspects of an app or a stage never visit the stages inside it, and IntegrationResponseChecks.addTo covers only the ' +
      'stages that exist when it is called; call IntegrationResponseChecks.addTo(app) once every stage is defined');
    expect(() => app.synth()).toThrow(/do not reach stage 'Prod\/EuWest1' \(3 API Gateway resources\)/);
  });

  test('a stage created after addTo is checked by the validation plugin, or reported where there is none', () => {
    const app = new App();
    IntegrationResponseChecks.addTo(app);
    const late = new Stack(new Stage(app, 'Late'), 'Service');
    new apigw.RestApi(late, 'Api').root.addMethod('GET', new apigw.MockIntegration({
      integrationResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.X-Id': "'1'" } }],
    }), { methodResponses: [{ statusCode: '200' }] });
    expect(synthFailure(app)).toMatch(REPORTS_THROUGH_VALIDATIONS
      ? reportedFinding('Late/Service/Api/Default/GET/Resource', 'rest-method-response-header', "integration response '200' maps header 'X-Id'")
      : /do not reach stage 'Late' \(1 API Gateway resource\)/);
  });

  test('stages without API Gateway resources need no checks', () => {
    const app = new App();
    Aspects.of(app).add(new IntegrationResponseChecks());
    new Stack(new Stage(app, 'Storage'), 'Buckets');
    expect(() => app.synth()).not.toThrow();
  });
});

describe('strict mode: warnings fail synthesis too', () => {

  test('by default a warning is an annotation and synthesis succeeds', () => {
    const app = new App();
    oneWayRoute(app);
    IntegrationResponseChecks.addTo(app);
    expect(() => app.synth()).not.toThrow();
  });

  test('with strict: true', () => {
    const app = new App();
    oneWayRoute(app);
    IntegrationResponseChecks.addTo(app, { strict: true });
    expect(synthFailure(app)).toMatch(reportedFinding('Stack/Socket/ping-Route/Resource', 'ws-route-not-two-way', "route 'ping' has no '\\$default' route response"));
  });

  test('with the cdk-integration-responses:strict context value, also for the checks of the builders', () => {
    const withMethod = (pattern: string) => {
      const app = new App({ context: { 'cdk-integration-responses:strict': 'true' } });
      const stack = new Stack(app, 'Stack');
      RestResponses.of([RestResponse.forStatus('200'), RestResponse.forStatus('500').whenStatusMatches(pattern)])
        .addMethod(new apigw.RestApi(stack, 'Api').root, 'GET', new apigw.MockIntegration());
      return app;
    };
    expect(() => withMethod('5\\d\\d').synth()).not.toThrow();
    expect(() => withMethod('.*NotFound.*').synth()).toThrow(/\[rest-status-pattern-unreachable\] selection pattern '\.\*NotFound\.\*' can match no status code/);
  });
});
