import { App, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUrlIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { HttpResponseMapping, HttpResponseMappings, HttpResponseValue, HttpSimulator, RestResponse, RestResponses, RestSimulator } from '../../src';

const mappings = HttpResponseMappings.of(
  HttpResponseMapping.forStatus(404)
    .overwriteStatusCode(410)
    .overwriteHeader('Cache-Control', HttpResponseValue.text('no-store'))
    .appendHeader('X-Request-Id', HttpResponseValue.contextVariable('requestId')),
  HttpResponseMapping.forStatus(200)
    .appendHeader('Vary', HttpResponseValue.text('Accept'))
    .overwriteHeader('X-Item', HttpResponseValue.responseBody('item.id'))
    .overwriteHeader('X-Version', HttpResponseValue.of('${stageVariables.version}-${response.header.ETag}'))
    .removeHeader('x-powered-by'),
);

describe('one mapping per status code', () => {
  const simulator = HttpSimulator.fromMappings(mappings);

  test('the mapping of the answer\'s status code overwrites the status code and headers; the body passes through', () => {
    const response = simulator.simulate({
      backend: { statusCode: 404, headers: { 'cache-control': 'max-age=60', 'Content-Type': 'text/plain' }, body: 'gone' },
      context: { requestId: 'req-1' },
    });
    expect(response).toEqual({
      statusCode: 410,
      headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain', 'X-Request-Id': 'req-1' },
      body: 'gone',
      isBase64Encoded: false,
      selected: '404',
    });
  });

  test('append adds to what the backend sent; body paths, stage variables and headers are read from the answer as it came', () => {
    const response = simulator.simulate({
      backend: { statusCode: 200, headers: { 'vary': 'Origin', 'etag': '"abc"', 'X-Powered-By': 'express' }, body: '{"item": {"id": 7}}' },
      stageVariables: { version: 'v2' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers).toEqual({ 'vary': 'Origin,Accept', 'etag': '"abc"', 'X-Item': '7', 'X-Version': 'v2-"abc"' });
    expect(response.selected).toBe('200');
  });

  test('an answer whose status code has no mapping passes through unchanged', () => {
    const response = simulator.simulate({ backend: { statusCode: 500, headers: { A: '1' }, multiValueHeaders: { B: ['x', 'y'] }, body: 'oops' } });
    expect(response).toEqual({ statusCode: 500, headers: { A: '1', B: 'x,y' }, body: 'oops', isBase64Encoded: false, selected: undefined });
  });

  test('a value with nothing to read leaves the header as it was', () => {
    const response = simulator.simulate({ backend: { statusCode: 200, body: 'not json' } });
    expect(response.headers).toEqual({ 'Vary': 'Accept', 'X-Version': '-' });
  });

  test("the README's example gives what its comments say", () => {
    const gone = HttpSimulator.fromMappings(HttpResponseMappings.of(
      HttpResponseMapping.forStatus(404).overwriteStatusCode(410)
        .overwriteHeader('Cache-Control', HttpResponseValue.text('no-store')),
    )).simulate({ backend: { statusCode: 404, headers: { 'Content-Type': 'text/plain' }, body: 'no such item' } });
    expect(gone.statusCode).toBe(410);
    expect(gone.headers).toEqual({ 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
    expect(gone.body).toBe('no such item');
  });

  test('headers are one per name whatever their case: the two maps of a Lambda proxy answer are merged', () => {
    const cookies = { headers: { 'Set-Cookie': 'a=1' }, multiValueHeaders: { 'set-cookie': ['a=1', 'b=2'] } };
    expect(simulator.simulate({ backend: { statusCode: 500, ...cookies } }).headers).toEqual({ 'set-cookie': 'a=1,b=2' });
    const removing = HttpSimulator.fromMappings(HttpResponseMappings.of(HttpResponseMapping.forStatus(200).removeHeader('Set-Cookie')));
    expect(removing.simulate({ backend: { statusCode: 200, ...cookies } }).headers).toEqual({});
  });

  test('a JavaScript caller giving the wrong shape gets a clear error, from every simulator', () => {
    expect(() => simulator.simulate({} as never)).toThrow('the input must be an object with a backend object');
    expect(() => simulator.simulate({ backend: { body: 5 } } as never)).toThrow('backend.body must be a string');
    expect(() => simulator.simulate({ backend: { multiValueHeaders: { a: 'x' } } } as never)).toThrow('backend.multiValueHeaders must be an object of string lists');
    const rest = RestSimulator.fromResponses(RestResponses.of([RestResponse.forStatus('200')]));
    expect(() => rest.simulate({ backend: null } as never)).toThrow('the input must be an object with a backend object');
  });

  test('a Lambda custom integration error is refused: HTTP APIs have none', () => {
    expect(() => simulator.simulate({ backend: { errorMessage: 'boom' } })).toThrow('HTTP APIs do not have');
  });
});

describe('from a stack or a template', () => {
  function stackWithRoute() {
    const stack = new Stack(new App(), 'Stack');
    const api = new apigwv2.HttpApi(stack, 'Api');
    const routes = api.addRoutes({ path: '/items', methods: [apigwv2.HttpMethod.GET], integration: new HttpUrlIntegration('Items', 'https://example.com/items') });
    return { stack, route: routes[0] };
  }

  test('the route an integration was added to simulates its mappings as synthesized, overrides included', () => {
    const { route } = stackWithRoute();
    mappings.applyTo(route);
    const integration = route.node.findAll().find(c => c instanceof apigwv2.CfnIntegration) as apigwv2.CfnIntegration;
    integration.addPropertyOverride('ResponseParameters.404.ResponseParameters.0.Source', '451');
    expect(HttpSimulator.fromIntegration(route).simulate({ backend: { statusCode: 404 } }).statusCode).toBe(451);
    expect(HttpSimulator.fromIntegration(integration).simulate({ backend: { statusCode: 200 } }).headers.Vary).toBe('Accept');
  });

  test('a construct that is no integration is refused, naming it', () => {
    const { stack } = stackWithRoute();
    expect(() => HttpSimulator.fromIntegration(stack)).toThrow('Stack is not an HTTP API integration');
  });

  /** A template whose integration `I` has these response parameters. */
  const integrationTemplate = (responseParameters: unknown) =>
    ({ Resources: { I: { Type: 'AWS::ApiGatewayV2::Integration', Properties: { ResponseParameters: responseParameters } } } });

  test('an integration of a template, in CloudFormation\'s shape', () => {
    const template = integrationTemplate({ 500: { ResponseParameters: [{ Destination: 'overwrite:statuscode', Source: '503' }] } });
    expect(HttpSimulator.fromTemplate(template, 'I').simulate({ backend: { statusCode: 500 } }).statusCode).toBe(503);
    expect(() => HttpSimulator.fromTemplate(template, 'Nope')).toThrow("the template has no AWS::ApiGatewayV2::Integration 'Nope'");
  });

  test.each([
    ['the flat map of the API and the CLI', { 404: { 'overwrite:statuscode': '410' } }, "not in CloudFormation's shape"],
    ['a value known only at deployment', { 404: { ResponseParameters: [{ Destination: 'overwrite:statuscode', Source: { Ref: 'Code' } }] } }, 'only known at deployment'],
    ['a destination API Gateway does not have', { 404: { ResponseParameters: [{ Destination: 'overwrite:body', Source: 'x' }] } }, "destination 'overwrite:body'"],
    ['a header HTTP APIs reserve', { 404: { ResponseParameters: [{ Destination: 'overwrite:header.Access-Control-Allow-Origin', Source: '*' }] } },
      'maps header Access-Control-Allow-Origin, which HTTP APIs reserve'],
    ['a list where status codes belong', [], 'are not an object of status codes'],
    ['a status code without its list', { 404: null }, 'for status code 404 are not {"ResponseParameters": [...]}'],
  ])('%s is refused with what to write', (_, responseParameters, message) => {
    expect(() => HttpSimulator.fromTemplate(integrationTemplate(responseParameters), 'I')).toThrow(message);
  });

  test('a status code mapped from the answer that is no status code is an error of the simulation, saying so', () => {
    const template = integrationTemplate({ 200: { ResponseParameters: [{ Destination: 'overwrite:statuscode', Source: '$response.header.X-Status' }] } });
    const simulator = HttpSimulator.fromTemplate(template, 'I');
    expect(simulator.simulate({ backend: { headers: { 'x-status': '202' } } }).statusCode).toBe(202);
    expect(() => simulator.simulate({ backend: { headers: { 'x-status': 'soon' } } })).toThrow("overwrite:statuscode maps 'soon', which is not a status code from 200 to 599");
  });
});
