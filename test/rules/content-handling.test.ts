import { RULES } from '../../src/rules/catalog';
import { checkContentHandling } from '../../src/rules/content-handling';

test.each(['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY', undefined])('accepts %s', value => {
  expect(checkContentHandling(RULES.restContentHandling, value)).toEqual([]);
});

test('fails an unknown strategy with the exact message', () => {
  expect(checkContentHandling(RULES.restContentHandling, 'CONVERT_TO_JSON', 'ContentHandling')).toEqual([{
    ruleId: 'rest-content-handling',
    severity: 'error',
    message: "content handling 'CONVERT_TO_JSON' is not supported: CloudFormation's resource schema allows only CONVERT_TO_TEXT or CONVERT_TO_BINARY, so the deployment fails; use one of them, or leave it unset to pass the payload through",
    path: 'ContentHandling',
  }]);
});

test('a parameter reference is skipped', () => {
  expect(checkContentHandling(RULES.restContentHandling, { Ref: 'Handling' })).toEqual([]);
});
