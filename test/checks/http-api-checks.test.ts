import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { IntegrationResponseChecks } from '../../src';
import { reportedFinding, synthFailure } from '../support/synth-failure';

/** An HTTP API whose integration maps responses with `responseParameters`, as aws-cdk issue 20993 wrote it. */
function httpApiWith(responseParameters: unknown, strict = false) {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  const api = new apigwv2.HttpApi(stack, 'Api');
  const integration = new apigwv2.CfnIntegration(stack, 'Integration', {
    apiId: api.apiId,
    integrationType: 'HTTP_PROXY',
    integrationMethod: 'GET',
    integrationUri: 'https://backend.example.com/items',
    payloadFormatVersion: '1.0',
    responseParameters,
  });
  new apigwv2.CfnRoute(stack, 'Route', { apiId: api.apiId, routeKey: 'GET /items', target: `integrations/${integration.ref}` });
  IntegrationResponseChecks.addTo(app, { strict });
  return { app, stack };
}

test("the API's flat map fails synthesis on the integration, with the shape CloudFormation takes", () => {
  const { app } = httpApiWith({ 403: { 'overwrite:statuscode': '401' } });
  expect(synthFailure(app)).toMatch(reportedFinding('Stack/Integration', 'http-response-parameters-shape',
    'the mappings for status code 403 are written the way the API and CLI take them'));
});

test('the documented shape synthesizes without a finding, strict checks included, and is written as given', () => {
  const mappings = { 403: { ResponseParameters: [{ Destination: 'overwrite:statuscode', Source: '401' }] } };
  const { app, stack } = httpApiWith(mappings, true);
  expect(() => app.synth()).not.toThrow();
  Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Integration', { ResponseParameters: mappings });
});

test('a reserved header is an error of the integration', () => {
  const { app } = httpApiWith({ 200: { ResponseParameters: [{ Destination: 'overwrite:header.Access-Control-Allow-Origin', Source: '*' }] } });
  expect(synthFailure(app)).toMatch(reportedFinding('Stack/Integration', 'http-response-reserved-header', "header 'Access-Control-Allow-Origin' is reserved"));
});
