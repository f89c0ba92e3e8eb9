import {
  isReservedHttpApiHeader, parseHttpResponseDestination, parseHttpResponseValue,
} from '../../src/grammar/http-response-mapping';

describe('destinations', () => {
  test.each([
    ['overwrite:statuscode', { kind: 'statuscode' }],
    // The spelling of the API and CloudFormation references.
    ['overwrite.statuscode', { kind: 'statuscode' }],
    ['append:header.X-Request-Id', { kind: 'header', action: 'append', name: 'X-Request-Id' }],
    ['overwrite:header.cache-control', { kind: 'header', action: 'overwrite', name: 'cache-control' }],
    ['remove:header.x-powered-by', { kind: 'header', action: 'remove', name: 'x-powered-by' }],
  ])('%s', (key, value) => expect(parseHttpResponseDestination(key)).toEqual({ value }));

  test.each([
    ['header.X', /an action/],
    ['set:header.X', /an action/],
    ['append:statuscode', /only be overwritten/],
    ['overwrite:querystring.page', /only headers/],
    ['overwrite:header.', /empty/],
    ['overwrite:header.X Y', /spaces/],
  ])('%s is refused', (key, problem) => expect(parseHttpResponseDestination(key).problem).toMatch(problem));
});

describe('values', () => {
  test('one variable, several in ${...}, or static text', () => {
    expect(parseHttpResponseValue('$response.header.ETag').value)
      .toEqual({ parts: [{ kind: 'responseHeader', name: 'ETag' }], variables: [{ kind: 'responseHeader', name: 'ETag' }], isStatic: false });
    expect(parseHttpResponseValue('${context.stage}/${response.body.items[0].id}').value!.variables)
      .toEqual([{ kind: 'context', name: 'stage' }, { kind: 'responseBody', path: 'items[0].id' }]);
    // The parts keep the text between the variables, in order.
    expect(parseHttpResponseValue('v${context.stage}/${response.header.ETag}!').value!.parts)
      .toEqual(['v', { kind: 'context', name: 'stage' }, '/', { kind: 'responseHeader', name: 'ETag' }, '!']);
    expect(parseHttpResponseValue('$response.body').value!.variables).toEqual([{ kind: 'responseBody' }]);
    expect(parseHttpResponseValue('$stageVariables.version').value!.variables).toEqual([{ kind: 'stageVariable', name: 'version' }]);
    expect(parseHttpResponseValue('max-age=60').value).toEqual({ parts: ['max-age=60'], variables: [], isStatic: true });
  });

  test.each([
    ['$request.header.x-user', /request data/],
    ['${request.path.id}', /request data/],
    ['$response.statuscode', /not among the values/],
    ['$response.body..id', /recursive descent/],
    ['$stageVariables.my-var', /letters, digits and underscores/],
    ['id ${context.requestId', /not closed/],
  ])('%s is refused', (value, problem) => expect(parseHttpResponseValue(value).problem).toMatch(problem));
});

test('reserved headers, by name and by prefix, whatever their case', () => {
  for (const name of ['Content-Length', 'connection', 'Access-Control-Allow-Origin', 'x-amzn-RequestId', 'X-Amz-Date', 'apigw-requestid', 'Via']) {
    expect(isReservedHttpApiHeader(name)).toBe(true);
  }
  for (const name of ['Cache-Control', 'X-Request-Id', 'x-amazing', 'Content-Type', 'ETag']) expect(isReservedHttpApiHeader(name)).toBe(false);
});
