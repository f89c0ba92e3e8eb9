import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { JsonBody, ResponseTemplate, ResponseValue, RestResponse, RestResponses, RestSimulator, WhenMissing } from '../../src';
import { draft4Validator } from '../support/json-schema';
import { apiGatewayResources, synthesize } from '../support/synth';

function fixture() {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  const api = new apigw.RestApi(stack, 'Api');
  const fn = new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({})'),
  });
  return { app, stack, api, fn };
}

const lambdaResponses = () => RestResponses.of([
  RestResponse.forStatus('200').withTemplate('application/json', ResponseTemplate.passthroughJson()),
  RestResponse.forStatus('404').whenLambdaErrorMatches('.*\\[NotFound\\].*')
    .withTemplate('application/json', ResponseTemplate.lambdaErrorMessageJson()),
  RestResponse.forStatus('500').whenLambdaErrorMatches('.*\\[Internal\\].*'),
]).withHeaderOnAll('Access-Control-Allow-Origin', ResponseValue.literal('*'));

describe('RestResponses.of', () => {
  test('fails two responses for one status code', () => {
    expect(() => RestResponses.of([
      RestResponse.forStatus('200'),
      RestResponse.forStatus('500').whenStatusMatches('5\\d\\d'),
      RestResponse.forStatus('500').whenStatusMatches('4\\d\\d'),
    ])).toThrow("[rest-duplicate-status-code] status code '500' is used by 2 integration responses (#1, #2): API Gateway keeps one integration response per status code (a later one replaces an earlier one), so the others are never used; merge them into one, combining their selection patterns with '|' (at IntegrationResponses[2].StatusCode) (in RestResponses.of)");
  });

  test('fails two default responses', () => {
    expect(() => RestResponses.of([RestResponse.forStatus('200'), RestResponse.forStatus('201')])).toThrow(
      /^\[rest-duplicate-default\] integration responses '200', '201' all have no selection pattern: .*already exists"\); give every response but one a selection pattern \(at IntegrationResponses\[1\]\) \(in RestResponses\.of\)$/);
  });

  test('fails Lambda and status patterns in one set', () => {
    expect(() => RestResponses.of([
      RestResponse.forStatus('200'),
      RestResponse.forStatus('404').whenLambdaErrorMatches('.*NotFound.*'),
      RestResponse.forStatus('500').whenStatusMatches('5\\d\\d'),
    ])).toThrow("[rest-pattern-kind] responses '404' match Lambda error messages but '500' match status codes: one integration is either a Lambda custom integration (patterns see the errorMessage) or not (patterns see the status code); use one kind in a set (in RestResponses.of)");
  });

  test('renders integration responses and the method responses that declare them', () => {
    const responses = lambdaResponses();
    expect(responses.integrationResponses().map(r => [r.statusCode, r.selectionPattern, Object.keys(r.responseParameters ?? {})])).toEqual([
      ['200', undefined, ['method.response.header.Access-Control-Allow-Origin']],
      ['404', '.*\\[NotFound\\].*', ['method.response.header.Access-Control-Allow-Origin']],
      ['500', '.*\\[Internal\\].*', ['method.response.header.Access-Control-Allow-Origin']],
    ]);
    expect(responses.methodResponses()).toEqual(['200', '404', '500'].map(statusCode => ({
      statusCode,
      responseParameters: { 'method.response.header.Access-Control-Allow-Origin': true },
      responseModels: undefined,
    })));
  });

  test('a set built again is checked again, with the same outcome', () => {
    const twoDefaults = () => RestResponses.of([RestResponse.forStatus('200'), RestResponse.forStatus('201')]);
    expect(twoDefaults).toThrow(/^\[rest-duplicate-default\]/);
    expect(twoDefaults).toThrow(/^\[rest-duplicate-default\]/);
    expect(() => RestResponses.of([RestResponse.forStatus('200'), RestResponse.forStatus('201').whenStatusMatches('201')])).not.toThrow();
  });

  test('header names that are also JavaScript object properties are ordinary names', () => {
    const response = RestResponse.forStatus('200').withHeader('constructor', ResponseValue.literal('x'));
    expect(response.toIntegrationResponse().responseParameters).toEqual({ 'method.response.header.constructor': "'x'" });
  });

  test('withHeaderOnAll refuses a header a response already sets', () => {
    const set = RestResponses.of([RestResponse.forStatus('200').withHeader('A', ResponseValue.literal('1'))]);
    expect(() => set.withHeaderOnAll('A', ResponseValue.literal('2'))).toThrow(/header 'A' is already set on the '200' response/);
  });
});

describe('with aws-cdk-lib integrations', () => {
  test('LambdaIntegration (custom) and addMethod', () => {
    const { stack, api, fn } = fixture();
    const responses = lambdaResponses();
    api.root.addResource('items').addMethod('GET',
      new apigw.LambdaIntegration(fn, { proxy: false, integrationResponses: responses.integrationResponses() }),
      { methodResponses: responses.methodResponses() });
    const template = synthesize(stack);
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'GET',
      Integration: {
        Type: 'AWS',
        IntegrationResponses: [
          { StatusCode: '200', ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" }, ResponseTemplates: { 'application/json': "$input.json('$')" } },
          Match.objectLike({ StatusCode: '404', SelectionPattern: '.*\\[NotFound\\].*' }),
          Match.objectLike({ StatusCode: '500', SelectionPattern: '.*\\[Internal\\].*' }),
        ],
      },
      MethodResponses: [
        { StatusCode: '200', ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': true } },
        { StatusCode: '404', ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': true } },
        { StatusCode: '500', ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': true } },
      ],
    });
    expect(apiGatewayResources(template)).toMatchSnapshot();
  });

  test('AwsIntegration (Step Functions) with status patterns', () => {
    const { stack, api } = fixture();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
    const responses = RestResponses.of([
      RestResponse.forStatus('200').withTemplate('application/json', ResponseTemplate.fromString('{"executionArn": "$input.path(\'$.executionArn\')"}')),
      RestResponse.forStatus('400').whenStatusMatches('4\\d{2}'),
      RestResponse.forStatus('502').whenStatusMatches('5\\d{2}').withHeader('X-Upstream-Status', ResponseValue.literal('failed')),
    ]);
    api.root.addMethod('POST', new apigw.AwsIntegration({
      service: 'states',
      action: 'StartExecution',
      options: { credentialsRole: role, integrationResponses: responses.integrationResponses() },
    }), { methodResponses: responses.methodResponses() });
    synthesize(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      Integration: Match.objectLike({
        Type: 'AWS',
        IntegrationResponses: Match.arrayWith([{ StatusCode: '502', SelectionPattern: '5\\d{2}', ResponseParameters: { 'method.response.header.X-Upstream-Status': "'failed'" } }]),
      }),
      MethodResponses: Match.arrayWith([{ StatusCode: '502', ResponseParameters: { 'method.response.header.X-Upstream-Status': true } }]),
    });
  });

  test('HttpIntegration mapping a backend header', () => {
    const { stack, api } = fixture();
    const responses = RestResponses.of([
      RestResponse.forStatus('200').withHeader('ETag', ResponseValue.integrationHeader('ETag')),
      RestResponse.forStatus('404').whenStatusMatches('404'),
    ]);
    api.root.addMethod('GET', new apigw.HttpIntegration('https://example.com/items', {
      proxy: false,
      options: { integrationResponses: responses.integrationResponses() },
    }), { methodResponses: responses.methodResponses() });
    synthesize(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      Integration: Match.objectLike({
        Type: 'HTTP',
        IntegrationResponses: [
          { StatusCode: '200', ResponseParameters: { 'method.response.header.ETag': 'integration.response.header.ETag' } },
          { StatusCode: '404', SelectionPattern: '404' },
        ],
      }),
    });
  });

  test('MockIntegration', () => {
    const { stack, api } = fixture();
    const responses = RestResponses.of([
      RestResponse.forStatus('200').withTemplate('application/json', ResponseTemplate.fromString('{"status": "ok"}')),
    ]);
    api.root.addResource('health').addMethod('GET', new apigw.MockIntegration({
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      integrationResponses: responses.integrationResponses(),
    }), { methodResponses: responses.methodResponses() });
    synthesize(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      Integration: Match.objectLike({ Type: 'MOCK', IntegrationResponses: [{ StatusCode: '200', ResponseTemplates: { 'application/json': '{"status": "ok"}' } }] }),
      MethodResponses: [{ StatusCode: '200' }],
    });
  });

  test('a header value from a stack parameter is emitted as a CloudFormation expression', () => {
    const { stack, api } = fixture();
    const origin = new CfnParameter(stack, 'AllowedOrigin');
    const responses = RestResponses.of([RestResponse.forStatus('200').withHeader('Access-Control-Allow-Origin', ResponseValue.literal(origin.valueAsString))]);
    const method = api.root.addMethod('GET', new apigw.MockIntegration());
    responses.applyTo(method);
    synthesize(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      Integration: Match.objectLike({
        IntegrationResponses: [{
          StatusCode: '200',
          ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': { 'Fn::Join': ['', ["'", { Ref: 'AllowedOrigin' }, "'"]] } },
        }],
      }),
    });
  });
});

describe('addMethod', () => {
  test('adds the method with both sides of the responses, keeping the method options', () => {
    const { stack, api, fn } = fixture();
    const method = lambdaResponses().addMethod(api.root.addResource('items'), 'GET', new apigw.LambdaIntegration(fn, { proxy: false }),
      { apiKeyRequired: true, methodResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': true } }] });
    expect(method.httpMethod).toBe('GET');
    synthesize(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      ApiKeyRequired: true,
      Integration: Match.objectLike({ Type: 'AWS', IntegrationResponses: Match.arrayWith([Match.objectLike({ StatusCode: '404', SelectionPattern: '.*\\[NotFound\\].*' })]) }),
      MethodResponses: [
        { StatusCode: '200', ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': true } },
        { StatusCode: '404', ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': true } },
        { StatusCode: '500', ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': true } },
      ],
    });
  });

  test('fails at the call on a proxy integration, and at synth on what only the whole method shows', () => {
    const { app, api, fn } = fixture();
    expect(() => lambdaResponses().addMethod(api.root, 'GET', new apigw.LambdaIntegration(fn))).toThrow(/^\[rest-proxy-integration-responses\] integration type AWS_PROXY ignores integration responses/);
    RestResponses.of([RestResponse.forStatus('200').withHeader('X-Id', ResponseValue.contextVariable('requestId'))])
      .addMethod(api.root.addResource('mock'), 'GET', new apigw.MockIntegration(), { methodResponses: [{ statusCode: '200' }] });
    expect(() => app.synth()).toThrow(/\[Stack\/Api\/Default\/mock\/GET\/Resource\] \[rest-method-response-header\]/);
  });
});

// The same app on every aws-cdk-lib of the peer range: one method response per status code, the
// user's declared ones first (aws-cdk-lib 2.276.0 keeps an L2 method's responses in a new container,
// which the merge once read directly and missed).
describe('declared method responses merged with the derived ones', () => {
  const responses = () => RestResponses.of([
    RestResponse.forStatus('200').withHeader('X-Id', ResponseValue.contextVariable('requestId')),
    RestResponse.forStatus('404').whenStatusMatches('404'),
  ]);
  const expected = [
    { StatusCode: '200', ResponseParameters: { 'method.response.header.X-Id': true } },
    { StatusCode: '404' },
  ];

  test('addMethod with declared method responses', () => {
    const { app, stack, api } = fixture();
    responses().addMethod(api.root.addResource('a'), 'GET', new apigw.MockIntegration(),
      { methodResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.X-Id': true } }] });
    expect(() => app.synth()).not.toThrow();
    synthesize(stack).hasResourceProperties('AWS::ApiGateway::Method', { MethodResponses: expected });
  });

  test('applyTo on an L2 Method with declared method responses', () => {
    const { app, stack, api } = fixture();
    const method = api.root.addResource('a').addMethod('GET', new apigw.MockIntegration(),
      { methodResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.X-Id': true } }] });
    responses().applyTo(method);
    expect(() => app.synth()).not.toThrow();
    synthesize(stack).hasResourceProperties('AWS::ApiGateway::Method', { MethodResponses: expected });
  });

  test('applyTo on a CfnMethod with declared method responses', () => {
    const { app, stack, api } = fixture();
    api.root.addMethod('ANY');
    const cfn = new apigw.CfnMethod(stack, 'Raw', {
      restApiId: api.restApiId,
      resourceId: api.root.resourceId,
      httpMethod: 'GET',
      authorizationType: 'NONE',
      integration: { type: 'MOCK' },
      methodResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.X-Id': true } }],
    });
    responses().applyTo(cfn);
    expect(() => app.synth()).not.toThrow();
    synthesize(stack).hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'GET', MethodResponses: expected });
  });
});

describe('applyTo', () => {
  test('sets integration responses and method responses of an L2 Method', () => {
    const { stack, api, fn } = fixture();
    const method = api.root.addMethod('GET', new apigw.LambdaIntegration(fn, { proxy: false }));
    lambdaResponses().applyTo(method);
    const template = synthesize(stack);
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      Integration: Match.objectLike({ IntegrationResponses: Match.arrayWith([Match.objectLike({ StatusCode: '404' })]) }),
      MethodResponses: Match.arrayWith([{ StatusCode: '404', ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': true } }]),
    });
    expect(apiGatewayResources(template)).toMatchSnapshot();
  });

  test('sets them on a CfnMethod', () => {
    const { stack, api } = fixture();
    const cfn = new apigw.CfnMethod(stack, 'Raw', {
      restApiId: api.restApiId,
      resourceId: api.root.resourceId,
      httpMethod: 'GET',
      authorizationType: 'NONE',
      integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } },
    });
    api.root.addMethod('ANY'); // a RestApi needs one L2 method to deploy
    RestResponses.of([
      RestResponse.forStatus('200').withHeader('Cache-Control', ResponseValue.literal('no-store')),
      RestResponse.forStatus('500').whenStatusMatches('5\\d\\d'),
    ]).applyTo(cfn);
    synthesize(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'GET',
      Integration: {
        Type: 'MOCK',
        RequestTemplates: { 'application/json': '{"statusCode": 200}' },
        IntegrationResponses: [
          { StatusCode: '200', ResponseParameters: { 'method.response.header.Cache-Control': "'no-store'" } },
          { StatusCode: '500', SelectionPattern: '5\\d\\d' },
        ],
      },
      MethodResponses: [
        { StatusCode: '200', ResponseParameters: { 'method.response.header.Cache-Control': true } },
        { StatusCode: '500' },
      ],
    });
  });

  test('keeps the method responses the user declared and fails synth when they miss a header', () => {
    const { app, api } = fixture();
    const method = api.root.addMethod('GET', new apigw.MockIntegration(), { methodResponses: [{ statusCode: '200' }] });
    RestResponses.of([RestResponse.forStatus('200').withHeader('X-Id', ResponseValue.contextVariable('requestId'))]).applyTo(method);
    expect(() => app.synth()).toThrow(/\[Stack\/Api\/Default\/GET\/Resource\] \[rest-method-response-header\] integration response '200' maps header 'X-Id' but the method response for '200' does not declare method.response.header.X-Id: API Gateway rejects the deployment/);
  });

  test('a method response the method declares after applyTo is kept, and the set adds none for its status code', () => {
    const { stack, api } = fixture();
    const method = api.root.addMethod('GET', new apigw.MockIntegration());
    RestResponses.of([RestResponse.forStatus('200'), RestResponse.forStatus('404').whenStatusMatches('404')]).applyTo(method);
    method.addMethodResponse({ statusCode: '200', responseParameters: { 'method.response.header.X-Later': true } });
    synthesize(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      MethodResponses: [{ StatusCode: '200', ResponseParameters: { 'method.response.header.X-Later': true } }, { StatusCode: '404' }],
    });
  });

  test('a method response declared twice by the user is still reported', () => {
    const { app, api } = fixture();
    const method = api.root.addMethod('GET', new apigw.MockIntegration(), { methodResponses: [{ statusCode: '200' }] });
    RestResponses.of([RestResponse.forStatus('200')]).applyTo(method);
    method.addMethodResponse({ statusCode: '200' });
    expect(() => app.synth()).toThrow(/\[rest-duplicate-items\] item #1 of MethodResponses is an exact copy of item #0/);
  });

  test('the API deployment changes when the responses applied to a method change', () => {
    const deploymentId = (pattern: string) => {
      const { stack, api } = fixture();
      const method = api.root.addMethod('GET', new apigw.MockIntegration());
      RestResponses.of([RestResponse.forStatus('200'), RestResponse.forStatus('404').whenStatusMatches(pattern)]).applyTo(method);
      return Object.keys(synthesize(stack).findResources('AWS::ApiGateway::Deployment'))[0];
    };
    expect(deploymentId('404')).toMatch(/^ApiDeployment/);
    expect(deploymentId('404')).toBe(deploymentId('404'));
    expect(deploymentId('404')).not.toBe(deploymentId('4\\d\\d'));
  });

  test('a mistake introduced by a property override is caught at synth', () => {
    const { app, api } = fixture();
    const method = api.root.addMethod('GET', new apigw.MockIntegration());
    RestResponses.of([RestResponse.forStatus('200')]).applyTo(method);
    (method.node.defaultChild as apigw.CfnMethod).addPropertyOverride('Integration.IntegrationResponses.0.StatusCode', '2000');
    expect(() => app.synth()).toThrow(/\[rest-status-code\] status code '2000' is not a valid HTTP status.* \(at Integration.IntegrationResponses\[0\].StatusCode\)/);
  });

  test('warnings become annotations on the method', () => {
    const { stack, api, fn } = fixture();
    const method = api.root.addMethod('GET', new apigw.LambdaIntegration(fn, { proxy: false }));
    RestResponses.of([
      RestResponse.forStatus('200'),
      RestResponse.forStatus('500').whenLambdaErrorMatches('.*'),
    ]).applyTo(method);
    const annotations = Annotations.fromStack(stack);
    annotations.hasWarning('/Stack/Api/Default/GET/Resource',
      Match.stringLikeRegexp("^\\[rest-lambda-pattern-matches-success\\] selection pattern '\\.\\*' also matches the empty error message"));
    expect(annotations.findWarning('*', Match.stringLikeRegexp('rest-lambda-pattern-matches-success'))).toHaveLength(1);
  });

  test('fails on a proxy integration', () => {
    const { api, fn } = fixture();
    const method = api.root.addMethod('GET', new apigw.LambdaIntegration(fn));
    expect(() => lambdaResponses().applyTo(method)).toThrow(
      "[rest-proxy-integration-responses] integration type AWS_PROXY ignores integration responses: API Gateway stores them, but a proxy integration returns the backend's answer as it is, so their headers, templates and conversions never reach the client; use a non-proxy integration (type AWS, e.g. LambdaIntegration with proxy: false) to map responses, or remove them (in RestResponses.applyTo on Stack/Api/Default/GET/Resource)");
  });

  test('fails when the integration already has integration responses', () => {
    const { api } = fixture();
    const method = api.root.addMethod('GET', new apigw.MockIntegration({ integrationResponses: [{ statusCode: '200' }] }));
    expect(() => RestResponses.of([RestResponse.forStatus('200')]).applyTo(method)).toThrow(
      "the method's integration already has integration responses; pass them either in the integration options or through applyTo, not both (in RestResponses.applyTo on Stack/Api/Default/GET/Resource)");
  });

  test('fails status patterns on a Lambda custom integration, and Lambda patterns elsewhere', () => {
    const { api, fn } = fixture();
    const lambdaMethod = api.root.addMethod('GET', new apigw.LambdaIntegration(fn, { proxy: false }));
    expect(() => RestResponses.of([RestResponse.forStatus('200'), RestResponse.forStatus('500').whenStatusMatches('5\\d\\d')]).applyTo(lambdaMethod)).toThrow(
      '[rest-pattern-kind] the responses match status codes, but this is a Lambda custom integration, whose patterns are matched against the error message; use whenLambdaErrorMatches (in RestResponses.applyTo on Stack/Api/Default/GET/Resource)');
    const mockMethod = api.root.addMethod('POST', new apigw.MockIntegration());
    expect(() => lambdaResponses().applyTo(mockMethod)).toThrow(
      '[rest-pattern-kind] the responses match Lambda error messages, but this MOCK integration matches patterns against the backend status code; use whenStatusMatches (in RestResponses.applyTo on Stack/Api/Default/POST/Resource)');
  });

  test('fails on a method without integration', () => {
    const { stack, api } = fixture();
    const cfn = new apigw.CfnMethod(stack, 'Bare', { restApiId: api.restApiId, resourceId: api.root.resourceId, httpMethod: 'GET' });
    expect(() => RestResponses.of([RestResponse.forStatus('200')]).applyTo(cfn)).toThrow(
      'the method has no integration, so it cannot return integration responses; give it a non-proxy integration first (in RestResponses.applyTo on Stack/Bare)');
  });
});

test('applyTo on a CfnMethod declares models by model ID', () => {
  const { stack, api } = fixture();
  api.root.addMethod('ANY');
  const model = api.addModel('Item', { schema: { type: apigw.JsonSchemaType.OBJECT } });
  const cfn = new apigw.CfnMethod(stack, 'Raw', {
    restApiId: api.restApiId,
    resourceId: api.root.resourceId,
    httpMethod: 'GET',
    authorizationType: 'NONE',
    integration: { type: 'MOCK' },
    methodResponses: [{ statusCode: '404' }],
  });
  RestResponses.of([
    RestResponse.forStatus('200').withModel('application/json', model),
    RestResponse.forStatus('404').whenStatusMatches('404'),
  ]).applyTo(cfn);
  synthesize(stack).hasResourceProperties('AWS::ApiGateway::Method', {
    HttpMethod: 'GET',
    MethodResponses: [
      { StatusCode: '404' },
      { StatusCode: '200', ResponseModels: { 'application/json': { Ref: Match.stringLikeRegexp('^ApiItem') } } },
    ],
  });
});

describe('withResponseModels', () => {
  const item = JsonBody.objectOf({ id: JsonBody.stringAt('$.id'), price: JsonBody.numberAt('$.price', { whenMissing: WhenMissing.omit() }) });
  const responses = RestResponses.of([
    RestResponse.forStatus('200').withTemplate('application/json', ResponseTemplate.fromJsonBody(item)),
    RestResponse.forStatus('500').whenStatusMatches('5\\d{2}').withTemplate('application/json', ResponseTemplate.fromString('{"message": "failed"}')),
  ]);

  test('declares a model for each template whose schema is known, shared by the methods with the same schema', () => {
    const { stack, api } = fixture();
    const integration = new apigw.MockIntegration({ requestTemplates: { 'application/json': '{"statusCode": 200}' } });
    responses.withResponseModels().addMethod(api.root, 'GET', integration);
    responses.withResponseModels().addMethod(api.root.addResource('copy'), 'GET', integration);
    const template = Template.fromStack(stack);
    const models = template.findResources('AWS::ApiGateway::Model');
    expect(Object.keys(models)).toHaveLength(1);
    const [modelId, model] = Object.entries(models)[0];
    expect(model.Properties).toMatchObject({ ContentType: 'application/json', Schema: { $schema: 'http://json-schema.org/draft-04/schema#', required: ['id'] } });
    const methods = Object.values(template.findResources('AWS::ApiGateway::Method'));
    expect(methods).toHaveLength(2);
    for (const method of methods) {
      expect(method.Properties.MethodResponses).toEqual([
        { StatusCode: '200', ResponseModels: { 'application/json': { Ref: modelId } } },
        { StatusCode: '500' },
      ]);
    }
  });

  test('the model accepts the bodies the template renders', () => {
    const valid = draft4Validator(responses.responses[0].templates['application/json'].schema as object);
    const simulator = RestSimulator.fromResponses(responses);
    expect(valid(JSON.parse(simulator.simulate({ backend: { statusCode: 200, body: '{"id": "a\\"b", "price": 3}' } }).body))).toBe(true);
    expect(valid(JSON.parse(simulator.simulate({ backend: { statusCode: 200, body: '{}' } }).body))).toBe(true);
    expect(valid({ id: 'a', price: 'three' })).toBe(false);
  });

  test('a model set with withModel is kept, and without withResponseModels no model is created', () => {
    const { stack, api } = fixture();
    const own = api.addModel('Own', { contentType: 'application/json', schema: { type: apigw.JsonSchemaType.OBJECT } });
    const integration = new apigw.MockIntegration({ requestTemplates: { 'application/json': '{"statusCode": 200}' } });
    RestResponses.of([RestResponse.forStatus('200').withTemplate('application/json', ResponseTemplate.fromJsonBody(item)).withModel('application/json', own)])
      .withResponseModels().addMethod(api.root, 'GET', integration);
    responses.addMethod(api.root.addResource('plain'), 'GET', integration);
    expect(Object.keys(Template.fromStack(stack).findResources('AWS::ApiGateway::Model'))).toHaveLength(1);
  });

  test('a CfnMethod gets a clear error: the models need the API construct', () => {
    const { stack } = fixture();
    const cfn = new apigw.CfnMethod(stack, 'Raw', { httpMethod: 'GET', resourceId: 'r', restApiId: 'a', integration: { type: 'MOCK' } });
    expect(() => responses.withResponseModels().applyTo(cfn))
      .toThrow(/^withResponseModels\(\) creates the models in the method's API, and a CfnMethod names its API by ID only: .* \(in RestResponses\.applyTo on Stack\/Raw\)$/);
  });

  test('withHeaderOnAll keeps the choice', () => {
    const { stack, api } = fixture();
    const integration = new apigw.MockIntegration({ requestTemplates: { 'application/json': '{"statusCode": 200}' } });
    responses.withResponseModels().withHeaderOnAll('Access-Control-Allow-Origin', ResponseValue.literal('*')).addMethod(api.root, 'GET', integration);
    expect(Object.keys(Template.fromStack(stack).findResources('AWS::ApiGateway::Model'))).toHaveLength(1);
  });
});
