import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { ResponseMatch, ResponseTemplate, ResponseValue, RestResponse } from '../../src';

test('a response without a pattern is the default', () => {
  const ok = RestResponse.forStatus('200');
  expect(ok.matchesOn).toBe(ResponseMatch.DEFAULT);
  expect(ok.selectionPattern).toBeUndefined();
  expect(ok.toIntegrationResponse()).toEqual({ statusCode: '200' });
  expect(ok.toMethodResponse()).toEqual({ statusCode: '200' });
});

test('renders headers, templates, content handling and models', () => {
  const model = apigw.Model.EMPTY_MODEL;
  const response = RestResponse.forStatus('404')
    .whenLambdaErrorMatches('.*NotFound.*')
    .withHeader('Access-Control-Allow-Origin', ResponseValue.literal('*'))
    .withHeader('X-Request-Id', ResponseValue.contextVariable('requestId'))
    .withTemplate('application/json', ResponseTemplate.lambdaErrorMessageJson())
    .withContentHandling(apigw.ContentHandling.CONVERT_TO_TEXT)
    .withModel('application/json', model);
  expect(response.matchesOn).toBe(ResponseMatch.LAMBDA_ERROR);
  expect(response.toIntegrationResponse()).toEqual({
    statusCode: '404',
    selectionPattern: '.*NotFound.*',
    contentHandling: 'CONVERT_TO_TEXT',
    responseParameters: {
      'method.response.header.Access-Control-Allow-Origin': "'*'",
      'method.response.header.X-Request-Id': 'context.requestId',
    },
    responseTemplates: { 'application/json': ResponseTemplate.lambdaErrorMessageJson().template },
  });
  expect(response.toMethodResponse()).toEqual({
    statusCode: '404',
    responseParameters: {
      'method.response.header.Access-Control-Allow-Origin': true,
      'method.response.header.X-Request-Id': true,
    },
    responseModels: { 'application/json': model },
  });
  expect(Object.keys(response.headers)).toEqual(['Access-Control-Allow-Origin', 'X-Request-Id']);
  expect(Object.keys(response.templates)).toEqual(['application/json']);
});

test('responses are immutable: a base response can be shared', () => {
  const base = RestResponse.forStatus('200').withHeader('A', ResponseValue.literal('1'));
  const extended = base.withHeader('B', ResponseValue.literal('2'));
  expect(Object.keys(base.headers)).toEqual(['A']);
  expect(Object.keys(extended.headers)).toEqual(['A', 'B']);
  const status = base.whenStatusMatches('2\\d\\d');
  expect(base.selectionPattern).toBeUndefined();
  expect(status.matchesOn).toBe(ResponseMatch.STATUS_CODE);
});

test('fails an invalid status code at forStatus', () => {
  expect(() => RestResponse.forStatus('2000')).toThrow(
    "[rest-status-code] status code '2000' is not a valid HTTP status: API Gateway requires three digits matching [1-5]\\d\\d and rejects the deployment (\"Member must satisfy regular expression pattern: [1-5]\\d\\d\"); use a code from 100 to 599 (in RestResponse.forStatus)");
});

test('fails an invalid pattern at the call that sets it', () => {
  expect(() => RestResponse.forStatus('500').whenLambdaErrorMatches('.*{"error".*')).toThrow(
    /^\[rest-selection-pattern-syntax\] selection pattern '\.\*\{"error"\.\*' is not a valid Java regular expression .* \(in RestResponse\.whenLambdaErrorMatches\)$/);
  expect(() => RestResponse.forStatus('500').whenStatusMatches('(')).toThrow(/\(in RestResponse\.whenStatusMatches\)$/);
});

test('accepts Java-only syntax it cannot check', () => {
  expect(RestResponse.forStatus('500').whenLambdaErrorMatches('.*\\p{Punct}.*').selectionPattern).toBe('.*\\p{Punct}.*');
});

test('fails a second pattern and an empty pattern', () => {
  expect(() => RestResponse.forStatus('500').whenStatusMatches('5\\d\\d').whenStatusMatches('4\\d\\d')).toThrow(
    "the '500' response already selects on '5\\d\\d'; a response has one selection pattern (combine alternatives with '|') (in RestResponse.whenStatusMatches)");
  expect(() => RestResponse.forStatus('500').whenLambdaErrorMatches('')).toThrow(
    "the pattern is empty, which makes the '500' response the default; leave out the when... call for a default response (in RestResponse.whenLambdaErrorMatches)");
});

test('fails a header set twice or with an invalid name', () => {
  const ok = RestResponse.forStatus('200').withHeader('A', ResponseValue.literal('1'));
  expect(() => ok.withHeader('A', ResponseValue.literal('2'))).toThrow(
    "header 'A' is already set on the '200' response; set each header once (in RestResponse.withHeader)");
  expect(() => ok.withHeader('B:', ResponseValue.literal('2'))).toThrow(
    "'B:' is not a valid header name: header names cannot contain ':' (in RestResponse.withHeader)");
});

test('fails a template key that is not a media type, or set twice', () => {
  expect(() => RestResponse.forStatus('200').withTemplate('json', ResponseTemplate.passthroughJson())).toThrow(
    /^\[rest-template-content-type\] response template key 'json' is not a media type: .* \(in RestResponse\.withTemplate\)$/);
  const ok = RestResponse.forStatus('200').withTemplate('application/json', ResponseTemplate.passthroughJson());
  expect(() => ok.withTemplate('application/json', ResponseTemplate.empty())).toThrow(
    "a template for 'application/json' is already set on the '200' response (in RestResponse.withTemplate)");
});

test('fails a model key that is not a media type, or set twice', () => {
  expect(() => RestResponse.forStatus('200').withModel('json', apigw.Model.EMPTY_MODEL)).toThrow(
    "'json' is not a media type: a method response declares a model per content type, and API Gateway rejects other keys ('Invalid content type specified'); use a type/subtype such as 'application/json' (in RestResponse.withModel)");
  const ok = RestResponse.forStatus('200').withModel('application/json', apigw.Model.EMPTY_MODEL);
  expect(() => ok.withModel('application/json', apigw.Model.ERROR_MODEL)).toThrow(
    "a model for 'application/json' is already set on the '200' response (in RestResponse.withModel)");
});

test('fails an unknown content handling given from an untyped language', () => {
  expect(() => RestResponse.forStatus('200').withContentHandling('TEXT' as apigw.ContentHandling)).toThrow(
    /^\[rest-content-handling\] content handling 'TEXT' is not supported: .* \(in RestResponse\.withContentHandling\)$/);
});
