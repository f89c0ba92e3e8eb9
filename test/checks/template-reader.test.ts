import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { TemplateChecker } from '../../src';
import { InputError } from '../../src/checks/input-error';
import { collectTemplates, MAX_TEMPLATE_BYTES, parseTemplate, readTemplates } from '../../src/checks/template-reader';

const fixtures = path.join(__dirname, '..', 'fixtures', 'templates');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'reader-'));

test('YAML short-form tags become their long forms', () => {
  const [{ template }] = readTemplates(path.join(fixtures, 'clean', 'sam-style.yaml'));
  const resources = template.Resources as any;
  expect(resources.ItemsResource.Properties).toEqual({ RestApiId: { Ref: 'Api' }, ParentId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] }, PathPart: 'items' });
  expect(resources.GetItems.Properties.Integration.Uri).toEqual({
    'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${ItemsFunction.Arn}/invocations',
  });
  expect(resources.Socket.Properties.Name).toEqual({ 'Fn::Join': ['-', [{ Ref: 'AWS::StackName' }, 'socket']] });
  expect(resources.GetItems.Properties.Integration.IntegrationResponses[0].StatusCode).toBe(200);
});

test('every short form parses: scalars, sequences and maps', () => {
  const { template } = parseTemplate(`Resources:
  R:
    Type: X
    Properties:
      A: !If [C, !Select [0, !Split [',', !ImportValue Shared]], !Base64 text]
      B: !GetAtt [R, Arn]
      C: !Sub ['\${X}', {X: !FindInMap [M, K, V]}]
      D: !Condition IsProd
      E: !GetAZs ''
`, 'inline.yaml');
  expect((template.Resources.R as any).Properties).toEqual({
    A: { 'Fn::If': ['C', { 'Fn::Select': [0, { 'Fn::Split': [',', { 'Fn::ImportValue': 'Shared' }] }] }, { 'Fn::Base64': 'text' }] },
    B: { 'Fn::GetAtt': ['R', 'Arn'] },
    C: { 'Fn::Sub': ['${X}', { X: { 'Fn::FindInMap': ['M', 'K', 'V'] } }] },
    D: { Condition: 'IsProd' },
    E: { 'Fn::GetAZs': '' },
  });
});

test('a cloud assembly directory yields every template, nested stacks and stages included', () => {
  const outdir = tmp();
  const app = new App({ outdir });
  const stack = new Stack(app, 'Top');
  new apigw.RestApi(stack, 'Api').root.addMethod('GET');
  const nested = new NestedStack(stack, 'Inner');
  new apigw.RestApi(nested, 'NestedApi').root.addMethod('GET');
  const stage = new Stage(app, 'Prod');
  new apigw.RestApi(new Stack(stage, 'Staged'), 'StagedApi').root.addMethod('GET');
  app.synth();
  const files = readTemplates(outdir).map(t => path.relative(outdir, t.file)).sort();
  expect(files).toEqual([
    'Top.template.json',
    expect.stringMatching(/^TopInner[0-9A-F]+\.nested\.template\.json$/),
    expect.stringMatching(/^assembly-Prod[/\\]ProdStaged[0-9A-F]+\.template\.json$/),
  ]);
});

test.each([
  ['a missing file', (dir: string) => path.join(dir, 'nope.json'), /nope\.json: no such file or directory$/],
  ['malformed JSON', (dir: string) => write(dir, 'bad.json', '{"Resources": {'), /bad\.json: malformed JSON: /],
  ['malformed YAML', (dir: string) => write(dir, 'bad.yaml', 'Resources:\n  A: [1, 2\n'), /bad\.yaml: malformed YAML: /],
  ['not a template', (dir: string) => write(dir, 'list.json', '[1, 2]'), /list\.json: not a CloudFormation template \(no Resources section\) or an OpenAPI definition \(no openapi or swagger field\)$/],
  ['a YAML scalar', (dir: string) => write(dir, 'scalar.yaml', 'hello'), /scalar\.yaml: not a CloudFormation template/],
  ['a directory without manifest', (dir: string) => dir, /not a cloud assembly \(no manifest\.json\); give a template file or a cdk\.out directory$/],
  ['a template nested too deep', (dir: string) => write(dir, 'deep.json', `{"Resources": {"A": ${'['.repeat(20_000)}${']'.repeat(20_000)}}}`),
    /deep\.json: nested more than 500 levels deep, which no CloudFormation template needs$/],
  ['a YAML alias bomb', (dir: string) => write(dir, 'bomb.yaml', aliasBomb()), /bomb\.yaml: malformed YAML: Excessive alias count/],
  ['a file over the size limit', (dir: string) => {
    const file = path.join(dir, 'huge.json');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_TEMPLATE_BYTES + 1);
    return file;
  }, /huge\.json: 52428801 bytes, over the 52428800-byte limit for a template$/],
])('refuses %s with an InputError', (_, make, message) => {
  const target = make(tmp());
  expect(() => readTemplates(target)).toThrow(InputError);
  expect(() => readTemplates(target)).toThrow(message);
});

test('collectTemplates reads every template of an assembly it can, with an error for each it cannot', () => {
  const dir = tmp();
  write(dir, 'Good.template.json', '{"Resources": {"A": {"Type": "X"}}}');
  write(dir, 'Bad.template.yaml', 'Resources: [');
  write(dir, 'Good2.nested.template.json', '{"Resources": {}}');
  write(dir, 'manifest.json', JSON.stringify({
    artifacts: {
      Bad: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Bad.template.yaml' } },
      Good: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Good.template.json' } },
      Inner: { type: 'cdk:cloud-assembly', properties: { directoryName: 'inner' } },
    },
  }));
  const { templates, errors } = collectTemplates(dir);
  expect(templates.map(t => path.basename(t.file))).toEqual(['Good.template.json', 'Good2.nested.template.json']);
  expect(errors.map(e => e.message)).toEqual([
    expect.stringMatching(/Bad\.template\.yaml: malformed YAML: /),
    expect.stringMatching(/inner: not a cloud assembly \(no manifest\.json\)/),
  ]);
  expect(() => readTemplates(dir)).toThrow(/Bad\.template\.yaml: malformed YAML: /);
  expect(collectTemplates(path.join(dir, 'nope'))).toEqual({ templates: [], errors: [expect.any(InputError)] });
});

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

function aliasBomb(): string {
  const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${prev}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\nResources: {}\n`;
}

test('a JSON template may start with a byte order mark', () => {
  const file = write(tmp(), 'bom.json', '\uFEFF{"Resources": {"A": {"Type": "X"}}}');
  expect(readTemplates(file)[0].template.Resources).toEqual({ A: { Type: 'X' } });
});

test('unknown YAML tags are read as plain values, without warnings on the console', () => {
  const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
  const log = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const { template } = parseTemplate('Resources:\n  A:\n    Type: X\n    Properties:\n      P: !Custom value\n', 't.yaml');
    expect((template.Resources as any).A.Properties.P).toBe('value');
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  } finally {
    warn.mockRestore();
    log.mockRestore();
  }
});

describe('duplicate mapping keys: the last value wins, each duplicate is a warning', () => {
  const publicPatterns = path.join(__dirname, '..', 'fixtures', 'public', 'serverless-patterns');
  const duplicate = (resource: string, keyPath: string | undefined, message: string) => ({
    ruleId: 'template-duplicate-key', severity: 'warning', resource, ...keyPath === undefined ? {} : { path: keyPath }, message,
  });

  test.each([
    ['rest-ec2-http-proxy-duplicate-mapping-key.yaml', duplicate('Mappings', 'RegionMap.eu-west-3',
      "key 'eu-west-3' appears twice in Mappings.RegionMap, at lines 64 and 80: CloudFormation uses the last value (line 80) and silently ignores the earlier one; remove all but one")],
    ['rest-nlb-alb-private-api-duplicate-key.yaml', duplicate('ApplicationLoadBalancerTargetGroup', 'Properties.HealthCheckEnabled',
      "key 'HealthCheckEnabled' appears twice in Resources.ApplicationLoadBalancerTargetGroup.Properties, at lines 349 and 358: CloudFormation uses the last value (line 358) and silently ignores the earlier one; remove all but one")],
    ['sam-openapi-multi-account-private-central-duplicate-key.yaml', duplicate('FetchVPCEndpointIPsFunction', 'Properties.Handler',
      "key 'Handler' appears twice in Resources.FetchVPCEndpointIPsFunction.Properties, at lines 228 and 234: CloudFormation uses the last value (line 234) and silently ignores the earlier one; remove all but one")],
  ])('public sample %s', (file, expected) => {
    expect(readTemplates(path.join(publicPatterns, file))[0].findings).toEqual([expected]);
  });

  test('the public samples keep the last value', () => {
    const [ec2, nlb, central] = ['rest-ec2-http-proxy-duplicate-mapping-key.yaml', 'rest-nlb-alb-private-api-duplicate-key.yaml',
      'sam-openapi-multi-account-private-central-duplicate-key.yaml'].map(f => readTemplates(path.join(publicPatterns, f))[0].template as any);
    expect(ec2.Mappings.RegionMap['eu-west-3']).toEqual({ AMI: 'ami-00575c0cbc20caf50' });
    expect(nlb.Resources.ApplicationLoadBalancerTargetGroup.Properties.HealthCheckEnabled).toBe(true);
    expect(central.Resources.FetchVPCEndpointIPsFunction.Properties.Handler).toBe('lambda_function.lambda_handler');
  });

  test('in a resource, in Mappings, as a logical ID, at the top level and inside a short-form tag', () => {
    const { template, findings } = parseTemplate(`Mappings:
  Stage:
    prod: {Size: small}
    prod: {Size: large}
Resources:
  Get:
    Type: AWS::ApiGateway::Method
    Properties:
      HttpMethod: GET
      Integration:
        IntegrationResponses:
          - StatusCode: '200'
            ResponseTemplates:
              application/json: '{"v": 1}'
              application/json: '{"v": 2}'
              application/json: '{"v": 3}'
      HttpMethod: POST
      Uri: !Sub ['\${A}', {A: x, A: y}]
  Get:
    Type: AWS::ApiGateway::Method
    Metadata:
      Owner: a
      Owner: b
    Properties:
      HttpMethod: PUT
Outputs: {}
Outputs:
  Url: {Value: u}
`, 'dups.yaml');
    expect(findings.map(f => [f.resource, f.path, f.message.split(': CloudFormation')[0]])).toEqual([
      ['Mappings', 'Stage.prod', "key 'prod' appears twice in Mappings.Stage, at lines 3 and 4"],
      ['Get', undefined, "key 'Get' appears twice in Resources, at lines 6 and 19"],
      ['Get', 'Properties.HttpMethod', "key 'HttpMethod' appears twice in Resources.Get.Properties, at lines 9 and 17"],
      ['Get', 'Properties.Integration.IntegrationResponses[0].ResponseTemplates.application/json',
        "key 'application/json' appears 3 times in Resources.Get.Properties.Integration.IntegrationResponses[0].ResponseTemplates, at lines 14, 15 and 16"],
      ['Get', 'Properties.Uri.Fn::Sub[1].A', "key 'A' appears twice in Resources.Get.Properties.Uri.Fn::Sub[1], at line 18"],
      ['Get', 'Metadata.Owner', "key 'Owner' appears twice in Resources.Get.Metadata, at lines 22 and 23"],
      ['Outputs', undefined, "key 'Outputs' appears twice at the top level of the template, at lines 26 and 27"],
    ]);
    expect(findings[3].message).toMatch(/uses the last value \(line 16\) and silently ignores the earlier ones; remove all but one$/);
    expect(findings.every(f => f.ruleId === 'template-duplicate-key' && f.severity === 'warning')).toBe(true);
    const t = template as any;
    expect(t.Mappings.Stage.prod).toEqual({ Size: 'large' });
    expect(t.Outputs).toEqual({ Url: { Value: 'u' } });
    // The second Get replaces the first one entirely, as in CloudFormation.
    expect(t.Resources.Get).toEqual({ Type: 'AWS::ApiGateway::Method', Metadata: { Owner: 'b' }, Properties: { HttpMethod: 'PUT' } });
  });

  test('duplicates in the resource that is kept: the last value of each key', () => {
    const { template, findings } = parseTemplate(`Resources:
  Get:
    Type: AWS::ApiGateway::Method
    Properties:
      HttpMethod: GET
      HttpMethod: POST
      Integration:
        IntegrationResponses:
          - StatusCode: '200'
            ResponseTemplates: {application/json: one, application/json: two}
`, 'dups.yaml');
    expect(findings.map(f => f.path)).toEqual(['Properties.HttpMethod', 'Properties.Integration.IntegrationResponses[0].ResponseTemplates.application/json']);
    expect((template.Resources.Get as any).Properties).toEqual({
      HttpMethod: 'POST',
      Integration: { IntegrationResponses: [{ StatusCode: '200', ResponseTemplates: { 'application/json': 'two' } }] },
    });
  });

  test('a template without duplicates, and every JSON template, has no reading findings', () => {
    expect(readTemplates(path.join(fixtures, 'clean', 'sam-style.yaml'))[0].findings).toEqual([]);
    // JSON is read with JSON.parse, which also keeps the last value; JSON duplicates are not reported.
    const json = parseTemplate('{"Resources": {"A": {"Type": "X"}, "A": {"Type": "Y"}}}', 't.json');
    expect(json).toEqual({ file: 't.json', template: { Resources: { A: { Type: 'Y' } } }, findings: [] });
  });
});

describe('flow collections whose lines are not indented past their key, as PyYAML reads them', () => {
  const ses = path.join(__dirname, '..', 'fixtures', 'public', 'serverless-patterns', 'rest-ses-transformation.yaml');

  test('rest-ses-transformation: the RequestModel schema, a flow map continued at its key\'s indentation', () => {
    // Lines 149-175: `      Schema: {"$schema": "...",` then `      "title": "Stats",` ... `      "required": [...] }`.
    const [{ template, findings }] = readTemplates(ses);
    expect(findings).toEqual([]);
    const resources = template.Resources as any;
    expect(resources.RequestModel.Properties.Schema).toEqual({
      $schema: 'http://json-schema.org/draft-04/schema#',
      title: 'Stats',
      type: 'object',
      properties: {
        to: { type: 'array' },
        from: { type: 'string' },
        cc: { type: 'array' },
        bcc: { type: 'array' },
        subject: { type: 'string' },
        text: { type: 'string' },
        html: { type: 'string' },
      },
      required: ['to', 'from', 'html', 'text'],
    });
    // What follows the flow map is read as the block structure it is.
    expect(resources.ApiGatewayDeployment).toEqual({
      Type: 'AWS::ApiGateway::Deployment', DependsOn: ['ApiGatewayRootMethod'], Properties: { RestApiId: { Ref: 'ApiGateway' }, StageName: { 'Fn::Sub': '${StageName}' } },
    });
    expect(Object.keys(template).sort()).toEqual(['AWSTemplateFormatVersion', 'Description', 'Globals', 'Outputs', 'Parameters', 'Resources', 'Transform']);
  });

  test('rest-ses-transformation: its method is checked', () => {
    const [{ template }] = readTemplates(ses);
    // Six integration responses without a selection pattern (see SOURCES.md, notable finding 2) and
    // only a 200 method response.
    expect(TemplateChecker.check(template).map(f => [f.resource, f.ruleId, f.path])).toEqual([
      ['ApiGatewayRootMethod', 'rest-duplicate-default', 'Integration.IntegrationResponses[1]'],
      ...[1, 2, 3, 4, 5].map(i => ['ApiGatewayRootMethod', 'rest-method-response-missing', `Integration.IntegrationResponses[${i}].StatusCode`]),
    ]);
  });

  test('maps, sequences, nested collections, quoted scalars, comments and CRLF line ends', () => {
    const { template } = parseTemplate([
      'Resources:',
      '  A:',
      '    Type: X',
      '    Properties:',
      '      P: [1,',
      '    2]',
      '      Q: {"a": "x',
      '  y", b: \'it\'\'s }\', # a comment }',
      '  c: [3,',
      '4], d: {e: 5}',
      '}',
      '      R: {f: 1,',
      '      g: 2}',
    ].join('\r\n'), 'flow.yaml');
    expect((template.Resources.A as any).Properties).toEqual({ P: [1, 2], Q: { a: 'x y', b: "it's }", c: [3, 4], d: { e: 5 } }, R: { f: 1, g: 2 } });
  });

  test('a quoted scalar continued at its key\'s indentation, as in sessions-with-aws-sam s12d/server/api.yaml', () => {
    const { template } = parseTemplate([
      'Resources:',
      '  A:',
      '    Type: X',
      '    Properties:',
      '      T: "#set($a = 1) \\',
      '      {\\"a\\": $a, \\',
      '    \\"b\\": 2}"',
      "      S: 'one",
      "      two'",
      '      R: {"Fn::Sub": "x \\',
      '      ${y}"}',
      '      U: ok',
    ].join('\n'), 'quoted.yaml');
    // A quoted scalar's leading spaces on continuation lines are never content; `\` + line end joins the lines.
    expect((template.Resources.A as any).Properties).toEqual({ T: '#set($a = 1) {"a": $a, "b": 2}', S: 'one two', R: { 'Fn::Sub': 'x ${y}' }, U: 'ok' });
  });

  test('sessions-with-aws-sam s12d/server/api.yaml reads as PyYAML reads it', () => {
    const [{ definition }] = readTemplates(path.join(__dirname, '..', 'fixtures', 'public', 'aws-samples', 'sessions-with-aws-sam-s12d-api.yaml'));
    const get = (definition as any).paths['/app'].get['x-amazon-apigateway-integration'];
    expect(get.responses['200'].responseTemplates['application/json']).toMatch(/^#set\(\$inputRoot = \$input\.path\('\$'\)\)\{ "LastEvaluatedKey": /);
    expect(get.requestTemplates['application/json']['Fn::Sub']).toMatch(/^#set\( \$pageKey = \$input\.params\('pageKey'\)\) \{"TableName": "\$\{LinkTable\}", "IndexName":"OwnerIndex", #if/);
  });

  test('the message of malformed YAML gives its line and column', () => {
    expect(() => parseTemplate('Resources:\n  A:\n    P: {a: "1,\n  b: 2}\n', 'bad.yaml')).toThrow(/^bad\.yaml: malformed YAML: .+ \(line \d+, column \d+\)$/);
  });

  test.each([
    ['a flow map that is never closed', 'Resources:\n  A: {a: 1,\nb: 2\n', /Flow map in block collection must be sufficiently indented/],
    ['an inner flow map closed, the outer not', 'Resources:\n  A: {a: 1,\n  B: {Type: X}\n', /Flow map in block collection must be sufficiently indented/],
    ['a flow sequence that is never closed', 'Resources:\n  A: [1, 2\n', /Flow sequence in block collection must be sufficiently indented/],
    ['a line indented with a tab, which PyYAML refuses too', 'Resources:\n  A:\n    P: {a: 1,\n\tb: 2}\n', /Flow map in block collection/],
    ['an unterminated quoted scalar', 'Resources:\n  A:\n    P: {a: "1,\n  b: 2}\n', /^[^\n]+$/],
    ['garbage after a flow map that is read', 'Resources:\n  A:\n    P: {a: 1,\n  b: 2}\n    Q: : :\n  - x\n', /^[^\n]+$/],
  ])('still refuses %s, with a one-line message', (_, text, message) => {
    expect(() => parseTemplate(text, 'bad.yaml')).toThrow(InputError);
    expect(() => parseTemplate(text, 'bad.yaml')).toThrow(/^bad\.yaml: malformed YAML: [^\n]+$/);
    expect(() => parseTemplate(text, 'bad.yaml')).toThrow(message);
  });
});
