import * as fc from 'fast-check';
import { matchTargetOf } from '../../src/grammar/match-target';
import { checkRestMethod } from '../../src/rules/rest-method';
import { cpuTime } from '../support/cpu-time';

const LAMBDA_URI = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':apigateway:', { Ref: 'AWS::Region' }, ':lambda:path/2015-03-31/functions/', { 'Fn::GetAtt': ['Fn', 'Arn'] }, '/invocations']] };

describe('what patterns are matched against', () => {
  test.each([
    ['MOCK', undefined, 'status'],
    ['HTTP', 'https://example.com', 'status'],
    ['AWS', LAMBDA_URI, 'lambda'],
    ['AWS', 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations', 'lambda'],
    ['AWS', 'arn:aws:apigateway:us-east-1:states:action/StartExecution', 'status'],
    // Only the region or partition unknown: the service, and so the target, is known.
    ['AWS', { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:dynamodb:action/GetItem' }, 'status'],
    ['AWS', { 'Fn::Sub': ['arn:${AWS::Partition}:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/${Q}', { Q: 'q' }] }, 'status'],
    ['AWS', { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':apigateway:', { Ref: 'AWS::Region' }, ':states:action/StartExecution']] }, 'status'],
    ['AWS', { 'Fn::Join': [':', ['arn:aws:apigateway', { Ref: 'AWS::Region' }, 'lambda', 'path/2015-03-31/functions/x/invocations']] }, 'lambda'],
    ['AWS', 'arn:${Token[AWS.Partition.8]}:apigateway:${Token[AWS.Region.4]}:s3:path/bucket/key', 'status'],
    ['AWS', 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${Token[TOKEN.12]}/invocations', 'lambda'],
    // The service itself unknown, or a URI that is not an AWS service's: nothing can be told.
    ['AWS', { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:${Service}:action/Do' }, 'unknown'],
    ['AWS', { 'Fn::Join': ['', ['arn:aws:apigateway:us-east-1:', { Ref: 'Service' }, ':action/Do']] }, 'unknown'],
    ['AWS', { 'Fn::GetAtt': ['X', 'Uri'] }, 'unknown'],
    ['AWS', { 'Fn::Sub': 'https://${Host}/x' }, 'unknown'],
    [{ Ref: 'Type' }, undefined, 'unknown'],
  ])('%j %j -> %s', (type, uri, target) => {
    expect(matchTargetOf(type, uri)).toBe(target);
  });
});

test('warns about integration responses that map something on a proxy integration, with the exact message', () => {
  expect(checkRestMethod({
    Integration: {
      Type: 'AWS_PROXY',
      Uri: LAMBDA_URI,
      IntegrationResponses: [{ StatusCode: '200' }, { StatusCode: '500', SelectionPattern: '.+', ResponseTemplates: { 'application/json': '{}' } }],
    },
  })).toEqual([{
    ruleId: 'rest-proxy-integration-responses',
    severity: 'warning',
    message: "integration type AWS_PROXY ignores integration responses: API Gateway stores them, but a proxy integration returns the backend's answer as it is, so their headers, templates and conversions never reach the client; use a non-proxy integration (type AWS, e.g. LambdaIntegration with proxy: false) to map responses, or remove them",
    path: 'Integration.IntegrationResponses[1]',
  }]);
  expect(checkRestMethod({
    Integration: { Type: 'HTTP_PROXY', Uri: 'https://x', IntegrationResponses: [{ StatusCode: '200', ResponseParameters: { 'method.response.header.A': "'b'" } }] },
  }).map(f => [f.ruleId, f.severity, f.path])).toEqual([['rest-proxy-integration-responses', 'warning', 'Integration.IntegrationResponses[0]']]);
});

test('integration responses that map nothing on a proxy integration change nothing and are not reported', () => {
  // The shape of a deployed, AWS-validated LocalStack template: a status code and nothing mapped.
  expect(checkRestMethod({ Integration: { Type: 'AWS_PROXY', Uri: LAMBDA_URI, IntegrationResponses: [{ StatusCode: '200' }, { StatusCode: 404, SelectionPattern: '404', ResponseTemplates: {} }] } })).toEqual([]);
});

test('a proxy integration without integration responses is fine', () => {
  expect(checkRestMethod({ Integration: { Type: 'HTTP_PROXY', Uri: 'https://x' } })).toEqual([]);
  expect(checkRestMethod({ Integration: { Type: 'AWS_PROXY', IntegrationResponses: [] } })).toEqual([]);
});

test('fails a mapped header the method response does not declare, with the exact message', () => {
  expect(checkRestMethod({
    Integration: { Type: 'MOCK', IntegrationResponses: [{ StatusCode: '200', ResponseParameters: { 'method.response.header.X-Id': "'1'" } }] },
    MethodResponses: [{ StatusCode: '200' }],
  })).toEqual([{
    ruleId: 'rest-method-response-header',
    severity: 'error',
    message: "integration response '200' maps header 'X-Id' but the method response for '200' does not declare method.response.header.X-Id: API Gateway rejects the deployment (\"Invalid mapping expression parameter specified: method.response.header.X-Id\"); declare the header in that method response",
    path: 'Integration.IntegrationResponses[0].ResponseParameters.method.response.header.X-Id',
  }]);
});

test('fails mapped headers without any method response for the status code', () => {
  expect(checkRestMethod({
    Integration: { Type: 'MOCK', IntegrationResponses: [{ StatusCode: '200', ResponseParameters: { 'method.response.header.X-Id': "'1'" } }] },
  })).toEqual([{
    ruleId: 'rest-method-response-header',
    severity: 'error',
    message: "integration response '200' maps 'X-Id' but the method has no method response for '200': API Gateway rejects the deployment (\"No method response exists for method.\"); add a method response for '200' that declares method.response.header.X-Id",
    path: 'Integration.IntegrationResponses[0].StatusCode',
  }]);
});

test('warns about a status code without method response when nothing is mapped', () => {
  expect(checkRestMethod({
    Integration: { Type: 'MOCK', IntegrationResponses: [{ StatusCode: '200' }, { StatusCode: '500', SelectionPattern: '5\\d\\d' }] },
    MethodResponses: [{ StatusCode: '200' }],
  })).toEqual([{
    ruleId: 'rest-method-response-missing',
    severity: 'warning',
    message: "integration response '500' has no method response with status '500': API Gateway accepts the deployment, but a request that selects this response fails with 500 (\"Execution failed due to configuration error: Output mapping refers to an invalid method response: 500\"); add a method response for '500'",
    path: 'Integration.IntegrationResponses[1].StatusCode',
  }]);
});

test('warns about two different method responses for one status code', () => {
  expect(checkRestMethod({
    Integration: { Type: 'MOCK', IntegrationResponses: [{ StatusCode: '200' }] },
    MethodResponses: [{ StatusCode: '200' }, { StatusCode: '200', ResponseParameters: { 'method.response.header.A': true } }],
  })).toEqual([{
    ruleId: 'rest-duplicate-method-response',
    severity: 'warning',
    message: "status code '200' has more than one method response: API Gateway keeps one method response per status code, so the headers and models of the others are lost; merge them into one",
    path: 'MethodResponses[1].StatusCode',
  }]);
});

test('fails identical method responses, which the resource schema forbids, once, with the exact message', () => {
  expect(checkRestMethod({
    Integration: { Type: 'MOCK', IntegrationResponses: [{ StatusCode: '200' }] },
    MethodResponses: [{ StatusCode: '200', ResponseModels: { 'application/json': 'Empty' } }, { ResponseModels: { 'application/json': 'Empty' }, StatusCode: '200' }],
  })).toEqual([{
    ruleId: 'rest-duplicate-items',
    severity: 'error',
    message: 'item #1 of MethodResponses is an exact copy of item #0: CloudFormation rejects a list with identical items ("Property MethodResponses contains duplicate values."); remove the copy',
    path: 'MethodResponses[1]',
  }]);
});

test('Lambda integrations check patterns against error messages', () => {
  const findings = checkRestMethod({
    Integration: { Type: 'AWS', Uri: LAMBDA_URI, IntegrationResponses: [{ StatusCode: '200' }, { StatusCode: '500', SelectionPattern: '.*' }] },
    MethodResponses: [{ StatusCode: '200' }, { StatusCode: '500' }],
  });
  expect(findings.map(f => f.ruleId)).toEqual(['rest-lambda-pattern-matches-success']);
});

test('method responses given as an intrinsic are not guessed at', () => {
  expect(checkRestMethod({
    Integration: { Type: 'MOCK', IntegrationResponses: [{ StatusCode: '200', ResponseParameters: { 'method.response.header.X': "'1'" } }] },
    MethodResponses: { 'Fn::If': ['C', [], []] },
  })).toEqual([]);
  expect(checkRestMethod({
    Integration: { Type: 'MOCK', IntegrationResponses: [{ StatusCode: '200', ResponseParameters: { 'method.response.header.X': "'1'" } }] },
    MethodResponses: [{ StatusCode: '200', ResponseParameters: { Ref: 'Params' } }],
  })).toEqual([]);
});

test('a method without integration, or with an intrinsic integration, is skipped', () => {
  expect(checkRestMethod({})).toEqual([]);
  expect(checkRestMethod({ Integration: { 'Fn::If': ['C', {}, {}] } })).toEqual([]);
});

describe('robustness', () => {
  const intrinsic = fc.oneof(
    fc.record({ Ref: fc.string() }),
    fc.record({ 'Fn::Sub': fc.string() }),
    fc.record({ 'Fn::If': fc.tuple(fc.string(), fc.jsonValue(), fc.jsonValue()) }),
  );
  const value = fc.oneof(fc.jsonValue(), intrinsic);
  const response = fc.record({
    StatusCode: fc.oneof(value, fc.constantFrom('200', '404', '500')),
    SelectionPattern: fc.option(fc.oneof(value, fc.constantFrom('.*', '.+', '4\\d\\d', '(', '.*{x'))),
    ResponseParameters: fc.option(fc.oneof(value, fc.dictionary(fc.string(), value))),
    ResponseTemplates: fc.option(fc.oneof(value, fc.dictionary(fc.string(), value))),
    ContentHandling: fc.option(value),
  }, { requiredKeys: [] });
  const methodResponse = fc.record({ StatusCode: value, ResponseParameters: fc.option(value) });
  const method = fc.record({
    Integration: fc.oneof(value, fc.record({
      Type: fc.oneof(value, fc.constantFrom('AWS', 'AWS_PROXY', 'HTTP', 'HTTP_PROXY', 'MOCK')),
      Uri: fc.option(value),
      IntegrationResponses: fc.oneof(value, fc.array(fc.oneof(response, value), { maxLength: 5 })),
    }, { requiredKeys: [] })),
    MethodResponses: fc.option(fc.oneof(value, fc.array(fc.oneof(value, methodResponse), { maxLength: 4 }))),
  }, { requiredKeys: [] });

  test('any method shape, intrinsics anywhere, gives findings and never throws', () => {
    fc.assert(fc.property(method, properties => {
      const findings = checkRestMethod(properties as Record<string, unknown>);
      for (const f of findings) {
        expect(f.ruleId).toMatch(/^rest-/);
        expect(f.message).toMatch(/^[a-z]/);
      }
    }), { numRuns: 1500 });
  });
});

test('fails a method response whose status code is not an HTTP status', () => {
  expect(checkRestMethod({
    Integration: { Type: 'MOCK', IntegrationResponses: [{ StatusCode: '200' }] },
    MethodResponses: [{ StatusCode: '200' }, { StatusCode: '2000' }],
  })).toEqual([{
    ruleId: 'rest-status-code',
    severity: 'error',
    message: "status code '2000' is not a valid HTTP status: API Gateway requires three digits matching [1-5]\\d\\d and rejects the deployment (\"Member must satisfy regular expression pattern: [1-5]\\d\\d\"); use a code from 100 to 599",
    path: 'MethodResponses[1].StatusCode',
  }]);
});

describe('many method responses', () => {
  // Each is bounded by the CPU time it takes (a guard against quadratic work, not a benchmark).
  const bounded = <T>(run: () => T): T => {
    const { millis, result } = cpuTime(run);
    expect(millis).toBeLessThan(1000);
    return result;
  };

  // Each declares its own header, so none is a copy of another (150,000 copies: template-checker.test.ts).
  test('50,000 distinct method responses with 400 status codes: twenty findings, then one that counts the rest', () => {
    const methodResponses = Array.from({ length: 50_000 }, (_, i) => ({
      StatusCode: String(200 + (i % 400)),
      ResponseParameters: { [`method.response.header.H${i}`]: true },
    }));
    const findings = bounded(() => checkRestMethod({ Integration: { Type: 'MOCK', IntegrationResponses: [{ StatusCode: '200' }] }, MethodResponses: methodResponses }));
    expect(findings).toHaveLength(21);
    expect(findings.every(f => f.ruleId === 'rest-duplicate-method-response')).toBe(true);
    expect(findings[20]).toEqual({
      ruleId: 'rest-duplicate-method-response',
      severity: 'warning',
      message: '49580 more method responses (from #420 on) repeat the status code of an earlier one: API Gateway keeps one method ' +
        'response per status code, so the headers and models of the others are lost; merge them',
      path: 'MethodResponses[420].StatusCode',
    });
  });

  // 150,000 of them: template-checker.test.ts.
  test('an integration response mapping 50,000 undeclared headers lists ten of them', () => {
    const parameters = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`method.response.header.H${i}`, "'v'"]));
    const findings = bounded(() => checkRestMethod({ Integration: { Type: 'MOCK', IntegrationResponses: [{ StatusCode: '200', ResponseParameters: parameters }] }, MethodResponses: [] }));
    expect(findings.map(f => f.ruleId)).toEqual(['rest-method-response-header']);
    expect(findings[0].message).toMatch(/^integration response '200' maps 'H0', 'H1', .*, 'H9' and 49990 more but the method has no method response for '200'/);
    expect(findings[0].message.length).toBeLessThan(1000);
  });
});

test('an AWS service URI built with Fn::Sub is matched by status code, so a pattern no status code matches is reported', () => {
  const findings = checkRestMethod({
    Integration: {
      Type: 'AWS',
      Uri: { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:dynamodb:action/GetItem' },
      IntegrationResponses: [{ StatusCode: '200' }, { StatusCode: '404', SelectionPattern: '.*NotFound.*' }],
    },
    MethodResponses: [{ StatusCode: '200' }, { StatusCode: '404' }],
  });
  expect(findings.map(f => [f.ruleId, f.severity, f.path])).toEqual([
    ['rest-status-pattern-unreachable', 'warning', 'Integration.IntegrationResponses[1].SelectionPattern'],
  ]);
});
