import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { InputError, MAX_TEMPLATE_BYTES, parseTemplate, readTemplates } from '../../src/checks/template-reader';

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
  ['not a template', (dir: string) => write(dir, 'list.json', '[1, 2]'), /list\.json: not a CloudFormation template \(no Resources section\)$/],
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
