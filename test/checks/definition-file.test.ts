import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkPaths, formatText } from '../../src/checks/check-command';
import { runCli } from '../../src/cli';

const fixtures = path.join(__dirname, '..', 'fixtures', 'openapi');

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: t => out.push(t), err: t => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function write(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'definition-')), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('check on OpenAPI definition files', () => {
  test('the PetStore example API Gateway imports has no finding', () => {
    const result = run('check', path.join(fixtures, 'petstore.yaml'));
    expect(result).toEqual({ code: 0, out: '0 errors, 0 warnings, 0 infos in 1 definition', err: '' });
  });

  test('each mistake is reported at its place in the definition', () => {
    const { findings } = checkPaths([path.join(fixtures, 'mistakes.json')]);
    const integration = 'x-amazon-apigateway-integration.responses';
    expect(findings.map(f => [f.ruleId, f.severity, f.resource, f.path])).toEqual([
      ['rest-method-response-missing', 'warning', 'definition', `paths./items/{id}.get.${integration}..*Not Found.*.statusCode`],
      ['rest-method-response-header', 'error', 'definition',
        `paths./items/{id}.put.${integration}.default.responseParameters.method.response.header.X-Request-Id`],
      ['rest-selection-pattern-syntax', 'error', 'definition', `paths./items/{id}.delete.${integration}.(Invalid.*`],
      ['rest-proxy-integration-responses', 'warning', 'definition', `paths./proxy.x-amazon-apigateway-any-method.${integration}.default`],
      ['gateway-response-parameter-value', 'error', 'definition',
        'x-amazon-apigateway-gateway-responses.DEFAULT_4XX.responseParameters.gatewayresponse.header.Access-Control-Allow-Origin'],
    ]);
    expect(run('check', path.join(fixtures, 'mistakes.json')).code).toBe(1);
  });

  test("the developer guide's x-amazon-apigateway-integration example: what is wrong in it, and nothing else", () => {
    const { findings } = checkPaths([path.join(fixtures, 'developer-guide-integrations.json')]);
    const integration = 'x-amazon-apigateway-integration.responses';
    expect(findings.map(f => [f.ruleId, f.severity, f.path])).toEqual([
      // On a Lambda integration the 2XX pattern meets error messages, never a success.
      ['rest-lambda-pattern-status-code', 'warning', `paths./lambda.get.${integration}.2\\d{2}`],
      ['rest-template-invalid-json', 'warning', `paths./lambda.get.${integration}.2\\d{2}.responseTemplates.application/json`],
      // The same responses on an HTTP integration, where the pattern meets the status code, are right.
      ['rest-template-invalid-json', 'warning', `paths./http.get.${integration}.2\\d{2}.responseTemplates.application/json`],
    ]);
  });

  test('the text format labels the findings with the OpenAPI version', () => {
    const result = checkPaths([path.join(fixtures, 'mistakes.json'), path.join(__dirname, '..', 'fixtures', 'templates', 'clean', 'cors-preflight.json')]);
    const text = formatText(result).split('\n');
    expect(text.slice(0, 2)).toEqual([path.join(fixtures, 'mistakes.json'), '  definition (OpenAPI 3.0.1)']);
    expect(text[text.length - 1]).toBe('3 errors, 2 warnings, 0 infos in 1 template and 1 definition');
  });

  test('a Swagger 2.0 definition in JSON is read as one', () => {
    const file = write('api.json', JSON.stringify({
      swagger: '2.0',
      info: { title: 'x', version: '1' },
      paths: {
        '/': {
          get: {
            'responses': { 200: { description: 'ok' } },
            'x-amazon-apigateway-integration': { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' }, responses: { default: { statusCode: '201' } } },
          },
        },
      },
    }));
    expect(checkPaths([file]).findings.map(f => [f.ruleId, f.path])).toEqual([
      ['rest-method-response-missing', 'paths./.get.x-amazon-apigateway-integration.responses.default.statusCode'],
    ]);
  });

  // API Gateway imports such definitions: the Mythical Mysfits workshop imports one with
  // `aws apigateway import-rest-api --fail-on-warnings`.
  test.each([
    ['api.json', '{"swagger": 2.0, "info": {"title": "x"}, "paths": {"/": {"get": {"x-amazon-apigateway-integration": {"type": "mock", "responses": {"default": {"statusCode": "20x"}}}}}}}', '2.0'],
    ['api.yaml', 'swagger: 2.0\ninfo: {title: x}\npaths:\n  /:\n    get:\n      x-amazon-apigateway-integration:\n        type: mock\n        responses:\n          default: {statusCode: "20x"}\n', '2.0'],
    ['api.yaml', 'openapi: 3.0\ninfo: {title: x}\npaths:\n  /:\n    get:\n      x-amazon-apigateway-integration:\n        type: mock\n        responses:\n          default: {statusCode: "20x"}\n', '3.0'],
  ])('a version written as a number (%s) is still a definition, labelled as written', (name, text, version) => {
    const result = checkPaths([write(name, text)]);
    expect(result.unreadable).toEqual([]);
    expect(result.findings.map(f => [f.ruleId, f.path])).toContainEqual(['rest-status-code', 'paths./.get.x-amazon-apigateway-integration.responses.default.statusCode']);
    expect(formatText(result).split('\n')[1]).toBe(`  definition (OpenAPI ${version})`);
  });

  test('a gateway response type that does not exist is reported at its key', () => {
    const file = write('api.yaml', [
      'openapi: 3.0.1', 'info: {title: x, version: "1"}', 'paths: {}',
      'x-amazon-apigateway-gateway-responses:', '  NOT_FOUND:', '    statusCode: "404"',
    ].join('\n'));
    expect(checkPaths([file]).findings.map(f => [f.ruleId, f.path])).toEqual([
      ['gateway-response-type', 'x-amazon-apigateway-gateway-responses.NOT_FOUND'],
    ]);
  });

  test('a YAML key repeated in a definition is not reported as CloudFormation would treat it', () => {
    const file = write('api.yaml', 'openapi: 3.0.1\ninfo: {title: x, version: "1"}\npaths: {}\npaths: {}\n');
    expect(checkPaths([file]).findings).toEqual([]);
  });

  test('what is not a definition of operations has no findings and no crash', () => {
    const odd = ['null', '[]', '"x"', '{"/": null}', '{"/": {"get": {"x-amazon-apigateway-integration": []}}}', '{"/": {"get": {"Fn::If": []}}}'];
    for (const [i, paths] of odd.entries()) {
      const responses = ['null', '[]', '"x"', '{"DEFAULT_4XX": null}', '{"DEFAULT_4XX": []}', '{"DEFAULT_4XX": {"Fn::If": []}}'][i];
      const file = write('api.json', `{"openapi": "3.0.1", "paths": ${paths}, "x-amazon-apigateway-gateway-responses": ${responses}}`);
      expect(checkPaths([file])).toMatchObject({ findings: [], unreadable: [] });
    }
  });

  test('a definition nested deeper than any needs is refused with a one-line message', () => {
    const file = write('deep.json', `{"openapi": "3.0.1", "paths": ${'['.repeat(600)}${']'.repeat(600)}}`);
    const result = run('check', file);
    expect(result.code).toBe(2);
    expect(result.err).toBe(`cdk-integration-responses: ${file}: nested more than 500 levels deep, which no OpenAPI definition needs`);
  });
});
