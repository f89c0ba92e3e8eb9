import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as integrations from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { HttpResponseMapping, HttpResponseMappings, HttpResponseValue, IntegrationResponseChecks } from '../../src';
import { CLOUDFORMATION_SCHEMAS } from '../../src/rules/schema/cloudformation-schemas.generated';

const mappings = () => HttpResponseMappings.of(
  HttpResponseMapping.forStatus(404).overwriteStatusCode(410).overwriteHeader('Cache-Control', HttpResponseValue.text('no-store')),
  HttpResponseMapping.forStatus(200)
    .appendHeader('X-Request-Id', HttpResponseValue.contextVariable('requestId'))
    .overwriteHeader('X-Version', HttpResponseValue.of('${stageVariables.version}-${response.header.etag}'))
    .removeHeader('x-powered-by'),
);

test("renders CloudFormation's shape, each key one the official schema defines", () => {
  const rendered = mappings().toResponseParameters();
  expect(rendered).toEqual({
    404: { ResponseParameters: [{ Destination: 'overwrite:statuscode', Source: '410' }, { Destination: 'overwrite:header.Cache-Control', Source: 'no-store' }] },
    200: {
      ResponseParameters: [
        { Destination: 'append:header.X-Request-Id', Source: '$context.requestId' },
        { Destination: 'overwrite:header.X-Version', Source: '${stageVariables.version}-${response.header.etag}' },
        { Destination: 'remove:header.x-powered-by', Source: "''" },
      ],
    },
  });
  const { definitions } = CLOUDFORMATION_SCHEMAS['AWS::ApiGatewayV2::Integration'];
  for (const entry of Object.values(rendered)) {
    expect(Object.keys(entry).every(k => k in definitions.ResponseParameterMap.properties)).toBe(true);
    for (const item of entry.ResponseParameters) expect(Object.keys(item).every(k => k in definitions.ResponseParameter.properties)).toBe(true);
  }
});

test('text with a $ inside is static text', () => {
  expect(HttpResponseValue.text('cost $5').value).toBe('cost $5');
});

test('a header set twice keeps the last value, whatever its case', () => {
  const rendered = HttpResponseMapping.forStatus(200).overwriteHeader('X-A', HttpResponseValue.text('1'))
    .overwriteHeader('x-a', HttpResponseValue.text('2'))._render();
  expect(rendered.ResponseParameters).toEqual([{ Destination: 'overwrite:header.x-a', Source: '2' }]);
});

describe('the builders refuse what can never work, naming the call', () => {
  test.each([
    ['a status code below 200', () => HttpResponseMapping.forStatus(199), /\[http-response-status-code\].*\(in HttpResponseMapping.forStatus\(199\)\)/],
    ['a reserved header', () => HttpResponseMapping.forStatus(200).overwriteHeader('Content-Length', HttpResponseValue.text('0')), /\[http-response-reserved-header\]/],
    ['a CORS header, pointing to corsPreflight', () => HttpResponseMapping.forStatus(200).appendHeader('Access-Control-Allow-Origin', HttpResponseValue.text('*')), /corsPreflight/],
    ['a header name with a space', () => HttpResponseMapping.forStatus(200).overwriteHeader('X Y', HttpResponseValue.text('1')), /\[http-response-destination\].*spaces/],
    ['an overwritten status code above 599', () => HttpResponseMapping.forStatus(200).overwriteStatusCode(600), /600 is not a status code from 200 to 599/],
    ['request data as a response value', () => HttpResponseValue.of('$request.header.user'), /\[http-response-source\].*request data.*\(in HttpResponseValue.of\)/],
    ['recursive descent in a body path', () => HttpResponseValue.responseBody('items..id'), /\[http-response-source\]/],
    ['a response header name with a space', () => HttpResponseValue.responseHeader('a b'), /\[http-response-source\].*spaces.*\(in HttpResponseValue.responseHeader\)/],
    ['static text API Gateway would read as a variable', () => HttpResponseValue.text('$5 off'), /read '\$5 off' as variables/],
    ['static text holding ${', () => HttpResponseValue.text('a ${b}'), /use HttpResponseValue.of/],
    ['two mappings of one status code', () => HttpResponseMappings.of(HttpResponseMapping.forStatus(200), HttpResponseMapping.forStatus(200)), /status code 200 has two mappings/],
  ])('%s', (_name, build, message) => expect(build).toThrow(message));
});

describe('applyTo', () => {
  const setup = () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const api = new apigwv2.HttpApi(stack, 'Api');
    IntegrationResponseChecks.addTo(app, { strict: true });
    return { app, stack, api };
  };

  test('a route whose HttpUrlIntegration it created: the template has the mappings, and strict checks pass', () => {
    const { app, stack, api } = setup();
    const [route] = api.addRoutes({ path: '/items', methods: [apigwv2.HttpMethod.GET], integration: new integrations.HttpUrlIntegration('Items', 'https://backend.example.com/items') });
    mappings().applyTo(route);
    expect(() => app.synth()).not.toThrow();
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Integration', { ResponseParameters: mappings().toResponseParameters() });
  });

  test('a CfnIntegration', () => {
    const { stack, api } = setup();
    const integration = new apigwv2.CfnIntegration(stack, 'I', { apiId: api.apiId, integrationType: 'HTTP_PROXY', integrationMethod: 'GET', integrationUri: 'https://x.example', payloadFormatVersion: '1.0' });
    mappings().applyTo(integration);
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Integration', { ResponseParameters: mappings().toResponseParameters() });
  });

  test('a construct with no integration is a clear error', () => {
    const { stack } = setup();
    expect(() => mappings().applyTo(stack)).toThrow(/no HTTP API integration found.*\(in HttpResponseMappings.applyTo\(Stack\)\)/);
  });
});
