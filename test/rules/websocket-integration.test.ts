import { checkRoute, checkWebSocketIntegration } from '../../src/rules/websocket-integration';

const MOCK = { IntegrationType: 'MOCK' };
const LAMBDA = { IntegrationType: 'AWS', IntegrationUri: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':apigateway:', { Ref: 'AWS::Region' }, ':lambda:path/2015-03-31/functions/', { 'Fn::GetAtt': ['Fn', 'Arn'] }, '/invocations']] } };
const twoWay = { properties: { RouteKey: 'ping', RouteResponseSelectionExpression: '$default' }, routeResponseKeys: ['$default'] };

test('a two-way MOCK route with a default response is clean', () => {
  expect(checkWebSocketIntegration(MOCK, [{ IntegrationResponseKey: '$default' }], [twoWay]))
    .toEqual({ integration: [], responses: [[]], routes: [[]] });
});

test('warns about integration responses that map something on a proxy integration, with the exact message', () => {
  const result = checkWebSocketIntegration({ IntegrationType: 'AWS_PROXY' },
    [{ IntegrationResponseKey: '$default' }, { IntegrationResponseKey: '/4\\d\\d/', ResponseTemplates: { $default: '{}' } }], [twoWay]);
  expect(result.responses).toEqual([[], [{
    ruleId: 'ws-proxy-integration-responses',
    severity: 'warning',
    message: "integration type AWS_PROXY ignores integration responses: for proxy integrations API Gateway passes the backend's answer through (\"There is no integration response\"), so their templates and parameters never apply; use a non-proxy integration (AWS, HTTP or MOCK: WebSocketAwsIntegration, WebSocketMockIntegration) to map responses, or remove them",
    path: 'IntegrationId',
  }]]);
});

test('a bare $default response on a proxy integration, as published samples have, is not reported', () => {
  expect(checkWebSocketIntegration({ IntegrationType: 'AWS_PROXY' }, [{ IntegrationResponseKey: '$default' }], [twoWay]))
    .toEqual({ integration: [], responses: [[]], routes: [[]] });
});

test('fails a duplicate key with the exact message', () => {
  const result = checkWebSocketIntegration(MOCK, [{ IntegrationResponseKey: '$default' }, { IntegrationResponseKey: '/4\\d\\d/' }, { IntegrationResponseKey: '/4\\d\\d/' }], []);
  expect(result.responses[2]).toEqual([{
    ruleId: 'ws-duplicate-response-key',
    severity: 'warning',
    message: "response key '/4\\d\\d/' is used by another integration response of the same integration: API Gateway selects one response per key, so one of them is never used (creating the second may also fail with a conflict); merge the two responses",
    path: 'IntegrationResponseKey',
  }]);
});

test('warns when no response has the $default key, naming Lambda successes on Lambda integrations', () => {
  expect(checkWebSocketIntegration(LAMBDA, [{ IntegrationResponseKey: '/.+/' }], []).integration).toEqual([{
    ruleId: 'ws-no-default-key',
    severity: 'warning',
    message: "the integration has 1 integration response(s) but none with key '$default': results that match no key, including every successful Lambda invocation, get no integration response, so the client receives no mapped answer; add a '$default' integration response",
  }]);
  expect(checkWebSocketIntegration(MOCK, [{ IntegrationResponseKey: { Ref: 'K' } }], []).integration).toEqual([]);
});

test('checks keys against what the integration matches', () => {
  const result = checkWebSocketIntegration(LAMBDA, [{ IntegrationResponseKey: '$default' }, { IntegrationResponseKey: '/.*/' }], []);
  expect(result.responses[1].map(f => f.ruleId)).toEqual(['ws-lambda-key-matches-success']);
});

test('warns about overlapping keys on the later response', () => {
  const result = checkWebSocketIntegration(MOCK, [{ IntegrationResponseKey: '$default' }, { IntegrationResponseKey: '/4\\d\\d/' }, { IntegrationResponseKey: '/404/' }], []);
  expect(result.responses[2]).toEqual([{
    ruleId: 'ws-key-overlap',
    severity: 'warning',
    message: "response keys '/4\\d\\d/' (response #1) and '/404/' (response #2) both match status 404 (every input of '/404/' also matches '/4\\d\\d/'): API Gateway does not define which response it selects; make the patterns mutually exclusive",
    path: 'IntegrationResponseKey',
  }]);
});

test('warns about a one-way route (no $default route response) whose integration has responses, with the exact message', () => {
  const oneWay = { properties: { RouteKey: 'ping' }, routeResponseKeys: [] };
  const expected = [{
    ruleId: 'ws-route-not-two-way',
    severity: 'warning',
    message: "route 'ping' has no '$default' route response, so it is one-way: API Gateway sends the client nothing and its integration's responses have no effect; add a '$default' route response (returnResponse: true in aws-cdk-lib, or WebSocketResponses.forRoute)",
  }];
  expect(checkWebSocketIntegration(MOCK, [{ IntegrationResponseKey: '$default' }], [oneWay]).routes).toEqual([expected]);
  const withExpression = { properties: { RouteKey: 'ping', RouteResponseSelectionExpression: '$default' }, routeResponseKeys: [] };
  expect(checkRoute(withExpression, true)).toEqual(expected);
  expect(checkRoute(oneWay, false)).toEqual([]);
  expect(checkRoute({ properties: { RouteKey: 'ping', RouteResponseSelectionExpression: '$default' }, routeResponseKeys: [{ Ref: 'K' }] }, true)).toEqual([]);
});

test('a $default route response makes a route two-way; without the expression AWS recommends, that is an info', () => {
  // Published samples answer clients this way: a $default route response, no selection expression.
  expect(checkRoute({ properties: { RouteKey: 'ping' }, routeResponseKeys: ['$default'] }, true)).toEqual([{
    ruleId: 'ws-route-response-selection-unset',
    severity: 'info',
    message: "route 'ping' has a '$default' route response but no route response selection expression: AWS documents that the expression \"should be provided to initiate two-way communication\"; set RouteResponseSelectionExpression to '$default'",
    path: 'RouteResponseSelectionExpression',
  }]);
});

test('warns about a route response selection expression other than $default, with the exact message', () => {
  expect(checkRoute({ properties: { RouteKey: 'ping', RouteResponseSelectionExpression: '$request.body.action' } }, false)).toEqual([{
    ruleId: 'ws-route-response-selection',
    severity: 'warning',
    message: "route response selection expression '$request.body.action' is not supported: AWS documents it as restricted to '$default' for WebSocket routes, so no route response is selected by it; use '$default'",
    path: 'RouteResponseSelectionExpression',
  }]);
});

test('an integration outside the template skips type checks', () => {
  expect(checkWebSocketIntegration(undefined, [{ IntegrationResponseKey: '$default' }, { IntegrationResponseKey: '/.*/' }], []).responses).toEqual([[], []]);
});

test('a MOCK that always answers 200 needs no $default when a key matches 200 (a published sample does this)', () => {
  const mock = { IntegrationType: 'MOCK', RequestTemplates: { 200: '{"statusCode":200}' }, TemplateSelectionExpression: '200' };
  expect(checkWebSocketIntegration(mock, [{ IntegrationResponseKey: '/200/' }], []).integration).toEqual([]);
  expect(checkWebSocketIntegration({ ...mock, RequestTemplates: { 200: '{"statusCode":500}' } }, [{ IntegrationResponseKey: '/200/' }], []).integration
    .map(f => f.ruleId)).toEqual(['ws-no-default-key']);
});

test('$disconnect runs once the connection is closed, so it is never asked to be two-way', () => {
  expect(checkRoute({ properties: { RouteKey: '$disconnect' }, routeResponseKeys: [] }, true)).toEqual([]);
  expect(checkRoute({ properties: { RouteKey: '$connect' }, routeResponseKeys: [] }, true).map(f => f.ruleId)).toEqual(['ws-route-not-two-way']);
});

test('an integration behind $disconnect alone needs no $default response', () => {
  const disconnect = { properties: { RouteKey: '$disconnect' }, routeResponseKeys: [] };
  expect(checkWebSocketIntegration({ IntegrationType: 'AWS', IntegrationUri: 'arn:aws:apigateway:us-east-1:dynamodb:action/DeleteItem' },
    [{ IntegrationResponseKey: '/200/' }], [disconnect]).integration).toEqual([]);
});
