import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, NestedStack, Stack, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { IntegrationResponseChecks, IntegrationResponseValidationPlugin, RestResponse, RestResponses } from '../../src';
import { oneWayRoute } from '../support/one-way-route';
import { REPORTS_THROUGH_VALIDATIONS, reportedFinding, synthFailure } from '../support/synth-failure';
import { reportedViolations } from '../support/validation-report';

const PLUGIN = 'cdk-integration-responses';
const outdir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-'));

/** A method whose integration response maps a header its method response does not declare: an error. */
function undeclaredHeader(scope: Stack, id = 'Api') {
  const api = new apigw.RestApi(scope, id);
  return api.root.addMethod('GET', new apigw.MockIntegration({
    integrationResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.X-Id': "'1'" } }],
  }), { methodResponses: [{ statusCode: '200' }] });
}

describe('the validation plugin on the oldest supported aws-cdk-lib too (policyValidationBeta1)', () => {
  test('an error fails the plugin with the rule and the resource in the report', () => {
    const dir = outdir();
    const app = new App({ outdir: dir, policyValidationBeta1: [new IntegrationResponseValidationPlugin()] });
    undeclaredHeader(new Stack(app, 'Stack'));
    if (REPORTS_THROUGH_VALIDATIONS) {
      expect(synthFailure(app)).toMatch(/integration response '200' maps header 'X-Id'/);
      expect(reportedViolations(dir, PLUGIN)).toEqual([`${PLUGIN} error rest-method-response-header Stack/Api/Default/GET/Resource ` +
        'Properties.Integration.IntegrationResponses[0].ResponseParameters.method.response.header.X-Id']);
      return;
    }
    // Releases before Validations print the report of a failing plugin and go on.
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const exitCode = process.exitCode;
    try {
      app.synth();
      const report = printed.mock.calls.flat().join('\n');
      expect(report).toMatch(/Plugin: cdk-integration-responses[\s\S]*Status: failure/);
      expect(report).toMatch(/rest-method-response-header[\s\S]*ApiGET9257B917/);
    } finally {
      process.exitCode = exitCode;
      jest.restoreAllMocks();
    }
  });
});

if (!REPORTS_THROUGH_VALIDATIONS) {
  test('without Validations, addTo checks through the aspect, failing synthesis before templates are written', () => {
    const app = new App();
    undeclaredHeader(new Stack(app, 'Stack'));
    IntegrationResponseChecks.addTo(app);
    expect(synthFailure(app)).toMatch(/\[Stack\/Api\/Default\/GET\/Resource\] \[rest-method-response-header\]/);
  });
} else {
  describe('strict mode and acknowledgments, the aws-cdk-lib way', () => {
    test('a strict synthesis fails on a warning with the rule ID and the construct path; acknowledging it on the route passes', () => {
      const failing = new App();
      oneWayRoute(failing);
      IntegrationResponseChecks.addTo(failing, { strict: true });
      expect(synthFailure(failing)).toMatch(reportedFinding('Stack/Socket/ping-Route/Resource', 'ws-route-not-two-way', "route 'ping' has no"));

      const dir = outdir();
      const passing = new App({ outdir: dir });
      const { route } = oneWayRoute(passing);
      IntegrationResponseChecks.addTo(passing, { strict: true });
      Validations.of(route).acknowledge({ id: 'cdk-integration-responses::ws-route-not-two-way', reason: 'a fire-and-forget route' });
      expect(() => passing.synth()).not.toThrow();
      expect(reportedViolations(dir, PLUGIN)).toEqual([]);
    });

    test('an error is acknowledged on a scope above the resource', () => {
      const app = new App();
      const stack = new Stack(app, 'Stack');
      undeclaredHeader(stack);
      IntegrationResponseChecks.addTo(app);
      Validations.of(stack).acknowledge({ id: 'cdk-integration-responses::rest-method-response-header', reason: 'the header is set elsewhere' });
      expect(() => app.synth()).not.toThrow();
    });

    test('without strict mode a warning is listed and synthesis succeeds', () => {
      const app = new App();
      oneWayRoute(app);
      IntegrationResponseChecks.addTo(app);
      expect(reportedViolations(app.synth().directory, PLUGIN)).toEqual([`${PLUGIN} warning ws-route-not-two-way Stack/Socket/ping-Route/Resource Properties`]);
    });

    test('the library\'s own suppressions still apply', () => {
      const app = new App();
      const { route } = oneWayRoute(app);
      IntegrationResponseChecks.suppress(route, 'ws-route-not-two-way', 'a fire-and-forget route');
      IntegrationResponseChecks.addTo(app, { strict: true });
      expect(reportedViolations(app.synth().directory, PLUGIN)).toEqual([]);
    });
  });

  describe('findings reported once', () => {
    test('a plugin registered by hand takes over from the checks of the builders; addTo twice registers it once', () => {
      const dir = outdir();
      const app = new App({ outdir: dir });
      const stack = new Stack(app, 'Stack');
      RestResponses.of([RestResponse.forStatus('200'), RestResponse.forStatus('500').whenStatusMatches('.*NotFound.*')])
        .addMethod(new apigw.RestApi(stack, 'Api').root, 'GET', new apigw.MockIntegration());
      Validations.of(app).addPlugins(new IntegrationResponseValidationPlugin({ strict: true }));
      IntegrationResponseChecks.addTo(app);
      IntegrationResponseChecks.addTo(app);
      expect(synthFailure(app)).toMatch(reportedFinding('Stack/Api/Default/GET/Resource', 'rest-status-pattern-unreachable', 'selection pattern'));
      expect(reportedViolations(dir, PLUGIN)).toEqual([
        `${PLUGIN} error rest-status-pattern-unreachable Stack/Api/Default/GET/Resource Properties.Integration.IntegrationResponses[1].SelectionPattern`,
      ]);
    });

    test('schema mistakes aws-cdk-lib\'s engine reports are left to it, the others reported; nested stacks are the library\'s', () => {
      const dir = outdir();
      const app = new App({ outdir: dir });
      const stack = new Stack(app, 'Stack');
      const misspelt = new apigw.RestApi(stack, 'Api').root.addMethod('GET', new apigw.MockIntegration({ integrationResponses: [{ statusCode: '200' }] }),
        { methodResponses: [{ statusCode: '200' }] });
      (misspelt.node.defaultChild as apigw.CfnMethod).addPropertyOverride('Integration.IntegrationResponses.0.SelectionPatern', '2\\d\\d');
      (misspelt.node.defaultChild as apigw.CfnMethod).addPropertyOverride('MethodResponses.0.ResponseParameters', { 'method.response.header.X': { Required: true } });
      const nested = new NestedStack(stack, 'Nested');
      const inNested = new apigw.RestApi(nested, 'NestedApi').root.addMethod('GET', new apigw.MockIntegration({ integrationResponses: [{ statusCode: '200' }] }),
        { methodResponses: [{ statusCode: '200' }] });
      (inNested.node.defaultChild as apigw.CfnMethod).addPropertyOverride('Integration.PassthroughBehavior', 'WHEN_NO_MATCHES');
      IntegrationResponseChecks.addTo(app);
      expect(() => app.synth()).toThrow();
      const all = reportedViolations(dir);
      expect(all.filter(v => v.startsWith(PLUGIN))).toEqual([
        `${PLUGIN} error schema-type Stack/Api/Default/GET/Resource Properties.MethodResponses[0].ResponseParameters.method.response.header.X`,
        `${PLUGIN} error schema-enum Stack/Nested/NestedApi/Default/GET/Resource Properties.Integration.PassthroughBehavior`,
      ]);
      // The misspelling, reported by AWS's engine (as a warning unless @aws-cdk/core:validateAgainstDefaultRules is on).
      expect(all.filter(v => v.startsWith('CloudFormation Validate') && v.includes('SelectionPatern'))).toHaveLength(1);
    });
  });
}

describe('schema mistakes in the synth-time checks of the builders, with no engine to report them', () => {
  const app = () => new App({ builtinCloudFormationValidation: false } as object);

  test('a method whose L1 the checks read in part gets no finding for the properties they leave out', () => {
    const clean = app();
    const stack = new Stack(clean, 'Stack');
    RestResponses.of([RestResponse.forStatus('200')]).addMethod(new apigw.RestApi(stack, 'Api').root, 'GET', new apigw.MockIntegration());
    expect(() => clean.synth()).not.toThrow();
  });

  test('a misspelt override is reported by name, without its consequence', () => {
    const broken = app();
    const stack = new Stack(broken, 'Stack');
    const method = RestResponses.of([RestResponse.forStatus('200'), RestResponse.forStatus('404').whenStatusMatches('404')])
      .addMethod(new apigw.RestApi(stack, 'Api').root, 'GET', new apigw.MockIntegration());
    (method.node.defaultChild as apigw.CfnMethod).addPropertyOverride('Integration.IntegrationResponses.0.SelectionPatern', '2\\d\\d');
    const message = synthFailure(broken);
    expect(message).toMatch(/\[schema-unknown-property\] the integration response has a property SelectionPatern.*did you mean SelectionPattern\? \(at Integration.IntegrationResponses\[0\].SelectionPatern\)/);
    expect(message).not.toMatch(/rest-duplicate-default/);
  });
});
