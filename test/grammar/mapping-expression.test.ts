import * as fc from 'fast-check';
import { parseResponseParameterKey, parseResponseParameterValue } from '../../src/grammar/mapping-expression';

describe('response parameter keys', () => {
  test('method.response.header.{name} names a header', () => {
    expect(parseResponseParameterKey('method.response.header.X-Request-Id')).toEqual({ value: 'X-Request-Id' });
  });

  test.each([
    ['method.response.body', "integration responses can only set method response headers ('method.response.header.{name}')"],
    ['method.response.header.', 'the header name is empty'],
    ['method.response.header.X Id', 'header names cannot contain spaces'],
    ['method.response.header.X:Id', "header names cannot contain ':'"],
    ['Access-Control-Allow-Origin', "integration responses can only set method response headers ('method.response.header.{name}')"],
  ])('%j is refused: %s', (key, problem) => {
    expect(parseResponseParameterKey(key)).toEqual({ problem });
  });
});

describe('response parameter values', () => {
  test.each([
    ["'*'", { kind: 'static', value: '*' }],
    ["''", { kind: 'static', value: '' }],
    ["'GET,OPTIONS'", { kind: 'static', value: 'GET,OPTIONS' }],
    ['integration.response.header.x-amzn-RequestId', { kind: 'header', name: 'x-amzn-RequestId' }],
    ['integration.response.multivalueheader.Set-Cookie', { kind: 'multivalueheader', name: 'Set-Cookie' }],
    ['integration.response.body', { kind: 'body' }],
    ['integration.response.body.errorType', { kind: 'bodyPath', path: 'errorType', segments: ['errorType'] }],
    ['integration.response.body.data.items[0].id', { kind: 'bodyPath', path: 'data.items[0].id', segments: ['data', 'items', 0, 'id'] }],
    ["integration.response.body['odd key']", undefined],
    ['context.requestId', { kind: 'context', name: 'requestId' }],
    ['stageVariables.origin', { kind: 'stageVariable', name: 'origin' }],
  ])('%j parses', (expression, source) => {
    const parsed = parseResponseParameterValue(expression);
    if (source === undefined) {
      expect(parsed.problem).toBeDefined();
    } else {
      expect(parsed).toEqual({ value: source });
    }
  });

  test.each([
    ['*', "a static value must be enclosed in single quotes ('*'); otherwise use integration.response.*, context.* or stageVariables.*"],
    ['"*"', 'a static value must be enclosed in a pair of single quotes'],
    ["'*", 'a static value must be enclosed in a pair of single quotes'],
    ['integration.response.headers.X', 'use integration.response.header.{name}, integration.response.multivalueheader.{name}, integration.response.body or integration.response.body.{path}'],
    ['integration.response.body.$.a', "the body path is invalid: the path starts with '$': write it without the leading '$.'"],
    ['integration.response.body.a..b', "the body path is invalid: recursive descent '..' is not supported"],
    ['integration.response.header.', 'the header name is empty'],
    ['method.request.header.Origin', 'method request parameters are not available to integration responses'],
    ['stageVariables.my-var', 'stage variable names contain only letters, digits and underscores'],
  ])('%j is refused: %s', (expression, problem) => {
    expect(parseResponseParameterValue(expression)).toEqual({ problem });
  });

  test('random text parses or is refused with a reason, never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), text => {
      const parsed = parseResponseParameterValue(text);
      expect((parsed.value === undefined) !== (parsed.problem === undefined)).toBe(true);
    }), { numRuns: 2000 });
  });

  const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/);
  const jsonName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/);
  const bodyPath = fc.array(fc.oneof(jsonName, fc.nat({ max: 99 })), { minLength: 1, maxLength: 5 })
    .filter(parts => typeof parts[0] === 'string')
    .map(parts => parts.map((p, i) => typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${p}`).join(''));

  test('generated valid expressions are always accepted', () => {
    const expression = fc.oneof(
      name.map(n => `integration.response.header.${n}`),
      name.map(n => `integration.response.multivalueheader.${n}`),
      bodyPath.map(p => `integration.response.body.${p}`),
      fc.string({ maxLength: 30 }).map(s => `'${s}'`),
      jsonName.map(n => `stageVariables.${n}`),
      fc.constantFrom('integration.response.body', 'context.requestId', 'context.authorizer.principalId'),
    );
    fc.assert(fc.property(expression, e => {
      expect(parseResponseParameterValue(e).problem).toBeUndefined();
    }), { numRuns: 1000 });
  });
});
