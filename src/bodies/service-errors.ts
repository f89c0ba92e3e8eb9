import { JsonBody } from './json-body';
import { ResponseTemplate } from '../rest/response-template';
import { RestResponse } from '../rest/rest-response';

/**
 * The responses every service kit ends with: an AWS service's own 4XX (a malformed request,
 * throttling, a missing resource) becomes 400 and its 5XX becomes 500, each with the service's
 * error message as `{"message": ...}`.
 *
 * @param messagePaths where the service's error body holds its message, tried in order: JSON
 * protocol services write `{"__type", "message"}`; Query protocol services (SQS, SNS) write
 * `{"Error": {"Code", "Message", "Type"}, "RequestId"}`
 */
export function serviceErrorResponses(messagePaths: readonly string[] = ['$.message']): RestResponse[] {
  // Whichever path holds the message, the body is the same: {"message": a string or null}.
  const message = ResponseTemplate._withSchema(firstPresent(messagePaths), messageBody(messagePaths[0]).toJsonSchema());
  return [
    RestResponse.forStatus('400').whenStatusMatches('4\\d{2}').withTemplate('application/json', message),
    RestResponse.forStatus('500').whenStatusMatches('5\\d{2}').withTemplate('application/json', message),
  ];
}

function messageBody(path: string): JsonBody {
  return JsonBody.objectOf({ message: JsonBody.stringAt(path) });
}

/** `{"message": ...}` from the first of `paths` the answer has (`null` when it has none). */
function firstPresent(paths: readonly string[]): string {
  const body = (path: string) => messageBody(path).toTemplate();
  if (paths.length === 1) return body(paths[0]);
  const [first, ...rest] = paths;
  return [`#if($input.path('${first}') != $null)`, body(first).trimEnd(), '#{else}', firstPresent(rest).trimEnd(), '#end', ''].join('\n');
}
