/**
 * The S3 GetObject responses, simulated on answers shaped as S3 documents them
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html: the object's bytes with
 * Content-Type, Content-Length, ETag and Last-Modified; errors as XML, NoSuchKey with 404 and
 * AccessDenied with 403, https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
 */
import * as fc from 'fast-check';
import { RestSimulator, S3Responses, TemplateChecker } from '../../src';
import { kitTemplate } from '../support/kit-template';

const simulator = RestSimulator.fromResponses(S3Responses.forGetObject());
const xmlError = (code: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>m</Message><RequestId>r</RequestId></Error>`;

test('the object answers 200 with its bytes as they are, and its content type, length, ETag and date', () => {
  const headers = { 'Content-Type': 'application/pdf', 'Content-Length': '15', 'ETag': '"3858f62230ac3c915f300c664312c11f"', 'Last-Modified': 'Wed, 21 Oct 2015 07:28:00 GMT' };
  const result = simulator.simulate({ backend: { statusCode: 200, body: '%PDF-1.4 {"a"}', headers } });
  expect(result).toMatchObject({ statusCode: 200, body: '%PDF-1.4 {"a"}', headers });
});

test.each([
  [404, 'NoSuchKey', 404, 'not found'],
  [403, 'AccessDenied', 403, 'forbidden'],
  [400, 'InvalidArgument', 400, 'bad request'],
  [416, 'InvalidRange', 400, 'bad request'],
  [503, 'SlowDown', 500, 'internal error'],
])('S3 answering %i (%s) answers %i with a JSON message', (status, code, expected, message) => {
  const result = simulator.simulate({ backend: { statusCode: status, body: xmlError(code) } });
  expect(result.statusCode).toBe(expected);
  expect(JSON.parse(result.body)).toEqual({ message });
});

test('every status S3 can answer selects exactly one response, the one for its class', () => {
  fc.assert(fc.property(fc.integer({ min: 200, max: 599 }), status => {
    const result = simulator.simulate({ backend: { statusCode: status, body: xmlError('X') } });
    const expected = status === 404 || status === 403 ? status : status >= 500 ? 500 : status >= 400 ? 400 : 200;
    expect(result.statusCode).toBe(expected);
  }), { numRuns: 400 });
});

test('the checks find nothing in these responses (the 400 pattern leaves out 403 and 404, so no two patterns overlap)', () => {
  expect(TemplateChecker.check(kitTemplate(S3Responses.forGetObject(), 'arn:aws:apigateway:us-east-1:s3:path/bucket/{key}'))).toEqual([]);
});
