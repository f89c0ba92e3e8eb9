import { App, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { IntegrationResponseChecks, IntegrationResponseErrors, ResponseValue, RestResponse, RestResponses, RuleIds, RestSimulator } from '../../src';
import { IntegrationResponseError } from '../../src/errors/integration-response-error';

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw');
}

describe('one error type for every front end', () => {
  test.each([
    ['a rule at a builder call', () => RestResponse.forStatus('2000')],
    ['a usage mistake', () => ResponseValue.integrationHeader('bad name')],
    ['the response set', () => RestResponses.of([RestResponse.forStatus('200'), RestResponse.forStatus('201')])],
    ['the simulator', () => RestSimulator.fromTemplate({ Resources: {} }, 'Missing')],
  ])('%s throws an error the predicate recognizes', (_, call) => {
    const error = thrown(call);
    expect(IntegrationResponseErrors.isIntegrationResponseError(error)).toBe(true);
  });

  test('errors of others are not ours', () => {
    expect(IntegrationResponseErrors.isIntegrationResponseError(new Error('x'))).toBe(false);
    expect(IntegrationResponseErrors.isIntegrationResponseError('[rest-status-code] x')).toBe(false);
    expect(IntegrationResponseErrors.isIntegrationResponseError(undefined)).toBe(false);
  });

  test('another copy of the library recognizes the error (the brand is a global symbol)', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('cdk-integration-responses.IntegrationResponseError')]: true });
    expect(IntegrationResponseErrors.isIntegrationResponseError(foreign)).toBe(true);
  });
});

describe('findingsOf', () => {
  const duplicates = () => thrown(() => RestResponses.of([
    RestResponse.forStatus('200'),
    RestResponse.forStatus('500').whenStatusMatches('5\\d\\d'),
    RestResponse.forStatus('500').whenStatusMatches('4\\d\\d'),
  ]));

  test('reads the findings of the error object, with their path', () => {
    expect(IntegrationResponseErrors.findingsOf(duplicates())).toEqual([{
      ruleId: RuleIds.REST_DUPLICATE_STATUS_CODE,
      severity: 'warning',
      message: expect.stringMatching(/^status code '500' is used by 2 integration responses \(#1, #2\)/),
      path: 'IntegrationResponses[2].StatusCode',
    }]);
  });

  test('reads the same findings from the message alone, as Python and Java receive it', () => {
    const error = duplicates() as Error;
    expect(error.message).toMatch(/ \(at IntegrationResponses\[2\]\.StatusCode\) \(in RestResponses\.of\)$/);
    expect(IntegrationResponseErrors.findingsOf(error.message)).toEqual(IntegrationResponseErrors.findingsOf(error));
  });

  test('reads the findings behind the error name that jsii puts before the message in Python and Java', () => {
    const error = thrown(() => RestResponse.forStatus('2000')) as Error;
    expect(IntegrationResponseErrors.findingsOf(`IntegrationResponseError: ${error.message}`)).toEqual(IntegrationResponseErrors.findingsOf(error));
    expect(IntegrationResponseErrors.findingsOf(error).map(f => f.ruleId)).toEqual(['rest-status-code']);
  });

  test('reads the findings of a failed synthesis, whose lines aws-cdk-lib prefixes with the construct path', () => {
    const app = new App();
    const api = new apigw.RestApi(new Stack(app, 'Stack'), 'Api');
    api.root.addMethod('GET', new apigw.MockIntegration({
      integrationResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.X': "'x'" } }],
    }), { methodResponses: [{ statusCode: '200' }] });
    IntegrationResponseChecks.addTo(app);
    const error = thrown(() => app.synth()) as Error;
    expect(IntegrationResponseErrors.findingsOf(error.message)).toEqual([{
      ruleId: RuleIds.REST_METHOD_RESPONSE_HEADER,
      severity: 'error',
      message: expect.stringMatching(/^integration response '200' maps header 'X' but the method response for '200' does not declare/),
      path: 'Integration.IntegrationResponses[0].ResponseParameters.method.response.header.X',
    }]);
  });

  test('usage errors and other errors carry no findings', () => {
    expect(IntegrationResponseErrors.findingsOf(thrown(() => ResponseValue.integrationHeader('bad name')))).toEqual([]);
    expect(IntegrationResponseErrors.findingsOf(new Error('[not-a-rule] x'))).toEqual([]);
    expect(IntegrationResponseErrors.findingsOf(42)).toEqual([]);
  });

  test('a usage error says where, after "in"', () => {
    expect((thrown(() => ResponseValue.integrationHeader('bad name')) as Error).message)
      .toBe("'bad name' is not a valid header name: header names cannot contain spaces (in ResponseValue.integrationHeader)");
  });

  test('the error keeps its kind and where', () => {
    const error = duplicates() as IntegrationResponseError;
    expect([error.kind, error.where, error.name]).toEqual(['rule', 'RestResponses.of', 'IntegrationResponseError']);
  });
});
