/**
 * Simulator throughput: a Lambda custom integration with error mapping and a VTL template, run by
 * RestSimulator against the naive way (select with a fresh RegExp, then velocityjs `render`, which
 * parses the template again on every call). Both must give the same bodies.
 */
import { performance } from 'perf_hooks';
import { render } from 'velocityjs';
import { ResponseTemplate, RestResponse, RestResponses, RestSimulator, SimulationInput } from '../src';
import { contextVariable, integrationResult, templateVariables } from '../src/simulator/simulation-context';

const ITEMS_TEMPLATE = [
  "#set($root = $input.path('$'))",
  '{',
  '  "items": [',
  '#foreach($item in $root.items)',
  '    {"id": "$item.id", "name": "$util.escapeJavaScript($item.name)", "price": $item.price}#if($foreach.hasNext),#end',
  '#end',
  '  ],',
  '  "count": $root.items.size(),',
  '  "requestId": "$context.requestId"',
  '}',
].join('\n');
const ERROR_TEMPLATE = '{"message": "$util.escapeJavaScript($input.path(\'$.errorMessage\'))", "requestId": "$context.requestId"}';

const responses = [
  { statusCode: '200', template: ITEMS_TEMPLATE },
  { statusCode: '400', pattern: '\\[BadRequest\\].*', template: ERROR_TEMPLATE },
  { statusCode: '404', pattern: '\\[NotFound\\].*', template: ERROR_TEMPLATE },
  { statusCode: '500', pattern: '(?!\\[BadRequest\\]|\\[NotFound\\]).+', template: ERROR_TEMPLATE },
];

const items = Array.from({ length: 20 }, (_, i) => ({ id: `item-${i}`, name: `Item "${i}" it's`, price: i * 1.5 }));
const INPUTS: SimulationInput[] = [
  { backend: { body: JSON.stringify({ items }) } },
  { backend: { errorMessage: "[NotFound] item 'x' does not exist" } },
  { backend: { body: JSON.stringify({ items: items.slice(0, 5) }) } },
  { backend: { errorMessage: '[BadRequest] the id is malformed' } },
  { backend: { errorMessage: 'Task timed out after 3.00 seconds' } },
];

const simulator = RestSimulator.fromResponses(RestResponses.of(responses.map(r => {
  const response = RestResponse.forStatus(r.statusCode).withTemplate('application/json', ResponseTemplate.fromString(r.template));
  return r.pattern === undefined ? response : response.whenLambdaErrorMatches(r.pattern);
})));

function naive(input: SimulationInput): { statusCode: number; body: string } {
  const errorMessage = input.backend.errorMessage ?? '';
  const selected = responses.find(r => r.pattern !== undefined && new RegExp(`^(?:${r.pattern})$`).test(errorMessage))
    ?? responses.find(r => r.pattern === undefined)!;
  const result = integrationResult(input.backend);
  const body = render(selected.template, templateVariables(result.body, input, contextVariable(input)));
  return { statusCode: Number(selected.statusCode), body };
}

function time(calls: number, run: (input: SimulationInput) => unknown): number {
  const start = performance.now();
  for (let i = 0; i < calls; i++) run(INPUTS[i % INPUTS.length]);
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Medians of several alternating rounds of `calls` simulations each way.
 */
export function measureSimulator(calls = 2000, rounds = 5): { calls: number; simulatorMs: number; naiveMs: number } {
  for (const input of INPUTS) {
    const simulated = simulator.simulate(input);
    const expected = naive(input);
    if (simulated.statusCode !== expected.statusCode || simulated.body !== expected.body) {
      throw new Error(`the simulator and the naive rendering disagree on ${JSON.stringify(input.backend)}:\n` +
        `${simulated.statusCode} ${simulated.body}\n${expected.statusCode} ${expected.body}`);
    }
  }
  time(calls / 4, input => simulator.simulate(input));
  time(calls / 4, naive);
  const simulatorTimes: number[] = [];
  const naiveTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    simulatorTimes.push(time(calls, input => simulator.simulate(input)));
    naiveTimes.push(time(calls, naive));
  }
  return { calls, simulatorMs: median(simulatorTimes), naiveMs: median(naiveTimes) };
}
