import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import {
  GatewayResponseDefinition, GatewayResponses, GatewayResponseType, GatewayResponseValue, IntegrationResponseChecks, ResponseValue, TemplateChecker,
} from '../../src';
import { checkSchema } from '../../src/rules/schema/schema-check';
import { corsDefinition } from '../support/cors-definition';

function apiWith(props: apigw.RestApiProps = {}) {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  const api = new apigw.RestApi(stack, 'Api', props);
  api.root.addMethod('GET', new apigw.MockIntegration());
  return { app, stack, api };
}

const gatewayResponses = (stack: Stack) => Template.fromStack(stack).findResources('AWS::ApiGateway::GatewayResponse');

describe('response types', () => {
  test('each type carries its documented default status code; the defaults have none', () => {
    expect(GatewayResponseType.UNAUTHORIZED.defaultStatusCode).toBe('401');
    expect(GatewayResponseType.QUOTA_EXCEEDED.defaultStatusCode).toBe('429');
    expect(GatewayResponseType.DEFAULT_5XX.defaultStatusCode).toBeUndefined();
    expect(GatewayResponseType.DEFAULT_4XX.isDefault).toBe(true);
    expect(GatewayResponseType.all().map(t => t.responseType)).toContain('WAF_FILTERED');
    expect(GatewayResponseType.of('THROTTLED').toResponseType().responseType).toBe('THROTTLED');
  });

  test('a type known only at deployment is refused with the way out: aws-cdk-lib upper-cases the type, which breaks a token', () => {
    const stack = new Stack();
    const type = new CfnParameter(stack, 'Type').valueAsString;
    expect(() => GatewayResponseType.of(type)).toThrow(/is known only at deployment.*use a GatewayResponseType constant, or a CfnGatewayResponse/);
  });

  test('a type that does not exist is refused with the one meant', () => {
    expect(() => GatewayResponseType.of('Unauthorized')).toThrow("'Unauthorized' is not a gateway response type; did you mean 'UNAUTHORIZED'? (in GatewayResponseType.of)");
    expect(() => GatewayResponseType.of('NOPE')).toThrow('use one of DEFAULT_4XX, DEFAULT_5XX');
  });
});

describe('values', () => {
  test.each([
    [GatewayResponseValue.literal('*'), "'*'"],
    [GatewayResponseValue.requestHeader('Origin'), 'method.request.header.Origin'],
    [GatewayResponseValue.requestQueryString('q'), 'method.request.querystring.q'],
    [GatewayResponseValue.requestPath('petId'), 'method.request.path.petId'],
    [GatewayResponseValue.contextVariable('requestId'), 'context.requestId'],
    [GatewayResponseValue.stageVariable('origin'), 'stageVariables.origin'],
    [GatewayResponseValue.fromResponseValue(ResponseValue.literal('no-store')), "'no-store'"],
  ])('%s', (value, expression) => expect(value.expression).toBe(expression));

  test('values gateway responses cannot take are refused', () => {
    expect(() => GatewayResponseValue.fromResponseValue(ResponseValue.integrationHeader('X'))).toThrow(/no integration response to read.*GatewayResponseValue.fromResponseValue/);
    expect(() => GatewayResponseValue.fromExpression('*')).toThrow('a static value must be enclosed in single quotes');
    expect(() => GatewayResponseValue.requestHeader('bad name')).toThrow("'bad name' is not a valid header name");
    expect(() => GatewayResponseValue.stageVariable('a-b')).toThrow('letters, digits and underscores');
  });
});

describe('one gateway response', () => {
  const unauthorized = () => GatewayResponseDefinition.forType(GatewayResponseType.UNAUTHORIZED)
    .withStatusCode('401')
    .withHeader('WWW-Authenticate', GatewayResponseValue.literal('Bearer'))
    .withTemplate('application/json', '{"message": $context.error.messageString}');

  test("synthesizes as aws-cdk-lib's GatewayResponse, every property one the official schema defines, with no finding", () => {
    const { app, stack, api } = apiWith();
    unauthorized().addTo(api);
    IntegrationResponseChecks.addTo(app, { strict: true });
    expect(() => app.synth()).not.toThrow();
    const [[id, resource]] = Object.entries(gatewayResponses(stack));
    expect(id).toMatch(/^ApiGatewayResponseUNAUTHORIZED/);
    expect(resource.Properties).toEqual({
      RestApiId: { Ref: expect.any(String) },
      ResponseType: 'UNAUTHORIZED',
      StatusCode: '401',
      ResponseParameters: { 'gatewayresponse.header.WWW-Authenticate': "'Bearer'" },
      ResponseTemplates: { 'application/json': '{"message": $context.error.messageString}' },
    });
    expect(checkSchema('AWS::ApiGateway::GatewayResponse', resource.Properties).findings).toEqual([]);
    expect(TemplateChecker.check(Template.fromStack(stack).toJSON())).toEqual([]);
  });

  test("the README's example: a quoted realm, a context variable and a template that substitutes variables pass every rule", () => {
    const { app, stack, api } = apiWith();
    GatewayResponseDefinition.forType(GatewayResponseType.UNAUTHORIZED)
      .withHeader('WWW-Authenticate', GatewayResponseValue.literal('Bearer realm="items"'))
      .withHeader('X-Request-Id', GatewayResponseValue.contextVariable('requestId'))
      .withTemplate('application/json', '{"message": $context.error.messageString, "type": "$context.error.responseType"}')
      .addTo(api);
    IntegrationResponseChecks.addTo(app, { strict: true });
    expect(() => app.synth()).not.toThrow();
    const [resource] = Object.values(gatewayResponses(stack));
    expect(resource.Properties.ResponseParameters).toEqual({
      'gatewayresponse.header.WWW-Authenticate': '\'Bearer realm="items"\'',
      'gatewayresponse.header.X-Request-Id': 'context.requestId',
    });
    expect(TemplateChecker.check(Template.fromStack(stack).toJSON())).toEqual([]);
  });

  test('each call returns a new definition', () => {
    const base = GatewayResponseDefinition.forType(GatewayResponseType.THROTTLED);
    const withCode = base.withStatusCode('503');
    expect(base.statusCode).toBeUndefined();
    expect(withCode.statusCode).toBe('503');
    expect(base.toGatewayResponseOptions()).toEqual({
      type: expect.anything(), statusCode: undefined, responseHeaders: undefined, templates: undefined,
    });
  });

  test('mistakes are refused at the call, naming it', () => {
    expect(() => unauthorized().withStatusCode('40')).toThrow(/\[rest-status-code\].*GatewayResponseDefinition.withStatusCode/);
    expect(() => unauthorized().withHeader('www-authenticate', GatewayResponseValue.literal('Basic')))
      .toThrow("header 'www-authenticate' is already set on UNAUTHORIZED");
    expect(() => unauthorized().withTemplate('json', '{}')).toThrow("'json' is not a media type");
    expect(() => unauthorized().withTemplate('application/json', '{}')).toThrow("a template for 'application/json' is already set");
    expect(() => GatewayResponseDefinition.forType(GatewayResponseType.UNAUTHORIZED).withTemplate('application/json', '#if($x)a#end'))
      .toThrow('[gateway-response-template-vtl]');
    expect(() => GatewayResponseDefinition.forType(GatewayResponseType.UNAUTHORIZED).withTemplate('application/json', '{"m": "$context.error.messageString"}'))
      .toThrow('[gateway-response-message-quoted]');
  });

  test('a type the API already customizes is refused, naming the one it has', () => {
    const { api } = apiWith();
    api.addGatewayResponse('Mine', { type: apigw.ResponseType.UNAUTHORIZED });
    expect(() => unauthorized().addTo(api)).toThrow('Stack/Api already has a UNAUTHORIZED gateway response (Stack/Api/Mine)');
  });

  test('so is one added elsewhere in the stack, as an L2 or an L1', () => {
    const { stack, api } = apiWith();
    new apigw.GatewayResponse(stack, 'Mine', { restApi: api, type: apigw.ResponseType.DEFAULT_4XX });
    expect(() => GatewayResponses.cors({ allowOrigin: '*' }).addTo(api)).toThrow('Stack/Api already has a DEFAULT_4XX gateway response (Stack/Mine)');
    const other = apiWith();
    new apigw.CfnGatewayResponse(other.stack, 'Raw', { restApiId: other.api.restApiId, responseType: 'UNAUTHORIZED' });
    expect(() => unauthorized().addTo(other.api)).toThrow('Stack/Api already has a UNAUTHORIZED gateway response (Stack/Raw)');
    // Another API's response of the type is no obstacle.
    const third = apiWith();
    const elsewhere = new apigw.RestApi(third.stack, 'Other');
    elsewhere.root.addMethod('GET', new apigw.MockIntegration());
    elsewhere.addGatewayResponse('Theirs', { type: apigw.ResponseType.UNAUTHORIZED });
    expect(() => unauthorized().addTo(third.api)).not.toThrow();
  });
});

describe('CORS', () => {
  test("addCors gives DEFAULT_4XX and DEFAULT_5XX the API's preflight headers, and the CORS warning goes", () => {
    const { app, stack, api } = apiWith({ defaultCorsPreflightOptions: { allowOrigins: ['https://app.example.com'], allowCredentials: true, exposeHeaders: ['x-id'] } });
    const added = GatewayResponses.addCors(api);
    expect(added).toHaveLength(2);
    IntegrationResponseChecks.addTo(app, { strict: true });
    expect(() => app.synth()).not.toThrow();
    const byType = Object.fromEntries(Object.values(gatewayResponses(stack)).map(r => [r.Properties.ResponseType, r.Properties.ResponseParameters]));
    const headers = {
      'gatewayresponse.header.Access-Control-Allow-Origin': "'https://app.example.com'",
      'gatewayresponse.header.Access-Control-Allow-Headers': `'${apigw.Cors.DEFAULT_HEADERS.join(',')}'`,
      'gatewayresponse.header.Access-Control-Allow-Methods': `'${apigw.Cors.ALL_METHODS.join(',')}'`,
      'gatewayresponse.header.Access-Control-Allow-Credentials': "'true'",
      'gatewayresponse.header.Access-Control-Expose-Headers': "'x-id'",
      'gatewayresponse.header.Vary': "'Origin'",
    };
    expect(byType).toEqual({ DEFAULT_4XX: headers, DEFAULT_5XX: headers });
    expect(TemplateChecker.check(Template.fromStack(stack).toJSON())).toEqual([]);
  });

  test('a preflight that allows ANY sends every method, as the preflight itself does', () => {
    const { stack, api } = apiWith({ defaultCorsPreflightOptions: { allowOrigins: ['*'], allowMethods: ['ANY'] } });
    GatewayResponses.addCors(api);
    const [parameters] = Object.values(gatewayResponses(stack)).map(r => r.Properties.ResponseParameters);
    expect(parameters['gatewayresponse.header.Access-Control-Allow-Methods']).toBe(`'${apigw.Cors.ALL_METHODS.join(',')}'`);
    const preflight = Object.values(Template.fromStack(stack).findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: 'OPTIONS' } }))[0];
    expect(preflight.Properties.Integration.IntegrationResponses[0].ResponseParameters['method.response.header.Access-Control-Allow-Methods'])
      .toBe(parameters['gatewayresponse.header.Access-Control-Allow-Methods']);
  });

  test('without the helper, the same API gets the warning on the API, naming both defaults', () => {
    const { stack } = apiWith({ defaultCorsPreflightOptions: { allowOrigins: apigw.Cors.ALL_ORIGINS } });
    const findings = TemplateChecker.check(Template.fromStack(stack).toJSON());
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'gateway-response-cors', resource: expect.stringMatching(/^Api/) })]);
    expect(findings[0].message).toMatch('DEFAULT_4XX and DEFAULT_5XX do not');
  });

  test("'*' sends no Vary; cors(options).addTo sends the headers given, whatever the preflight says", () => {
    const { stack, api } = apiWith({ defaultCorsPreflightOptions: { allowOrigins: ['https://app.example.com'] } });
    GatewayResponses.cors({ allowOrigin: '*', allowHeaders: ['Authorization'], allowMethods: ['GET'] }).addTo(api);
    const [parameters] = Object.values(gatewayResponses(stack)).map(r => r.Properties.ResponseParameters);
    expect(parameters).toEqual({
      'gatewayresponse.header.Access-Control-Allow-Origin': "'*'",
      'gatewayresponse.header.Access-Control-Allow-Headers': "'Authorization'",
      'gatewayresponse.header.Access-Control-Allow-Methods': "'GET'",
    });
  });

  test('a customized type gets the headers with withCors, and GatewayResponses.of refuses a type twice', () => {
    const cors = { allowOrigin: 'https://app.example.com' };
    const unauthorized = GatewayResponseDefinition.forType(GatewayResponseType.UNAUTHORIZED).withCors(cors);
    expect(unauthorized.toGatewayResponseOptions().responseHeaders).toMatchObject({ 'Access-Control-Allow-Origin': "'https://app.example.com'" });
    expect(() => GatewayResponses.of(unauthorized, unauthorized)).toThrow('UNAUTHORIZED is given twice');
    expect(GatewayResponses.cors(cors).definitions.map(d => d.responseType.responseType)).toEqual(['DEFAULT_4XX', 'DEFAULT_5XX']);
  });

  test('what gateway responses cannot send is refused with the way out', () => {
    expect(() => GatewayResponses.addCors(apiWith().api)).toThrow('Stack/Api has no defaultCorsPreflightOptions to take the CORS headers from; give them with GatewayResponses.cors');
    const several = apiWith({ defaultCorsPreflightOptions: { allowOrigins: ['https://a.example.com', 'https://b.example.com'] } });
    expect(() => GatewayResponses.addCors(several.api)).toThrow('allows 2 origins (https://a.example.com, https://b.example.com), but a gateway response runs no VTL');
    expect(() => GatewayResponses.cors({ allowOrigin: 'https://a.example.com,https://b.example.com' })).toThrow('is not one origin');
  });
});

describe('in an OpenAPI definition', () => {
  test('openApiGatewayResponses renders x-amazon-apigateway-gateway-responses, keyed by type', () => {
    const responses = GatewayResponses.of(
      GatewayResponseDefinition.forType(GatewayResponseType.UNAUTHORIZED).withStatusCode('401')
        .withHeader('WWW-Authenticate', GatewayResponseValue.literal('Bearer'))
        .withTemplate('application/json', '{"message": $context.error.messageString}'),
      GatewayResponseDefinition.forType(GatewayResponseType.DEFAULT_5XX),
    );
    expect(responses.openApiGatewayResponses()).toEqual({
      UNAUTHORIZED: {
        statusCode: '401',
        responseParameters: { 'gatewayresponse.header.WWW-Authenticate': "'Bearer'" },
        responseTemplates: { 'application/json': '{"message": $context.error.messageString}' },
      },
      DEFAULT_5XX: {},
    });
  });

  test('the CORS responses it renders satisfy the checks of a definition whose operations send CORS headers', () => {
    const definition = corsDefinition();
    const template = (body: unknown) => ({ Resources: { Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'cors', Body: body } } } });
    expect(TemplateChecker.check(template(definition)).map(f => f.ruleId)).toEqual(['gateway-response-cors']);
    const withCors = { ...definition, 'x-amazon-apigateway-gateway-responses': GatewayResponses.cors({ allowOrigin: '*' }).openApiGatewayResponses() };
    expect(TemplateChecker.check(template(withCors))).toEqual([]);
  });
});
