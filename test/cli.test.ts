import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { runCli } from '../src/cli';

const root = path.join(__dirname, '..');
const fixtures = path.join('test', 'fixtures', 'templates');
const clean = path.join(fixtures, 'clean');
const failing = (rule: string) => path.join(fixtures, 'failing', `${rule}.json`);

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const code = runCli(args, { out: t => out.push(t), err: t => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    process.chdir(cwd);
  }
}

describe('exit codes', () => {
  test('0 when no error is found, warnings included', () => {
    expect(run('check', path.join(clean, 'cors-preflight.json')).code).toBe(0);
    expect(run('check', failing('rest-no-default')).code).toBe(0);
  });

  test('1 when there is at least one error', () => {
    expect(run('check', path.join(clean, 'cors-preflight.json'), failing('rest-status-code')).code).toBe(1);
  });

  test.each([
    [[], "cdk-integration-responses: no command given (expected 'check', 'simulate', 'contract' or 'diff'); run 'cdk-integration-responses --help'"],
    [['lint'], "cdk-integration-responses: unknown command 'lint' (expected 'check', 'simulate', 'contract' or 'diff'); run 'cdk-integration-responses --help'"],
    [['check'], 'cdk-integration-responses: check needs at least one template file or cdk.out directory; run'],
    [['check', '--format', 'xml', 'x.json'], "cdk-integration-responses: --format takes 'text' or 'json', not 'xml'"],
    [['check', '--strict', 'x.json'], "cdk-integration-responses: unknown option '--strict'"],
    [['check', 'missing.json'], 'cdk-integration-responses: missing.json: no such file or directory'],
    [['check', 'README.md'], 'cdk-integration-responses: README.md: malformed YAML: '],
    [['check', 'package.json'], 'cdk-integration-responses: package.json: not a CloudFormation template (no Resources section) or an OpenAPI definition (no openapi or swagger field)'],
  ])('2 for %j, with a one-line message', (args, message) => {
    const result = run(...args);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(result.err.split('\n')).toHaveLength(1);
  });

  test('2 for YAML that is malformed, lenient reading of flow collections notwithstanding', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-')), 'garbage.yaml');
    fs.writeFileSync(file, 'Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties: {Name: api,\n  Tags: [\n');
    const result = run('check', file);
    expect(result.code).toBe(2);
    expect(result.err).toBe(`cdk-integration-responses: ${file}: malformed YAML: Flow map in block collection must be sufficiently indented and end with a } (line 5, column 3)`);
  });

  test('--help prints the usage and exits 0', () => {
    expect(run('--help')).toEqual(expect.objectContaining({ code: 0, out: expect.stringContaining('exit codes: check: 0 no error found') }));
    expect(run('check', '--help').code).toBe(0);
  });
});

describe('output formats', () => {
  test('text groups findings by file and resource, with rule, severity, path and message', () => {
    const result = run('check', failing('rest-method-response-header'), failing('ws-route-not-two-way'));
    expect(result.out).toBe([
      failing('rest-method-response-header'),
      '  M (AWS::ApiGateway::Method)',
      "    error   [rest-method-response-header] integration response '200' maps header 'X-Id' but the method response for '200' does not declare method.response.header.X-Id: API Gateway rejects the deployment (\"Invalid mapping expression parameter specified: method.response.header.X-Id\"); declare the header in that method response (at Integration.IntegrationResponses[0].ResponseParameters.method.response.header.X-Id)",
      '',
      failing('ws-route-not-two-way'),
      '  Route (AWS::ApiGatewayV2::Route)',
      "    warning [ws-route-not-two-way] route 'ping' has no '$default' route response, so it is one-way: API Gateway sends the client nothing and its integration's responses have no effect; add a '$default' route response (returnResponse: true in aws-cdk-lib, or WebSocketResponses.forRoute)",
      '',
      '1 error, 1 warning, 0 infos in 2 templates',
    ].join('\n'));
  });

  test('json is an array of findings with ruleId, severity, file, resource, path and message', () => {
    const result = run('check', '--format', 'json', failing('rest-duplicate-default'), path.join(clean, 'sam-style.yaml'));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual([{
      ruleId: 'rest-duplicate-default',
      severity: 'warning',
      file: failing('rest-duplicate-default'),
      resource: 'M',
      path: 'Integration.IntegrationResponses[1]',
      message: expect.stringMatching(/^integration responses '200', '500' all have no selection pattern/),
    }]);
    expect(JSON.parse(run('check', '--format=json', path.join(clean, 'cors-preflight.json')).out)).toEqual([]);
  });

  test('duplicate YAML keys are warnings, under their resource or template section', () => {
    const publicPatterns = path.join('test', 'fixtures', 'public', 'serverless-patterns');
    const ec2 = path.join(publicPatterns, 'rest-ec2-http-proxy-duplicate-mapping-key.yaml');
    const yaml = path.join(fixtures, 'failing', 'template-duplicate-key.yaml');
    const result = run('check', ec2, yaml);
    expect(result.code).toBe(0);
    expect(result.out).toBe([
      ec2,
      '  Mappings (template section)',
      "    warning [template-duplicate-key] key 'eu-west-3' appears twice in Mappings.RegionMap, at lines 64 and 80: CloudFormation uses the last value (line 80) and silently ignores the earlier one; remove all but one (at RegionMap.eu-west-3)",
      '',
      yaml,
      '  M (AWS::ApiGateway::Method)',
      "    warning [template-duplicate-key] key 'application/json' appears twice in Resources.M.Properties.Integration.IntegrationResponses[0].ResponseTemplates, at lines 21 and 22: CloudFormation uses the last value (line 22) and silently ignores the earlier one; remove all but one (at Properties.Integration.IntegrationResponses[0].ResponseTemplates.application/json)",
      '',
      '0 errors, 2 warnings, 0 infos in 2 templates',
    ].join('\n'));
    expect(JSON.parse(run('check', '--format', 'json', ec2).out)).toEqual([{
      ruleId: 'template-duplicate-key', severity: 'warning', file: ec2, resource: 'Mappings', path: 'RegionMap.eu-west-3', message: expect.stringMatching(/^key 'eu-west-3' appears twice/),
    }]);
  });

  test('a resource can suppress template-duplicate-key in its Metadata, as any rule', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-')), 'suppressed.yaml');
    const template = (suppress: string) => `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Metadata:
      cdk-integration-responses:
        suppress: [{ruleId: ${suppress}, reason: generated this way}]
    Properties:
      Handler: a
      Handler: b
`;
    fs.writeFileSync(file, template('template-duplicate-key'));
    expect(run('check', file).out).toBe('0 errors, 0 warnings, 0 infos in 1 template');
    fs.writeFileSync(file, template('rest-no-default'));
    expect(run('check', file).out).toMatch(/warning \[template-duplicate-key\] key 'Handler' appears twice .* \(at Properties\.Handler\)/);
  });

  test('a clean run says so', () => {
    expect(run('check', clean + path.sep + 'websocket-ping-pong.json').out).toBe('0 errors, 0 warnings, 0 infos in 1 template');
  });
});

describe('very large templates', () => {
  test('a 7 MB file of 150,000 method responses gets findings and exit code 1, not an internal error', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-large-')), 'large.json');
    const methodResponses = Array.from({ length: 150_000 }, (_, i) => ({ StatusCode: String(200 + (i % 300)), ResponseModels: { 'application/json': 'Empty' } }));
    fs.writeFileSync(file, JSON.stringify({
      Resources: {
        M: {
          Type: 'AWS::ApiGateway::Method',
          Properties: { HttpMethod: 'GET', ResourceId: 'r', RestApiId: 'a', Integration: { Type: 'MOCK', IntegrationResponses: [{ StatusCode: '200' }] }, MethodResponses: methodResponses },
        },
      },
    }));
    expect(fs.statSync(file).size).toBeGreaterThan(7_000_000);
    const result = run('check', '--format', 'json', file);
    expect(result.err).toBe('');
    expect(result.code).toBe(1);
    const findings: Array<{ ruleId: string }> = JSON.parse(result.out);
    expect(new Set(findings.map(f => f.ruleId))).toEqual(new Set(['rest-duplicate-items']));
  });
});

describe('several inputs, some unreadable', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cli-inputs-'));
  const malformed = () => {
    const file = path.join(tmp(), 'malformed.yaml');
    fs.writeFileSync(file, 'Resources:\n  A: [1, 2\n');
    return file;
  };
  // Its one mistake, written twice: a status code in an integration response and in a method response.
  const valid = failing('rest-status-code');

  test('each unreadable input is one line on stderr, the readable ones are checked, exit code 2', () => {
    const bad = malformed();
    const result = run('check', 'missing.json', bad, valid);
    expect(result.code).toBe(2);
    expect(result.err.split('\n')).toEqual([
      'cdk-integration-responses: missing.json: no such file or directory',
      `cdk-integration-responses: ${bad}: malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (line 3, column 1)`,
    ]);
    const alone = run('check', valid);
    expect(alone.out).toMatch(/^test.fixtures.templates.failing.rest-status-code\.json\n {2}M \(AWS::ApiGateway::Method\)\n {4}error {3}\[rest-status-code\]/);
    expect(alone.out.endsWith('\n2 errors, 0 warnings, 0 infos in 1 template')).toBe(true);
    expect(result.out).toBe(alone.out.replace(/in 1 template$/, 'in 1 template, 2 templates could not be read'));
  });

  test('json: the findings of the readable inputs on stdout, the others on stderr, exit code 2', () => {
    const bad = malformed();
    const result = run('check', '--format', 'json', valid, 'missing.json', bad);
    expect(result.code).toBe(2);
    expect(result.err.split('\n')).toEqual([
      'cdk-integration-responses: missing.json: no such file or directory',
      `cdk-integration-responses: ${bad}: malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (line 3, column 1)`,
    ]);
    expect(JSON.parse(result.out)).toEqual([1, 2].map(() => expect.objectContaining({ ruleId: 'rest-status-code', file: valid, resource: 'M' })));
    expect(JSON.parse(run('check', '--format', 'json', 'missing.json').out)).toEqual([]);
  });

  test('exit code 2 wins over 1, and unreadable input alone still gives a summary', () => {
    expect(run('check', failing('rest-status-code'), 'missing.json').code).toBe(2);
    expect(run('check', path.join(clean, 'cors-preflight.json'), 'missing.json').code).toBe(2);
    expect(run('check', 'missing.json', 'other.yaml')).toEqual({
      code: 2,
      out: '0 errors, 0 warnings, 0 infos in 0 templates, 2 templates could not be read',
      err: 'cdk-integration-responses: missing.json: no such file or directory\ncdk-integration-responses: other.yaml: no such file or directory',
    });
  });

  test('a cloud assembly with one bad template: that template is reported, the others checked', () => {
    const outdir = tmp();
    fs.copyFileSync(path.join(root, failing('rest-status-code')), path.join(outdir, 'Bad.template.json'));
    fs.writeFileSync(path.join(outdir, 'Broken.template.json'), '{"Resources": {');
    fs.writeFileSync(path.join(outdir, 'Parent.template.json'), '{"Resources": {}}');
    fs.writeFileSync(path.join(outdir, 'ParentInner.nested.template.json'), '[]');
    fs.writeFileSync(path.join(outdir, 'manifest.json'), JSON.stringify({
      version: '44.0.0',
      artifacts: {
        Broken: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Broken.template.json' } },
        Gone: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Gone.template.json' } },
        Bad: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Bad.template.json' } },
        Stage: { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Stage' } },
        Parent: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Parent.template.json' } },
      },
    }));
    const result = run('check', '--format', 'json', outdir);
    expect(result.code).toBe(2);
    expect(result.err.split('\n')).toEqual([
      // The wording of JSON.parse differs between Node versions.
      expect.stringMatching(/^cdk-integration-responses: .*Broken\.template\.json: malformed JSON: [^\n]+$/),
      `cdk-integration-responses: ${path.join(outdir, 'Gone.template.json')}: no such file`,
      `cdk-integration-responses: ${path.join(outdir, 'assembly-Stage')}: not a cloud assembly (no manifest.json); give a template file or a cdk.out directory`,
      `cdk-integration-responses: ${path.join(outdir, 'ParentInner.nested.template.json')}: not a CloudFormation template (no Resources section) or an OpenAPI definition (no openapi or swagger field)`,
    ]);
    expect(JSON.parse(result.out).map((f: { ruleId: string; file: string }) => [f.ruleId, path.basename(f.file)]))
      .toEqual([['rest-status-code', 'Bad.template.json'], ['rest-status-code', 'Bad.template.json']]);
    expect(run('check', outdir).out.split('\n').pop()).toBe('2 errors, 0 warnings, 0 infos in 2 templates, 4 templates could not be read');
  });

  test('a usage error still stops at once, before any input is read', () => {
    expect(run('check', valid, '--strict')).toEqual({ code: 2, out: '', err: expect.stringMatching(/^cdk-integration-responses: unknown option '--strict'/) });
    expect(run('check', '--format', 'xml', 'missing.json')).toEqual({ code: 2, out: '', err: expect.not.stringContaining('missing.json') });
  });
});

describe('as a process', () => {
  const cli = (...args: string[]) => spawnSync('npx', ['ts-node', '--transpile-only', 'test/support/run-cli.ts', ...args], { cwd: root, encoding: 'utf8' });

  test('checks a whole cloud assembly and sets the exit code', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
    fs.copyFileSync(path.join(root, failing('rest-status-code')), path.join(outdir, 'Bad.template.json'));
    fs.writeFileSync(path.join(outdir, 'manifest.json'), JSON.stringify({
      version: '44.0.0',
      artifacts: { Bad: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Bad.template.json' } } },
    }));
    const result = cli('check', '--format', 'json', outdir);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).map((f: { ruleId: string }) => f.ruleId)).toEqual(['rest-status-code', 'rest-status-code']);
  }, 60_000);

  test('unreadable input gives exit code 2 and one line on stderr, no stack trace', () => {
    const result = cli('check', 'test/fixtures');
    expect(result.status).toBe(2);
    const lines = result.stderr.split('\n').filter(l => l && !l.includes('nodedir'));
    expect(lines).toEqual(['cdk-integration-responses: test/fixtures: not a cloud assembly (no manifest.json); give a template file or a cdk.out directory']);
  }, 60_000);
});

describe('simulate', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'simulate-'));
  const backend = (name: string, value: unknown) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };
  const lambdaTemplate = path.join(clean, 'lambda-error-mapping.json');

  test('prints statusCode, headers, body and the selected response for a REST method', () => {
    const result = run('simulate', '--template', lambdaTemplate, '--resource', 'ApiGET9257B917',
      '--backend', backend('notfound.json', { errorMessage: '[NotFound] x', request: { accept: 'application/json' } }));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({
      statusCode: 404,
      headers: { 'X-Error': 'Error' },
      body: '{"errorMessage":"[NotFound] x","errorType":"Error"}',
      selected: '404',
    });
  });

  test('simulates a WebSocket integration, headers given as lists, YAML templates', () => {
    const result = run('simulate', '--template', path.join(clean, 'sam-style.yaml'), '--resource=PingIntegration',
      '--backend', backend('ping.json', { statusCode: 200, headers: { 'X-A': ['1', '2'] }, stageVariables: { s: 'x' }, context: { stage: 'live', n: 1 } }));
    expect(JSON.parse(result.out)).toEqual({ statusCode: 200, headers: {}, body: '{"message": "pong"}', selected: '$default' });
  });

  test('simulates an HTTP API integration: its response parameter mapping applied to the answer', () => {
    const result = run('simulate', '--template', path.join(clean, 'http-api-response-mapping.json'), '--resource', 'Integration',
      '--backend', backend('http.json', { statusCode: 404, headers: { 'x-reason': 'moved' }, body: 'gone', stageVariables: { name: 'prod' } }));
    expect(result.err).toBe('');
    expect(JSON.parse(result.out)).toEqual({ statusCode: 410, headers: { 'X-Reason': 'moved (stage prod)' }, body: 'gone', selected: '404' });
  });

  test.each([
    [['--template', 'x.json'], 'simulate needs --resource, --backend'],
    [['--nope'], "unexpected argument '--nope'"],
    [['--template', '--resource', 'R', '--backend', 'b'], 'cdk-integration-responses: --template needs a value'],
  ])('usage errors exit 2: %j', (args, message) => {
    const result = run('simulate', ...args);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
  });

  test.each([
    ['malformed JSON', '{"statusCode": ', /malformed JSON: /],
    ['an unknown field', { status: 200 }, /unknown field 'status' \(expected statusCode, headers, body/],
    ['a wrong type', { statusCode: '200' }, /'statusCode' must be a whole number$/],
    ['wrong params', { request: { params: { path: { id: 1 } } } }, /'params' must be an object of string maps/],
    ['not an object', [1], /the backend result must be a JSON object$/],
  ])('bad backend input exits 2 with one line: %s', (name, content, message) => {
    const result = run('simulate', '--template', lambdaTemplate, '--resource', 'ApiGET9257B917', '--backend', backend(`${name}.json`, content));
    expect(result.code).toBe(2);
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toMatch(message);
  });

  test('a cdk.out directory: the resource is found in whichever stack has it', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'simulate-assembly-'));
    const app = new App({ outdir });
    new Stack(app, 'First');
    const api = new apigw.RestApi(new Stack(app, 'Second'), 'Api', { deploy: false });
    api.root.addMethod('GET', new apigw.MockIntegration({ integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"from": "second"}' } }] }),
      { methodResponses: [{ statusCode: '200' }] });
    app.synth();
    const result = run('simulate', '--template', outdir, '--resource', 'ApiGET9257B917', '--backend', backend('second.json', {}));
    expect(result.err).toBe('');
    expect(JSON.parse(result.out)).toEqual({ statusCode: 200, headers: {}, body: '{"from": "second"}', selected: '200' });
    // The empty first stack has a template without Resources: nothing to check, not an error.
    expect(run('check', outdir)).toEqual(expect.objectContaining({ code: 0, err: '' }));
  });

  const petstore = path.join('test', 'fixtures', 'openapi', 'petstore.yaml');

  test('--operation simulates an operation of an OpenAPI definition file', () => {
    const result = run('simulate', '--template', petstore, '--operation', 'GET /pets', '--backend', backend('pets.json', { statusCode: 200, body: '[]' }));
    expect(result.err).toBe('');
    expect(JSON.parse(result.out)).toEqual({ statusCode: 200, headers: { 'Access-Control-Allow-Origin': '*' }, body: '[]', selected: '200' });
  });

  test('--operation with --resource simulates an operation of a REST API\'s inline definition', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    new apigw.SpecRestApi(stack, 'Api', {
      apiDefinition: apigw.ApiDefinition.fromInline({
        openapi: '3.0.1',
        info: { title: 'mock', version: '1' },
        paths: {
          '/health': {
            get: {
              'responses': { 200: { description: 'ok' } },
              'x-amazon-apigateway-integration': {
                type: 'mock',
                requestTemplates: { 'application/json': '{"statusCode": 200}' },
                responses: { default: { statusCode: '200', responseTemplates: { 'application/json': '{"status": "up"}' } } },
              },
            },
          },
        },
      }),
    });
    const template = path.join(tmp, 'spec.json');
    fs.writeFileSync(template, JSON.stringify(app.synth().getStackByName('Stack').template));
    const result = run('simulate', '--template', template, '--resource', 'ApiF70053CD', '--operation', 'get /health', '--backend', backend('up.json', {}));
    expect(result.err).toBe('');
    expect(JSON.parse(result.out)).toEqual({ statusCode: 200, headers: {}, body: '{"status": "up"}', selected: '200' });
    expect(run('simulate', '--template', template, '--operation', 'GET /health', '--backend', backend('up.json', {})).err)
      .toContain('spec.json: not an OpenAPI definition: give --resource, the REST API whose inline definition holds the operation');
  });

  test.each([
    [['--operation', 'GET /pets', '--resource', 'Nope'], /petstore\.yaml: resource 'Nope' is not in the template; --operation takes an OpenAPI definition file/],
    [['--operation', '/pets'], /--operation '\/pets' is not an HTTP method and a path, such as 'GET \/items\/\{id\}'/],
    [['--operation', 'PUT /pets'], /cannot simulate: the definition has no operation 'PUT \/pets' with an x-amazon-apigateway-integration; it has GET \/, GET \/pets, POST \/pets/],
    [[], /petstore\.yaml: an OpenAPI definition: name the operation to simulate with --operation, such as --operation 'GET \/items'/],
  ])('a definition operation that cannot be simulated exits 2 with one line: %j', (args, message) => {
    const result = run('simulate', '--template', petstore, '--backend', backend('ok.json', {}), ...args, ...args.length === 0 ? ['--resource', 'X'] : []);
    expect(result.code).toBe(2);
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toMatch(message);
  });

  test('a resource that cannot be simulated exits 2', () => {
    const ok = backend('ok.json', {});
    expect(run('simulate', '--template', lambdaTemplate, '--resource', 'ApiF70053CD', '--backend', ok).err)
      .toContain("resource 'ApiF70053CD' is an AWS::ApiGateway::RestApi; simulate takes an AWS::ApiGateway::Method or an AWS::ApiGatewayV2::Integration");
    const proxy = run('simulate', '--template', lambdaTemplate, '--resource', 'ApiproxyANY28B8981C', '--backend', ok);
    expect(proxy.code).toBe(2);
    expect(proxy.err).toMatch(/^cdk-integration-responses: cannot simulate: method ApiproxyANY28B8981C uses a proxy integration \(AWS_PROXY\)/);
  });
});
