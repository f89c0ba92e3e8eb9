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

test('starts over at its limit, and checks inputs that cannot be serialized every time', () => {
  const memo = new FindingsMemo(1);
  const check = jest.fn(() => found('b'));
  memo.get('x', check);
  memo.get('y', check);
  memo.get('x', check);
  expect(check).toHaveBeenCalledTimes(3);
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  memo.get(cyclic, check);
  memo.get(cyclic, check);
  expect(check).toHaveBeenCalledTimes(5);
});
