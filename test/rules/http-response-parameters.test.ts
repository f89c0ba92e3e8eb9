import { checkHttpResponseParameters } from '../../src/rules/http-response-parameters';

const check = (responseParameters: unknown, protocol: 'HTTP' | 'WEBSOCKET' | undefined = 'HTTP') =>
  checkHttpResponseParameters({ ApiId: 'a', IntegrationType: 'HTTP_PROXY', ResponseParameters: responseParameters }, protocol)
    .map(f => `${f.ruleId} ${f.path}`);
const mapping = (Destination: unknown, Source: unknown) => ({ ResponseParameters: [{ Destination, Source }] });

describe("CloudFormation's shape", () => {
  // aws-cdk issue 20993: a Lambda proxy integration remapping 403 to 401, written as the API takes it.
  test('the flat map of aws-cdk issue 20993 is an error whose fix is the list CloudFormation takes', () => {
    const [f] = checkHttpResponseParameters({ ResponseParameters: { 403: { 'overwrite:statuscode': '401' } } }, 'HTTP');
    expect(f.ruleId).toBe('http-response-parameters-shape');
    expect(f.path).toBe('ResponseParameters.403');
    expect(f.message).toContain('rejects the deployment ("Encountered unsupported properties in {/ResponseParameters/403}")');
    expect(f.message).toContain('write {"ResponseParameters":[{"Destination":"overwrite:statuscode","Source":"401"}]}');
  });

  // aws-cloudformation/cloudformation-cli issue 1113: removing a header, as get-integration shows it.
  test('the flat map of cloudformation-cli issue 1113 too, with every flat key in the fix', () => {
    const [f] = checkHttpResponseParameters({ ResponseParameters: { 200: { 'remove:header.x-powered-by': "''", 'overwrite:header.X-A': 'a' } } }, undefined);
    expect(f.message).toContain('\'remove:header.x-powered-by\', \'overwrite:header.X-A\' as keys');
    expect(f.message).toContain('{"Destination":"remove:header.x-powered-by","Source":"\'\'"},{"Destination":"overwrite:header.X-A","Source":"a"}');
  });

  test('camelCase keys, which aws-cdk-lib passes through unchanged, are named with the key they stand for', () => {
    expect(check({ 200: { responseParameters: [{ destination: 'overwrite:header.X', source: 'x' }] } }))
      .toEqual(['http-response-parameters-shape ResponseParameters.200.responseParameters']);
    const [f] = checkHttpResponseParameters({ ResponseParameters: { 200: { ResponseParameters: [{ destination: 'overwrite:header.X', Source: 'x' }] } } }, 'HTTP');
    expect(f.path).toBe('ResponseParameters.200.ResponseParameters[0].destination');
    expect(f.message).toMatch(/^key 'destination' is Destination in another case/);
  });

  test('the documented shape, intrinsics and tokens are fine', () => {
    expect(check({
      200: { ResponseParameters: [mapping('overwrite:header.Cache-Control', 'no-store').ResponseParameters[0], { Destination: 'remove:header.Server', Source: "''" }] },
      404: mapping('overwrite:statuscode', '410'),
      500: mapping({ 'Fn::Sub': 'overwrite:header.${H}' }, { Ref: 'Value' }),
    })).toEqual([]);
    expect(check({ 'Fn::If': ['C', {}, {}] })).toEqual([]);
    expect(check({ 200: { ResponseParameters: { Ref: 'List' } } })).toEqual([]);
  });
});

test('status code keys run from 200 to 599', () => {
  expect(check({ '199': mapping('overwrite:header.X', 'x'), '2': mapping('overwrite:header.X', 'x'), '5XX': mapping('overwrite:header.X', 'x'), '599': mapping('overwrite:header.X', 'x') }))
    .toEqual(['http-response-status-code ResponseParameters.2', 'http-response-status-code ResponseParameters.199', 'http-response-status-code ResponseParameters.5XX']);
});

test('destinations, reserved headers and sources are checked per mapping', () => {
  expect(check({
    200: {
      ResponseParameters: [
        { Destination: 'overwrite:body', Source: 'x' },
        { Destination: 'overwrite:header.Content-Length', Source: '0' },
        { Destination: 'append:header.X-User', Source: '$request.header.user' },
        { Destination: 'remove:header.X-Gone', Source: '$anything' },
        { Destination: 'overwrite:header.X-Ok', Source: '${context.requestId}-${response.header.etag}' },
      ],
    },
  })).toEqual([
    'http-response-destination ResponseParameters.200.ResponseParameters[0].Destination',
    'http-response-reserved-header ResponseParameters.200.ResponseParameters[1].Destination',
    'http-response-source ResponseParameters.200.ResponseParameters[2].Source',
  ]);
});

test('CORS headers are reserved, and the fix says where CORS is configured', () => {
  const [f] = checkHttpResponseParameters({ ResponseParameters: { 200: mapping('overwrite:header.access-control-allow-origin', '*') } }, 'HTTP');
  expect(f.ruleId).toBe('http-response-reserved-header');
  expect(f.message).toContain('CorsConfiguration');
});

test('on a WebSocket API the mappings are reported once, whatever their content', () => {
  expect(check({ 200: { 'overwrite:header.X': 'x' } }, 'WEBSOCKET')).toEqual(['http-response-parameters-websocket ResponseParameters']);
  expect(check(undefined, 'WEBSOCKET')).toEqual([]);
  expect(check({}, 'WEBSOCKET')).toEqual([]);
});
