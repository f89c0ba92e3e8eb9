/**
 * The Step Functions StartSyncExecution responses, simulated on answers shaped as the API reference
 * documents them (https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartSyncExecution.html,
 * "Response Syntax": executionArn, status SUCCEEDED | FAILED | TIMED_OUT, output only on success,
 * error and cause on failure; errors as {"__type", "message"} with a 400 status).
 */
import * as fc from 'fast-check';
import { RestSimulator, StepFunctionsResponses, TemplateChecker } from '../../src';
import { adversarialString } from '../support/json-body-shapes';
import { kitTemplate } from '../support/kit-template';
import { PROPERTY_RUNS, PROPERTY_SEED } from '../support/property-runs';

const ARN = 'arn:aws:states:us-east-1:123456789012:express:Orders:run-1:0000';
const simulator = () => RestSimulator.fromResponses(StepFunctionsResponses.startSyncExecution());
const answer = (fields: object) => ({
  backend: { statusCode: 200, body: JSON.stringify({ executionArn: ARN, startDate: 1.7e9, stopDate: 1.7e9, ...fields }) },
});

test('a succeeded execution answers 200 with its output as the body', () => {
  const output = JSON.stringify({ orderId: 'o-1', note: 'say "hi"', lines: [1, 2] });
  const result = simulator().simulate(answer({ status: 'SUCCEEDED', output }));
  expect(result.statusCode).toBe(200);
  expect(JSON.parse(result.body)).toEqual({ orderId: 'o-1', note: 'say "hi"', lines: [1, 2] });
});

test('a failed or timed-out execution answers 500 with its error and cause, quotes and all', () => {
  const failed = simulator().simulate(answer({ status: 'FAILED', error: 'Order.Invalid', cause: 'the item "x" isn\'t sold\nhere' }));
  expect(failed.statusCode).toBe(500);
  expect(JSON.parse(failed.body)).toEqual({ error: 'Order.Invalid', cause: 'the item "x" isn\'t sold\nhere' });
  const timedOut = simulator().simulate(answer({ status: 'TIMED_OUT' }));
  expect(timedOut.statusCode).toBe(500);
  expect(JSON.parse(timedOut.body)).toEqual({ error: null, cause: null });
});

test('errors of Step Functions itself answer 400 or 500 with their message', () => {
  const invalid = simulator().simulate({ backend: { statusCode: 400, body: JSON.stringify({ __type: 'com.amazonaws.swf.service.v2.model#InvalidExecutionInput', message: 'Invalid State Machine Execution Input: \'unexpected character\'' }) } });
  expect(invalid).toMatchObject({ statusCode: 400, selected: '400' });
  expect(JSON.parse(invalid.body)).toEqual({ message: 'Invalid State Machine Execution Input: \'unexpected character\'' });
  expect(simulator().simulate({ backend: { statusCode: 503, body: '{"message": "Service Unavailable"}' } }).statusCode).toBe(500);
});

test(`for ${PROPERTY_RUNS} generated executions the body is valid JSON`, () => {
  fc.assert(fc.property(
    fc.constantFrom('SUCCEEDED', 'FAILED', 'TIMED_OUT'), fc.jsonValue(), fc.option(adversarialString), fc.option(adversarialString),
    (status, output, error, cause) => {
      const result = simulator().simulate(answer({ status, output: status === 'SUCCEEDED' ? JSON.stringify(output) : undefined, error, cause }));
      const body = JSON.parse(result.body);
      if (status === 'SUCCEEDED') expect(body).toEqual(JSON.parse(JSON.stringify(output)));
      else expect(body).toEqual({ error: error ?? null, cause: cause ?? null });
    }), { numRuns: PROPERTY_RUNS, seed: PROPERTY_SEED });
});

describe('StartExecution (https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html: executionArn, startDate)', () => {
  const started = (statusCode: number, body: object) =>
    RestSimulator.fromResponses(StepFunctionsResponses.startExecution()).simulate({ backend: { statusCode, body: JSON.stringify(body) } });

  test('a started execution answers 200 with its ARN and start date', () => {
    const result = started(200, { executionArn: 'arn:aws:states:us-east-1:123456789012:execution:Orders:run-1', startDate: 1.7e9 + 0.25 });
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ executionArn: 'arn:aws:states:us-east-1:123456789012:execution:Orders:run-1', startDate: 1700000000.25 });
  });

  test('an execution of that name already running answers 400 with the message', () => {
    const result = started(400, { __type: 'com.amazonaws.swf.service.v2.model#ExecutionAlreadyExists', message: 'Execution Already Exists: \'arn\'' });
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body)).toEqual({ message: "Execution Already Exists: 'arn'" });
  });

  test(`for ${PROPERTY_RUNS} generated answers the body is valid JSON`, () => {
    fc.assert(fc.property(adversarialString, fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 2e9 }), (arn, date) => {
      expect(JSON.parse(started(200, { executionArn: arn, startDate: date }).body)).toEqual({ executionArn: arn, startDate: date });
    }), { numRuns: PROPERTY_RUNS, seed: PROPERTY_SEED });
  });

  test('the checks find nothing in these responses', () => {
    expect(TemplateChecker.check(kitTemplate(StepFunctionsResponses.startExecution(), 'arn:aws:apigateway:us-east-1:states:action/StartExecution'))).toEqual([]);
  });
});

test('the checks find nothing in these responses', () => {
  expect(TemplateChecker.check(kitTemplate(StepFunctionsResponses.startSyncExecution(), 'arn:aws:apigateway:us-east-1:states:action/StartSyncExecution')))
    .toEqual([]);
});
