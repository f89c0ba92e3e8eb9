import { App, Aspects, CfnParameter, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { GatewayResponses, IntegrationResponseChecks, OpenApiVersion, ResponseTemplate, ResponseValue, RestResponse, RestResponses, RestSimulator } from '../../src';
import { checkDefinition } from '../../src/checks/definition-checker';
import { definitionOperations } from '../../src/openapi/definition-operations';
import { toCfnIntegrationResponse } from '../../src/rest/to-cfn';

const LAMBDA_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:items/invocations';

/** A Lambda custom integration's responses: a 200 default, a 404 and a 500 with a CORS header on all. */
function lambdaResponses(): RestResponses {
  return RestResponses.of([
    RestResponse.forStatus('200').withTemplate('application/json', ResponseTemplate.passthroughJson()),
    RestResponse.forStatus('404').whenLambdaErrorMatches('\\[NotFound\\].*')
      .withHeader('X-Reason', ResponseValue.literal('not found'))
      .withTemplate('application/json', ResponseTemplate.lambdaErrorMessageJson()),
    RestResponse.forStatus('500').whenLambdaErrorMatches('\\[Internal\\].*').withContentHandling(apigw.ContentHandling.CONVERT_TO_TEXT),
  ]).withHeaderOnAll('Access-Control-Allow-Origin', ResponseValue.literal('*'));
}

/** An OpenAPI 3 definition of `GET /items` integrated with the Lambda function through `responses`. */
function definitionOf(responses: RestResponses, version = OpenApiVersion.OPENAPI_3): Record<string, unknown> {
  return {
    ...version === OpenApiVersion.OPENAPI_3 ? { openapi: '3.0.1' } : { swagger: '2.0' },
    'info': { title: 'items', version: '1' },
    // The responses send Access-Control-Allow-Origin: API Gateway's own answers must too.
    'x-amazon-apigateway-gateway-responses': GatewayResponses.cors({ allowOrigin: '*' }).openApiGatewayResponses(),
    'paths': {
      '/items': {
        get: {
          'responses': responses.openApiResponses(version),
          'x-amazon-apigateway-integration': { type: 'aws', httpMethod: 'POST', uri: LAMBDA_URI, responses: responses.openApiIntegrationResponses() },
        },
      },
    },
  };
}

describe('RestResponses.openApiIntegrationResponses', () => {
  test('keys each response by its selection pattern, the default by `default`', () => {
    expect(lambdaResponses().openApiIntegrationResponses()).toEqual({
      'default': {
        statusCode: '200',
        responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
        responseTemplates: { 'application/json': ResponseTemplate.passthroughJson().template },
      },
      '\\[NotFound\\].*': {
        statusCode: '404',
        responseParameters: { 'method.response.header.X-Reason': "'not found'", 'method.response.header.Access-Control-Allow-Origin': "'*'" },
        responseTemplates: { 'application/json': ResponseTemplate.lambdaErrorMessageJson().template },
      },
      '\\[Internal\\].*': {
        statusCode: '500',
        responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
        contentHandling: 'CONVERT_TO_TEXT',
      },
    });
  });

  test('API Gateway reads them back as the integration responses the set renders for a method', () => {
    const responses = lambdaResponses();
    const [operation] = definitionOperations(definitionOf(responses));
    const expected = responses.integrationResponses().map(toCfnIntegrationResponse)
      .map(r => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
    expect((operation.properties.Integration as Record<string, unknown>).IntegrationResponses).toEqual(expected);
  });

  test('a response selecting on the word default is refused: the key would make it the default', () => {
    const responses = RestResponses.of([RestResponse.forStatus('200'), RestResponse.forStatus('400').whenLambdaErrorMatches('default')]);
    expect(() => responses.openApiIntegrationResponses()).toThrow(
      /'400' response selects on the pattern 'default'.*API Gateway reads the key 'default' as the default response.*RestResponses\.openApiIntegrationResponses/s);
  });

  test('two responses with one pattern are refused: one key would replace the other', () => {
    const responses = RestResponses.of([RestResponse.forStatus('200'), RestResponse.forStatus('400').whenStatusMatches('4\\d\\d'),
      RestResponse.forStatus('404').whenStatusMatches('4\\d\\d')]);
    expect(() => responses.openApiIntegrationResponses()).toThrow(/two responses select on '4\\d\\d' \('400' and '404'\)/);
  });

  test('a token pattern is refused: a definition key must be known before deployment', () => {
    const stack = new Stack();
    const responses = RestResponses.of([RestResponse.forStatus('200'),
      RestResponse.forStatus('500').whenStatusMatches(new CfnParameter(stack, 'Pattern').valueAsString)]);
    expect(() => responses.openApiIntegrationResponses()).toThrow(/the '500' response's selection pattern is a CDK token.*give it as a plain string/s);
  });
});

describe('RestResponses.openApiResponses', () => {
  test('declares, per status code, every header its response sends (OpenAPI 3: a schema per header)', () => {
    expect(lambdaResponses().openApiResponses()).toEqual({
      200: { description: '200 response', headers: { 'Access-Control-Allow-Origin': { schema: { type: 'string' } } } },
      404: { description: '404 response', headers: { 'X-Reason': { schema: { type: 'string' } }, 'Access-Control-Allow-Origin': { schema: { type: 'string' } } } },
      500: { description: '500 response', headers: { 'Access-Control-Allow-Origin': { schema: { type: 'string' } } } },
    });
  });

  test('OpenAPI 2.0 gives each header a type', () => {
    const responses = RestResponses.of([RestResponse.forStatus('200').withHeader('X-Id', ResponseValue.integrationHeader('id'))]);
    expect(responses.openApiResponses(OpenApiVersion.SWAGGER_2)).toEqual({ 200: { description: '200 response', headers: { 'X-Id': { type: 'string' } } } });
  });

  test('a token status code is refused', () => {
    const stack = new Stack();
    const responses = RestResponses.of([RestResponse.forStatus(new CfnParameter(stack, 'Code').valueAsString)]);
    expect(() => responses.openApiResponses()).toThrow(/a status code is a CDK token, and an OpenAPI definition keys its operation responses by status code/);
  });

  test('a response without headers has a description only', () => {
    expect(RestResponses.of([RestResponse.forStatus('204')]).openApiResponses()).toEqual({ 204: { description: '204 response' } });
  });

  test('a response with a model is refused: a definition cannot refer to an AWS::ApiGateway::Model', () => {
    const responses = RestResponses.of([RestResponse.forStatus('200').withModel('application/json', apigw.Model.EMPTY_MODEL)]);
    expect(() => responses.openApiResponses()).toThrow(/'200' response names a model for 'application\/json' \(withModel\).*RestResponses\.openApiResponses/s);
  });
});

describe('a SpecRestApi built from the rendered responses', () => {
  test.each([OpenApiVersion.OPENAPI_3, OpenApiVersion.SWAGGER_2])('synthesizes, and the strict checks find nothing in it (%s)', version => {
    const definition = definitionOf(lambdaResponses(), version);
    expect(checkDefinition(definition)).toEqual([]);
    const app = new App();
    const stack = new Stack(app, 'Stack');
    new apigw.SpecRestApi(stack, 'Api', { apiDefinition: apigw.ApiDefinition.fromInline(definition) });
    Aspects.of(app).add(new IntegrationResponseChecks({ strict: true }));
    app.synth();
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
    Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::RestApi', {
      Body: { paths: { '/items': { get: { 'x-amazon-apigateway-integration': { responses: lambdaResponses().openApiIntegrationResponses() } } } } },
    });
  });

  test('its synthesized definition simulates as the response set does', () => {
    const stack = new Stack();
    new apigw.SpecRestApi(stack, 'Api', { apiDefinition: apigw.ApiDefinition.fromInline(definitionOf(lambdaResponses())) });
    const [body] = Object.values(Template.fromStack(stack).findResources('AWS::ApiGateway::RestApi')).map(r => r.Properties.Body);
    const operation = RestSimulator.fromDefinition(body, 'GET', '/items');
    const set = RestSimulator.fromResponses(lambdaResponses());
    for (const backend of [{ errorMessage: '[NotFound] no item' }, { errorMessage: '[Internal] boom' }, { body: '{"id": 1}' }]) {
      expect(operation.simulate({ backend })).toEqual(set.simulate({ backend }));
    }
    expect(operation.simulate({ backend: { errorMessage: '[NotFound] no item' } })).toMatchObject({
      statusCode: 404, headers: { 'X-Reason': 'not found', 'Access-Control-Allow-Origin': '*' },
    });
  });

  test('the checks still see a mistake made around the rendered responses', () => {
    const definition = definitionOf(lambdaResponses());
    const operation = (definition.paths as any)['/items'].get;
    delete operation.responses['404'];
    expect(checkDefinition(definition).map(f => `${f.ruleId} ${f.path}`)).toEqual([
      'rest-method-response-header paths./items.get.x-amazon-apigateway-integration.responses.\\[NotFound\\].*.statusCode',
    ]);
  });
});
