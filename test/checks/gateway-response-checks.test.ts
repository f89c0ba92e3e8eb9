import { App, CfnResource, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { IConstruct } from 'constructs';
import { GatewayResponses, IntegrationResponseChecks } from '../../src';
import { validateAtSynth } from '../../src/checks/synth-validation';
import { reportedFinding, synthFailure } from '../support/synth-failure';

function corsApi() {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  const api = new apigw.RestApi(stack, 'Api', { defaultCorsPreflightOptions: { allowOrigins: apigw.Cors.ALL_ORIGINS } });
  api.root.addResource('items').addMethod('GET', new apigw.MockIntegration());
  return { app, stack, api };
}

/** The synth-time checks without the validation plugin (aws-cdk-lib releases before `Validations`). */
function registerWithoutPlugin(scope: IConstruct) {
  for (const c of scope.node.findAll()) {
    if (CfnResource.isCfnResource(c) && ['AWS::ApiGateway::RestApi', 'AWS::ApiGateway::GatewayResponse'].includes(c.cfnResourceType)) validateAtSynth(c);
  }
}

function warningsOf(app: App, again = false): string[] {
  return app.synth({ force: again }).stacks.flatMap(s => s.messages).filter(m => m.level === 'warning').map(m => `${m.id} ${String(m.entry.data)}`);
}

describe('whole-app checks (the validation plugin on this aws-cdk-lib, or the aspect)', () => {
  test('an API with CORS on its methods and none on its gateway responses fails strict synthesis, on the API', () => {
    const { app } = corsApi();
    IntegrationResponseChecks.addTo(app, { strict: true });
    expect(synthFailure(app)).toMatch(reportedFinding('Stack/Api/Resource', 'gateway-response-cors', 'methods of this API send Access-Control-Allow-Origin'));
  });

  test('with GatewayResponses.addCors it synthesizes strictly, and the responses carry the header', () => {
    const { app, stack, api } = corsApi();
    GatewayResponses.addCors(api);
    IntegrationResponseChecks.addTo(app, { strict: true });
    const template = app.synth().getStackByName(stack.stackName).template;
    const responses = Object.values(template.Resources as Record<string, any>).filter(r => r.Type === 'AWS::ApiGateway::GatewayResponse');
    expect(responses.map(r => [r.Properties.ResponseType, r.Properties.ResponseParameters['gatewayresponse.header.Access-Control-Allow-Origin']]))
      .toEqual([['DEFAULT_4XX', "'*'"], ['DEFAULT_5XX', "'*'"]]);
  });

  test("a mistake in aws-cdk-lib's own addGatewayResponse fails synthesis on the response", () => {
    const { app, api } = corsApi();
    api.addGatewayResponse('Denied', { type: apigw.ResponseType.ACCESS_DENIED, responseHeaders: { 'test-key': 'test-value' } });
    IntegrationResponseChecks.addTo(app);
    expect(synthFailure(app)).toMatch(reportedFinding('Stack/Api/Denied/Resource', 'gateway-response-parameter-value', "gateway response parameter 'gatewayresponse.header.test-key'"));
  });

  test('the warning is suppressed on the API like any other', () => {
    const { app, api } = corsApi();
    IntegrationResponseChecks.suppress(api, 'gateway-response-cors', 'the site is served from the same origin');
    IntegrationResponseChecks.addTo(app, { strict: true });
    expect(() => app.synth()).not.toThrow();
  });
});

describe('synth-time checks without the validation plugin', () => {
  test('the warning is an annotation of the API; errors of a response fail synthesis, naming it', () => {
    const { app } = corsApi();
    registerWithoutPlugin(app);
    expect(warningsOf(app)).toEqual([expect.stringMatching(/^\/Stack\/Api\/Resource \[gateway-response-cors\] 2 methods of this API send/)]);

    const failing = corsApi();
    failing.api.addGatewayResponse('Denied', { type: apigw.ResponseType.ACCESS_DENIED, responseHeaders: { 'test-key': 'test-value' } });
    registerWithoutPlugin(failing.app);
    expect(synthFailure(failing.app)).toMatch('[Stack/Api/Denied/Resource] [gateway-response-parameter-value]');
  });

  test('a second synthesis checks the stack again', () => {
    const { app, api } = corsApi();
    registerWithoutPlugin(app);
    expect(warningsOf(app)).toHaveLength(1);
    // A response added after the first synthesis is checked by the next one.
    api.addGatewayResponse('Denied', { type: apigw.ResponseType.ACCESS_DENIED, responseHeaders: { 'test-key': 'test-value' } });
    registerWithoutPlugin(app);
    expect(() => warningsOf(app, true)).toThrow('[Stack/Api/Denied/Resource] [gateway-response-parameter-value]');
  });
});
