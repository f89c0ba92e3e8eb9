import { checkWebSocketIntegrationResponse } from '../../src/rules/websocket-integration-response';

const check = (properties: Record<string, unknown>, target: 'lambda' | 'status' | 'unknown' = 'status') =>
  checkWebSocketIntegrationResponse(properties, target).findings;

test('a MOCK ping/pong response is clean', () => {
  expect(check({ IntegrationResponseKey: '$default', TemplateSelectionExpression: '\\$default', ResponseTemplates: { $default: '{"pong": true}' } })).toEqual([]);
  expect(check({ IntegrationResponseKey: '/200/', TemplateSelectionExpression: '200', ResponseTemplates: { 200: '{"pong": true}' } })).toEqual([]);
  expect(check({ IntegrationResponseKey: '/4\\d\\d/', TemplateSelectionExpression: '${integration.response.statuscode}', ResponseTemplates: { 404: 'x', 400: 'y', $default: 'z' } })).toEqual([]);
});

test('fails an invalid template selection expression with the exact message', () => {
  expect(check({ IntegrationResponseKey: '$default', TemplateSelectionExpression: '${integration.response.body}' })).toEqual([{
    ruleId: 'ws-template-selection-expression',
    severity: 'warning',
    message: "template selection expression '${integration.response.body}' is not valid: 'integration.response.body' is not a variable integration responses can select templates by; use integration.response.statuscode, integration.response.header.{name}, integration.response.multivalueheader.{name} or request.body.{path}; AWS documents no such expression for integration responses, so it may select no template",
    path: 'TemplateSelectionExpression',
  }]);
  expect(check({ IntegrationResponseKey: '$default', TemplateSelectionExpression: '${request.body.action' })[0].message)
    .toBe("template selection expression '${request.body.action' is not valid: '${' at position 1 is never closed with '}'; AWS documents no such expression for integration responses, so it may select no template");
});

test('warns about a template the expression can never select, with the exact message', () => {
  expect(check({ IntegrationResponseKey: '$default', TemplateSelectionExpression: '\\$default', ResponseTemplates: { '$default': 'a', 'application/json': 'b' } })).toEqual([{
    ruleId: 'ws-template-key',
    severity: 'warning',
    message: "response template 'application/json' is never selected: the template selection expression always produces the value '$default', so API Gateway uses the template of that key or '$default'; rename the key or change the expression",
    path: 'ResponseTemplates.application/json',
  }]);
});

test('warns when no template matches a static selection', () => {
  expect(check({ IntegrationResponseKey: '$default', TemplateSelectionExpression: '200', ResponseTemplates: { 'application/json': 'b' } }).map(f => f.message)).toEqual([
    "response template 'application/json' is never selected: the template selection expression always produces the value '200', so API Gateway uses the template of that key or '$default'; rename the key or change the expression",
    "no response template matches the value '200' the template selection expression produces and there is no '$default' template, so the backend body passes through unmapped; add a template for that key",
  ]);
});

test('status code selection accepts status keys only', () => {
  expect(check({ IntegrationResponseKey: '$default', TemplateSelectionExpression: '${integration.response.statuscode}', ResponseTemplates: { ok: 'x', 200: 'y' } }).map(f => f.path))
    .toEqual(['ResponseTemplates.ok']);
});

test('data-dependent selection is not second-guessed', () => {
  expect(check({ IntegrationResponseKey: '$default', TemplateSelectionExpression: '${request.body.kind}', ResponseTemplates: { anything: 'x' } })).toEqual([]);
});

test('fails a template over 32,768 characters with the exact message', () => {
  expect(check({ IntegrationResponseKey: '$default', ResponseTemplates: { $default: 'x'.repeat(32_768) } })).toEqual([]);
  expect(check({ IntegrationResponseKey: '$default', ResponseTemplates: { $default: 'x'.repeat(32_769) } })).toEqual([{
    ruleId: 'ws-template-size',
    severity: 'error',
    message: "response template '$default' is 32769 characters, over the 32768 characters API Gateway's API reference allows for a template; shrink the template",
    path: 'ResponseTemplates.$default',
  }]);
});

const HEADER = 'method.response.header.X-Kind';

test('fails empty and over-long parameter values with the exact message', () => {
  const long = `'${'x'.repeat(510)}'`;
  expect(check({ IntegrationResponseKey: '$default', ResponseParameters: { [HEADER]: '', 'method.response.header.B': `${long}x`, 'method.response.header.C': long } })).toEqual([
    {
      ruleId: 'ws-parameter-value',
      severity: 'error',
      message: "response parameter 'method.response.header.X-Kind' has a value of 0 characters: API Gateway's API reference allows 1 to 512 characters; give a non-empty value of at most 512 characters",
      path: `ResponseParameters.${HEADER}`,
    },
    expect.objectContaining({ ruleId: 'ws-parameter-value', path: 'ResponseParameters.method.response.header.B' }),
  ]);
});

test('accepts the sources the API reference documents: static values, backend headers, body fields', () => {
  expect(check({
    IntegrationResponseKey: '$default',
    ResponseParameters: { [HEADER]: "'pong'", 'method.response.header.A': 'integration.response.header.X-A', 'method.response.header.B': 'integration.response.body.kind' },
  })).toEqual([]);
});

test('fails a key that is not method.response.header.{name}, with the exact message', () => {
  expect(check({ IntegrationResponseKey: '$default', ResponseParameters: { 'x-kind': "'pong'" } })).toEqual([{
    ruleId: 'ws-parameter-key',
    severity: 'error',
    message: "response parameter 'x-kind' is not valid: integration responses can only set method response headers ('method.response.header.{name}'); API Gateway's API reference requires the key to match method.response.header.{name}; use method.response.header.{name}",
    path: 'ResponseParameters.x-kind',
  }]);
});

test('fails a bare * (neither a quoted static value nor an expression), with the exact message', () => {
  expect(check({ IntegrationResponseKey: '$default', ResponseParameters: { [HEADER]: '*' } })).toEqual([{
    ruleId: 'ws-parameter-value',
    severity: 'error',
    message: "response parameter 'method.response.header.X-Kind': '*' is not a valid mapping expression: a static value must be enclosed in single quotes ('*'); otherwise use integration.response.*, context.* or stageVariables.*; API Gateway's API reference requires integration.response.header.{name}, integration.response.body.{JSONPath} or a static value in single quotes",
    path: `ResponseParameters.${HEADER}`,
  }]);
});

test.each(['context.requestId', 'stageVariables.kind', 'integration.response.multivalueheader.X', 'integration.response.body'])(
  'warns about REST-only source %s, with the exact message', expression => {
    expect(check({ IntegrationResponseKey: '$default', ResponseParameters: { [HEADER]: expression } })).toEqual([{
      ruleId: 'ws-parameter-source',
      severity: 'warning',
      message: `response parameter 'method.response.header.X-Kind': '${expression}' is a REST mapping source that API Gateway does not document for WebSocket integration responses (they take integration.response.header.{name}, integration.response.body.{JSONPath} or a static value in single quotes), so it may map nothing; use one of those`,
      path: `ResponseParameters.${HEADER}`,
    }]);
  });

test('fails an unknown content handling strategy', () => {
  expect(check({ IntegrationResponseKey: '$default', ContentHandlingStrategy: 'CONVERT' }).map(f => [f.ruleId, f.path])).toEqual([['ws-content-handling', 'ContentHandlingStrategy']]);
});

test('intrinsics are skipped', () => {
  expect(check({ IntegrationResponseKey: { Ref: 'K' }, TemplateSelectionExpression: { 'Fn::Sub': '${X}' }, ResponseTemplates: { Ref: 'T' }, ResponseParameters: { [HEADER]: { Ref: 'P' }, '${Token[TOKEN.1]}': "'x'" }, ContentHandlingStrategy: { Ref: 'C' } })).toEqual([]);
});
