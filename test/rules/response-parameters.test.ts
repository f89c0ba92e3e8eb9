import { checkResponseParameter, checkResponseParameters } from '../../src/rules/response-parameters';

test('valid mappings give no findings', () => {
  expect(checkResponseParameters({
    'method.response.header.Access-Control-Allow-Origin': "'*'",
    'method.response.header.X-Request-Id': 'integration.response.header.x-amzn-RequestId',
    'method.response.header.X-Error': 'integration.response.body.errorType',
    'method.response.header.X-Trace': 'context.xrayTraceId',
    'method.response.header.X-Stage': 'stageVariables.name',
  })).toEqual([]);
});

test('fails an invalid key with the exact message', () => {
  expect(checkResponseParameter('method.response.body.x', "'a'", 'P')).toEqual([{
    ruleId: 'rest-parameter-key',
    severity: 'error',
    message: "response parameter 'method.response.body.x' is not valid: integration responses can only set method response headers ('method.response.header.{name}'); API Gateway requires the key to match method.response.header.{name} and rejects the deployment (\"Invalid mapping expression ...\"); use method.response.header.{name}",
    path: 'P',
  }]);
});

test('fails an unquoted static value with the exact message', () => {
  expect(checkResponseParameter('method.response.header.Access-Control-Allow-Origin', '*')).toEqual([{
    ruleId: 'rest-parameter-value',
    severity: 'error',
    message: "response parameter 'method.response.header.Access-Control-Allow-Origin': '*' is not a valid mapping expression: a static value must be enclosed in single quotes ('*'); otherwise use integration.response.*, context.* or stageVariables.*; API Gateway rejects the deployment (\"Invalid mapping expression specified: *\")",
  }]);
});

test('fails a non-string value', () => {
  expect(checkResponseParameter('method.response.header.X', ['*'])[0].message)
    .toBe("response parameter 'method.response.header.X': a list is not a valid value: API Gateway expects a string; give a mapping expression or a single-quoted static value such as '*'");
});

test('fails a malformed context variable with the exact message', () => {
  expect(checkResponseParameter('method.response.header.X', 'context.')).toEqual([{
    ruleId: 'rest-parameter-value',
    severity: 'error',
    message: "response parameter 'method.response.header.X': 'context.' is not a context variable: their names are letters, digits and underscores separated by dots, so this mapping can never name one; fix the name",
  }]);
});

test('warns about an undocumented context variable', () => {
  expect(checkResponseParameter('method.response.header.X', 'context.requestID')).toEqual([{
    ruleId: 'rest-parameter-context',
    severity: 'warning',
    message: "response parameter 'method.response.header.X': 'context.requestID' is not a documented context variable: API Gateway documents that the name must be one of the supported context variables, so the header may be empty or the deployment may fail (this list can lag behind new variables); check the spelling against the $context reference",
  }]);
});

test('context variable families accept any member', () => {
  expect(checkResponseParameter('method.response.header.X', 'context.authorizer.claims.sub')).toEqual([]);
  expect(checkResponseParameter('method.response.header.X', 'context.identity.sourceIp')).toEqual([]);
});

test('tokens and intrinsics in values are skipped', () => {
  expect(checkResponseParameter('method.response.header.X', { 'Fn::Sub': "'${Origin}'" })).toEqual([]);
  expect(checkResponseParameter('method.response.header.X', "'${Token[TOKEN.1]}'")).toEqual([]);
  expect(checkResponseParameter('method.response.header.X', 'integration.response.header.${Token[TOKEN.1]}')).toEqual([]);
});
