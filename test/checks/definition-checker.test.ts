import { checkDefinition } from '../../src/checks/definition-checker';

const LAMBDA_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:items/invocations';
const RESPONSES = 'paths./items.get.x-amazon-apigateway-integration.responses';

/** A definition of `GET /items`, with the given integration and operation responses. */
function definition(responses: Record<string, unknown>, operationResponses: Record<string, unknown>, integration: Record<string, unknown> = {}) {
  return {
    openapi: '3.0.1',
    info: { title: 'items', version: '1' },
    paths: {
      '/items': {
        get: {
          'responses': operationResponses,
          'x-amazon-apigateway-integration': { type: 'aws', httpMethod: 'POST', uri: LAMBDA_URI, responses, ...integration },
        },
      },
    },
  };
}

const ok = { description: 'ok' };

/** Each rule an integration response can break, and where in the definition the finding points. */
const CASES: Array<[string, Record<string, unknown>, Record<string, unknown>, string, Record<string, unknown>?]> = [
  ['rest-status-code', { default: { statusCode: '2000' } }, { 2000: ok }, `${RESPONSES}.default.statusCode`],
  ['rest-selection-pattern-syntax', { 'default': { statusCode: '200' }, '.*{"error".*': { statusCode: '500' } }, { 200: ok, 500: ok },
    `${RESPONSES}..*{"error".*`],
  ['rest-lambda-pattern-matches-success', { 'default': { statusCode: '200' }, '.*': { statusCode: '500' } }, { 200: ok, 500: ok }, `${RESPONSES}..*`],
  ['rest-lambda-pattern-status-code', { 'default': { statusCode: '400' }, '2\\d{2}': { statusCode: '200' } }, { 200: ok, 400: ok },
    `${RESPONSES}.2\\d{2}`],
  ['rest-status-pattern-unreachable', { 'default': { statusCode: '200' }, '.*NotFound.*': { statusCode: '404' } }, { 200: ok, 404: ok },
    `${RESPONSES}..*NotFound.*`, { type: 'http', uri: 'https://example.com/items', httpMethod: 'GET' }],
  ['rest-parameter-key', { default: { statusCode: '200', responseParameters: { 'header.X-Id': "'1'" } } }, { 200: ok },
    `${RESPONSES}.default.responseParameters.header.X-Id`],
  ['rest-parameter-value', { default: { statusCode: '200', responseParameters: { 'method.response.header.X-Id': '*' } } },
    { 200: { description: 'ok', headers: { 'X-Id': { schema: { type: 'string' } } } } }, `${RESPONSES}.default.responseParameters.method.response.header.X-Id`],
  ['rest-template-content-type', { default: { statusCode: '200', responseTemplates: { json: '{}' } } }, { 200: ok },
    `${RESPONSES}.default.responseTemplates.json`],
  ['rest-content-handling', { default: { statusCode: '200', contentHandling: 'CONVERT_TO_JSON' } }, { 200: ok }, `${RESPONSES}.default.contentHandling`],
  ['rest-no-default', { '.+': { statusCode: '500' } }, { 500: ok }, RESPONSES],
  ['rest-duplicate-status-code', { 'default': { statusCode: '200' }, '.*Gone.*': { statusCode: '200' } }, { 200: ok }, `${RESPONSES}..*Gone.*.statusCode`],
  ['rest-pattern-overlap', { 'default': { statusCode: '200' }, '.*Error.*': { statusCode: '500' }, '.*NotFoundError.*': { statusCode: '404' } },
    { 200: ok, 404: ok, 500: ok }, `${RESPONSES}..*NotFoundError.*`],
  ['rest-method-response-missing', { 'default': { statusCode: '200' }, '.*NotFound.*': { statusCode: '404' } }, { 200: ok },
    `${RESPONSES}..*NotFound.*.statusCode`],
  ['rest-method-response-header', { default: { statusCode: '200', responseParameters: { 'method.response.header.X-Id': "'1'" } } }, { 200: ok },
    `${RESPONSES}.default.responseParameters.method.response.header.X-Id`],
  ['rest-proxy-integration-responses', { default: { statusCode: '200', responseTemplates: { 'application/json': '$input.body' } } }, { 200: ok },
    `${RESPONSES}.default`, { type: 'aws_proxy' }],
];

describe('the finding paths of a definition operation, one rule at a time', () => {
  // Each case is passed whole: a callback of as many arguments as a row with `integration` would read a shorter row's last one as `done`.
  test.each(CASES.map(c => [c[0], c] as const))('%s', (_, [ruleId, responses, operationResponses, at, integration]) => {
    const findings = checkDefinition(definition(responses, operationResponses, integration));
    expect(findings.filter(f => f.ruleId === ruleId).map(f => f.path)).toEqual([at]);
  });

  test('every case breaks one rule and only that one', () => {
    for (const [ruleId, responses, operationResponses, , integration] of CASES) {
      const ruleIds = new Set(checkDefinition(definition(responses, operationResponses, integration)).map(f => f.ruleId));
      expect([ruleId, [...ruleIds]]).toEqual([ruleId, [ruleId]]);
    }
  });

  test('an operation response the checks cannot read ($ref, a range) leaves the method-response rules silent', () => {
    const responses = { default: { statusCode: '200', responseParameters: { 'method.response.header.X-Id': "'1'" } } };
    expect(checkDefinition(definition(responses, { 200: { $ref: '#/components/responses/Ok' } }))).toEqual([]);
    expect(checkDefinition(definition(responses, { '2XX': ok }))).toEqual([]);
  });
});
