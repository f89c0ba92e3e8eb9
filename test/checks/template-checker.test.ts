import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as fc from 'fast-check';
import { GatewayResponses, TemplateChecker, TemplateFinding } from '../../src';
import { readTemplates } from '../../src/checks/template-reader';
import { ALL_RULES } from '../../src/rules/catalog';

const fixtures = path.join(__dirname, '..', 'fixtures', 'templates');
// Rules about what a builder was asked for (which kind of pattern): a template cannot show them.
const BUILDER_ONLY = ['rest-pattern-kind', 'ws-key-kind'];

describe('real-world shapes come out clean', () => {
  // aws-cdk-lib's StepFunctionsRestApi writes the execution's error and cause between JSON quotes
  // unescaped (a true finding, shown broken in test/rules/json-template.test.ts): only that is reported.
  const stepFunctionsDefaults = (findings: readonly TemplateFinding[]) => findings.filter(f => f.ruleId !== 'rest-template-invalid-json');

  test.each(fs.readdirSync(path.join(fixtures, 'clean')))('%s', file => {
    const [{ template }] = readTemplates(path.join(fixtures, 'clean', file));
    const findings = TemplateChecker.check(template);
    if (file === 'step-functions-defaults.json') {
      expect(findings.map(f => f.ruleId)).toEqual(['rest-template-invalid-json']);
      expect(stepFunctionsDefaults(findings)).toEqual([]);
    } else {
      expect(findings).toEqual([]);
    }
  });

  test('aws-cdk-lib CORS preflight, Step Functions and Lambda proxy APIs, synthesized now', () => {
    const stack = new Stack(new App(), 'Shapes');
    const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})') });
    const proxy = new apigw.LambdaRestApi(stack, 'Proxy', { handler: fn, defaultCorsPreflightOptions: { allowOrigins: apigw.Cors.ALL_ORIGINS } });
    GatewayResponses.addCors(proxy);
    const machine = new sfn.StateMachine(stack, 'Machine', { definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, 'Pass')), stateMachineType: sfn.StateMachineType.EXPRESS });
    new apigw.StepFunctionsRestApi(stack, 'Sfn', { stateMachine: machine });
    const findings = TemplateChecker.check(Template.fromStack(stack).toJSON());
    // How many of its default templates do it differs between aws-cdk-lib releases (one on 2.200, two on 2.276).
    const invalidJson = findings.filter(f => f.ruleId === 'rest-template-invalid-json').map(f => f.resource);
    expect(invalidJson.length).toBeGreaterThan(0);
    expect(invalidJson.every(resource => /^SfnANY/.test(resource))).toBe(true);
    expect(stepFunctionsDefaults(findings)).toEqual([]);
  });
});

describe('one failing fixture per rule', () => {
  const files = fs.readdirSync(path.join(fixtures, 'failing'));
  const ruleOf = (file: string) => file.replace(/\.(json|ya?ml)$/, '');

  test('every rule a template can show has a fixture, and every fixture is a rule', () => {
    expect(files.map(ruleOf).sort()).toEqual(ALL_RULES.map(r => r.id).filter(id => !BUILDER_ONLY.includes(id)).sort());
  });

  // Findings of the reader (template-duplicate-key) and of the checker, as the CLI reports them.
  test.each(files)('%s', file => {
    const ruleId = ruleOf(file);
    const [{ template, findings: read }] = readTemplates(path.join(fixtures, 'failing', file));
    const findings = [...read, ...TemplateChecker.check(template)];
    expect(findings.map(f => f.ruleId)).toContain(ruleId);
    const rule = ALL_RULES.find(r => r.id === ruleId)!;
    for (const f of findings.filter(x => x.ruleId === ruleId)) {
      expect(f.severity).toBe(rule.severity);
      expect(f.message).toMatch(/^[a-z]/);
      expect(f.message).not.toMatch(/\.$/);
      expect(template.Resources[f.resource]).toBeDefined();
    }
  });
});

describe('suppressions in template metadata', () => {
  const base = () => JSON.parse(fs.readFileSync(path.join(fixtures, 'failing', 'rest-no-default.json'), 'utf8'));

  test('a suppression with a reason turns the rule off for that resource', () => {
    const template = base();
    template.Resources.M.Metadata = { 'cdk-integration-responses': { suppress: [{ ruleId: 'rest-no-default', reason: 'the backend never returns unmatched results' }] } };
    expect(TemplateChecker.check(template).map(f => f.ruleId)).not.toContain('rest-no-default');
  });

  test('a suppression without a reason, or of an unknown rule, is ignored and reported', () => {
    const template = base();
    template.Resources.M.Metadata = { 'cdk-integration-responses': { suppress: [{ ruleId: 'rest-no-default', reason: ' ' }, { ruleId: 'rest-nope', reason: 'x' }] } };
    const findings = TemplateChecker.check(template);
    expect(findings.map(f => [f.ruleId, f.message])).toEqual([
      ['suppression-invalid', "suppression of 'rest-no-default' gives no reason; it is ignored"],
      ['suppression-invalid', "suppression of 'rest-nope' names no rule of cdk-integration-responses (see docs/rules.md); it is ignored"],
      ['rest-no-default', expect.any(String)],
    ]);
  });
});

describe('robustness', () => {
  test('a template that is not an object, or has odd resources, gives no findings and no crash', () => {
    for (const template of [null, 42, 'x', [], {}, { Resources: null }, { Resources: [] }, { Resources: { A: null, B: 1, C: { Type: 5 } } }]) {
      expect(TemplateChecker.check(template)).toEqual([]);
    }
  });

  test('intrinsics and random values anywhere never crash', () => {
    const intrinsic = fc.oneof(fc.record({ Ref: fc.string() }), fc.record({ 'Fn::GetAtt': fc.array(fc.string(), { maxLength: 2 }) }),
      fc.record({ 'Fn::Join': fc.tuple(fc.string(), fc.array(fc.jsonValue(), { maxLength: 3 })) }), fc.record({ 'Fn::Sub': fc.string() }));
    const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), intrinsic);
    const type = fc.constantFrom('AWS::ApiGateway::Method', 'AWS::ApiGatewayV2::Integration', 'AWS::ApiGatewayV2::IntegrationResponse',
      'AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::RouteResponse', 'AWS::S3::Bucket');
    const properties = fc.dictionary(fc.constantFrom('Integration', 'MethodResponses', 'IntegrationId', 'IntegrationResponseKey', 'IntegrationType',
      'IntegrationUri', 'Target', 'RouteId', 'RouteKey', 'RouteResponseKey', 'RouteResponseSelectionExpression', 'TemplateSelectionExpression',
      'ResponseTemplates', 'ResponseParameters'), value);
    const resource = fc.record({ Type: type, Properties: fc.oneof(properties, value), Metadata: fc.option(value) });
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('A', 'B', 'C', 'D', 'E'), resource), resources => {
      const findings = TemplateChecker.check({ Resources: resources });
      for (const f of findings) expect(Object.keys(resources)).toContain(f.resource);
    }), { numRuns: 1500 });
  });
});

test('a suppression without a ruleId, or with one that is not a string, says so', () => {
  const withSuppress = (suppress: unknown) => TemplateChecker.check({
    Resources: { M: { Type: 'AWS::ApiGateway::Method', Metadata: { 'cdk-integration-responses': { suppress } }, Properties: { HttpMethod: 'GET', ResourceId: 'r', RestApiId: 'a', Integration: { Type: 'MOCK' } } } },
  }).map(f => f.message);
  expect(withSuppress([{}])).toEqual(['a suppression without a ruleId names no rule of cdk-integration-responses (see docs/rules.md); it is ignored']);
  expect(withSuppress([{ ruleId: ['rest-no-default'], reason: 'x' }])).toEqual(["a suppression's ruleId must be a rule ID string, not a list; it is ignored"]);
});

describe('input that could exhaust the stack', () => {
  const method = (properties: object, metadata?: unknown) => ({
    Resources: { M: { Type: 'AWS::ApiGateway::Method', Properties: { HttpMethod: 'GET', ResourceId: 'r', RestApiId: 'a', ...properties }, Metadata: metadata } },
  });

  test('a Uri nested 6,000 deep is refused with an error that says where, as the CLI refuses such a file', () => {
    let uri: unknown = 'x';
    for (let i = 0; i < 6000; i++) uri = { 'Fn::Join': ['', [uri]] };
    expect(() => TemplateChecker.check(method({ Integration: { Type: 'AWS', Uri: uri } }))).toThrow(
      /^the template nests more than 500 levels deep \(at Resources\.M\.Properties\.Integration\.Uri\.Fn::Join\[1\]\[0\]\.Fn::Join.*\), which no CloudFormation template needs, so it is not checked; flatten the value$/);
  });

  test("a suppression's ruleId nested 1,500 deep likewise", () => {
    let ruleId: unknown = 'rest-no-default';
    for (let i = 0; i < 1500; i++) ruleId = [ruleId];
    expect(() => TemplateChecker.check(method({ Integration: { Type: 'MOCK' } }, { 'cdk-integration-responses': { suppress: [{ ruleId, reason: 'x' }] } })))
      .toThrow(/^the template nests more than 500 levels deep \(at Resources\.M\.Metadata\.cdk-integration-responses\.suppress\[0\]\.ruleId\[0\]/);
  });

  test('shared and circular references end, in linear time', () => {
    let shared: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 100; i++) shared = { a: shared, b: shared };
    expect(TemplateChecker.check(method({ Integration: { Type: 'MOCK' } }, { Extra: shared }))).toEqual([]);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => TemplateChecker.check(method({ Integration: { Type: 'MOCK' } }, { Extra: circular }))).toThrow(/nests more than 500 levels deep/);
  });

  test('150,000 method responses, and one response with 150,000 parameters, give findings, not a stack overflow', () => {
    const manyResponses = TemplateChecker.check(method({
      Integration: { Type: 'MOCK', IntegrationResponses: [{ StatusCode: '200' }] },
      MethodResponses: Array.from({ length: 150_000 }, (_, i) => ({ StatusCode: String(200 + (i % 300)) })),
    }));
    // The first twenty copies one by one, then one finding that counts the others.
    expect(manyResponses).toHaveLength(21);
    expect(new Set(manyResponses.map(f => f.ruleId))).toEqual(new Set(['rest-duplicate-items']));
    expect(manyResponses[20].message).toBe('149680 more items of MethodResponses (from #320 on) are exact copies of earlier items: ' +
      'CloudFormation rejects a list with identical items ("Property MethodResponses contains duplicate values."); remove the copies');
    const parameters = Object.fromEntries(Array.from({ length: 150_000 }, (_, i) => [`method.response.header.X${i}`, i === 7 ? 'bare' : "'a'"]));
    expect(TemplateChecker.check(method({ Integration: { Type: 'MOCK', IntegrationResponses: [{ StatusCode: '200', ResponseParameters: parameters }] } }))
      .map(f => f.ruleId)).toEqual(['rest-parameter-value', 'rest-method-response-header']);
  });
});
