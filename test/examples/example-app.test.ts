import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { WebSocketSimulator } from '../../src';
import { templateSchemaProblems } from '../support/cfn-schema';
import { REPORTS_THROUGH_VALIDATIONS } from '../support/synth-failure';

const root = path.join(__dirname, '..', '..');
const env = { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true' };

describe('the example app, synthesized by the CDK CLI', () => {
  let output: string;
  let template: any;
  let webSocketTemplate: any;

  beforeAll(() => {
    const run = spawnSync('npx', ['ts-node', '--transpile-only', 'scripts/example.ts'], { cwd: root, env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`npm run example failed:\n${run.stdout}\n${run.stderr}`);
    output = run.stdout;
    const read = (name: string) => JSON.parse(fs.readFileSync(path.join(root, 'examples', 'cdk.out', `${name}.template.json`), 'utf8'));
    template = read('IntegrationResponsesExample');
    webSocketTemplate = read('IntegrationResponsesWebSocketExample');
  }, 120_000);

  test("aws-cdk-lib's validation report (on releases with Validations) has nothing from the library's plugin", () => {
    const file = path.join(root, 'examples', 'cdk.out', 'validation-report.json');
    expect(fs.existsSync(file)).toBe(REPORTS_THROUGH_VALIDATIONS);
    if (!REPORTS_THROUGH_VALIDATIONS) return;
    // A plugin with nothing to report is left out of the report.
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(report.pluginReports.map((r: { pluginName: string }) => r.pluginName)).not.toContain('cdk-integration-responses');
  });

  test('every API Gateway resource matches the CloudFormation schema', () => {
    expect(templateSchemaProblems(template, 'AWS::ApiGateway')).toEqual([]);
    expect(templateSchemaProblems(webSocketTemplate, 'AWS::ApiGateway')).toEqual([]);
  });

  test('the WebSocket ping route answers pong two-way and the get route maps Lambda errors', () => {
    const resources = Object.entries<any>(webSocketTemplate.Resources);
    const of = (type: string) => resources.filter(([, r]) => r.Type === type);
    const ping = of('AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties.RouteKey === 'ping')!;
    expect(ping[1].Properties.RouteResponseSelectionExpression).toBe('$default');
    expect(of('AWS::ApiGatewayV2::RouteResponse').some(([, r]) => r.Properties.RouteId.Ref === ping[0] && r.Properties.RouteResponseKey === '$default')).toBe(true);
    const keys = of('AWS::ApiGatewayV2::IntegrationResponse').map(([, r]) => r.Properties.IntegrationResponseKey).sort();
    expect(keys).toEqual(['$default', '$default', '/\\[BadRequest\\].*/', '/\\[NotFound\\].*/']);
  });

  test('the WebSocket get route answers a Lambda error as valid JSON, quotes included', () => {
    const [id] = Object.entries<any>(webSocketTemplate.Resources).find(([, r]) =>
      r.Type === 'AWS::ApiGatewayV2::Integration' && r.Properties.IntegrationType === 'AWS')!;
    const answer = WebSocketSimulator.fromTemplate(webSocketTemplate, id).simulate({ backend: { errorMessage: "[NotFound] item 'missing' does not exist" } });
    expect(JSON.parse(answer.body)).toEqual({ message: "[NotFound] item 'missing' does not exist" });
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
    expect(output).toContain('routes: ping (two-way)');
    expect(output).toContain('gateway response DEFAULT_4XX');
    expect(output).toContain("header Access-Control-Allow-Origin <- '*'");
    expect(output).toContain('key /\\[NotFound\\].*/  templates by \\$default');
    expect(output).not.toContain('Supply a stack id');
    expect(output).toContain('0 errors, 0 warnings, 0 infos in 2 templates');
    const simulations = output.split('cdk-integration-responses simulate').slice(1).map(part => JSON.parse(part.slice(part.indexOf('{'))));
    expect(simulations[0]).toEqual({
      statusCode: 404,
      headers: { 'Access-Control-Allow-Origin': '*' },
      body: '{"message": "[NotFound] item \'missing\' does not exist"}',
      selected: '404',
    });
    // The success body, built with JsonBody, is valid JSON although the name holds quotes and a backslash.
    expect(simulations[1]).toMatchObject({ statusCode: 200, selected: '200' });
    expect(JSON.parse(simulations[1].body)).toEqual({ id: 'a1', name: 'the "big" one \\ 12\'', tags: ['new', 'x"y'] });
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
