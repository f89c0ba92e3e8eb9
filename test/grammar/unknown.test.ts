import { Stack, Token, CfnParameter, Lazy } from 'aws-cdk-lib';
import { isUnknown, knownArray, knownObject, knownString, stringFragments } from '../../src/grammar/unknown';

const stack = new Stack();
const parameter = new CfnParameter(stack, 'P');
const numberParameter = new CfnParameter(stack, 'N', { type: 'Number' });

test('CDK tokens of every kind are unknown', () => {
  expect(isUnknown(parameter.valueAsString)).toBe(true);
  expect(isUnknown(`prefix-${parameter.valueAsString}`)).toBe(true);
  expect(isUnknown(Token.asList({ Ref: 'x' })[0])).toBe(true);
  expect(isUnknown(numberParameter.valueAsNumber)).toBe(true);
  expect(isUnknown(Lazy.any({ produce: () => 1 }))).toBe(true);
});

test('CloudFormation intrinsics are unknown, plain values are not', () => {
  expect(isUnknown({ Ref: 'X' })).toBe(true);
  expect(isUnknown({ 'Fn::GetAtt': ['A', 'Arn'] })).toBe(true);
  expect(isUnknown({ 'Fn::Join': ['', ['a']] })).toBe(true);
  expect(isUnknown({ Ref: 'X', Other: 1 })).toBe(false);
  expect(isUnknown('200')).toBe(false);
  expect(isUnknown(200)).toBe(false);
  expect(isUnknown(null)).toBe(false);
});

test('known values are narrowed, unknown ones become undefined', () => {
  expect(knownString('a')).toBe('a');
  expect(knownString(404)).toBe('404');
  expect(knownString(true)).toBe('true');
  expect(knownString({ Ref: 'X' })).toBeUndefined();
  expect(knownString(['a'])).toBeUndefined();
  expect(knownObject({ a: 1 })).toEqual({ a: 1 });
  expect(knownObject({ Ref: 'X' })).toBeUndefined();
  expect(knownObject([1])).toBeUndefined();
  expect(knownArray([1])).toEqual([1]);
  expect(knownArray({ 'Fn::If': [] })).toBeUndefined();
});

test('string fragments are collected from intrinsics', () => {
  expect(stringFragments({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':lambda:path/x']] }))
    .toEqual(['', 'arn:', 'AWS::Partition', ':lambda:path/x']);
});
