/**
 * The SNS Publish responses, simulated on answers shaped as the API reference documents them
 * (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html, "Response Elements": MessageId,
 * SequenceNumber for FIFO topics), as API Gateway receives SNS's Query protocol answer: JSON wrapped
 * in PublishResponse/PublishResult (what public SNS integration templates on GitHub read). Errors:
 * {"Error": {"Code", "Message", "Type"}, "RequestId"}.
 */
import * as fc from 'fast-check';
import { RestSimulator, SnsResponses, TemplateChecker } from '../../src';
import { adversarialString } from '../support/json-body-shapes';
import { kitTemplate } from '../support/kit-template';
import { PROPERTY_RUNS, PROPERTY_SEED } from '../support/property-runs';

const simulate = (statusCode: number, body: object) =>
  RestSimulator.fromResponses(SnsResponses.publish()).simulate({ backend: { statusCode, body: JSON.stringify(body) } });
const published = (result: object) => ({ PublishResponse: { PublishResult: result, ResponseMetadata: { RequestId: 'f187a3c1-376f-11df-8963-01868b7c937a' } } });

test('a published message answers 200 with its ID', () => {
  const result = simulate(200, published({ MessageId: '94f20ce6-13c5-43a0-9a9e-ca52d816e90b' }));
  expect(result.statusCode).toBe(200);
  expect(JSON.parse(result.body)).toEqual({ messageId: '94f20ce6-13c5-43a0-9a9e-ca52d816e90b' });
});

test('a FIFO topic also answers the sequence number', () => {
  expect(JSON.parse(simulate(200, published({ MessageId: 'm', SequenceNumber: '10000000000000003000' })).body))
    .toEqual({ messageId: 'm', sequenceNumber: '10000000000000003000' });
});

test("SNS's own errors answer 400 or 500 with their message", () => {
  const invalid = simulate(400, { Error: { Type: 'Sender', Code: 'InvalidParameter', Message: 'Invalid parameter: "TopicArn"' }, RequestId: 'r' });
  expect(invalid.statusCode).toBe(400);
  expect(JSON.parse(invalid.body)).toEqual({ message: 'Invalid parameter: "TopicArn"' });
  expect(simulate(500, { Error: { Type: 'Receiver', Code: 'InternalError', Message: 'x' } })).toMatchObject({ statusCode: 500 });
});

test(`for ${PROPERTY_RUNS} generated answers the body is valid JSON with the ID sent, and so is every error`, () => {
  fc.assert(fc.property(adversarialString, fc.option(adversarialString, { nil: undefined }), (id, message) => {
    expect(JSON.parse(simulate(200, published({ MessageId: id })).body)).toEqual({ messageId: id });
    expect(JSON.parse(simulate(400, { Error: { Code: 'C', Message: message } }).body)).toEqual({ message: message ?? null });
  }), { numRuns: PROPERTY_RUNS, seed: PROPERTY_SEED });
});

test('the checks find nothing in these responses', () => {
  expect(TemplateChecker.check(kitTemplate(SnsResponses.publish(), 'arn:aws:apigateway:us-east-1:sns:action/Publish'))).toEqual([]);
});
