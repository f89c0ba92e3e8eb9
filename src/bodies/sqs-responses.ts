import { messageIdResponses } from './message-id-responses';
import { RestResponses } from '../rest/rest-responses';

/**
 * Responses for REST methods that send to an SQS queue directly (an `AWS` integration with the
 * `sqs` service), written with `JsonBody` so that every body is valid JSON.
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
 */
export class SqsResponses {
  /**
   * For `SendMessage`, through either protocol SQS offers (the Query protocol, an
   * `Action=SendMessage` form body, or the JSON protocol, an `X-Amz-Target: AmazonSQS.SendMessage`
   * header):
   *
   * - sent: 200 with `{"messageId": ...}`, plus `"sequenceNumber"` for a FIFO queue;
   * - a 4XX from SQS (a missing queue, a message too large, throttling): 400 with
   *   `{"message": ...}`; a 5XX: 500 with `{"message": ...}`.
   */
  public static sendMessage(): RestResponses {
    return messageIdResponses('SendMessage');
  }

  private constructor() {}
}
