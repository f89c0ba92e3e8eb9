import { App, CfnParameter, Fn, Lazy, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IntegrationResponseChecks, ResponseValue, RestResponse, RestResponses } from '../../src';
import { renderResource } from '../../src/checks/render';
import { renderMethodForChecks } from '../../src/checks/render-method';
import { synthesize } from '../support/synth';

/** The properties the rules read, taken from a synthesized resource. */
function checkedProperties(properties: any): Record<string, unknown> {
  const integration = properties.Integration;
  const picked: Record<string, unknown> = {};
  if (properties.RestApiId !== undefined) picked.RestApiId = properties.RestApiId;
  if (integration !== undefined) {
    picked.Integration = Object.fromEntries(['Type', 'Uri', 'RequestTemplates', 'IntegrationResponses']
      .filter(key => integration[key] !== undefined).map(key => [key, integration[key]]));
  }
  if (properties.MethodResponses !== undefined) picked.MethodResponses = properties.MethodResponses;
  return picked;
}

function methodsOf(stack: Stack): apigw.CfnMethod[] {
  return stack.node.findAll().filter((c): c is apigw.CfnMethod => c instanceof apigw.CfnMethod);
}

describe('the quick rendering of a method for the synth-time checks', () => {
  test('gives what the synthesized template shows for every method of a varied API', () => {
    const stack = new Stack(new App(), 'Stack');
    const origin = new CfnParameter(stack, 'Origin', { default: '*' });
    const api = new apigw.RestApi(stack, 'Api', { defaultCorsPreflightOptions: { allowOrigins: ['*'] } });
    const handler = new lambda.Function(stack, 'Handler', {
      runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})'),
    });
    const responses = RestResponses.of([
      RestResponse.forStatus('200').withHeader('Access-Control-Allow-Origin', ResponseValue.literal(origin.valueAsString)),
      RestResponse.forStatus('404').whenLambdaErrorMatches('\\[NotFound\\].*'),
    ]);
    api.root.addResource('items').addMethod('GET', new apigw.LambdaIntegration(handler, {
      proxy: false, integrationResponses: responses.integrationResponses(),
    }), { methodResponses: responses.methodResponses() });
    api.root.addMethod('POST', new apigw.MockIntegration({ integrationResponses: [{ statusCode: '200' }] }),
      { methodResponses: [{ statusCode: '200', responseModels: { 'application/json': apigw.Model.EMPTY_MODEL } }] });
    new apigw.CfnMethod(stack, 'Raw', {
      restApiId: api.restApiId,
      resourceId: api.root.resourceId,
      httpMethod: 'PUT',
      integration: {
        type: 'HTTP',
        uri: Fn.sub('https://${Host}/put', { Host: 'backend.example.com' }),
        integrationHttpMethod: 'PUT',
        integrationResponses: Fn.conditionIf('Never', [], [{ statusCode: '200' }]) as any,
      },
    });
    (stack.node.findChild('Raw') as apigw.CfnMethod).overrideLogicalId('RawPut');
    api.root.addResource('lazy').addMethod('GET', new apigw.MockIntegration({
      integrationResponses: [{
        statusCode: Lazy.string({ produce: () => '200' }),
        responseTemplates: { 'application/json': Lazy.string({ produce: () => '{"lazy": true}' }) },
        responseParameters: { 'method.response.header.X-List': Fn.join(',', Lazy.list({ produce: () => ['a', 'b'] })) },
      }],
    }), { methodResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.X-List': true } }] });
    const template = synthesize(stack).toJSON();
    expect(template.Resources.RawPut).toBeDefined();

    const methods = methodsOf(stack);
    expect(methods.length).toBeGreaterThanOrEqual(5);
    for (const method of methods) {
      const quick = renderMethodForChecks(method)!;
      const synthesized = template.Resources[stack.resolve(method.logicalId)];
      expect(quick.properties).toEqual(checkedProperties(synthesized.Properties));
      expect(quick.metadata).toEqual(synthesized.Metadata);
    }
  });

  test('keeps suppressions recorded in the resource metadata', () => {
    const stack = new Stack(new App(), 'Stack');
    const api = new apigw.RestApi(stack, 'Api');
    const method = api.root.addMethod('GET', new apigw.MockIntegration({ integrationResponses: [{ statusCode: '200' }] }));
    IntegrationResponseChecks.suppress(method, 'rest-method-response-missing', 'the mock is for smoke tests');
    new IntegrationResponseChecks().visit(method.node.defaultChild!);
    const quick = renderMethodForChecks(method.node.defaultChild as apigw.CfnMethod)!;
    expect(quick.metadata).toEqual(renderResource(method.node.defaultChild as apigw.CfnMethod).metadata);
    expect(JSON.stringify(quick.metadata)).toContain('the mock is for smoke tests');
  });

  test('leaves a method with raw overrides to the full rendering', () => {
    const stack = new Stack(new App(), 'Stack');
    const api = new apigw.RestApi(stack, 'Api');
    const method = api.root.addMethod('GET', new apigw.MockIntegration({ integrationResponses: [{ statusCode: '200' }] }));
    (method.node.defaultChild as apigw.CfnMethod).addPropertyOverride('Integration.IntegrationResponses.0.StatusCode', '201');
    expect(renderMethodForChecks(method.node.defaultChild as apigw.CfnMethod)).toBeUndefined();
  });
});
