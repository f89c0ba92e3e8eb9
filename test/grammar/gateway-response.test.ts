import {
  closestGatewayResponseType, GATEWAY_RESPONSE_TYPES, parseGatewayResponseParameterKey, parseGatewayResponseParameterValue,
  quotesMessageString, vtlInGatewayTemplate,
} from '../../src/grammar/gateway-response';

describe('response types', () => {
  test('every type the API reference lists, with the default status codes the developer guide gives', () => {
    expect(GATEWAY_RESPONSE_TYPES.size).toBe(21);
    expect(GATEWAY_RESPONSE_TYPES.get('UNAUTHORIZED')).toEqual({ type: 'UNAUTHORIZED', defaultStatusCode: '401', family: '4XX' });
    expect(GATEWAY_RESPONSE_TYPES.get('THROTTLED')?.defaultStatusCode).toBe('429');
    expect(GATEWAY_RESPONSE_TYPES.get('INTEGRATION_TIMEOUT')).toEqual({ type: 'INTEGRATION_TIMEOUT', defaultStatusCode: '504', family: '5XX' });
    expect(GATEWAY_RESPONSE_TYPES.get('DEFAULT_4XX')?.defaultStatusCode).toBeUndefined();
    // A type's family agrees with its status code.
    for (const facts of GATEWAY_RESPONSE_TYPES.values()) {
      if (facts.defaultStatusCode !== undefined) expect(`${facts.defaultStatusCode[0]}XX`).toBe(facts.family);
    }
  });

  test('a type in another case or with dashes is matched to the one meant, and nothing else is', () => {
    expect(closestGatewayResponseType('Unauthorized')).toBe('UNAUTHORIZED');
    expect(closestGatewayResponseType('missing-authentication-token')).toBe('MISSING_AUTHENTICATION_TOKEN');
    expect(closestGatewayResponseType('NOT_A_TYPE')).toBeUndefined();
  });
});

describe('parameter keys', () => {
  test.each([
    ['gatewayresponse.header.Access-Control-Allow-Origin', { location: 'header', name: 'Access-Control-Allow-Origin' }],
    ['gatewayresponse.querystring.q', { location: 'querystring', name: 'q' }],
    ['gatewayresponse.path.petId', { location: 'path', name: 'petId' }],
  ])('%s', (key, value) => expect(parseGatewayResponseParameterKey(key)).toEqual({ value }));

  test('the key of an integration response is refused with the key meant', () => {
    expect(parseGatewayResponseParameterKey('method.response.header.X-Id').problem).toMatch("write 'gatewayresponse.header.X-Id'");
  });

  test.each(['gatewayresponse.header.', 'gatewayresponse.header.bad name', 'gatewayresponse.body.x', 'header.x'])('%s is refused', key => {
    expect(parseGatewayResponseParameterKey(key).problem).toBeDefined();
  });
});

describe('parameter values', () => {
  test.each([
    ["'*'", { kind: 'static', value: '*' }],
    ['method.request.header.Origin', { kind: 'request', location: 'header', name: 'Origin' }],
    ['method.request.multivaluequerystring.tag', { kind: 'request', location: 'multivaluequerystring', name: 'tag' }],
    ['context.requestId', { kind: 'context', name: 'requestId' }],
    ['stageVariables.origin', { kind: 'stageVariable', name: 'origin' }],
  ])('%s', (expression, value) => expect(parseGatewayResponseParameterValue(expression)).toEqual({ value }));

  test('unquoted text is refused as such, other mistakes with what is allowed', () => {
    expect(parseGatewayResponseParameterValue('test-value')).toMatchObject({ unquotedStatic: true });
    expect(parseGatewayResponseParameterValue('"*"')).toMatchObject({ unquotedStatic: true });
    expect(parseGatewayResponseParameterValue('integration.response.header.X')).toEqual({ problem: expect.stringMatching('no integration response') });
    expect(parseGatewayResponseParameterValue('method.request.body').problem).toMatch('method.request.{header|querystring|path');
    expect(parseGatewayResponseParameterValue('stageVariables.a-b').problem).toMatch('letters, digits and underscores');
  });
});

describe('templates', () => {
  test.each([
    ['#set($a = 1)', '#set'], ['#if ($x)a#end', '#if'], ['#{foreach}($a in $list)$a#{end}', '#{foreach}'], ['a#{end}', '#{end}'],
    ['$input.path("$")', '$input'], ['${util.escapeJavaScript("a")}', '${util'],
  ])('%s is VTL', (template, found) => expect(vtlInGatewayTemplate(template)).toBe(found));

  test.each(['{"message": $context.error.messageString}', '{"tag": "#endpoint", "channel": "#elsewhere"}', '$stageVariables.input',
    // Text that only looks like a directive or a VTL object: sent as written
    '{"help": "https://example.com/faq#break-glass"}', '{"see": "docs#set-up"}', '<a href="#stop">top</a>', 'ask #if you must', '$input-field'])(
    '%s is plain substitution', template => expect(vtlInGatewayTemplate(template)).toBeUndefined());

  test('the quoted message string between quotes is found, in either spelling', () => {
    expect(quotesMessageString('{"m": "$context.error.messageString"}')).toBe(true);
    expect(quotesMessageString('{"m": "${context.error.messageString}"}')).toBe(true);
    expect(quotesMessageString('{"m": $context.error.messageString, "n": "$context.error.message"}')).toBe(false);
  });
});
