import { eitherBody } from './either-body';
import { JsonBody } from './json-body';
import { serviceErrorResponses } from './service-errors';
import { WhenMissing } from './when-missing';
import { RestResponse } from '../rest/rest-response';
import { RestResponses } from '../rest/rest-responses';

/** Where Query protocol services (SQS, SNS) write their error message, then JSON protocol services. */
export const QUERY_PROTOCOL_ERROR_MESSAGES = ['$.Error.Message', '$.message'];

/**
 * The responses of an action that answers a message ID (SQS `SendMessage`, SNS `Publish`): 200 with
 * `{"messageId": ..., "sequenceNumber": ...}` (the sequence number only for FIFO queues and topics),
 * read from either answer a service gives: the Query protocol's, which API Gateway receives as JSON
 * (`{"<Action>Response": {"<Action>Result": {"MessageId": ...}}}`), or the JSON protocol's
 * (`{"MessageId": ...}`); then the service errors, 400 and 500 with the message.
 */
export function messageIdResponses(action: string): RestResponses {
  const shape = (base: string) => JsonBody.objectOf({
    messageId: JsonBody.stringAt(`${base}.MessageId`),
    sequenceNumber: JsonBody.stringAt(`${base}.SequenceNumber`, { whenMissing: WhenMissing.omit() }),
  });
  const outcome = eitherBody(`$input.path('$.${action}Response') != $null`, { body: shape(`$.${action}Response.${action}Result`) }, { body: shape('$') });
  return RestResponses.of([
    RestResponse.forStatus('200').withTemplate('application/json', outcome),
    ...serviceErrorResponses(QUERY_PROTOCOL_ERROR_MESSAGES),
  ]);
}
