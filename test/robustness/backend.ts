import * as fc from 'fast-check';
import { SimulationInput } from '../../src';

/** Deep JSON, as a backend could send it. */
const deepJson = fc.tuple(fc.integer({ min: 1, max: 60_000 }), fc.boolean()).map(([depth, list]) =>
  list ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

const body = fc.oneof(
  fc.constantFrom('', 'null', '{}', '[]', '[null]', '[null, {"a": 1}]', '{"a": null}', '{"a": "x"}', '{"a": {"b": [1, 2]}}', '"s"', '1', 'true',
    'a=b', 'plain text', '{"a": ', '{nope', '<xml/>', '\u0000', 'AAEC', '{"__proto__": {"a": 1}}', '{"a": 1e400}', '{"a": 12345678901234567890}'),
  fc.json({ maxDepth: 4 }),
  fc.string({ maxLength: 50 }),
  deepJson,
  fc.integer({ min: 1000, max: 200_000 }).map(n => 'a'.repeat(n)),
);

const errorMessage = fc.oneof(
  fc.constantFrom('', 'Task timed out after 3.00 seconds', '[NotFound] x', '[BadRequest] y', `${'a'.repeat(40)}!`, 'x'.repeat(40),
    'ab'.repeat(30), '1'.repeat(40), `${'a'.repeat(200)}`, 'E1', 'E149', 'Error: boom', 'line\nbreak'),
  fc.string({ maxLength: 40 }),
  fc.integer({ min: 1000, max: 100_000 }).map(n => `${'a'.repeat(n)}!`),
);

const name = fc.constantFrom('X', 'Content-Type', 'x', 'constructor', '__proto__', 'a', 'Accept');
const strings = fc.dictionary(name, fc.string({ maxLength: 10 }), { maxKeys: 3 });

/** A backend result, a request and stage and context variables, valid by the simulator's types. */
export const simulationInput: fc.Arbitrary<SimulationInput> = fc.record({
  backend: fc.record({
    statusCode: fc.oneof(fc.constantFrom(200, 204, 400, 404, 500, 502, 0, 99, 600, -1, 1e9), fc.integer({ min: 100, max: 599 })),
    headers: strings,
    multiValueHeaders: fc.dictionary(name, fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }), { maxKeys: 2 }),
    body,
    isBase64Encoded: fc.boolean(),
    errorMessage,
    errorType: fc.constantFrom('Error', 'NotFoundError', ''),
  }, { requiredKeys: [] }),
  request: fc.record({
    accept: fc.constantFrom('application/json', 'text/html', '*/*', 'image/png', 'application/xml;q=0.9, */*', '', ',,;'),
    parameters: fc.record({ path: strings, querystring: strings, header: strings }, { requiredKeys: [] }),
    body: fc.string({ maxLength: 20 }),
  }, { requiredKeys: [] }),
  stageVariables: strings,
  context: fc.dictionary(fc.constantFrom('requestId', 'stage', 'nope', 'responseOverride'), fc.string({ maxLength: 10 }), { maxKeys: 2 }),
}, { requiredKeys: ['backend'] });
