import * as fs from 'fs';
import * as path from 'path';
import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as fc from 'fast-check';
import { ResponseTemplate, ResponseValue, RestResponse, RestResponses, RestSimulator } from '../../src';
import { restModel, simulateRest } from '../../src/simulator/rest-simulation';

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'templates', 'clean', `${name}.json`), 'utf8'));
const INTERNAL_ERROR = { statusCode: 500, headers: {}, body: '{"message": "Internal server error"}', isBase64Encoded: false };

const lambdaErrors = () => RestResponses.of([
  RestResponse.forStatus('200').withTemplate('application/json', ResponseTemplate.passthroughJson()),
  RestResponse.forStatus('404').whenLambdaErrorMatches('\\[NotFound\\].*').withTemplate('application/json', ResponseTemplate.lambdaErrorMessageJson()),
  RestResponse.forStatus('500').whenLambdaErrorMatches('(?!\\[NotFound\\]).+'),
]);

describe('selection', () => {
  test('a Lambda success is matched as the empty string and gets the default response', () => {
    expect(RestSimulator.fromResponses(lambdaErrors()).simulate({ backend: { body: '{"id": "a"}' } }))
      .toEqual({ statusCode: 200, headers: {}, body: '{"id":"a"}', isBase64Encoded: false, selected: '200' });
  });

  test('a Lambda error is matched by its errorMessage, against the whole string', () => {
    const simulator = RestSimulator.fromResponses(lambdaErrors());
    expect(simulator.simulate({ backend: { errorMessage: "[NotFound] item 'a' isn't there" } })).toEqual({
      statusCode: 404, headers: {}, body: '{"message": "[NotFound] item \'a\' isn\'t there"}', isBase64Encoded: false, selected: '404',
    });
    expect(simulator.simulate({ backend: { errorMessage: 'Task timed out' } }).selected).toBe('500');
  });

  test('. does not match a newline, so a multi-line error falls through to the default', () => {
    const simulator = RestSimulator.fromResponses(RestResponses.of([
      RestResponse.forStatus('200'), RestResponse.forStatus('500').whenLambdaErrorMatches('.+'),
    ]));
    expect(simulator.simulate({ backend: { errorMessage: 'boom' } }).statusCode).toBe(500);
    expect(simulator.simulate({ backend: { errorMessage: 'boom\n  at handler (index.js:1)' } }).statusCode).toBe(200);
  });

  test('.* also catches successes', () => {
    const simulator = RestSimulator.fromResponses(RestResponses.of([RestResponse.forStatus('200'), RestResponse.forStatus('500').whenLambdaErrorMatches('.*')]));
    expect(simulator.simulate({ backend: { body: '{}' } }).statusCode).toBe(500);
  });

  test('status integrations match the status code as a string, a pattern is not a prefix match', () => {
    const simulator = RestSimulator.fromResponses(RestResponses.of([
      RestResponse.forStatus('200'),
      RestResponse.forStatus('404').whenStatusMatches('40'),
      RestResponse.forStatus('502').whenStatusMatches('5\\d{2}'),
    ]));
    expect(simulator.simulate({ backend: { statusCode: 404 } }).statusCode).toBe(200);
    expect(simulator.simulate({ backend: { statusCode: 503 } })).toEqual(expect.objectContaining({ statusCode: 502, selected: '502' }));
  });

  test('no match and no default is a 500 Internal server error', () => {
    const simulator = RestSimulator.fromResponses(RestResponses.of([RestResponse.forStatus('404').whenStatusMatches('404')]));
    expect(simulator.simulate({ backend: { statusCode: 200 } })).toEqual(INTERNAL_ERROR);
  });

  test('a selected status code without a method response is a 500', () => {
    const model = restModel([{ StatusCode: '200' }, { StatusCode: '400', SelectionPattern: '4\\d\\d' }], 'status', [{ StatusCode: '200' }]);
    expect(simulateRest(model, { backend: { statusCode: 404 } })).toEqual({ ...INTERNAL_ERROR, selected: '400' });
  });

  test('an errorMessage on a status integration is a mistake in the test, not a 500', () => {
    const simulator = RestSimulator.fromResponses(RestResponses.of([RestResponse.forStatus('200'), RestResponse.forStatus('500').whenStatusMatches('5\\d\\d')]));
    expect(() => simulator.simulate({ backend: { errorMessage: 'x' } })).toThrow(/^errorMessage describes a failed Lambda custom integration/);
  });

  // Reference: the first response whose pattern matches the whole input, else the default, else 500.
  test('selection agrees with a reference implementation on generated patterns and inputs', () => {
    const atom = fc.constantFrom('a', 'b', '4', '0', '.', '\\d', '[ab]', '[0-4]');
    const piece = fc.tuple(atom, fc.constantFrom('', '*', '+', '?')).map(([a, q]) => a + q);
    const pattern = fc.array(piece, { minLength: 1, maxLength: 4 }).map(p => p.join(''));
    const patterns = fc.array(fc.tuple(pattern, fc.boolean()), { minLength: 1, maxLength: 4 })
      .map(ps => ps.map(([p, alt], i) => alt && i > 0 ? `${p}|${ps[0][0]}` : p));
    const input = fc.stringMatching(/^[ab04.\n]{0,6}$/);
    fc.assert(fc.property(patterns, fc.boolean(), input, (sources, withDefault, errorMessage) => {
      const responses = [
        ...withDefault ? [{ StatusCode: '200' }] : [],
        ...sources.map((p, i) => ({ StatusCode: String(400 + i), SelectionPattern: p })),
      ];
      const actual = simulateRest(restModel(responses, 'lambda'), { backend: { errorMessage } });
      const reference = sources.findIndex(p => new RegExp(`^(?:${p})$`).test(errorMessage));
      const expected = reference >= 0 ? String(400 + reference) : withDefault ? '200' : undefined;
      expect(actual.selected).toBe(expected);
      expect(actual.statusCode).toBe(expected === undefined ? 500 : Number(expected));
    }), { numRuns: 500 });
  });
});

describe('headers', () => {
  const simulate = (value: ResponseValue, backend: object = {}, extra: object = {}) => RestSimulator.fromResponses(RestResponses.of([
    RestResponse.forStatus('200').withHeader('X-Out', value),
  ])).simulate({ backend: { statusCode: 200, ...backend }, ...extra }).headers;

  test('integration headers are case-sensitive and take the last value of a repeated header', () => {
    expect(simulate(ResponseValue.integrationHeader('ETag'), { headers: { ETag: 'v1' } })).toEqual({ 'X-Out': 'v1' });
    expect(simulate(ResponseValue.integrationHeader('etag'), { headers: { ETag: 'v1' } })).toEqual({});
    expect(simulate(ResponseValue.integrationHeader('Set-Cookie'), { multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] } })).toEqual({ 'X-Out': 'b=2' });
  });

  test('multi-value headers are joined with commas', () => {
    expect(simulate(ResponseValue.integrationMultiValueHeader('Set-Cookie'), { multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] } }))
      .toEqual({ 'X-Out': 'a=1,b=2' });
  });

  test('the body and body paths', () => {
    expect(simulate(ResponseValue.integrationBody(), { body: '{"a":1}' })).toEqual({ 'X-Out': '{"a":1}' });
    expect(simulate(ResponseValue.integrationBodyPath('error.code'), { body: '{"error": {"code": "E42"}}' })).toEqual({ 'X-Out': 'E42' });
    expect(simulate(ResponseValue.integrationBodyPath('error'), { body: '{"error": {"code": "E42"}}' })).toEqual({ 'X-Out': '{"code":"E42"}' });
    expect(simulate(ResponseValue.integrationBodyPath('missing'), { body: '{}' })).toEqual({});
  });

  test('context, stage variables and static values', () => {
    expect(simulate(ResponseValue.contextVariable('requestId'))).toEqual({ 'X-Out': '00000000-0000-4000-8000-000000000000' });
    expect(simulate(ResponseValue.contextVariable('authorizer.claims.sub'), {}, { context: { 'authorizer.claims.sub': 'user-1' } })).toEqual({ 'X-Out': 'user-1' });
    expect(simulate(ResponseValue.stageVariable('origin'), {}, { stageVariables: { origin: 'https://a' } })).toEqual({ 'X-Out': 'https://a' });
    expect(simulate(ResponseValue.literal('*'))).toEqual({ 'X-Out': '*' });
  });

  test('only mapped headers reach the client', () => {
    expect(simulate(ResponseValue.literal('x'), { headers: { 'Content-Type': 'text/plain', 'Server': 'backend' } })).toEqual({ 'X-Out': 'x' });
  });
});

describe('templates', () => {
  const simulator = RestSimulator.fromResponses(RestResponses.of([RestResponse.forStatus('200')
    .withTemplate('text/html', ResponseTemplate.fromString('<p>$input.path(\'$.name\')</p>'))
    .withTemplate('application/json', ResponseTemplate.fromString('{"name": "$input.path(\'$.name\')"}'))
    .withTemplate('application/xml', ResponseTemplate.fromString('<name>$input.path(\'$.name\')</name>'))]));
  const accept = (value?: string) => simulator.simulate({ backend: { body: '{"name": "n"}' }, request: { accept: value } }).body;

  test('chosen by the first media type of Accept', () => {
    expect(accept('text/html')).toBe('<p>n</p>');
    expect(accept('application/xml, text/html;q=0.9')).toBe('<name>n</name>');
  });

  test('no Accept selects application/json; no match selects application/json', () => {
    expect(accept(undefined)).toBe('{"name": "n"}');
    expect(accept('image/png')).toBe('{"name": "n"}');
  });

  test('no match and no application/json template selects the first', () => {
    const first = RestSimulator.fromResponses(RestResponses.of([RestResponse.forStatus('200')
      .withTemplate('text/plain', ResponseTemplate.fromString('plain')).withTemplate('text/html', ResponseTemplate.fromString('html'))]));
    expect(first.simulate({ backend: {}, request: { accept: 'image/png' } }).body).toBe('plain');
  });

  test('no template passes the body through', () => {
    expect(RestSimulator.fromResponses(RestResponses.of([RestResponse.forStatus('200')])).simulate({ backend: { body: 'as is' } }).body).toBe('as is');
  });

  test('responseOverride sets the status and headers', () => {
    const override = RestSimulator.fromResponses(RestResponses.of([RestResponse.forStatus('200')
      .withHeader('X-Kind', ResponseValue.literal('mapped'))
      .withTemplate('application/json', ResponseTemplate.fromString(
        '#if($input.path(\'$.found\') == false)#set($context.responseOverride.status = 404)#set($context.responseOverride.header.X-Kind = "override")#end{}'))]));
    expect(override.simulate({ backend: { body: '{"found": false}' } })).toEqual(expect.objectContaining({ statusCode: 404, headers: { 'X-Kind': 'override' } }));
    expect(override.simulate({ backend: { body: '{"found": true}' } })).toEqual(expect.objectContaining({ statusCode: 200, headers: { 'X-Kind': 'mapped' } }));
  });

  test('a status override that is not an HTTP status is ignored', () => {
    const override = RestSimulator.fromResponses(RestResponses.of([RestResponse.forStatus('200')
      .withTemplate('application/json', ResponseTemplate.fromString('#set($context.responseOverride.status = 999)'))]));
    expect(override.simulate({ backend: {} }).statusCode).toBe(200);
  });

  test('a broken template is an error naming the template, the response and the line', () => {
    const broken = RestSimulator.fromResponses(RestResponses.of([RestResponse.forStatus('200')
      .withTemplate('application/json', ResponseTemplate.fromString('{\n"a": $input.path(\'$.a\').substring(5)\n}'))]));
    expect(() => broken.simulate({ backend: { body: '{"a": "x"}' } })).toThrow("the 'application/json' template of the 200 response fails at line 2: substring(5) is out of range for a string of length 1");
  });
});

describe('content handling', () => {
  const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64');
  const simulate = (handling: apigw.ContentHandling | undefined, backend: object, accept?: string, binaryMediaTypes?: string[]) => {
    const response = RestResponse.forStatus('200');
    return RestSimulator.fromResponses(RestResponses.of([handling ? response.withContentHandling(handling) : response]), { binaryMediaTypes })
      .simulate({ backend, request: { accept } });
  };

  test('binary data to a text Accept is base64 text (with binary media types set)', () => {
    expect(simulate(undefined, { body: binary, isBase64Encoded: true }, 'application/json', ['image/png'])).toEqual(expect.objectContaining({ body: binary, isBase64Encoded: false }));
  });

  test('binary data to a binary Accept stays binary', () => {
    expect(simulate(undefined, { body: binary, isBase64Encoded: true }, 'image/png', ['image/*'])).toEqual(expect.objectContaining({ body: binary, isBase64Encoded: true }));
  });

  test('CONVERT_TO_BINARY decodes base64 text; CONVERT_TO_TEXT encodes binary', () => {
    expect(simulate(apigw.ContentHandling.CONVERT_TO_BINARY, { body: binary }, 'application/json')).toEqual(expect.objectContaining({ body: binary, isBase64Encoded: true }));
    expect(simulate(apigw.ContentHandling.CONVERT_TO_TEXT, { body: binary, isBase64Encoded: true }, 'image/png', ['image/png'])).toEqual(expect.objectContaining({ body: binary, isBase64Encoded: false }));
  });

  test('text data to a binary Accept is base64-decoded', () => {
    expect(simulate(undefined, { body: binary }, 'image/png', ['image/png'])).toEqual(expect.objectContaining({ isBase64Encoded: true }));
  });

  test('converting text that is not base64 to binary is a 500', () => {
    expect(simulate(apigw.ContentHandling.CONVERT_TO_BINARY, { body: 'not base64!' })).toEqual({ ...INTERNAL_ERROR, selected: '200' });
  });
});

describe('entry points', () => {
  test('a synthesized Method, including its method responses and the RestApi binary media types', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const api = new apigw.RestApi(stack, 'Api', { binaryMediaTypes: ['image/png'] });
    const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})') });
    const method = api.root.addMethod('GET', new apigw.LambdaIntegration(fn, { proxy: false }));
    lambdaErrors().applyTo(method);
    const simulator = RestSimulator.fromMethod(method);
    expect(simulator.simulate({ backend: { errorMessage: '[NotFound] gone' } }).statusCode).toBe(404);
    expect(simulator.simulate({ backend: { body: 'iVBORw==', isBase64Encoded: true }, request: { accept: 'image/png' } }).isBase64Encoded).toBe(true);
  });

  test('a template method: the Step Functions default mapping with its responseOverride', () => {
    const template = fixture('step-functions-defaults');
    const id = Object.keys(template.Resources).find(k => template.Resources[k].Type === 'AWS::ApiGateway::Method')!;
    const simulator = RestSimulator.fromTemplate(template, id);
    expect(simulator.simulate({ backend: { body: JSON.stringify({ status: 'SUCCEEDED', output: '{"ok":true}' }) } }))
      .toEqual(expect.objectContaining({ statusCode: 200, body: '{"ok":true}\n' }));
    const failed = simulator.simulate({ backend: { body: JSON.stringify({ status: 'FAILED', error: 'States.Timeout', cause: 'slow' }) } });
    expect(failed.statusCode).toBe(500);
    expect(JSON.parse(failed.body)).toEqual({ error: 'States.Timeout', cause: 'slow' });
    expect(simulator.simulate({ backend: { statusCode: 400, body: '{}' } }).statusCode).toBe(400);
  });

  test('a template method with Lambda error mapping and a body-path header', () => {
    const template = fixture('lambda-error-mapping');
    const id = Object.keys(template.Resources).find(k => template.Resources[k].Properties?.HttpMethod === 'GET')!;
    expect(RestSimulator.fromTemplate(template, id).simulate({ backend: { errorMessage: '[NotFound] x', errorType: 'NotFoundError' } }))
      .toEqual(expect.objectContaining({ statusCode: 404, headers: { 'X-Error': 'NotFoundError' } }));
  });

  test('a template method takes the binary media types of the RestApi it references', () => {
    const template = {
      Resources: {
        Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'api', BinaryMediaTypes: ['image/png'] } },
        Get: {
          Type: 'AWS::ApiGateway::Method',
          Properties: {
            RestApiId: { Ref: 'Api' },
            HttpMethod: 'GET',
            Integration: { Type: 'MOCK', IntegrationResponses: [{ StatusCode: '200' }] },
            MethodResponses: [{ StatusCode: '200' }],
          },
        },
      },
    };
    const png = { backend: { body: 'AAEC', isBase64Encoded: true }, request: { accept: 'image/png' } };
    expect(RestSimulator.fromTemplate(template, 'Get').simulate(png)).toEqual(expect.objectContaining({ body: 'AAEC', isBase64Encoded: true }));
    expect(RestSimulator.fromTemplate(template, 'Get', { binaryMediaTypes: [] }).simulate(png).isBase64Encoded).toBe(false);
  });

  test('a header mapping reads only headers the backend sent, never object properties', () => {
    const simulator = RestSimulator.fromResponses(RestResponses.of([RestResponse.forStatus('200')
      .withHeader('X-Ctor', ResponseValue.integrationHeader('constructor'))
      .withHeader('X-Stage', ResponseValue.stageVariable('toString'))]));
    expect(simulator.simulate({ backend: {} }).headers).toEqual({});
    expect(simulator.simulate({ backend: { headers: { constructor: 'c' } }, stageVariables: { toString: 's' } }).headers)
      .toEqual({ 'X-Ctor': 'c', 'X-Stage': 's' });
  });

  test('refuses what it cannot simulate, with a clear message', () => {
    const template = fixture('lambda-error-mapping');
    const proxy = Object.keys(template.Resources).find(k => template.Resources[k].Properties?.HttpMethod === 'ANY')!;
    expect(() => RestSimulator.fromTemplate(template, proxy)).toThrow(/uses a proxy integration \(AWS_PROXY\), which has no integration responses/);
    expect(() => RestSimulator.fromTemplate(template, 'Nope')).toThrow("the template has no AWS::ApiGateway::Method 'Nope'");
    const stack = new Stack();
    const code = new CfnParameter(stack, 'Code').valueAsString;
    expect(() => RestSimulator.fromResponses(RestResponses.of([RestResponse.forStatus(code)]))).toThrow(/^IntegrationResponses\[0\]\.StatusCode is only known at deployment/);
  });

  test('a Uri nested 6,000 deep is refused at the documented limit, not with a stack overflow', () => {
    let uri: unknown = 'arn:aws:apigateway:us-east-1:lambda:path/f';
    for (let i = 0; i < 6000; i++) uri = { 'Fn::Join': ['', [uri]] };
    const template = { Resources: { M: { Type: 'AWS::ApiGateway::Method', Properties: { Integration: { Type: 'AWS', Uri: uri, IntegrationResponses: [{ StatusCode: '200' }] } } } } };
    expect(() => RestSimulator.fromTemplate(template, 'M')).toThrow(
      /^the template nests more than 500 levels deep \(at Resources\.M\.Properties\.Integration\.Uri\.Fn::Join\[1\]\[0\]\..*\), which no CloudFormation template needs, so it is not checked; flatten the value$/);
  });
});
