import { eitherBody } from './either-body';
import { JsonBody } from './json-body';
import { serviceErrorResponses } from './service-errors';
import { WhenMissing } from './when-missing';
import { RestResponse } from '../rest/rest-response';
import { RestResponses } from '../rest/rest-responses';

/**
 * Responses for REST methods that call EventBridge directly (an `AWS` integration with the
 * `events` service), written with `JsonBody` so that every body is valid JSON.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html
 */
export class EventBridgeResponses {
  /**
   * For `PutEvents`. EventBridge answers HTTP 200 even when some entries failed, with
   * `FailedEntryCount` and one result per entry:
   *
   * - no failed entry: 200 with `{"eventIds": [...]}`;
   * - any failed entry: 500 (set with `$context.responseOverride.status`) with
   *   `{"failedEntryCount": n, "entries": [{"eventId", "errorCode", "errorMessage"}, ...]}`, each
   *   field left out where EventBridge gives none;
   * - a 4XX from EventBridge (a malformed request, throttling): 400 with `{"message": ...}`; a 5XX:
   *   500 with `{"message": ...}`.
   */
  public static putEvents(): RestResponses {
    const omit = { whenMissing: WhenMissing.omit() };
    const accepted = JsonBody.objectOf({ eventIds: JsonBody.listAt('$.Entries', JsonBody.stringAt('$.EventId', omit)) });
    const failed = JsonBody.objectOf({
      failedEntryCount: JsonBody.numberAt('$.FailedEntryCount'),
      entries: JsonBody.listAt('$.Entries', JsonBody.objectOf({
        eventId: JsonBody.stringAt('$.EventId', omit),
        errorCode: JsonBody.stringAt('$.ErrorCode', omit),
        errorMessage: JsonBody.stringAt('$.ErrorMessage', omit),
      })),
    });
    return RestResponses.of([
      RestResponse.forStatus('200').withTemplate('application/json',
        eitherBody("$input.path('$.FailedEntryCount') > 0", { body: failed, status: 500 }, { body: accepted })),
      ...serviceErrorResponses(),
    ]);
  }

  private constructor() {}
}
