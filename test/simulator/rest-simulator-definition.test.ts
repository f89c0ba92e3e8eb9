import { RestSimulator } from '../../src';

const LAMBDA_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:items/invocations';

/** An OpenAPI 3 definition: `GET /items/{id}` on a Lambda custom integration, `ANY /files` on HTTP. */
const DEFINITION = {
  'openapi': '3.0.1',
  'info': { title: 'items', version: '1' },
  'x-amazon-apigateway-binary-media-types': ['image/png'],
  'paths': {
    '/items/{id}': {
      get: {
        'responses': { 200: { description: 'ok' }, 404: { description: 'missing', headers: { 'X-Reason': { schema: { type: 'string' } } } } },
        'x-amazon-apigateway-integration': {
          type: 'aws',
          httpMethod: 'POST',
          uri: LAMBDA_URI,
          responses: {
            'default': { statusCode: '200', responseTemplates: { 'application/json': '{"item": $input.json(\'$\')}' } },
            '\\[NotFound\\].*': {
              statusCode: '404',
              responseParameters: { 'method.response.header.X-Reason': "'not found'" },
              responseTemplates: { 'application/json': '{"message": "$util.escapeJavaScript($input.path(\'$.errorMessage\'))"}' },
            },
          },
        },
      },
      delete: { responses: { 204: { description: 'gone' } } },
    },
    '/files': {
      'x-amazon-apigateway-any-method': {
        'responses': { 200: { description: 'ok' } },
        'x-amazon-apigateway-integration': {
          type: 'http',
          httpMethod: 'ANY',
          uri: 'https://example.com/files',
          responses: { default: { statusCode: '200' } },
        },
      },
    },
    '/proxied': {
      get: { 'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: LAMBDA_URI } },
    },
  },
};

describe('RestSimulator.fromDefinition', () => {
  test('selects the integration response of a Lambda error and maps its header and body', () => {
    const response = RestSimulator.fromDefinition(DEFINITION, 'GET', '/items/{id}').simulate({
      backend: { errorMessage: '[NotFound] no item 7' },
    });
    expect(response).toMatchObject({ statusCode: 404, selected: '404', headers: { 'X-Reason': 'not found' }, body: '{"message": "[NotFound] no item 7"}' });
  });

  test('a Lambda success takes the default response', () => {
    const response = RestSimulator.fromDefinition(DEFINITION, 'get', '/items/{id}').simulate({ backend: { body: '{"id": 7}' } });
    expect(response).toMatchObject({ statusCode: 200, selected: '200', body: '{"item": {"id":7}}' });
  });

  test('ANY is the catch-all method, and the binary media types come from the definition', () => {
    const answer = { backend: { statusCode: 200, body: 'cG5n' }, request: { accept: 'image/png' } };
    const fromDefinition = RestSimulator.fromDefinition(DEFINITION, 'ANY', '/files').simulate(answer);
    const asBinary = RestSimulator.fromDefinition(DEFINITION, 'ANY', '/files', { binaryMediaTypes: ['image/png'] }).simulate(answer);
    const asText = RestSimulator.fromDefinition(DEFINITION, 'ANY', '/files', { binaryMediaTypes: [] }).simulate(answer);
    expect(fromDefinition).toEqual(asBinary);
    expect(fromDefinition).not.toEqual(asText);
  });

  test('an operation that is not there is named, with those that are', () => {
    expect(() => RestSimulator.fromDefinition(DEFINITION, 'POST', '/items/{id}')).toThrow(
      "the definition has no operation 'POST /items/{id}' with an x-amazon-apigateway-integration; it has GET /items/{id}, ANY /files, GET /proxied");
    expect(() => RestSimulator.fromDefinition(DEFINITION, 'DELETE', '/items/{id}')).toThrow(/no operation 'DELETE \/items\/\{id\}'/);
    expect(() => RestSimulator.fromDefinition({ openapi: '3.0.1' }, 'GET', '/')).toThrow(/; it has none$/);
  });

  test('a proxy integration is refused: API Gateway passes the answer through', () => {
    expect(() => RestSimulator.fromDefinition(DEFINITION, 'GET', '/proxied')).toThrow(/'GET \/proxied' uses a proxy integration \(AWS_PROXY\)/);
  });

  test('a definition nested too deep is refused with where', () => {
    let deep: unknown = {};
    for (let i = 0; i < 600; i++) deep = { a: deep };
    expect(() => RestSimulator.fromDefinition({ openapi: '3.0.1', paths: deep }, 'GET', '/')).toThrow(/^the definition nests more than 500 levels deep \(at paths\.a\.a.*\), which no OpenAPI definition needs/);
  });
});
