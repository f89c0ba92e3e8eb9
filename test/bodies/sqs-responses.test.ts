/**
 * The SQS SendMessage responses, simulated on answers shaped as the API reference documents them
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html,
 * "Response Elements": MD5OfMessageBody, MessageId, SequenceNumber for FIFO queues). The Query
 * protocol's answer reaches API Gateway as JSON wrapped in SendMessageResponse/SendMessageResult
 * (what public SQS integration templates on GitHub read with
 * `$input.path('$.SendMessageResponse.SendMessageResult.MessageId')`); the JSON protocol's answer is
 * the bare object. Errors: the Query protocol's {"Error": {"Code",
 * "Message", "Type"}, "RequestId"}, the JSON protocol's {"__type", "message"}.
 */
import * as fc from 'fast-check';
import { RestSimulator, SqsResponses, TemplateChecker } from '../../src';
import { adversarialString } from '../support/json-body-shapes';
import { kitTemplate } from '../support/kit-template';
import { PROPERTY_RUNS, PROPERTY_SEED } from '../support/property-runs';

const simulate = (statusCode: number, body: object) =>
  RestSimulator.fromResponses(SqsResponses.sendMessage()).simulate({ backend: { statusCode, body: JSON.stringify(body) } });
const queryAnswer = (result: object) => ({ SendMessageResponse: { SendMessageResult: result, ResponseMetadata: { RequestId: 'b5293cb5-d306-4a17-9048-b263635abe42' } } });

test('a message sent through the Query protocol answers 200 with its ID', () => {
  const result = simulate(200, queryAnswer({ MD5OfMessageBody: 'fafb00f5732ab283681e124bf8747ed1', MessageId: '5fea7756-0ea4-451a-a703-a558b933e274' }));
  expect(result.statusCode).toBe(200);
  expect(JSON.parse(result.body)).toEqual({ messageId: '5fea7756-0ea4-451a-a703-a558b933e274' });
});

test('a message sent to a FIFO queue through the JSON protocol answers its ID and sequence number', () => {
  const result = simulate(200, { MD5OfMessageBody: 'x', MessageId: 'm-1', SequenceNumber: '18849496460467696128' });
  expect(JSON.parse(result.body)).toEqual({ messageId: 'm-1', sequenceNumber: '18849496460467696128' });
});

test("SQS's own errors answer 400 or 500 with their message, in either protocol", () => {
  const query = simulate(400, { Error: { Code: 'AWS.SimpleQueueService.NonExistentQueue', Message: 'The specified queue does not exist.', Type: 'Sender' }, RequestId: 'r' });
  expect(query.statusCode).toBe(400);
  expect(JSON.parse(query.body)).toEqual({ message: 'The specified queue does not exist.' });
  const json = simulate(400, { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.' });
  expect(JSON.parse(json.body)).toEqual({ message: 'The specified queue does not exist.' });
  expect(simulate(500, { message: 'Internal' })).toMatchObject({ statusCode: 500 });
});

test(`for ${PROPERTY_RUNS} generated answers the body is valid JSON with the ID and sequence number sent`, () => {
  fc.assert(fc.property(fc.boolean(), adversarialString, fc.option(adversarialString, { nil: undefined }), (query, id, sequence) => {
    const result = { MD5OfMessageBody: 'x', MessageId: id, ...(sequence === undefined ? {} : { SequenceNumber: sequence }) };
    const body = JSON.parse(simulate(200, query ? queryAnswer(result) : result).body);
    expect(body).toEqual(sequence === undefined ? { messageId: id } : { messageId: id, sequenceNumber: sequence });
  }), { numRuns: PROPERTY_RUNS, seed: PROPERTY_SEED });
});

test('the checks find nothing in these responses', () => {
  expect(TemplateChecker.check(kitTemplate(SqsResponses.sendMessage(), 'arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders'))).toEqual([]);
});
