import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IConstruct } from 'constructs';
import { GatewayResponses, IntegrationResponseChecks, TemplateChecker } from '../../src';
import { validateAtSynth } from '../../src/checks/synth-validation';
import { corsDefinition } from '../support/cors-definition';
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
    expect(synthFailure(app)).toMatch(reportedFinding('Stack/Api/Resource', 'gateway-response-cors', '2 methods of this API send Access-Control-Allow-Origin'));
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

describe("gateway responses the API's own definition gives it", () => {
  const cors = { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" };
  const withoutCors = { 'gatewayresponse.header.X-Request-Id': 'context.requestId' };
  const definition = (parameters: Record<string, string>) => ({
    'openapi': '3.0.1',
    'info': { title: 'items', version: '1' },
    'paths': {},
    'x-amazon-apigateway-gateway-responses': {
      DEFAULT_4XX: { responseParameters: parameters },
      DEFAULT_5XX: { responseParameters: parameters },
    },
  });

  /** A SpecRestApi with a CORS method added beside its definition. */
  function specApi(body: object | undefined) {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const api = new apigw.SpecRestApi(stack, 'Api', {
      apiDefinition: body === undefined ? apigw.ApiDefinition.fromBucket(s3.Bucket.fromBucketName(stack, 'Definitions', 'definitions'), 'api.yaml') : apigw.ApiDefinition.fromInline(body),
    });
    api.root.addResource('items').addMethod('GET', new apigw.MockIntegration({
      integrationResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" } }],
    }), { methodResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': true } }] });
    return { app, stack, api };
  }

  test.each([
    ['inline, with the CORS header, no warning', definition(cors), false],
    ['inline, without it, the warning', definition(withoutCors), true],
    ['kept in S3, where the checks cannot read it: not judged', undefined, false],
  ])('a definition %s, in the whole-app checks, without the plugin and in the template checker', (_, body, warned) => {
    const { app } = specApi(body);
    IntegrationResponseChecks.addTo(app, { strict: true });
    const warning = 'a method of this API sends Access-Control-Allow-Origin, but the gateway responses DEFAULT_4XX and DEFAULT_5XX do not';
    if (warned) expect(synthFailure(app)).toMatch(reportedFinding('Stack/Api/Resource', 'gateway-response-cors', warning));
    else expect(() => app.synth()).not.toThrow();

    const plain = specApi(body);
    registerWithoutPlugin(plain.app);
    expect(warningsOf(plain.app)).toEqual(warned ? [expect.stringMatching(/^\/Stack\/Api\/Resource \[gateway-response-cors\]/)] : []);

    const template = Template.fromStack(specApi(body).stack).toJSON();
    expect(TemplateChecker.check(template).filter(f => f.ruleId === 'gateway-response-cors').map(f => f.resource))
      .toEqual(warned ? [expect.stringMatching(/^Api/)] : []);
  });

  test('methods of an API defined in another stack are not judged: its gateway responses live there', () => {
    const app = new App();
    const stack = new Stack(app, 'Methods');
    const api = apigw.RestApi.fromRestApiAttributes(stack, 'Api', { restApiId: 'abc123', rootResourceId: 'root456' });
    api.root.addResource('items').addMethod('GET', new apigw.MockIntegration({
      integrationResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" } }],
    }), { methodResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': true } }] });
    IntegrationResponseChecks.addTo(app, { strict: true });
    expect(() => app.synth()).not.toThrow();
    expect(TemplateChecker.check(Template.fromStack(stack).toJSON())).toEqual([]);
  });
});

describe('the operations of a REST API definition count as its methods for CORS', () => {
  const allowOrigin = { responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" } };

  test('in a template: the API is warned when its gateway responses do not send the header, and not when they do', () => {
    const template = (body: unknown) => ({ Resources: { Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'cors', Body: body } } } });
    expect(TemplateChecker.check(template(corsDefinition())).map(f => `${f.resource} ${f.ruleId} ${f.message.slice(0, 48)}`)).toEqual([
      'Api gateway-response-cors a method of this API sends Access-Control-Allow-',
    ]);
    expect(TemplateChecker.check(template(corsDefinition({ DEFAULT_4XX: allowOrigin, DEFAULT_5XX: allowOrigin })))).toEqual([]);
  });

  test('in an app: a SpecRestApi fails strict synthesis without the gateway responses, and passes with them', () => {
    const specApp = (gatewayResponses?: Record<string, unknown>) => {
      const app = new App();
      new apigw.SpecRestApi(new Stack(app, 'Stack'), 'Api', { apiDefinition: apigw.ApiDefinition.fromInline(corsDefinition(gatewayResponses)) });
      IntegrationResponseChecks.addTo(app, { strict: true });
      return app;
    };
    expect(synthFailure(specApp())).toMatch(reportedFinding('Stack/Api/Resource', 'gateway-response-cors', 'a method of this API sends Access-Control-Allow-Origin'));
    expect(() => specApp({ DEFAULT_4XX: allowOrigin, DEFAULT_5XX: allowOrigin }).synth()).not.toThrow();
  });
});
