import { ResponseContract } from '../../src';

/** Templates written by hand: each shows one way the contract names operations or writes rows. */

const LAMBDA_URI = { 'Fn::Join': ['', ['arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/', { 'Fn::GetAtt': ['Fn', 'Arn'] }, '/invocations']] };

function api(id = 'Api', name = 'Shop'): Record<string, unknown> {
  return { [id]: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: name } } };
}

function resource(id: string, parent: unknown, part: string, apiId = 'Api'): Record<string, unknown> {
  return { [id]: { Type: 'AWS::ApiGateway::Resource', Properties: { RestApiId: { Ref: apiId }, ParentId: parent, PathPart: part } } };
}

interface MethodOptions { readonly apiId?: string; readonly httpMethod?: string; readonly methodResponses?: unknown }

function method(id: string, resourceId: unknown, integration: Record<string, unknown>, options: MethodOptions = {}) {
  const responses = (integration.IntegrationResponses as Array<{ StatusCode: string }> | undefined) ?? [];
  return {
    [id]: {
      Type: 'AWS::ApiGateway::Method',
      Properties: {
        RestApiId: { Ref: options.apiId ?? 'Api' },
        ResourceId: resourceId,
        HttpMethod: options.httpMethod ?? 'GET',
        Integration: integration,
        MethodResponses: options.methodResponses ?? responses.map(r => ({ StatusCode: r.StatusCode })),
      },
    },
  };
}

const root = (apiId = 'Api') => ({ 'Fn::GetAtt': [apiId, 'RootResourceId'] });
const lambda = (responses: unknown[]) => ({ Type: 'AWS', IntegrationHttpMethod: 'POST', Uri: LAMBDA_URI, IntegrationResponses: responses });
const http = (responses: unknown[]) => ({ Type: 'HTTP', IntegrationHttpMethod: 'GET', Uri: 'https://example.com', IntegrationResponses: responses });
const contractOf = (resources: Record<string, unknown>, options = {}) => ResponseContract.fromTemplate({ Resources: resources }, options);

describe('operation names', () => {
  test('a method is named by its API, the path its resources build and its HTTP method', () => {
    const contract = contractOf({
      ...api(),
      ...resource('Items', root(), 'items'),
      ...resource('Item', { Ref: 'Items' }, '{id}'),
      ...method('GetItem', { Ref: 'Item' }, http([{ StatusCode: '200' }])),
      ...method('PostRoot', root(), http([{ StatusCode: '200' }]), { httpMethod: 'POST' }),
      ...method('Imported', 'abc123', http([{ StatusCode: '200' }]), { httpMethod: 'PUT' }),
    });
    expect(contract.operations.map(o => o.name)).toEqual([
      'REST API Shop GET /items/{id}',
      'REST API Shop POST /',
      'REST API Shop PUT (path of Imported only known at deployment)',
    ]);
    expect(contract.operations.every(o => o.stack === undefined)).toBe(true);
  });

  test('a resource cycle or a path deeper than any API has is not followed forever', () => {
    const contract = contractOf({
      ...api(),
      ...resource('A', { Ref: 'B' }, 'a'),
      ...resource('B', { Ref: 'A' }, 'b'),
      ...method('M', { Ref: 'A' }, http([{ StatusCode: '200' }])),
    });
    expect(contract.operations.map(o => o.name)).toEqual(['REST API Shop GET (path of M only known at deployment)']);
  });

  test('two APIs with one name keep apart by their logical IDs', () => {
    const contract = contractOf({
      ...api('First', 'Shop'),
      ...api('Second', 'Shop'),
      ...method('A', root('First'), http([{ StatusCode: '200' }]), { apiId: 'First' }),
      ...method('B', root('Second'), http([{ StatusCode: '200' }]), { apiId: 'Second' }),
    });
    expect(contract.operations.map(o => o.name)).toEqual(['REST API Shop GET / (First)', 'REST API Shop GET / (Second)']);
  });

  test('an OpenAPI definition, inline or on its own, is named by the API and its paths', () => {
    const definition = {
      openapi: '3.0.1',
      info: { title: 'Pets', version: '1' },
      paths: {
        '/pets': {
          get: {
            'responses': { 200: { description: 'ok' } },
            'x-amazon-apigateway-integration': { type: 'http', httpMethod: 'GET', uri: 'https://example.com', responses: { default: { statusCode: '200' } } },
          },
        },
      },
    };
    expect(ResponseContract.fromTemplate(definition).operations.map(o => o.name)).toEqual(['REST API Pets GET /pets']);
    const inline = contractOf({ Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'Shop', Body: definition } } });
    expect(inline.operations.map(o => [o.name, o.rows.map(r => r.backend)])).toEqual([
      ['REST API Shop GET /pets', ['success (status 200)', 'status 500, which no pattern matches']],
    ]);
  });
});

describe('operations without rows say why', () => {
  test('a proxy integration passes the answer through', () => {
    const contract = contractOf({ ...api(), ...method('M', root(), { Type: 'AWS_PROXY', Uri: LAMBDA_URI }) });
    expect(contract.operations[0]).toMatchObject({ rows: [], note: expect.stringContaining('proxy integration') });
  });

  test('an integration type only known at deployment is not guessed', () => {
    const contract = contractOf({ ...api(), ...method('M', root(), { Type: { Ref: 'Kind' }, IntegrationResponses: [{ StatusCode: '200' }] }) });
    expect(contract.operations[0]).toMatchObject({ rows: [], note: expect.stringContaining('only known at deployment') });
  });

  test('a template given by an intrinsic is shown as only known at deployment', () => {
    const template = { 'Fn::Join': ['', ['{"stage": "', { Ref: 'Stage' }, '"}']] };
    const contract = contractOf({ ...api(), ...method('M', root(), http([{ StatusCode: '200', ResponseTemplates: { 'application/json': template } }])) });
    expect(contract.operations[0].rows).toEqual([]);
    expect(contract.operations[0].note).toMatch(/^cannot be simulated: .*ResponseTemplates.*only known at deployment/);
  });
});

describe('rows', () => {
  test('a pattern an earlier one takes whole, and a second default, are unreachable', () => {
    const contract = contractOf({
      ...api(),
      ...method('M', root(), lambda([
        { StatusCode: '200' },
        { StatusCode: '404', SelectionPattern: '.*Not.*' },
        { StatusCode: '410', SelectionPattern: '.*NotFound.*' },
        { StatusCode: '500' },
      ])),
    });
    const rows = contract.operations[0].rows;
    expect(rows.map(r => [r.backend, r.response, r.note])).toEqual([
      ['Lambda success', '200 (default)', undefined],
      ['Lambda error "Not"', '404 (pattern .*Not.*)', undefined],
      ['none', '410 (pattern .*NotFound.*)', 'unreachable: every backend answer its pattern matches is taken by an earlier response'],
      ['none', '500 (default)', 'unreachable: an earlier response is the default already'],
      ['Lambda error "A", which no pattern matches', '200 (default)', undefined],
    ]);
  });

  test('forty patterns that each take a tag get their own tag (found in one pass over the order)', () => {
    const responses = Array.from({ length: 40 }, (_, i) => ({ StatusCode: String(400 + i), SelectionPattern: `.*\\[E${i}\\].*` }));
    const contract = contractOf({ ...api(), ...method('M', root(), lambda([{ StatusCode: '200' }, ...responses])) });
    const rows = contract.operations[0].rows;
    expect(rows.slice(1, 41).map(r => r.backend)).toEqual(responses.map((_, i) => `Lambda error "[E${i}]"`));
    expect(rows.slice(1, 41).map(r => r.client?.statusCode)).toEqual(responses.map((_, i) => 400 + i));
    expect(rows[41].backend).toBe('Lambda error "A", which no pattern matches');
  });

  test('without a default response, the success and the unmatched error get API Gateway\'s 500', () => {
    const contract = contractOf({ ...api(), ...method('M', root(), lambda([{ StatusCode: '404', SelectionPattern: '\\[NotFound\\].*' }])) });
    const [notFound, success, unmatched] = contract.operations[0].rows;
    expect(notFound.client?.statusCode).toBe(404);
    for (const row of [success, unmatched]) {
      expect(row.response).toBe('no integration response (API Gateway answers 500)');
      expect(row.client).toEqual({ statusCode: 500, headers: {}, body: '{"message": "Internal server error"}', isBase64Encoded: false });
    }
    expect(success.backend).toBe('Lambda success');
  });

  test('a response without a method response answers 500, as API Gateway does', () => {
    const contract = contractOf({ ...api(), ...method('M', root(), http([{ StatusCode: '200' }]), { methodResponses: [] }) });
    expect(contract.operations[0].rows[0]).toMatchObject({ response: '200 (default)', client: { statusCode: 500 } });
  });

  test('the sample body is what a success returns, and can be given', () => {
    const resources = { ...api(), ...method('M', root(), http([{ StatusCode: '200' }])) };
    expect(contractOf(resources).operations[0].rows[0].client?.body).toBe('{"message": "a sample backend body"}');
    expect(contractOf(resources, { sampleBody: '{"id": "a1"}' }).operations[0].rows[0].client?.body).toBe('{"id": "a1"}');
  });

  test('status patterns get common codes, and the unmatched row a server error', () => {
    const contract = contractOf({
      ...api(),
      ...method('M', root(), http([{ StatusCode: '200' }, { StatusCode: '400', SelectionPattern: '4\\d{2}' }, { StatusCode: '502', SelectionPattern: '50[23]' }])),
    });
    expect(contract.operations[0].rows.map(r => r.backend)).toEqual(['success (status 200)', 'status 400', 'status 502', 'status 500, which no pattern matches']);
  });

  test('the text and JSON are the same for the same template, whatever its resource order', () => {
    const resources = {
      ...api(),
      ...resource('Items', root(), 'items'),
      ...method('A', { Ref: 'Items' }, http([{ StatusCode: '200' }])),
      ...method('B', root(), lambda([{ StatusCode: '200' }]), { httpMethod: 'POST' }),
    };
    const reversed = Object.fromEntries(Object.entries(resources).reverse());
    expect(contractOf(reversed).toText()).toBe(contractOf(resources).toText());
    expect(contractOf(reversed).toJson()).toEqual(contractOf(resources).toJson());
  });
});

describe('WebSocket APIs', () => {
  const socket = { Socket: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'Chat', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' } } };
  const integration = (id: string, type = 'MOCK') => ({ [id]: { Type: 'AWS::ApiGatewayV2::Integration', Properties: { ApiId: { Ref: 'Socket' }, IntegrationType: type } } });
  const response = (id: string, integrationId: string, key: string, template: string) => ({
    [id]: {
      Type: 'AWS::ApiGatewayV2::IntegrationResponse',
      Properties: { ApiId: { Ref: 'Socket' }, IntegrationId: { Ref: integrationId }, IntegrationResponseKey: key, ResponseTemplates: { $default: template }, TemplateSelectionExpression: '\\$default' },
    },
  });
  const route = (id: string, key: string, integrationId: string, twoWay = true) => ({
    [id]: {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: { Ref: 'Socket' },
        RouteKey: key,
        Target: { 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] },
        ...(twoWay ? { RouteResponseSelectionExpression: '$default' } : {}),
      },
    },
  });

  test('routes are named by API and route key; an integration no route targets by its own ID', () => {
    const contract = ResponseContract.fromTemplate({
      Resources: {
        ...socket,
        ...integration('Ping'),
        ...integration('Spare'),
        ...response('PingDefault', 'Ping', '$default', '{"message": "pong"}'),
        ...response('PingServerError', 'Ping', '/5\\d\\d/', '{"message": "down"}'),
        ...response('SpareDefault', 'Spare', '$default', '{}'),
        ...route('PingRoute', 'ping', 'Ping'),
        ...route('OneWay', 'notify', 'Ping', false),
      },
    });
    expect(contract.operations.map(o => [o.name, o.note])).toEqual([
      ['WebSocket API Chat integration Spare', undefined],
      ['WebSocket API Chat route notify', 'one-way route (no route response selection expression): the client receives none of these answers'],
      ['WebSocket API Chat route ping', undefined],
    ]);
    const ping = contract.operations[2];
    expect(ping.rows.map(r => [r.backend, r.response, r.client?.body])).toEqual([
      ['success (status 200)', '$default', '{"message": "pong"}'],
      ['status 500', '/5\\d\\d/', '{"message": "down"}'],
      ['status 400, which no pattern matches', '$default', '{"message": "pong"}'],
    ]);
    expect(ping.rows[0].client?.statusCode).toBeUndefined();
  });

  test('an answer no key matches, with no $default, is API Gateway\'s configuration error, not a guess', () => {
    const contract = ResponseContract.fromTemplate({
      Resources: { ...socket, ...integration('Ping'), ...response('Ok', 'Ping', '/2\\d\\d/', '{}'), ...route('PingRoute', 'ping', 'Ping') },
    });
    const rows = contract.operations[0].rows;
    // The success is the answer of the 2xx key already: it is not repeated.
    expect(rows.map(r => r.backend)).toEqual(['status 200', 'status 500, which no pattern matches']);
    const unmatched = rows[1];
    expect(unmatched).toMatchObject({ backend: 'status 500, which no pattern matches', response: 'no integration response' });
    expect(unmatched.client).toBeUndefined();
    expect(unmatched.note).toContain('No match for output mapping and no default output mapping configured');
  });

  test('HTTP APIs have no integration responses and are left out', () => {
    const contract = ResponseContract.fromTemplate({
      Resources: {
        Http: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'H', ProtocolType: 'HTTP' } },
        I: { Type: 'AWS::ApiGatewayV2::Integration', Properties: { ApiId: { Ref: 'Http' }, IntegrationType: 'HTTP_PROXY', IntegrationUri: 'https://example.com' } },
      },
    });
    expect(contract.operations).toEqual([]);
    expect(contract.toText()).toBe('no REST methods or WebSocket integrations\n');
  });
});
