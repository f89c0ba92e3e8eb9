import { mockStatusCodes } from '../../src/grammar/match-target';

describe('the status codes a MOCK answers with', () => {
  test.each([
    ['MOCK', { 'application/json': '{"statusCode": 200}' }, ['200']],
    ['MOCK', { 'application/json': '{"statusCode": 200}', 'text/plain': '{ "statusCode" : 404 }' }, ['200', '404']],
    ['MOCK', { $default: '{"statusCode": $input.params("code")}' }, undefined],
    ['MOCK', { 'application/json': '{"statusCode": "200"}' }, undefined],
    ['MOCK', { 'application/json': { Ref: 'Template' } }, undefined],
    ['MOCK', undefined, undefined],
    ['HTTP', { 'application/json': '{"statusCode": 200}' }, undefined],
  ])('%s %j -> %j', (type, templates, codes) => {
    expect(mockStatusCodes(type, templates)).toEqual(codes);
  });
});
