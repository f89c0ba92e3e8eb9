import { checkResponseTemplate, checkResponseTemplates, isMediaType, REST_TEMPLATE_LIMIT_BYTES } from '../../src/rules/response-templates';

test.each(['application/json', 'text/html', 'application/vnd.api+json', 'image/*', '*/*'])('%s is a media type', type => {
  expect(isMediaType(type)).toBe(true);
});

// Such keys deploy: Serverless Framework 0.5 gave every endpoint `application/json;charset=UTF-8`
// response templates and models (serverless/serverless issues 290 and 2046).
test.each(['application/json;charset=UTF-8', 'application/json; charset=utf-8', 'text/plain; charset="utf-8"; format=flowed'])(
  '%s, with parameters, is a media type', type => {
    expect(isMediaType(type)).toBe(true);
    expect(checkResponseTemplate(type, '{}')).toEqual([]);
  });

test.each(['json', 'application', 'application/', '/json', 'text html', 'application/json;', 'application/json; charset', 'application/json charset=utf-8'])(
  '%j is not a media type', type => {
    expect(isMediaType(type)).toBe(false);
  });

test('fails a template key that is not a media type with the exact message', () => {
  expect(checkResponseTemplate('json', '{}', 'ResponseTemplates.json')).toEqual([{
    ruleId: 'rest-template-content-type',
    severity: 'error',
    message: "response template key 'json' is not a media type: API Gateway keys templates by content type and rejects the deployment (\"Invalid content type specified: json\"); use a type/subtype such as 'application/json'",
    path: 'ResponseTemplates.json',
  }]);
});

test('a template of exactly 300 KB passes, one byte more fails with the exact message', () => {
  expect(checkResponseTemplate('application/json', 'x'.repeat(REST_TEMPLATE_LIMIT_BYTES))).toEqual([]);
  expect(checkResponseTemplate('application/json', 'x'.repeat(REST_TEMPLATE_LIMIT_BYTES + 1))).toEqual([{
    ruleId: 'rest-template-size',
    severity: 'error',
    message: "response template for 'application/json' is 307201 bytes, over the 300 KB (307200 bytes) that API Gateway documents as the maximum size of a mapping template; shrink the template or move the work to the backend",
  }]);
});

test('size counts UTF-8 bytes, not characters', () => {
  const euros = '€'.repeat(REST_TEMPLATE_LIMIT_BYTES / 3 + 1);
  expect(checkResponseTemplate('application/json', euros).map(f => f.ruleId)).toEqual(['rest-template-size']);
});

test('a template given as an intrinsic is skipped', () => {
  expect(checkResponseTemplates({ 'application/json': { 'Fn::Sub': '{"stage":"${Stage}"}' } })).toEqual([]);
});
