import { messageIdResponses } from './message-id-responses';
import { RestResponses } from '../rest/rest-responses';

/**
 * Responses for REST methods that publish to an SNS topic directly (an `AWS` integration with the
 * `sns` service), written with `JsonBody` so that every body is valid JSON.
 *
 * @see https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 */
export class SnsResponses {
  /**
   * For `Publish` (an `Action=Publish` form body, SNS's Query protocol):
   *
   * - published: 200 with `{"messageId": ...}`, plus `"sequenceNumber"` for a FIFO topic;
   * - a 4XX from SNS (an invalid parameter, a missing topic, throttling): 400 with
   *   `{"message": ...}`; a 5XX: 500 with `{"message": ...}`.
   */
  public static publish(): RestResponses {
    return messageIdResponses('Publish');
  }

  private constructor() {}
}
