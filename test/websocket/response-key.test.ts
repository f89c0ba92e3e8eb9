import { CfnParameter, Stack } from 'aws-cdk-lib';
import { ResponseKey, ResponseMatch, TemplateSelection } from '../../src';

test('keys render as API Gateway expects and say what they match', () => {
  expect(ResponseKey.DEFAULT.key).toBe('$default');
  expect(ResponseKey.DEFAULT.matchesOn).toBe(ResponseMatch.DEFAULT);
  expect(ResponseKey.whenStatusMatches('404').key).toBe('/404/');
  expect(ResponseKey.whenStatusMatches('404').matchesOn).toBe(ResponseMatch.STATUS_CODE);
  expect(ResponseKey.whenLambdaErrorMatches('\\[NotFound\\].*').key).toBe('/\\[NotFound\\].*/');
  expect(ResponseKey.whenLambdaErrorMatches('.+').matchesOn).toBe(ResponseMatch.LAMBDA_ERROR);
  expect([ResponseKey.successStatus(), ResponseKey.clientErrorStatus(), ResponseKey.serverErrorStatus()].map(k => `${k}`))
    .toEqual(['/2\\d\\d/', '/4\\d\\d/', '/5\\d\\d/']);
  expect(ResponseKey.fromKey('/5\\d\\d/').matchesOn).toBeUndefined();
  expect(ResponseKey.fromKey('$default').matchesOn).toBe(ResponseMatch.DEFAULT);
});

test('fails an invalid pattern or key at the call', () => {
  expect(() => ResponseKey.whenStatusMatches('4\\d{')).toThrow(/^\[ws-response-key-syntax\] response key '\/4\\d\{\/' is not a valid Java regular expression .* \(in ResponseKey\.whenStatusMatches\)$/);
  expect(() => ResponseKey.fromKey('404')).toThrow(
    "[ws-response-key] response key '404' is not valid: keys are $default or a regular expression between slashes, such as '/404/'; API Gateway documents keys as $default or a pattern that \"should follow a format of /expression/\", so this key may never be selected (in ResponseKey.fromKey)");
  expect(() => ResponseKey.whenLambdaErrorMatches('')).toThrow('the pattern is empty; use ResponseKey.DEFAULT for the catch-all response (in ResponseKey.whenLambdaErrorMatches)');
});

test('a key may come from a token', () => {
  const stack = new Stack();
  const key = new CfnParameter(stack, 'Key').valueAsString;
  expect(ResponseKey.fromKey(key).key).toBe(key);
  expect(ResponseKey.whenStatusMatches(key).key).toBe(`/${key}/`);
});

test('template selections render the expressions API Gateway expects', () => {
  expect(TemplateSelection.DEFAULT.expression).toBe('\\$default');
  expect(TemplateSelection.statusCode().expression).toBe('${integration.response.statuscode}');
  expect(TemplateSelection.integrationHeader('X-Kind').expression).toBe('${integration.response.header.X-Kind}');
  expect(TemplateSelection.integrationMultiValueHeader('X-Kind').expression).toBe('${integration.response.multivalueheader.X-Kind}');
  expect(TemplateSelection.requestBody('$.action').expression).toBe('${request.body.action}');
  expect(TemplateSelection.literal('$default').expression).toBe('\\$default');
  expect(`${TemplateSelection.literal('v1')}`).toBe('v1');
});

test('fails an invalid template selection', () => {
  expect(() => TemplateSelection.fromExpression('${integration.response.body}')).toThrow(/^\[ws-template-selection-expression\] template selection expression '\$\{integration.response.body\}' is not valid: .* \(in TemplateSelection\)$/);
  expect(() => TemplateSelection.integrationHeader('X Kind')).toThrow(/header names cannot contain spaces/);
  expect(() => TemplateSelection.requestBody('a..b')).toThrow(/recursive descent/);
});
