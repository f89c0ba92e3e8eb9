import { JsonBody } from './json-body';
import { ResponseTemplate } from '../rest/response-template';
import { ResponseValue } from '../rest/response-value';
import { RestResponse } from '../rest/rest-response';
import { RestResponses } from '../rest/rest-responses';

/** The object's headers the client gets with it, as S3 sends them. */
const OBJECT_HEADERS = ['Content-Type', 'Content-Length', 'ETag', 'Last-Modified'];

/**
 * Responses for REST methods that read from S3 directly (an `AWS` integration with the `s3`
 * service, as in AWS's S3 proxy tutorial).
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/integrating-api-with-aws-services-s3.html
 */
export class S3Responses {
  /**
   * For `GetObject`. S3 answers the object's bytes with its `Content-Type`, or an error as XML,
   * which a mapping template cannot read, so error bodies are fixed texts:
   *
   * - the object: 200 with the object's bytes as they are (no mapping template) and its
   *   `Content-Type`, `Content-Length`, `ETag` and `Last-Modified`. For binary objects (images,
   *   PDFs, archives), add their media types to the API's `binaryMediaTypes` (a wildcard type
   *   covers them all), or API Gateway passes them on as UTF-8 text;
   * - no such key: 404 with `{"message": "not found"}`. S3 answers 403 instead of 404 when the
   *   integration's role may not list the bucket (no `s3:ListBucket`);
   * - access denied: 403 with `{"message": "forbidden"}`;
   * - any other 4XX: 400 with `{"message": "bad request"}`; a 5XX: 500 with
   *   `{"message": "internal error"}`.
   */
  public static forGetObject(): RestResponses {
    const message = (text: string) => ResponseTemplate.fromJsonBody(JsonBody.objectOf({ message: JsonBody.stringValue(text) }));
    const object = OBJECT_HEADERS.reduce(
      (response, name) => response.withHeader(name, ResponseValue.integrationHeader(name)), RestResponse.forStatus('200'));
    return RestResponses.of([
      object,
      RestResponse.forStatus('404').whenStatusMatches('404').withTemplate('application/json', message('not found')),
      RestResponse.forStatus('403').whenStatusMatches('403').withTemplate('application/json', message('forbidden')),
      // Every other 4XX: API Gateway does not say which of two matching patterns wins, so this one leaves out 403 and 404.
      RestResponse.forStatus('400').whenStatusMatches('40[0-25-9]|4[1-9]\\d').withTemplate('application/json', message('bad request')),
      RestResponse.forStatus('500').whenStatusMatches('5\\d{2}').withTemplate('application/json', message('internal error')),
    ]);
  }

  private constructor() {}
}
