import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { templateSchemaProblems } from '../support/cfn-schema';

const root = path.join(__dirname, '..', '..');
const env = { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true' };

describe('the example app, synthesized by the CDK CLI', () => {
  let output: string;
  let template: any;

  beforeAll(() => {
    const run = spawnSync('npx', ['ts-node', '--transpile-only', 'scripts/example.ts'], { cwd: root, env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`npm run example failed:\n${run.stdout}\n${run.stderr}`);
    output = run.stdout;
    template = JSON.parse(fs.readFileSync(path.join(root, 'examples', 'cdk.out', 'IntegrationResponsesExample.template.json'), 'utf8'));
  }, 120_000);

  test('every API Gateway resource matches the CloudFormation schema', () => {
    expect(templateSchemaProblems(template, 'AWS::ApiGateway')).toEqual([]);
  });

  test('the Lambda method maps errors by message and declares every header', () => {
    const get = Object.values<any>(template.Resources).find(r =>
      r.Type === 'AWS::ApiGateway::Method' && r.Properties.HttpMethod === 'GET' && r.Properties.Integration.Type === 'AWS');
    expect(get.Properties.Integration.IntegrationResponses.map((r: any) => [r.StatusCode, r.SelectionPattern])).toEqual([
      ['200', undefined],
      ['400', '\\[BadRequest\\].*'],
      ['404', '\\[NotFound\\].*'],
      ['500', '(?!\\[BadRequest\\]|\\[NotFound\\]).+'],
    ]);
    for (const response of get.Properties.Integration.IntegrationResponses) {
      const declared = get.Properties.MethodResponses.find((m: any) => m.StatusCode === response.StatusCode);
      expect(Object.keys(declared.ResponseParameters)).toEqual(Object.keys(response.ResponseParameters));
    }
  });

  test('the summary lists each method with its responses', () => {
    expect(output).toContain('GET /items/{id}');
    expect(output).toContain('AWS (Lambda custom integration: patterns match errorMessage)');
    expect(output).toContain('404  when \\[NotFound\\].*');
    expect(output).toContain('header Cache-Control <- \'no-store\'');
    expect(output).toContain('method responses: 200 (Cache-Control, Access-Control-Allow-Origin)');
  });
});

test('cdk synth fails before writing a template when a method response misses a mapped header', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'broken-'));
  const run = spawnSync('npx', ['cdk', 'synth', '--no-notices', '--output', outdir,
    '--app', 'npx ts-node --transpile-only test/fixtures/apps/broken-method-response.ts'], { cwd: root, env, encoding: 'utf8' });
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain("[Broken/Api/Default/GET/Resource] [rest-method-response-header] integration response '200' maps header 'X-Id'");
  expect(fs.existsSync(path.join(outdir, 'Broken.template.json'))).toBe(false);
}, 120_000);
