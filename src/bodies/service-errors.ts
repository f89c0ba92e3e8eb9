import { JsonBody } from './json-body';
import { ResponseTemplate } from '../rest/response-template';
import { RestResponse } from '../rest/rest-response';

/**
 * The responses every service kit ends with: an AWS service's own 4XX (a malformed request,
 * throttling, a missing resource) becomes 400 and its 5XX becomes 500, each with the
 * `{"message": ...}` the service's JSON error body carries.
 */
export function serviceErrorResponses(): RestResponse[] {
  const message = ResponseTemplate.fromJsonBody(JsonBody.objectOf({ message: JsonBody.stringAt('$.message') }));
  return [
    RestResponse.forStatus('400').whenStatusMatches('4\\d{2}').withTemplate('application/json', message),
    RestResponse.forStatus('500').whenStatusMatches('5\\d{2}').withTemplate('application/json', message),
  ];
}
