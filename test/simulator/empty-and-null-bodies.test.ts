import { RestSimulator, SimulatedResponse } from '../../src';
import { SimulationError } from '../../src/simulator/simulation-error';
import { cpuTime } from '../support/cpu-time';

// What API Gateway renders when the backend answers with an empty body (an HTTP 204, an empty
// Lambda result), with the JSON null, or with text that is not JSON. docs/simulator.md ("Empty, null
// and non-JSON bodies") gives the evidence for each answer; none of these may fail with an internal
// error, and none may take long (the bound below only guards against a hang: each takes milliseconds).

const HANG_GUARD_MS = 1000;

function simulate(body: string | undefined, response: Record<string, unknown>): SimulatedResponse {
  const template = {
    Resources: {
      M: {
        Type: 'AWS::ApiGateway::Method',
        Properties: {
          Integration: { Type: 'MOCK', IntegrationResponses: [{ StatusCode: '200', ...response }] },
          MethodResponses: [{ StatusCode: '200', ResponseParameters: { 'method.response.header.A': true } }],
        },
      },
    },
  };
  const { millis, result } = cpuTime(() => RestSimulator.fromTemplate(template, 'M').simulate({ backend: { statusCode: 200, body } }));
  expect(millis).toBeLessThan(HANG_GUARD_MS);
  return result;
}

const rendering = (template: string, body: string | undefined) =>
  simulate(body, { ResponseTemplates: { 'application/json': template } }).body;

describe('templates', () => {
  test.each([
    ["$input.json('$')", '', '{}'],
    ["$input.json('$')", undefined, '{}'],
    ["$input.path('$')", '', '{}'],
    ['$input.body', '', '{}'],
    ["$input.json('$')", 'null', '""'],
    ["[$input.path('$')]", 'null', '[]'],
    ["$input.json('$.a')", 'null', '""'],
    ["$input.json('$[?(@.a)]')", '[null]', '[]'],
    ["$input.json('$[?(@.a)]')", '[null, {"a": 1}]', '[{"a":1}]'],
    ["$input.json('$')", 'a=b', '"a=b"'],
    ["$input.path('$')", 'a=b', 'a=b'],
  ])('%s of the body %j renders %j', (template, body, expected) => {
    expect(rendering(template, body)).toBe(expected);
  });

  test('a body that starts like JSON but is not JSON cannot be mapped: the client gets 500', () => {
    expect(simulate('{"a": ', { ResponseTemplates: { 'application/json': "$input.json('$.a')" } })).toEqual(
      expect.objectContaining({ statusCode: 500, body: '{"message": "Internal server error"}' }));
  });

  test('$util.parseJson of a body nested 50,000 deep is a clear error, not a stack overflow', () => {
    expect(() => rendering('$util.parseJson($input.body)', '['.repeat(50_000) + ']'.repeat(50_000))).toThrow(
      "the 'application/json' template of the 200 response fails at line 1: $util.parseJson: the JSON is nested 50000 levels deep, more than the 500 the simulator reads");
  });
});

describe('the integration.response.body mapping expressions', () => {
  const header = (body: string | undefined, source: string) =>
    simulate(body, { ResponseParameters: { 'method.response.header.A': source } }).headers;

  test.each([
    ['null', 'integration.response.body.a', {}],
    ['', 'integration.response.body.a', {}],
    ['plain text', 'integration.response.body.a', {}],
    ['{"a": null}', 'integration.response.body.a', {}],
    ['{"a": "x"}', 'integration.response.body.a', { A: 'x' }],
    ['{"a": {"b": 1}}', 'integration.response.body.a', { A: '{"b":1}' }],
    ['', 'integration.response.body', { A: '{}' }],
    ['null', 'integration.response.body', { A: 'null' }],
  ])('the body %j maps %s to %j', (body, source, expected) => {
    expect(header(body, source)).toEqual(expected);
  });

  test('a body that starts with { but is not JSON fails the request with 500', () => {
    expect(simulate('{nope', { ResponseParameters: { 'method.response.header.A': 'integration.response.body.a' } }).statusCode).toBe(500);
  });
});

describe('status codes API Gateway never accepts', () => {
  test.each(['２００', 'abc', '99', '-200', '2000', '600'])('%j is a clear error, not a NaN or out-of-range answer', code => {
    const template = {
      Resources: { M: { Type: 'AWS::ApiGateway::Method', Properties: { Integration: { Type: 'MOCK', IntegrationResponses: [{ StatusCode: code }] }, MethodResponses: [{ StatusCode: code }] } } },
    };
    expect(() => RestSimulator.fromTemplate(template, 'M')).toThrow(SimulationError);
    expect(() => RestSimulator.fromTemplate(template, 'M')).toThrow(
      `IntegrationResponses[0].StatusCode '${code}' is not a status code API Gateway accepts ([1-5]\\d\\d), so it cannot be simulated; use a code from 100 to 599`);
  });
});
