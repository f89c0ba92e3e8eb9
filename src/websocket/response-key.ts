import { throwOnErrors, usageError } from '../errors/integration-response-error';
import { isUnknown } from '../grammar/unknown';
import { ResponseMatch } from '../response-match';
import { RULES } from '../rules/catalog';
import { checkResponseKey, DEFAULT_KEY, parseResponseKey } from '../rules/response-key';

/**
 * The key of a WebSocket integration response: `$default`, or a pattern between slashes that
 * API Gateway matches against the Lambda error message (Lambda custom integrations) or the
 * backend status code (HTTP and MOCK integrations).
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-integration-responses.html
 */
export class ResponseKey {
  /**
   * The catch-all response: used when no other key matches, which includes every success of a
   * Lambda custom integration. Non-proxy integrations need one.
   */
  public static readonly DEFAULT: ResponseKey = new ResponseKey(DEFAULT_KEY, ResponseMatch.DEFAULT);

  /**
   * Matches the backend status code of an HTTP or MOCK integration, e.g. `4\d\d`.
   *
   * @param pattern Java regular expression matched against the status code (without slashes)
   */
  public static whenStatusMatches(pattern: string): ResponseKey {
    return ResponseKey.pattern(pattern, ResponseMatch.STATUS_CODE, 'ResponseKey.whenStatusMatches');
  }

  /**
   * Matches the `errorMessage` of a failed Lambda invocation (Lambda custom integrations).
   * Successes have an empty error message: use `.+`, not `.*`, to catch every error.
   *
   * @param pattern Java regular expression matched against the error message (without slashes)
   */
  public static whenLambdaErrorMatches(pattern: string): ResponseKey {
    return ResponseKey.pattern(pattern, ResponseMatch.LAMBDA_ERROR, 'ResponseKey.whenLambdaErrorMatches');
  }

  /**
   * Any 2xx status code (`/2\d\d/`).
   */
  public static successStatus(): ResponseKey {
    return ResponseKey.whenStatusMatches('2\\d\\d');
  }

  /**
   * Any 4xx status code (`/4\d\d/`).
   */
  public static clientErrorStatus(): ResponseKey {
    return ResponseKey.whenStatusMatches('4\\d\\d');
  }

  /**
   * Any 5xx status code (`/5\d\d/`).
   */
  public static serverErrorStatus(): ResponseKey {
    return ResponseKey.whenStatusMatches('5\\d\\d');
  }

  /**
   * A key as API Gateway spells it: `$default` or `/pattern/`. Checked like every other key.
   *
   * @param key the integration response key
   */
  public static fromKey(key: string): ResponseKey {
    if (isUnknown(key)) return new ResponseKey(key);
    throwOnErrors(checkResponseKey(key, 'unknown').findings, 'ResponseKey.fromKey', [RULES.wsResponseKey]);
    return new ResponseKey(key, parseResponseKey(key).isDefault ? ResponseMatch.DEFAULT : undefined);
  }

  private static pattern(pattern: string, match: ResponseMatch, method: string): ResponseKey {
    if (pattern === '') throw usageError(method, 'the pattern is empty; use ResponseKey.DEFAULT for the catch-all response');
    const key = `/${pattern}/`;
    if (!isUnknown(pattern)) throwOnErrors(checkResponseKey(key, 'unknown').findings, method, [RULES.wsResponseKey]);
    return new ResponseKey(key, match);
  }

  /**
   * The key as API Gateway expects it (`$default` or `/pattern/`).
   */
  public readonly key: string;

  /**
   * What the key is matched against.
   *
   * @default - not known (a key given with `fromKey`)
   */
  public readonly matchesOn?: ResponseMatch;

  private constructor(key: string, matchesOn?: ResponseMatch) {
    this.key = key;
    this.matchesOn = matchesOn;
  }

  /**
   * The key.
   */
  public toString(): string {
    return this.key;
  }
}
