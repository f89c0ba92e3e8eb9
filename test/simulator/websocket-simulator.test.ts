import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { ResponseKey, TemplateSelection, WebSocketResponses, WebSocketSimulator } from '../../src';
import { simulateWebSocket, webSocketModel } from '../../src/simulator/websocket-simulation';

const LAMBDA = { IntegrationType: 'AWS', IntegrationUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations' };

describe('response key selection', () => {
  const responses = [
    { IntegrationResponseKey: '$default', TemplateSelectionExpression: '\\$default', ResponseTemplates: { $default: '{"ok": true}' } },
    { IntegrationResponseKey: '/4\\d\\d/', TemplateSelectionExpression: '\\$default', ResponseTemplates: { $default: '{"error": "client"}' } },
    { IntegrationResponseKey: '/404/', TemplateSelectionExpression: '\\$default', ResponseTemplates: { $default: '{"error": "never"}' } },
  ];
  const model = webSocketModel('HTTP', 'status', responses);

  test('status keys match the whole status code; the first match wins; $default catches the rest', () => {
    expect(simulateWebSocket(model, { backend: { statusCode: 404 } })).toEqual({ statusCode: 404, headers: {}, body: '{"error": "client"}', isBase64Encoded: false, selected: '/4\\d\\d/' });
    expect(simulateWebSocket(model, { backend: { statusCode: 200 } }).selected).toBe('$default');
    expect(simulateWebSocket(model, { backend: { statusCode: 500 } }).selected).toBe('$default');
  });

  test('Lambda keys match the error message; a success is the empty string', () => {
    const lambda = webSocketModel(LAMBDA.IntegrationType, 'lambda', [
      { IntegrationResponseKey: '$default' },
      { IntegrationResponseKey: '/\\[NotFound\\].*/', ResponseTemplates: { $default: '{"error": "$input.path(\'$.errorMessage\')"}' } },
    ]);
    expect(simulateWebSocket(lambda, { backend: { body: '{"id": 1}' } })).toEqual(expect.objectContaining({ selected: '$default', body: '{"id": 1}' }));
    expect(simulateWebSocket(lambda, { backend: { errorMessage: '[NotFound] x' } })).toEqual(expect.objectContaining({ selected: '/\\[NotFound\\].*/', body: '{"error": "[NotFound] x"}' }));
  });

  test('without a matching key or $default, the backend body passes on unmapped', () => {
    const noDefault = webSocketModel('MOCK', 'status', [{ IntegrationResponseKey: '/5\\d\\d/' }]);
    expect(simulateWebSocket(noDefault, { backend: { statusCode: 200, body: 'raw' } })).toEqual({ statusCode: 200, headers: {}, body: 'raw', isBase64Encoded: false });
  });
});

describe('template selection', () => {
  const response = (expression: string, templates: Record<string, string>) => webSocketModel('HTTP', 'status', [
    { IntegrationResponseKey: '$default', TemplateSelectionExpression: expression, ResponseTemplates: templates },
  ]);

  test('by status code, falling back to $default', () => {
    const model = response('${integration.response.statuscode}', { 200: 'ok', $default: 'other' });
    expect(simulateWebSocket(model, { backend: { statusCode: 200 } }).body).toBe('ok');
    expect(simulateWebSocket(model, { backend: { statusCode: 201 } }).body).toBe('other');
  });

  test('by a backend header and by the client message', () => {
    expect(simulateWebSocket(response('${integration.response.header.X-Kind}', { a: 'A', $default: 'D' }), { backend: { headers: { 'X-Kind': 'a' } } }).body).toBe('A');
    expect(simulateWebSocket(response('v-${request.body.version}', { 'v-2': 'two', '$default': 'D' }), { backend: {}, request: { body: '{"version": 2}' } }).body).toBe('two');
  });

  test('a static key and \\$default', () => {
    expect(simulateWebSocket(response('200', { 200: 'static' }), { backend: { statusCode: 500 } }).body).toBe('static');
    expect(simulateWebSocket(response('\\$default', { $default: 'D', 200: 'no' }), { backend: {} }).body).toBe('D');
  });

  test('a key named like an Object property selects nothing special', () => {
    expect(simulateWebSocket(response('constructor', { $default: 'D' }), { backend: {} }).body).toBe('D');
  });

  test('no template passes the body through', () => {
    expect(simulateWebSocket(response('\\$default', {}), { backend: { body: 'raw' } }).body).toBe('raw');
  });
});

test('content handling strategies convert between text and binary', () => {
  const binary = Buffer.from([1, 2, 3]).toString('base64');
  const model = (strategy: string) => webSocketModel('MOCK', 'status', [{ IntegrationResponseKey: '$default', ContentHandlingStrategy: strategy }]);
  expect(simulateWebSocket(model('CONVERT_TO_BINARY'), { backend: { body: binary } })).toEqual(expect.objectContaining({ body: binary, isBase64Encoded: true }));
  expect(simulateWebSocket(model('CONVERT_TO_TEXT'), { backend: { body: binary, isBase64Encoded: true } })).toEqual(expect.objectContaining({ body: binary, isBase64Encoded: false }));
  expect(() => simulateWebSocket(model('CONVERT_TO_BINARY'), { backend: { body: '??' } })).toThrow(/the '\$default' response: the response body is not base64/);
});

describe('entry points', () => {
  function pingPong() {
    const stack = new Stack(new App(), 'Stack');
    const api = new apigwv2.WebSocketApi(stack, 'Api');
    const route = api.addRoute('ping', { integration: new WebSocketMockIntegration('Ping') });
    const responses = WebSocketResponses.forRoute(route);
    responses.addResponse(ResponseKey.DEFAULT, { templateSelection: TemplateSelection.DEFAULT, responseTemplates: { $default: '{"message": "pong", "stage": "$context.stage"}' } });
    responses.addResponse(ResponseKey.serverErrorStatus(), { templateSelection: TemplateSelection.DEFAULT, responseTemplates: { $default: '{"error": true}' } });
    return { stack, route, responses };
  }

  test('from WebSocketResponses', () => {
    const { responses } = pingPong();
    const simulator = WebSocketSimulator.fromResponses(responses);
    expect(simulator.simulate({ backend: { statusCode: 200 } }).body).toBe('{"message": "pong", "stage": "test"}');
    expect(simulator.simulate({ backend: { statusCode: 503 }, context: { stage: 'live' } }).body).toBe('{"error": true}');
  });

  test('from the integration of a route', () => {
    const { route } = pingPong();
    const integration = route.node.children.find(c => c instanceof apigwv2.WebSocketIntegration) as apigwv2.WebSocketIntegration;
    expect(WebSocketSimulator.fromIntegration(integration).simulate({ backend: {}, context: { stage: 'live' } }).body)
      .toBe('{"message": "pong", "stage": "live"}');
  });

  test('from a template: the MOCK ping/pong fixture', () => {
    const template = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'templates', 'clean', 'websocket-ping-pong.json'), 'utf8'));
    const id = Object.keys(template.Resources).find(k => template.Resources[k].Type === 'AWS::ApiGatewayV2::Integration')!;
    expect(WebSocketSimulator.fromTemplate(template, id).simulate({ backend: {} })).toEqual({
      statusCode: 200, headers: {}, body: '{"message": "pong"}', isBase64Encoded: false, selected: '$default',
    });
  });

  test('refuses proxy integrations and unknown resources', () => {
    expect(() => webSocketModel('AWS_PROXY', 'unknown', [])).toThrow("proxy integrations (AWS_PROXY) have no integration responses: API Gateway passes the backend's answer through");
    expect(() => WebSocketSimulator.fromTemplate({ Resources: {} }, 'X')).toThrow("the template has no AWS::ApiGatewayV2::Integration 'X'");
  });

  test('an IntegrationUri nested 6,000 deep is refused at the documented limit, not with a stack overflow', () => {
    let uri: unknown = 'arn:aws:apigateway:us-east-1:lambda:path/f';
    for (let i = 0; i < 6000; i++) uri = { 'Fn::Join': ['', [uri]] };
    const template = { Resources: { I: { Type: 'AWS::ApiGatewayV2::Integration', Properties: { IntegrationType: 'AWS', IntegrationUri: uri } } } };
    expect(() => WebSocketSimulator.fromTemplate(template, 'I')).toThrow(
      /^the template nests more than 500 levels deep \(at Resources\.I\.Properties\.IntegrationUri\.Fn::Join\[1\]\[0\]\..*\), which no CloudFormation template needs, so it is not checked; flatten the value$/);
  });
});
