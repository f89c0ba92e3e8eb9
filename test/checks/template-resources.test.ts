import { checkTemplateResources, integrationOfTarget, referenceKey } from '../../src/checks/template-resources';

describe('references', () => {
  test.each([
    [{ Ref: 'Integ' }, 'ref:Integ'],
    [{ 'Fn::GetAtt': ['Integ', 'IntegrationId'] }, 'ref:Integ'],
    [{ 'Fn::GetAtt': 'Integ.IntegrationId' }, 'ref:Integ'],
    ['abc123', 'id:abc123'],
    [{ 'Fn::ImportValue': 'Shared' }, undefined],
    [undefined, undefined],
  ])('%j -> %s', (value, key) => {
    expect(referenceKey(value)).toBe(key);
  });

  test.each([
    [{ 'Fn::Join': ['', ['integrations/', { Ref: 'Integ' }]] }, 'ref:Integ'],
    [{ 'Fn::Sub': 'integrations/${Integ}' }, 'ref:Integ'],
    [{ 'Fn::Sub': ['integrations/${Id}', { Id: { Ref: 'Integ' } }] }, 'ref:Integ'],
    ['integrations/abc123', 'id:abc123'],
    // The form every public WebSocket sample tried uses: !Join ['/', [integrations, !Ref X]]
    [{ 'Fn::Join': ['/', ['integrations', { Ref: 'Integ' }]] }, 'ref:Integ'],
    [{ 'Fn::Join': ['/', ['integrations', { 'Fn::GetAtt': ['Integ', 'IntegrationId'] }]] }, 'ref:Integ'],
    [{ 'Fn::Join': ['', ['integ', 'rations/', { Ref: 'Integ' }]] }, 'ref:Integ'],
    [{ 'Fn::Join': ['', [{ 'Fn::Join': ['/', ['integrations', '']] }, { Ref: 'Integ' }]] }, 'ref:Integ'],
    [{ 'Fn::Join': ['/', ['integrations', 'abc123']] }, 'id:abc123'],
    [{ 'Fn::Sub': 'integrations/${Integ.IntegrationId}' }, 'ref:Integ'],
    [{ 'Fn::Sub': ['integrations/${Id}', { Id: 'abc123' }] }, 'id:abc123'],
    [{ 'Fn::Join': ['/', ['integrations', { Ref: 'Integ' }, 'extra']] }, undefined],
    [{ 'Fn::Join': ['/', ['routes', { Ref: 'Integ' }]] }, undefined],
    [{ 'Fn::Join': ['/', ['integrations', { 'Fn::ImportValue': 'X' }]] }, undefined],
    [{ 'Fn::Sub': 'integrations/${AWS::Region}' }, undefined],
    ['arn:aws:lambda:x', undefined],
    [{ 'Fn::If': ['C', 'a', 'b'] }, undefined],
  ])('route target %j -> %s', (target, key) => {
    expect(integrationOfTarget(target)).toBe(key);
  });
});

describe('WebSocket resources are checked together', () => {
  const api = { ApiId: { Ref: 'Api' } };
  const resources = {
    Integ: { Type: 'AWS::ApiGatewayV2::Integration', Properties: { ...api, IntegrationType: 'MOCK' } },
    Ok: { Type: 'AWS::ApiGatewayV2::IntegrationResponse', Properties: { ...api, IntegrationId: { Ref: 'Integ' }, IntegrationResponseKey: '/200/' } },
    Route: { Type: 'AWS::ApiGatewayV2::Route', Properties: { ...api, RouteKey: 'ping', Target: { 'Fn::Join': ['', ['integrations/', { Ref: 'Integ' }]] } } },
    Other: { Type: 'AWS::ApiGatewayV2::Route', Properties: { ...api, RouteKey: 'other', RouteResponseSelectionExpression: 'x' } },
  };

  test('findings are attributed to the resource they are about', () => {
    expect(checkTemplateResources(resources).map(f => [f.resource, f.ruleId])).toEqual([
      ['Integ', 'ws-no-default-key'],
      ['Route', 'ws-route-not-two-way'],
      ['Other', 'ws-route-response-selection'],
    ]);
  });

  test('a route response makes the route two-way', () => {
    const twoWay = {
      ...resources,
      Route: { ...resources.Route, Properties: { ...resources.Route.Properties, RouteResponseSelectionExpression: '$default' } },
      RouteResponse: { Type: 'AWS::ApiGatewayV2::RouteResponse', Properties: { ...api, RouteId: { Ref: 'Route' }, RouteResponseKey: '$default' } },
    };
    expect(checkTemplateResources(twoWay).map(f => [f.resource, f.ruleId])).toEqual([
      ['Integ', 'ws-no-default-key'],
      ['Other', 'ws-route-response-selection'],
    ]);
  });

  test('responses of an integration given by literal ID are checked together', () => {
    const literal = {
      A: { Type: 'AWS::ApiGatewayV2::IntegrationResponse', Properties: { ApiId: 'api', IntegrationId: 'abc', IntegrationResponseKey: '$default' } },
      B: { Type: 'AWS::ApiGatewayV2::IntegrationResponse', Properties: { ApiId: 'api', IntegrationId: 'abc', IntegrationResponseKey: '$default' } },
    };
    expect(checkTemplateResources(literal).map(f => [f.resource, f.ruleId])).toEqual([['B', 'ws-duplicate-response-key']]);
  });

  test('REST methods are checked on their own', () => {
    expect(checkTemplateResources({
      M: { Type: 'AWS::ApiGateway::Method', Properties: { HttpMethod: 'GET', ResourceId: 'r', RestApiId: 'a', Integration: { Type: 'MOCK', IntegrationResponses: [{ StatusCode: '2000' }] }, MethodResponses: [{ StatusCode: '2000' }] } },
    }).map(f => [f.resource, f.ruleId])).toEqual([['M', 'rest-status-code'], ['M', 'rest-status-code']]);
  });
});
