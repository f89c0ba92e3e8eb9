import * as fc from 'fast-check';
import { checkStatusCode } from '../../src/rules/status-code';

test.each(['100', '200', '404', '599'])('accepts %s', code => {
  expect(checkStatusCode(code)).toEqual([]);
});

test.each(['2000', '600', '099', '20', 'abc', ' 200', '200 '])('fails %j with the exact message', code => {
  expect(checkStatusCode(code, 'StatusCode')).toEqual([{
    ruleId: 'rest-status-code',
    severity: 'error',
    message: `status code '${code}' is not a valid HTTP status: API Gateway requires three digits matching [1-5]\\d\\d and rejects the deployment ("Member must satisfy regular expression pattern: [1-5]\\d\\d"); use a code from 100 to 599`,
    path: 'StatusCode',
  }]);
});

test('a YAML number such as 404 is read as the string CloudFormation makes of it', () => {
  expect(checkStatusCode(404)).toEqual([]);
  expect(checkStatusCode(4040)).toHaveLength(1);
});

test('tokens and intrinsics are skipped', () => {
  expect(checkStatusCode('${Token[TOKEN.12]}')).toEqual([]);
  expect(checkStatusCode({ Ref: 'Code' })).toEqual([]);
  expect(checkStatusCode({ 'Fn::Sub': '${Code}' })).toEqual([]);
});

test('any value gives findings, never an exception', () => {
  fc.assert(fc.property(fc.anything(), value => {
    expect(Array.isArray(checkStatusCode(value))).toBe(true);
  }));
});

test('every generated valid code is accepted', () => {
  fc.assert(fc.property(fc.integer({ min: 100, max: 599 }), n => {
    expect(checkStatusCode(String(n))).toEqual([]);
  }));
});
