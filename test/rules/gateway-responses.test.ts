import { checkGatewayResponse, checkGatewayResponseCors, methodSendsAllowOrigin } from '../../src/rules/gateway-responses';

const ids = (findings: ReturnType<typeof checkGatewayResponse>) => findings.map(f => `${f.ruleId} ${f.path}`);

describe('one gateway response', () => {
  test('a well-formed response has no finding', () => {
    expect(checkGatewayResponse({
      ResponseType: 'UNAUTHORIZED',
      StatusCode: '401',
      ResponseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'", 'gatewayresponse.header.x-id': 'context.requestId' },
      ResponseTemplates: { 'application/json': '{"message": $context.error.messageString}' },
    })).toEqual([]);
  });

  test('each mistake is reported at its place', () => {
    expect(ids(checkGatewayResponse({
      ResponseType: 'unauthorized',
      StatusCode: '4011',
      ResponseParameters: { 'method.response.header.X': "'a'", 'gatewayresponse.header.Y': 'b', 'gatewayresponse.header.Z': 7 },
      ResponseTemplates: { 'application/json': '#if($x){"message": "$context.error.messageString"}#end' },
    }))).toEqual([
      'gateway-response-type ResponseType',
      'rest-status-code StatusCode',
      'gateway-response-parameter-key ResponseParameters.method.response.header.X',
      'gateway-response-parameter-value ResponseParameters.gatewayresponse.header.Y',
      'gateway-response-parameter-value ResponseParameters.gatewayresponse.header.Z',
      'gateway-response-template-vtl ResponseTemplates.application/json',
      'gateway-response-message-quoted ResponseTemplates.application/json',
    ]);
  });

  test('the type message names the type meant; only unquoted text is said to be rejected', () => {
    const [type] = checkGatewayResponse({ ResponseType: 'Throttled', StatusCode: '429' });
    expect(type?.message).toMatch("write 'THROTTLED'");
    const [a, b] = checkGatewayResponse({ ResponseParameters: { 'gatewayresponse.header.A': 'test-value', 'gatewayresponse.header.B': 'integration.response.header.B' } });
    expect(a.message).toMatch('API Gateway rejects the deployment ("Invalid mapping expression specified: test-value")');
    expect(b.message).not.toMatch('rejects');
    expect(b.message).toMatch('can never work');
  });

  test('tokens and intrinsics are never findings', () => {
    expect(checkGatewayResponse({
      ResponseType: { Ref: 'Type' },
      StatusCode: '${Token[TOKEN.1]}',
      ResponseParameters: { 'gatewayresponse.header.A': { 'Fn::Sub': "'${Origin}'" }, 'gatewayresponse.header.${Token[TOKEN.2]}': "'x'", '${Token[TOKEN.3]}': "'y'" },
      ResponseTemplates: { 'application/json': { 'Fn::Join': ['', ['#if']] } },
    })).toEqual([]);
  });
});

describe('CORS on gateway responses', () => {
  const cors = { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" };

  test('methods with CORS and no gateway responses: both defaults are named', () => {
    const [f] = checkGatewayResponseCors(2, []);
    expect(f.ruleId).toBe('gateway-response-cors');
    expect(f.message).toMatch('2 methods of this API send Access-Control-Allow-Origin, but the gateway responses DEFAULT_4XX and DEFAULT_5XX do not');
    expect(f.message).toMatch('instead of the 4XX and 5XX answers');
  });

  test('the defaults with the header, and a customized type without it: that type is named, with its status code', () => {
    const [f] = checkGatewayResponseCors(1, [
      { type: 'DEFAULT_4XX', parameters: cors }, { type: 'DEFAULT_5XX', parameters: { 'gatewayresponse.header.access-control-allow-origin': "'*'" } },
      { type: 'UNAUTHORIZED', parameters: {} },
    ]);
    expect(f.message).toMatch('a method of this API sends Access-Control-Allow-Origin, but the gateway response UNAUTHORIZED does not');
    expect(f.message).toMatch('instead of the 401 answers');
  });

  test('every response sends it, or no method does: nothing', () => {
    expect(checkGatewayResponseCors(3, [{ type: 'DEFAULT_4XX', parameters: cors }, { type: 'DEFAULT_5XX', parameters: cors }])).toEqual([]);
    expect(checkGatewayResponseCors(0, [])).toEqual([]);
  });

  test('a response known only at deployment could be the one that sends it: nothing', () => {
    expect(checkGatewayResponseCors(1, [{ type: undefined, parameters: cors }])).toEqual([]);
    expect(checkGatewayResponseCors(1, [{ type: 'DEFAULT_4XX', parameters: undefined }, { type: 'DEFAULT_5XX', parameters: cors }])).toEqual([]);
  });

  test('a method sends the header when a method response declares it or an integration response maps it, in any case', () => {
    expect(methodSendsAllowOrigin({ MethodResponses: [{ StatusCode: '200', ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': true } }] })).toBe(true);
    expect(methodSendsAllowOrigin({ Integration: { IntegrationResponses: [{ ResponseParameters: { 'method.response.header.access-control-allow-origin': "'*'" } }] } })).toBe(true);
    expect(methodSendsAllowOrigin({ MethodResponses: [{ StatusCode: '200', ResponseParameters: { 'method.response.header.Vary': true } }] })).toBe(false);
    expect(methodSendsAllowOrigin({ Integration: { Type: 'AWS_PROXY' } })).toBe(false);
  });
});
