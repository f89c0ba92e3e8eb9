import { checkRoute, checkWebSocketIntegration } from '../../src/rules/websocket-integration';

const MOCK = { IntegrationType: 'MOCK' };
const LAMBDA = { IntegrationType: 'AWS', IntegrationUri: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':apigateway:', { Ref: 'AWS::Region' }, ':lambda:path/2015-03-31/functions/', { 'Fn::GetAtt': ['Fn', 'Arn'] }, '/invocations']] } };
const twoWay = { properties: { RouteKey: 'ping', RouteResponseSelectionExpression: '$default' }, routeResponseKeys: ['$default'] };

test('a two-way MOCK route with a default response is clean', () => {
  expect(checkWebSocketIntegration(MOCK, [{ IntegrationResponseKey: '$default' }], [twoWay]))
    .toEqual({ integration: [], responses: [[]], routes: [[]] });
});

test('fails integration responses on a proxy integration, with the exact message', () => {
  const result = checkWebSocketIntegration({ IntegrationType: 'AWS_PROXY' }, [{ IntegrationResponseKey: '$default' }], [twoWay]);
  expect(result.responses).toEqual([[{
    ruleId: 'ws-proxy-integration-responses',
    severity: 'error',
    message: "integration type AWS_PROXY has no integration responses: API Gateway passes the backend's answer through and ignores this one; remove it, or use a non-proxy integration (AWS, HTTP or MOCK) to map responses",
    path: 'IntegrationId',
  }]]);
});

test('fails a duplicate key with the exact message', () => {
  const result = checkWebSocketIntegration(MOCK, [{ IntegrationResponseKey: '$default' }, { IntegrationResponseKey: '/4\\d\\d/' }, { IntegrationResponseKey: '/4\\d\\d/' }], []);
  expect(result.responses[2]).toEqual([{
    ruleId: 'ws-duplicate-response-key',
    severity: 'error',
    message: "response key '/4\\d\\d/' is used by another integration response of the same integration: API Gateway rejects the deployment (ConflictException); merge the two responses",
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

test('warns about a one-way route whose integration has responses, with the exact message', () => {
  const oneWay = { properties: { RouteKey: 'ping' }, routeResponseKeys: [] };
  expect(checkWebSocketIntegration(MOCK, [{ IntegrationResponseKey: '$default' }], [oneWay]).routes).toEqual([[{
    ruleId: 'ws-route-not-two-way',
    severity: 'warning',
    message: "route 'ping' has no route response selection expression and no '$default' route response, so API Gateway sends the client nothing and its integration's responses have no effect; set RouteResponseSelectionExpression to '$default' and add a '$default' route response (returnResponse: true in aws-cdk-lib)",
    path: 'RouteResponseSelectionExpression',
  }]]);
  const noResponse = { properties: { RouteKey: 'ping', RouteResponseSelectionExpression: '$default' }, routeResponseKeys: [] };
  expect(checkRoute(noResponse, true)[0].message).toMatch(/^route 'ping' has no '\$default' route response, so API Gateway sends the client nothing/);
  expect(checkRoute(oneWay, false)).toEqual([]);
  expect(checkRoute({ properties: { RouteKey: 'ping', RouteResponseSelectionExpression: '$default' }, routeResponseKeys: [{ Ref: 'K' }] }, true)).toEqual([]);
});

test('fails a route response selection expression other than $default, with the exact message', () => {
  expect(checkRoute({ properties: { RouteKey: 'ping', RouteResponseSelectionExpression: '$request.body.action' } }, false)).toEqual([{
    ruleId: 'ws-route-response-selection',
    severity: 'error',
    message: "route response selection expression '$request.body.action' is not supported: WebSocket routes support only '$default'; use '$default'",
    path: 'RouteResponseSelectionExpression',
  }]);
});

test('an integration outside the template skips type checks', () => {
  expect(checkWebSocketIntegration(undefined, [{ IntegrationResponseKey: '$default' }, { IntegrationResponseKey: '/.*/' }], []).responses).toEqual([[], []]);
});
