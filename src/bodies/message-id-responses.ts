import { JsonBody } from './json-body';
import { serviceErrorResponses } from './service-errors';
import { WhenMissing } from './when-missing';
import { ResponseTemplate } from '../rest/response-template';
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
  const at = (base: string) => shape(base).toTemplate().trimEnd();
  const outcome = [
    `#if($input.path('$.${action}Response') != $null)`,
    at(`$.${action}Response.${action}Result`),
    '#{else}',
    at('$'),
    '#end',
    '',
  ].join('\n');
  return RestResponses.of([
    // Both forms send the same body.
    RestResponse.forStatus('200').withTemplate('application/json', ResponseTemplate._withSchema(outcome, shape('$').toJsonSchema())),
    ...serviceErrorResponses(QUERY_PROTOCOL_ERROR_MESSAGES),
  ]);
}
