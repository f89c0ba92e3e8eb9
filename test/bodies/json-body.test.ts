import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  IntegrationResponseChecks, JsonBody, ResponseKey, ResponseTemplate, RestResponse, RestResponses, RestSimulator, TemplateChecker, TemplateSelection,
  WebSocketResponses, WebSocketSimulator, WhenMissing,
} from '../../src';
import { draft4Validator } from '../support/json-schema';

function simulate(body: JsonBody, answer: string): unknown {
  const responses = RestResponses.of([RestResponse.forStatus('200').withTemplate('application/json', ResponseTemplate.fromJsonBody(body))]);
  return JSON.parse(RestSimulator.fromResponses(responses).simulate({ backend: { body: answer } }).body);
}

describe('the template', () => {
  test('is readable VTL: one #set per value, then the JSON laid out as it will be', () => {
    expect(JsonBody.objectOf({ id: JsonBody.stringAt('$.id'), kind: JsonBody.stringValue('item') }).toTemplate()).toBe([
      "#set($json1 = $input.json('$.id'))",
      '{',
      '  "id": #if($input.path(\'$.id\') != $null)#if($json1.startsWith(\'"\'))${json1}#{else}"$util.escapeJavaScript($json1).replaceAll("\\\\\'","\'")"#end#{else}null#end,',
      '  "kind": "item"',
      '}',
      '',
    ].join('\n'));
  });

  test('fields are written sorted by name, so every language writes the same template', () => {
    const text = JsonBody.objectOf({ zeta: JsonBody.nullValue(), alpha: JsonBody.nullValue(), Mid: JsonBody.nullValue() }).toTemplate();
    expect(text).toBe('{\n  "Mid": null,\n  "alpha": null,\n  "zeta": null\n}\n');
  });

  test("a literal's $ and # are written as JSON escapes, so Velocity writes them as they are", () => {
    const body = JsonBody.objectOf({ '$price#': JsonBody.stringValue('$5 #1 ${x} #set($a = 1)') });
    expect(body.toTemplate()).not.toMatch(/\$5|#1/);
    expect(simulate(body, '{}')).toEqual({ '$price#': '$5 #1 ${x} #set($a = 1)' });
  });

  test('the four broken templates of the issue, built with the builder, survive the answers that break them', () => {
    const answer = JSON.stringify({ errorMessage: 'it\'s "bad" \\ here\nnext line', items: ['a"b', "c'd"] });
    expect(simulate(JsonBody.objectOf({ message: JsonBody.lambdaErrorMessage() }), answer)).toEqual({ message: 'it\'s "bad" \\ here\nnext line' });
    expect(simulate(JsonBody.objectOf({ error: JsonBody.jsonAt('$.errorMessage') }), answer)).toEqual({ error: 'it\'s "bad" \\ here\nnext line' });
    expect(simulate(JsonBody.listAt('$.items', JsonBody.stringAt('$')), answer)).toEqual(['a"b', "c'd"]);
  });
});

describe('the JSON Schema of a body (draft 4, for a model)', () => {
  const body = JsonBody.objectOf({
    id: JsonBody.stringAt('$.id'),
    price: JsonBody.numberAt('$.price', { whenMissing: WhenMissing.omit() }),
    tags: JsonBody.listAt('$.tags', JsonBody.stringAt('$')),
    kind: JsonBody.stringValue('item'),
    stock: JsonBody.numberFromStringAt('$.stock', { whenMissing: WhenMissing.useDefault(JsonBody.numberValue(0)) }),
  });
  const valid = draft4Validator(body.toJsonSchema() as object);

  test('declares draft 4, the fields, which are required, and no others', () => {
    expect(body.toJsonSchema()).toMatchObject({
      schema: 'http://json-schema.org/draft-04/schema#',
      type: 'object',
      required: ['id', 'kind', 'stock', 'tags'],
      additionalProperties: false,
      properties: {
        kind: { enum: ['item'] },
        // A missing item is written as null (the default for stringAt), a missing list too.
        tags: { anyOf: [{ type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'null' }] }, maxItems: 1000 }, { type: 'null' }] },
      },
    });
  });

  test('accepts what the template renders, and rejects what it never renders', () => {
    expect(valid(simulate(body, '{"id": "a", "price": 2.5, "tags": ["x"], "stock": "7"}'))).toBe(true);
    expect(valid(simulate(body, '{}'))).toBe(true);
    expect(valid({ id: 'a', kind: 'item', stock: 0, tags: null })).toBe(true);
    expect(valid({ id: 'a', kind: 'item', stock: 0 })).toBe(false);
    expect(valid({ id: 'a', kind: 'other', stock: 0, tags: null })).toBe(false);
    expect(valid({ id: 1, kind: 'item', stock: 0, tags: null })).toBe(false);
    expect(valid({ id: 'a', kind: 'item', stock: '0', tags: null })).toBe(false);
    expect(valid({ id: 'a', kind: 'item', stock: 0, tags: null, extra: 1 })).toBe(false);
    expect(valid({ id: 'a', kind: 'item', stock: 0, tags: null, price: null })).toBe(false);
  });

  test('makes a model aws-cdk-lib accepts', () => {
    const stack = new Stack(new App());
    const api = new apigw.RestApi(stack, 'Api');
    api.root.addMethod('GET');
    new apigw.Model(stack, 'Item', { restApi: api, contentType: 'application/json', schema: body.toJsonSchema() });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Model', {
      Schema: Match.objectLike({ $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', required: ['id', 'kind', 'stock', 'tags'] }),
    });
  });

  test('fields named ref and schema are property names in the model aws-cdk-lib writes, and what the template renders is valid there', () => {
    const named = JsonBody.objectOf({ ref: JsonBody.stringAt('$.a'), schema: JsonBody.numberAt('$.b') });
    const stack = new Stack(new App());
    const api = new apigw.RestApi(stack, 'Api');
    api.root.addMethod('GET');
    new apigw.Model(stack, 'Named', { restApi: api, contentType: 'application/json', schema: named.toJsonSchema() });
    const models = Template.fromStack(stack).findResources('AWS::ApiGateway::Model');
    const written = Object.values(models)[0].Properties.Schema;
    expect(Object.keys(written.properties).sort()).toEqual(['ref', 'schema']);
    const rendered = simulate(named, '{"a": "", "b": 1}');
    expect(rendered).toEqual({ ref: '', schema: 1 });
    expect(draft4Validator(written)(rendered)).toBe(true);
    expect(draft4Validator(named.toJsonSchema() as object)(rendered)).toBe(true);
    expect(draft4Validator(written)({ ref: 1, schema: 1 })).toBe(false);
  });

  test('an omitted field named like an Object member (toString) leaves a body valid against its schema', () => {
    const named = JsonBody.objectOf({ toString: JsonBody.listAt('$.items', JsonBody.stringAt('$'), { whenMissing: WhenMissing.omit() }) });
    const rendered = simulate(named, '{}');
    expect(rendered).toEqual({});
    const conforms = draft4Validator(named.toJsonSchema() as object);
    expect(conforms(rendered)).toBe(true);
    expect(conforms({ toString: 'not a list' })).toBe(false);
  });
});

describe('missing values', () => {
  const body = JsonBody.objectOf({
    a: JsonBody.numberAt('$.a'),
    b: JsonBody.numberAt('$.b', { whenMissing: WhenMissing.omit() }),
    c: JsonBody.numberAt('$.c', { whenMissing: WhenMissing.useDefault(JsonBody.objectOf({ none: JsonBody.booleanValue(true) })) }),
  });

  test('are null, left out, or the default, as chosen', () => {
    expect(simulate(body, '{}')).toEqual({ a: null, c: { none: true } });
    expect(simulate(body, '{"a": 1, "b": 2.5, "c": -3}')).toEqual({ a: 1, b: 2.5, c: -3 });
  });

  test('a value of another type counts as missing; a string that looks like a number is not a number', () => {
    expect(simulate(body, '{"a": "1", "b": [2], "c": null}')).toEqual({ a: null, c: { none: true } });
  });

  test('a number written as a string (DynamoDB\'s N) becomes a JSON number; a string that is no JSON number counts as missing', () => {
    const numbers = JsonBody.objectOf({
      n: JsonBody.numberFromStringAt('$.n'),
      m: JsonBody.numberFromStringAt('$.m', { whenMissing: WhenMissing.omit() }),
    });
    expect(simulate(numbers, '{"n": "12.50", "m": 3}')).toEqual({ n: 12.5, m: 3 });
    expect(simulate(numbers, '{"n": "-1E+3", "m": "0.000001"}')).toEqual({ n: -1000, m: 0.000001 });
    expect(simulate(numbers, '{"n": ".5", "m": "1,5"}')).toEqual({ n: null });
    expect(simulate(numbers, '{"n": "\\"1\\"", "m": true}')).toEqual({ n: null });
  });

  test('a number, a boolean or an object asked for as a string is written as its JSON text', () => {
    const asString = JsonBody.objectOf({ n: JsonBody.stringAt('$.n'), t: JsonBody.stringAt('$.t'), o: JsonBody.stringAt('$.o') });
    expect(simulate(asString, '{"n": 12, "t": true, "o": {"k": "v"}}')).toEqual({ n: '12', t: 'true', o: '{"k":"v"}' });
  });

  test('items of a list whose value is missing and asked to be omitted are left out', () => {
    const names = JsonBody.listAt('$.people', JsonBody.stringAt('$.name', { whenMissing: WhenMissing.omit() }));
    expect(simulate(names, '{"people": [{"name": "a"}, {}, {"name": null}, {"name": "d"}]}')).toEqual(['a', 'd']);
    expect(simulate(names, '{"people": "nobody"}')).toBeNull();
  });

  test('lists nest, and each item reads its own values', () => {
    const orders = JsonBody.listAt('$.orders', JsonBody.objectOf({
      id: JsonBody.stringAt('$.id'),
      lines: JsonBody.listAt('$.lines', JsonBody.objectOf({ sku: JsonBody.stringAt("$['sku code']"), qty: JsonBody.numberAt('$.qty') })),
    }));
    expect(simulate(orders, JSON.stringify({ orders: [{ id: 'o1', lines: [{ 'sku code': 'x', 'qty': 2 }, { qty: 'many' }] }, { id: 'o2' }] }))).toEqual([
      { id: 'o1', lines: [{ sku: 'x', qty: 2 }, { sku: null, qty: null }] },
      { id: 'o2', lines: null },
    ]);
  });
});

describe('context and stage variables', () => {
  test('are written as escaped strings', () => {
    const body = JsonBody.objectOf({ requestId: JsonBody.contextVariable('requestId'), env: JsonBody.stageVariable('env'), nope: JsonBody.stageVariable('nope') });
    const responses = RestResponses.of([RestResponse.forStatus('200').withTemplate('application/json', ResponseTemplate.fromJsonBody(body))]);
    const result = RestSimulator.fromResponses(responses).simulate({ backend: { body: '{}' }, stageVariables: { env: 'say "hi"' } });
    expect(JSON.parse(result.body)).toEqual({ requestId: expect.any(String), env: 'say "hi"', nope: null });
  });
});

describe('usage errors', () => {
  test.each([
    ['a path without $', () => JsonBody.stringAt('message'), /'message' is not a JSONPath of the answer: start it with '\$'/],
    ['a wildcard', () => JsonBody.stringAt('$.items[*]'), /has a wildcard.*JsonBody.listAt/],
    ['a key with a quote', () => JsonBody.numberAt('$["a\\"b"]'), /not a JSONPath|has a quote/],
    ['a recursive descent', () => JsonBody.jsonAt('$..name'), /not a JSONPath API Gateway reads/],
    ['a number that JSON cannot hold', () => JsonBody.numberValue(Number.NaN), /NaN is not a JSON number/],
    ['a default that reads the answer', () => JsonBody.stringAt('$.y', { whenMissing: WhenMissing.useDefault(JsonBody.stringAt('$.x')) }),
      /a default must be built from literals only/],
    ['a context variable written with $context.', () => JsonBody.contextVariable('$context.requestId'), /not a context variable name/],
    ['a stage variable with a dash', () => JsonBody.stageVariable('my-var'), /only letters, digits and '_'/],
    ['a body omitted as a whole', () => JsonBody.stringAt('$.x', { whenMissing: WhenMissing.omit() }).toTemplate(), /would leave no body/],
  ])('%s is refused with a message that says why', (_, build, message) => {
    expect(build).toThrow(message);
  });
});

describe('in an app', () => {
  test('a method with a built body synthesizes, and the checks find nothing in it', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const api = new apigw.RestApi(stack, 'Api', { deploy: false });
    const responses = RestResponses.of([
      RestResponse.forStatus('200').withTemplate('application/json', ResponseTemplate.fromJsonBody(JsonBody.objectOf({ items: JsonBody.listAt('$.Items', JsonBody.jsonAt('$')) }))),
    ]);
    api.root.addMethod('GET', new apigw.MockIntegration({ integrationResponses: responses.integrationResponses() }), { methodResponses: responses.methodResponses() });
    IntegrationResponseChecks.addTo(app);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      Integration: { IntegrationResponses: [{ StatusCode: '200', ResponseTemplates: { 'application/json': Match.stringLikeRegexp('#foreach') } }] },
    });
    expect(TemplateChecker.check(template.toJSON())).toEqual([]);
  });

  test('a WebSocket response template uses the same body', () => {
    const stack = new Stack(new App(), 'S');
    const api = new apigwv2.WebSocketApi(stack, 'Api');
    const route = api.addRoute('echo', { integration: new WebSocketMockIntegration('Echo') });
    const responses = WebSocketResponses.forRoute(route);
    const body = JsonBody.objectOf({ ok: JsonBody.booleanValue(true), echo: JsonBody.stringAt('$.text') });
    responses.addResponse(ResponseKey.DEFAULT, { templateSelection: TemplateSelection.DEFAULT, responseTemplates: { $default: body.toTemplate() } });
    const result = WebSocketSimulator.fromResponses(responses).simulate({ backend: { statusCode: 200, body: '{"text": "a \\"quoted\\" line\\n"}' } });
    expect(JSON.parse(result.body)).toEqual({ ok: true, echo: 'a "quoted" line\n' });
  });
});
