import { checkTemplate } from '../../src/checks/template-resources';
import { checkSamApi } from '../../src/rules/sam-api';

const summary = (properties: Record<string, unknown>) => checkSamApi(properties).map(f => [f.ruleId, f.severity, f.path]);

describe('SAM Cors: SAM copies each value into the OPTIONS method it adds, as a response parameter value', () => {
  test('quoted values, intrinsics and AllowCredentials have no finding', () => {
    expect(summary({ Cors: "'*'" })).toEqual([]);
    expect(summary({
      Cors: { AllowOrigin: "'https://example.com'", AllowHeaders: "'Content-Type,Authorization'", AllowMethods: "'GET,POST'", MaxAge: "'600'", AllowCredentials: true },
    })).toEqual([]);
    expect(summary({ Cors: { 'Fn::Sub': "'${Origin}'" } })).toEqual([]);
    expect(summary({ Cors: { AllowOrigin: { 'Fn::Sub': "'https://${Domain}'" } } })).toEqual([]);
  });

  // The mistake SAM's own documentation warns of ("'www.example.com'" is correct whereas
  // "www.example.com" is wrong; aws/serverless-application-model issue 1172), which API Gateway
  // rejects ("Invalid mapping expression specified: GET, HEAD, POST", aws-sam-developer-guide PR 55).
  test('an unquoted value is an error at the property that holds it, with the exact message', () => {
    expect(checkSamApi({ Cors: '*' })).toEqual([{
      ruleId: 'rest-parameter-value',
      severity: 'error',
      message: 'SAM Cors AllowOrigin, which SAM maps to Access-Control-Allow-Origin on the OPTIONS method it adds to every path: ' +
        "'*' is not a valid mapping expression: a static value must be enclosed in single quotes ('*'); otherwise use " +
        'integration.response.*, context.* or stageVariables.*; API Gateway rejects the deployment ("Invalid mapping expression specified: *")',
      path: 'Cors',
    }]);
    expect(summary({ Cors: { AllowOrigin: "'*'", AllowMethods: 'GET, HEAD, POST', MaxAge: 600 } })).toEqual([
      ['rest-parameter-value', 'error', 'Cors.AllowMethods'],
      ['rest-parameter-value', 'error', 'Cors.MaxAge'],
    ]);
  });
});

describe('SAM GatewayResponses: checked as the gateway responses SAM writes, reported where they were written', () => {
  test('a valid response has no finding', () => {
    expect(summary({
      GatewayResponses: {
        DEFAULT_4XX: {
          StatusCode: 401,
          ResponseParameters: { Headers: { 'Access-Control-Allow-Origin': "'*'" }, Paths: { p: 'method.request.path.p' }, QueryStrings: { q: "'x'" } },
          ResponseTemplates: { 'application/json': '{"message": $context.error.messageString}' },
        },
      },
    })).toEqual([]);
  });

  test('each mistake is reported at the SAM property: type, status code, header, path and query string values', () => {
    expect(summary({
      GatewayResponses: {
        Unauthorized: { StatusCode: 401 },
        DEFAULT_4XX: {
          StatusCode: 'four',
          ResponseParameters: { Headers: { 'Access-Control-Allow-Origin': '*' }, Paths: { p: 'x' }, QueryStrings: { q: "'ok'" } },
        },
      },
    })).toEqual([
      ['gateway-response-type', 'error', 'GatewayResponses.Unauthorized'],
      ['rest-status-code', 'error', 'GatewayResponses.DEFAULT_4XX.StatusCode'],
      ['gateway-response-parameter-value', 'error', 'GatewayResponses.DEFAULT_4XX.ResponseParameters.Headers.Access-Control-Allow-Origin'],
      ['gateway-response-parameter-value', 'error', 'GatewayResponses.DEFAULT_4XX.ResponseParameters.Paths.p'],
    ]);
  });

  test('what is not a map, or is an intrinsic, is left alone', () => {
    expect(summary({ GatewayResponses: { 'Fn::If': ['C', {}, {}] } })).toEqual([]);
    expect(summary({ GatewayResponses: { DEFAULT_4XX: null, DEFAULT_5XX: 'x' } })).toEqual([]);
    expect(summary({ GatewayResponses: [], Cors: [] })).toEqual([]);
  });
});

test('in a template: each AWS::Serverless::Api, and Globals.Api that SAM merges into all of them', () => {
  const findings = checkTemplate({
    Transform: 'AWS::Serverless-2016-10-31',
    Globals: { Api: { Cors: { AllowOrigin: 'origins' } } },
    Resources: {
      Api: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'Prod', GatewayResponses: { DEFAULT_5XX: { StatusCode: 'oops' } } } },
      Fine: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'Prod', Cors: "'*'" } },
    },
  });
  expect(findings.map(f => [f.resource, f.ruleId, f.path])).toEqual([
    ['Globals', 'rest-parameter-value', 'Api.Cors.AllowOrigin'],
    ['Api', 'rest-status-code', 'GatewayResponses.DEFAULT_5XX.StatusCode'],
  ]);
});
