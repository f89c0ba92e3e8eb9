import * as path from 'path';
import { TemplateChecker } from '../../src';
import { readTemplates } from '../../src/checks/template-reader';
import { definitionOperations } from '../../src/openapi/definition-operations';

/** An OpenAPI 3 definition with one Lambda operation, as a `SpecRestApi` or an import would hold it. */
function definition(integrationResponses: Record<string, unknown>, operationResponses: Record<string, unknown>, type = 'aws') {
  return {
    openapi: '3.0.1',
    info: { title: 'items', version: '1' },
    paths: {
      '/items/{id}': {
        get: {
          'responses': operationResponses,
          'x-amazon-apigateway-integration': {
            type,
            httpMethod: 'POST',
            uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:items/invocations',
            responses: integrationResponses,
          },
        },
      },
    },
  };
}

function check(type: string, field: string, body: unknown) {
  return TemplateChecker.check({ Resources: { Api: { Type: type, Properties: { [field]: body } } } });
}

const AT = 'paths./items/{id}.get';

describe('inline OpenAPI definitions', () => {
  test('a header the operation response does not declare is an error that points into the definition', () => {
    const findings = check('AWS::ApiGateway::RestApi', 'Body', definition(
      { default: { statusCode: '200', responseParameters: { 'method.response.header.X-Id': "'1'" } } },
      { 200: { description: 'ok' } }));
    expect(findings.map(f => [f.ruleId, f.severity, f.resource, f.path])).toEqual([[
      'rest-method-response-header', 'error', 'Api',
      `Body.${AT}.x-amazon-apigateway-integration.responses.default.responseParameters.method.response.header.X-Id`,
    ]]);
  });

  test('a header the operation response declares is fine', () => {
    expect(check('AWS::ApiGateway::RestApi', 'Body', definition(
      { default: { statusCode: '200', responseParameters: { 'method.response.header.X-Id': "'1'" } } },
      { 200: { description: 'ok', headers: { 'X-Id': { schema: { type: 'string' } } } } }))).toEqual([]);
  });

  test('a status code with no operation response is reported at the response key', () => {
    const findings = check('AWS::Serverless::Api', 'DefinitionBody', definition(
      { 'default': { statusCode: '200' }, '.*Not Found.*': { statusCode: '404' } },
      { 200: { description: 'ok' } }));
    expect(findings.map(f => [f.ruleId, f.path])).toEqual([[
      'rest-method-response-missing', `DefinitionBody.${AT}.x-amazon-apigateway-integration.responses..*Not Found.*.statusCode`,
    ]]);
  });

  test('a selection pattern that can never compile is reported at its key', () => {
    const findings = check('AWS::ApiGateway::RestApi', 'Body', definition(
      { 'default': { statusCode: '200' }, '(unclosed': { statusCode: '400' } },
      { 200: { description: 'ok' }, 400: { description: 'bad' } }));
    expect(findings.map(f => [f.severity, f.path])).toContainEqual(['error', `Body.${AT}.x-amazon-apigateway-integration.responses.(unclosed`]);
  });

  test('a proxy integration with mappings is reported, whatever the case of its type', () => {
    const findings = check('AWS::ApiGateway::RestApi', 'Body', definition(
      { default: { statusCode: '200', responseTemplates: { 'application/json': '{}' } } }, { 200: { description: 'ok' } }, 'aws_proxy'));
    expect(findings.map(f => [f.ruleId, f.path])).toEqual([[
      'rest-proxy-integration-responses', `Body.${AT}.x-amazon-apigateway-integration.responses.default`,
    ]]);
  });

  test('operation responses with a default or a range (2XX) are not judged: how API Gateway imports those is not documented', () => {
    for (const other of ['default', '2XX']) {
      expect(check('AWS::ApiGateway::RestApi', 'Body', definition(
        { default: { statusCode: '200', responseParameters: { 'method.response.header.X-Id': "'1'" } } },
        { 200: { description: 'ok' }, [other]: { description: 'anything else' } }))).toEqual([]);
    }
  });

  test('an operation response given by $ref is not judged', () => {
    expect(check('AWS::ApiGateway::RestApi', 'Body', definition(
      { default: { statusCode: '200', responseParameters: { 'method.response.header.X-Id': "'1'" } } },
      { 200: { $ref: '#/components/responses/Ok' } }))).toEqual([]);
  });

  test('a definition that needs deployment (AWS::Include, BodyS3Location) is left alone', () => {
    expect(check('AWS::ApiGateway::RestApi', 'Body', { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/api.yaml' } } })).toEqual([]);
    expect(check('AWS::ApiGateway::RestApi', 'BodyS3Location', { Bucket: 'b', Key: 'api.yaml' })).toEqual([]);
  });
});

describe('the developer guide\'s x-amazon-apigateway-integration.responses example', () => {
  // Recreated from the example of
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration-responses.html
  // (a 2\d{2} pattern with templates, a 302 that maps Location), in an operation of an HTTP integration.
  const responses = {
    '2\\d{2}': { statusCode: '200', responseTemplates: { 'application/json': "#set ($root=$input.path('$')) { \"stage\": \"$root.name\" }" } },
    '302': { statusCode: '302', responseParameters: { 'method.response.header.Location': 'integration.response.body.redirect.url' } },
  };
  const withType = (operationResponses: Record<string, unknown>) => {
    const body = definition(responses, operationResponses, 'http') as any;
    body.paths['/items/{id}'].get['x-amazon-apigateway-integration'].uri = 'https://example.com/items';
    return body;
  };

  // What is wrong in the example itself: no default response, and a name written into a JSON
  // string unescaped. Both deploy, so both are warnings.
  const exampleWarnings = [
    ['rest-template-invalid-json', 'warning', `Body.${AT}.x-amazon-apigateway-integration.responses.2\\d{2}.responseTemplates.application/json`],
    ['rest-no-default', 'warning', `Body.${AT}.x-amazon-apigateway-integration.responses`],
  ];

  test('with operation responses that declare Location, only the example\'s own two warnings', () => {
    expect(check('AWS::ApiGateway::RestApi', 'Body', withType({
      200: { description: 'ok' }, 302: { description: 'moved', headers: { Location: { schema: { type: 'string' } } } },
    })).map(f => [f.ruleId, f.severity, f.path])).toEqual(exampleWarnings);
  });

  test('without the Location header on the 302 operation response, API Gateway rejects it', () => {
    const findings = check('AWS::ApiGateway::RestApi', 'Body', withType({ 200: { description: 'ok' }, 302: { description: 'moved' } }));
    expect(findings.map(f => [f.ruleId, f.severity, f.path])).toEqual([...exampleWarnings, ['rest-method-response-header', 'error',
      `Body.${AT}.x-amazon-apigateway-integration.responses.302.responseParameters.method.response.header.Location`]]);
  });
});

describe('inline OpenAPI definitions of deployed templates', () => {
  // SAM and serverless-patterns templates that deployed (test/fixtures/public/SOURCES.md): their
  // definitions are read operation by operation, and none gets a finding.
  const fixtures: Record<string, number> = {
    'serverless-patterns/sam-openapi-json-xml-vtl-transformation.yaml': 1,
    'serverless-patterns/sam-openapi-direct-s3-lambda-dotnet.yaml': 2,
    'serverless-patterns/sam-openapi-mappingtemplate-lambda-nodejs.yaml': 1,
    'sam/api-with-authorizer-override-api-auth.yaml': 3,
    'sam/api-with-cors-and-apikey-definitionbody.yaml': 2,
    'sam/api-with-usage-plan-definitionbody.yaml': 4,
    'sam/api-with-binary-media-types-definitionbody-openapi.yaml': 1,
  };
  test.each(Object.entries(fixtures))('%s: %d operations read, no finding', (file, count) => {
    const [template] = readTemplates(path.join(__dirname, '..', 'fixtures', 'public', file));
    const resources = Object.values(template.template.Resources) as Array<{ Properties?: Record<string, unknown> }>;
    const operations = resources.flatMap(r => definitionOperations(r.Properties?.Body ?? r.Properties?.DefinitionBody));
    expect(operations.length).toBe(count);
    expect(TemplateChecker.check(template.template).filter(f => /^(Body|DefinitionBody)\./.test(f.path ?? ''))).toEqual([]);
  });
});
