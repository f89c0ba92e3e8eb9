import { App, Aspects, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { IntegrationResponseChecks } from '../../src';
import { reportedFinding, REPORTS_THROUGH_VALIDATIONS, synthFailure } from '../support/synth-failure';
import { reportedViolations } from '../support/validation-report';

const PLUGIN = 'cdk-integration-responses';
const AT = 'Body.paths./items.get.x-amazon-apigateway-integration.responses..*not found.*';

/** A `SpecRestApi` whose Lambda operation maps a 404 the operation has no response for. */
function specApi(app: App, notFound: Record<string, unknown> = { statusCode: '404' }) {
  const stack = new Stack(app, 'Stack');
  new apigw.SpecRestApi(stack, 'Api', {
    apiDefinition: apigw.ApiDefinition.fromInline({
      openapi: '3.0.1',
      info: { title: 'items', version: '1' },
      paths: {
        '/items': {
          get: {
            'responses': { 200: { description: 'ok' } },
            'x-amazon-apigateway-integration': {
              type: 'aws',
              httpMethod: 'POST',
              uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:items/invocations',
              responses: { 'default': { statusCode: '200' }, '.*not found.*': notFound },
            },
          },
        },
      },
    }),
  });
  return stack;
}

describe('a SpecRestApi with an inline definition, in an app checked by addTo', () => {
  test('its operations are checked, the finding pointing into the definition', () => {
    const app = new App();
    const stack = specApi(app);
    IntegrationResponseChecks.addTo(app);
    const assembly = app.synth();
    if (REPORTS_THROUGH_VALIDATIONS) {
      expect(reportedViolations(assembly.directory, PLUGIN)).toEqual([
        `${PLUGIN} warning rest-method-response-missing Stack/Api/Resource Properties.${AT}.statusCode`,
      ]);
    } else {
      Annotations.fromStack(stack).hasWarning('/Stack/Api/Resource', Match.stringLikeRegexp(`rest-method-response-missing.*${escape(AT)}`));
    }
  });

  test('an error in the definition fails synthesis', () => {
    const app = new App();
    specApi(app, { statusCode: '404', responseParameters: { 'method.response.header.X-Id': "'1'" } });
    IntegrationResponseChecks.addTo(app);
    expect(synthFailure(app)).toMatch(reportedFinding('Stack/Api/Resource', 'rest-method-response-header', "integration response '404' maps 'X-Id' but the method has no method response for '404'"));
  });
});

describe('a SpecRestApi with an inline definition, checked by the aspect alone', () => {
  test('a warning is an annotation of the API, pointing into the definition', () => {
    const app = new App();
    const stack = specApi(app);
    Aspects.of(app).add(new IntegrationResponseChecks());
    app.synth();
    Annotations.fromStack(stack).hasWarning('/Stack/Api/Resource',
      Match.stringLikeRegexp(`rest-method-response-missing.*'404'.*${escape(`(at ${AT}.statusCode)`)}`));
  });

  test('strict checks fail synthesis on it', () => {
    const app = new App();
    specApi(app);
    Aspects.of(app).add(new IntegrationResponseChecks({ strict: true }));
    expect(synthFailure(app)).toMatch(/\[Stack\/Api\/Resource\] \[rest-method-response-missing\]/);
  });

  test('a definition without integrations has no findings', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    new apigw.SpecRestApi(stack, 'Api', {
      apiDefinition: apigw.ApiDefinition.fromInline({ openapi: '3.0.1', info: { title: 'x', version: '1' }, paths: { '/': { get: { responses: {} } } } }),
    });
    Aspects.of(app).add(new IntegrationResponseChecks({ strict: true }));
    app.synth();
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
