import { JsonBody } from './json-body';
import { serviceErrorResponses } from './service-errors';
import { ResponseTemplate } from '../rest/response-template';
import { RestResponse } from '../rest/rest-response';
import { RestResponses } from '../rest/rest-responses';

/**
 * Responses for REST methods that call Step Functions directly (an `AWS` integration with the
 * `states` service), written with `JsonBody` so that every body is valid JSON whatever the
 * execution returns.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartSyncExecution.html
 */
export class StepFunctionsResponses {
  /**
   * For `StartExecution` (Standard and Express workflows, started without waiting for them):
   *
   * - started: 200 with `{"executionArn": ..., "startDate": ...}` (the date in seconds since the
   *   epoch, as Step Functions writes it);
   * - a 4XX from Step Functions (an execution of that name already running, an invalid input, a
   *   missing state machine, throttling): 400 with `{"message": ...}`; a 5XX: 500 with
   *   `{"message": ...}`.
   *
   * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html
   */
  public static startExecution(): RestResponses {
    const started = JsonBody.objectOf({ executionArn: JsonBody.stringAt('$.executionArn'), startDate: JsonBody.numberAt('$.startDate') });
    return RestResponses.of([
      RestResponse.forStatus('200').withTemplate('application/json', ResponseTemplate.fromJsonBody(started)),
      ...serviceErrorResponses(),
    ]);
  }

  /**
   * For `StartSyncExecution` (Express workflows). Step Functions answers HTTP 200 whether the
   * execution succeeded or not, with `status` `SUCCEEDED`, `FAILED` or `TIMED_OUT`:
   *
   * - `SUCCEEDED`: 200 with the execution's `output` (JSON text the state machine produced) as the body;
   * - `FAILED` and `TIMED_OUT`: 500 (set with `$context.responseOverride.status`) with
   *   `{"error": ..., "cause": ...}` from the execution;
   * - a 4XX from Step Functions (an invalid input, a missing state machine, throttling): 400 with
   *   `{"message": ...}`; a 5XX: 500 with `{"message": ...}`.
   */
  public static startSyncExecution(): RestResponses {
    const failure = JsonBody.objectOf({ error: JsonBody.stringAt('$.error'), cause: JsonBody.stringAt('$.cause') }).toTemplate();
    // The execution's output is a JSON text: written as it is, or null when Step Functions leaves it out.
    const outcome = [
      "#if($input.path('$.status') == \"SUCCEEDED\")",
      "#if($input.path('$.output') != $null)$input.path('$.output')#{else}null#end",
      '#{else}',
      '#set($context.responseOverride.status = 500)',
      failure.trimEnd(),
      '#end',
      '',
    ].join('\n');
    return RestResponses.of([
      RestResponse.forStatus('200').withTemplate('application/json', ResponseTemplate.fromString(outcome)),
      ...serviceErrorResponses(),
    ]);
  }

  private constructor() {}
}
