import { CfnParameter, Stack } from 'aws-cdk-lib';
import { ResponseValue } from '../../src';

test('every source renders the expression API Gateway expects', () => {
  expect(ResponseValue.literal('*').expression).toBe("'*'");
  expect(ResponseValue.literal('').expression).toBe("''");
  expect(ResponseValue.integrationHeader('x-amzn-RequestId').expression).toBe('integration.response.header.x-amzn-RequestId');
  expect(ResponseValue.integrationMultiValueHeader('Set-Cookie').expression).toBe('integration.response.multivalueheader.Set-Cookie');
  expect(ResponseValue.integrationBody().expression).toBe('integration.response.body');
  expect(ResponseValue.integrationBodyPath('errorType').expression).toBe('integration.response.body.errorType');
  expect(ResponseValue.contextVariable('requestId').expression).toBe('context.requestId');
  expect(ResponseValue.stageVariable('allowedOrigin').expression).toBe('stageVariables.allowedOrigin');
  expect(ResponseValue.fromExpression('integration.response.header.ETag').expression).toBe('integration.response.header.ETag');
  expect(`${ResponseValue.literal('a')}`).toBe("'a'");
});

test('a literal is always quoted, even when it looks like an expression', () => {
  expect(ResponseValue.literal('integration.response.body').expression).toBe("'integration.response.body'");
});

test('a body path given with a leading $. is accepted without it', () => {
  expect(ResponseValue.integrationBodyPath('$.data.items[0].id').expression).toBe('integration.response.body.data.items[0].id');
});

test('a literal may hold a token, an expression source may not break', () => {
  const stack = new Stack();
  const origin = new CfnParameter(stack, 'Origin');
  expect(ResponseValue.literal(origin.valueAsString).expression).toMatch(/^'\$\{Token\[.*\]\}'$/);
  expect(ResponseValue.integrationHeader(origin.valueAsString).expression).toContain('${Token[');
});

test('fails an invalid header name', () => {
  expect(() => ResponseValue.integrationHeader('X Id')).toThrow(
    "'X Id' is not a valid header name: header names cannot contain spaces (in ResponseValue.integrationHeader)");
  expect(() => ResponseValue.integrationMultiValueHeader('')).toThrow(
    "'' is not a valid header name: the header name is empty (in ResponseValue.integrationMultiValueHeader)");
});

test('fails an invalid body path', () => {
  expect(() => ResponseValue.integrationBodyPath('a..b')).toThrow(
    "body path 'a..b' is not valid: recursive descent '..' is not supported (in ResponseValue.integrationBodyPath)");
});

test('fails an invalid raw expression with the rule message', () => {
  expect(() => ResponseValue.fromExpression('*')).toThrow(
    "[rest-parameter-value] '*' is not a valid mapping expression: a static value must be enclosed in single quotes ('*'); otherwise use integration.response.*, context.* or stageVariables.*; API Gateway rejects the deployment (\"Invalid mapping expression specified: *\") (in ResponseValue.fromExpression)");
  expect(() => ResponseValue.contextVariable('request id')).toThrow(/^\[rest-parameter-value\] 'context.request id' is not a context variable: .* \(in ResponseValue.contextVariable\)$/);
  expect(() => ResponseValue.stageVariable('my-var')).toThrow(/stage variable names contain only letters, digits and underscores/);
});

test('an undocumented context variable is allowed at build time (it is a warning, not an error)', () => {
  expect(ResponseValue.contextVariable('newVariable').expression).toBe('context.newVariable');
});
