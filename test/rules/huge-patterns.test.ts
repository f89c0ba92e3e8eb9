import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Aspects, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { IntegrationResponseChecks, RestResponse, RestResponses, RestSimulator, TemplateChecker } from '../../src';
import { runCli } from '../../src/cli';
import { compileJavaPattern } from '../../src/grammar/java-pattern';
import { checkIntegrationResponses } from '../../src/rules/rest-integration-responses';
import { checkWebSocketIntegration } from '../../src/rules/websocket-integration';

// V8 accepts these in `new RegExp` but fails on first use ("Stack overflow", "Regular expression
// too large"); Java may well accept them.
const GROUPS = '(a)'.repeat(8438);
const CLASSES = '[a-z]'.repeat(49218);
const LAMBDA_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations';

const restTemplate = (pattern: string) => ({
  Resources: {
    Method: {
      Type: 'AWS::ApiGateway::Method',
      Properties: {
        HttpMethod: 'GET',
        ResourceId: 'r',
        RestApiId: 'a',
        AuthorizationType: 'NONE',
        MethodResponses: [{ StatusCode: '200' }, { StatusCode: '500' }],
        Integration: { Type: 'AWS', IntegrationHttpMethod: 'POST', Uri: LAMBDA_URI, IntegrationResponses: [{ StatusCode: '200' }, { StatusCode: '500', SelectionPattern: pattern }] },
      },
    },
  },
});

// Loading and first use of aws-cdk-lib take seconds: not part of any test's time.
beforeAll(() => new App().synth());

describe.each([['(a) x 8,438', GROUPS], ['[a-z] x 49,218', CLASSES]])('a selection pattern of %s', (_, pattern) => {
  test('compiles to a clear result, not an exception', () => {
    expect(compileJavaPattern(pattern)).toEqual({
      ok: false,
      reason: 'too-large',
      detail: `the pattern is too large for the JavaScript regular expression compiler (${pattern.length} characters)`,
    });
  });

  test('the checker reports it as unchecked', () => {
    const findings = checkIntegrationResponses([{ StatusCode: '200' }, { StatusCode: '500', SelectionPattern: pattern }], 'lambda', 'IntegrationResponses');
    expect(findings).toEqual([{
      ruleId: 'rest-selection-pattern-unchecked',
      severity: 'info',
      message: `selection pattern '${pattern.slice(0, 40)}…' is too large for this checker to analyse (${pattern.length} characters); ` +
        'API Gateway may accept it, but it is not checked further',
      path: 'IntegrationResponses[1].SelectionPattern',
    }]);
  });

  test('so does a WebSocket response key', () => {
    const result = checkWebSocketIntegration({ IntegrationType: 'AWS', IntegrationUri: LAMBDA_URI },
      [{ IntegrationResponseKey: '$default' }, { IntegrationResponseKey: `/${pattern}/` }], []);
    expect(result.responses[1].map(f => [f.ruleId, f.severity])).toEqual([['ws-response-key-unchecked', 'info']]);
  });

  test('the template checker and the CLI report it, with no internal error', () => {
    expect(TemplateChecker.check(restTemplate(pattern)).map(f => f.ruleId)).toEqual(['rest-selection-pattern-unchecked']);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huge-pattern-'));
    const file = path.join(dir, 'template.json');
    fs.writeFileSync(file, JSON.stringify(restTemplate(pattern)));
    const err: string[] = [];
    const out: string[] = [];
    expect(runCli(['check', file], { out: t => out.push(t), err: t => err.push(t) })).toBe(0);
    expect(err).toEqual([]);
    expect(out.join('\n')).toContain('is too large for this checker to analyse');
  });

  test('the Aspect reports it without failing synth', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    Aspects.of(app).add(new IntegrationResponseChecks());
    new apigw.RestApi(stack, 'Api').root.addMethod('GET', new apigw.MockIntegration({
      integrationResponses: [{ statusCode: '200' }, { statusCode: '500', selectionPattern: pattern }],
    }), { methodResponses: [{ statusCode: '200' }, { statusCode: '500' }] });
    expect(() => app.synth()).not.toThrow();
  });

  test('the simulator refuses it with a clear error', () => {
    const responses = RestResponses.of([RestResponse.forStatus('200'), RestResponse.forStatus('500').whenLambdaErrorMatches(pattern)]);
    expect(() => RestSimulator.fromResponses(responses)).toThrow(
      `selection pattern '${pattern.slice(0, 40)}…' cannot be simulated: the pattern is too large for the JavaScript regular expression compiler (${pattern.length} characters)`);
  });
});
