/**
 * The EventBridge PutEvents responses, simulated on answers shaped as the API reference documents
 * them (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html, "Response
 * Syntax": FailedEntryCount, and Entries with EventId on success or ErrorCode and ErrorMessage).
 */
import * as fc from 'fast-check';
import { EventBridgeResponses, RestSimulator } from '../../src';
import { adversarialString } from '../support/json-body-shapes';
import { draft4Validator } from '../support/json-schema';
import { PROPERTY_RUNS, PROPERTY_SEED } from '../support/property-runs';

const simulate = (statusCode: number, body: object) =>
  RestSimulator.fromResponses(EventBridgeResponses.putEvents()).simulate({ backend: { statusCode, body: JSON.stringify(body) } });

test('accepted events answer 200 with their IDs', () => {
  const result = simulate(200, { FailedEntryCount: 0, Entries: [{ EventId: '11710aed-b79e-4468-a20b-bb3c0c3b4860' }, { EventId: 'd804d26a-88db-4b66-9eaf-9a11c708ae82' }] });
  expect(result.statusCode).toBe(200);
  expect(JSON.parse(result.body)).toEqual({ eventIds: ['11710aed-b79e-4468-a20b-bb3c0c3b4860', 'd804d26a-88db-4b66-9eaf-9a11c708ae82'] });
});

test('any failed entry answers 500 with every entry, what failed and why', () => {
  const result = simulate(200, {
    FailedEntryCount: 1,
    Entries: [{ EventId: 'e-1' }, { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed: "x" isn\'t JSON' }],
  });
  expect(result.statusCode).toBe(500);
  expect(JSON.parse(result.body)).toEqual({
    failedEntryCount: 1,
    entries: [{ eventId: 'e-1' }, { errorCode: 'MalformedDetail', errorMessage: 'Detail is malformed: "x" isn\'t JSON' }],
  });
});

test("EventBridge's own errors answer 400 or 500 with their message", () => {
  const throttled = simulate(400, { __type: 'ThrottlingException', message: 'Rate exceeded' });
  expect(throttled).toMatchObject({ statusCode: 400, selected: '400' });
  expect(JSON.parse(throttled.body)).toEqual({ message: 'Rate exceeded' });
  expect(simulate(500, { message: 'Internal' }).statusCode).toBe(500);
});

test(`for ${PROPERTY_RUNS} generated answers the body is valid JSON`, () => {
  const entry = fc.oneof(
    fc.record({ EventId: adversarialString }),
    fc.record({ ErrorCode: adversarialString, ErrorMessage: adversarialString }),
  );
  fc.assert(fc.property(fc.array(entry, { maxLength: 5 }), entries => {
    const failedEntryCount = entries.filter(e => 'ErrorCode' in e).length;
    const result = simulate(200, { FailedEntryCount: failedEntryCount, Entries: entries });
    const body = JSON.parse(result.body);
    if (failedEntryCount === 0) {
      expect(result.statusCode).toBe(200);
      expect(body).toEqual({ eventIds: entries.map(e => (e as { EventId: string }).EventId) });
    } else {
      expect(result.statusCode).toBe(500);
      expect(body).toEqual({
        failedEntryCount,
        entries: entries.map(e => 'ErrorCode' in e ? { errorCode: e.ErrorCode, errorMessage: e.ErrorMessage } : { eventId: e.EventId }),
      });
    }
  }), { numRuns: PROPERTY_RUNS, seed: PROPERTY_SEED });
});

test("the 200 response's model accepts both bodies it renders", () => {
  const valid = draft4Validator(EventBridgeResponses.putEvents().responses[0].templates['application/json'].schema as object);
  expect(valid(JSON.parse(simulate(200, { FailedEntryCount: 0, Entries: [{ EventId: 'e' }] }).body))).toBe(true);
  expect(valid(JSON.parse(simulate(200, { FailedEntryCount: 1, Entries: [{ ErrorCode: 'C', ErrorMessage: 'm' }] }).body))).toBe(true);
  expect(valid({ eventIds: 'e' })).toBe(false);
});
