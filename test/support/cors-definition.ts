/**
 * An OpenAPI 3 definition whose one operation (`GET /items`, a mock) sends Access-Control-Allow-Origin,
 * with the given `x-amazon-apigateway-gateway-responses` (none when left out).
 */
export function corsDefinition(gatewayResponses?: Record<string, unknown>): Record<string, unknown> {
  return {
    openapi: '3.0.1',
    info: { title: 'cors', version: '1' },
    paths: {
      '/items': {
        get: {
          'responses': { 200: { description: 'ok', headers: { 'Access-Control-Allow-Origin': { schema: { type: 'string' } } } } },
          'x-amazon-apigateway-integration': {
            type: 'mock',
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
            responses: { default: { statusCode: '200', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" } } },
          },
        },
      },
    },
    ...gatewayResponses === undefined ? {} : { 'x-amazon-apigateway-gateway-responses': gatewayResponses },
  };
}
