import { Finding, Severity } from '../../src/rules/finding';
import { FindingsMemo } from '../../src/rules/findings-memo';

const found = (message: string): Finding[] => [{ ruleId: 'rest-status-code', severity: Severity.ERROR, message }];

test('checks an input once, and an equal input built again not at all', () => {
  const memo = new FindingsMemo();
  const check = jest.fn(() => found('a'));
  const first = memo.get({ StatusCode: '2000' }, check);
  expect(memo.get({ StatusCode: '2000' }, check)).toBe(first);
  expect(check).toHaveBeenCalledTimes(1);
  memo.get({ StatusCode: '3000' }, check);
  expect(check).toHaveBeenCalledTimes(2);
});

test('tells inputs apart exactly among those sharing a fingerprint, key order aside', () => {
  const memo = new FindingsMemo();
  const check = jest.fn(() => found('c'));
  memo.get({ a: 1, b: [1, { c: 2 }] }, check, 'f');
  memo.get({ b: [1, { c: 2 }], a: 1 }, check, 'f');
  expect(check).toHaveBeenCalledTimes(1);
  memo.get({ a: 1, b: [1, { c: 3 }] }, check, 'f');
  memo.get({ a: 1, b: [1, { c: 2 }], d: undefined }, check, 'f');
  expect(check).toHaveBeenCalledTimes(3);
});

test('forgets the oldest fingerprint at its limit', () => {
  const memo = new FindingsMemo(1);
  const check = jest.fn(() => found('b'));
  memo.get('x', check, 'x');
  memo.get('y', check, 'y');
  memo.get('x', check, 'x');
  expect(check).toHaveBeenCalledTimes(3);
});
