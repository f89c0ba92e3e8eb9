import { App, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { IntegrationResponseChecks } from '../../src';
import { REPORTS_THROUGH_VALIDATIONS } from '../support/synth-failure';
import { reportedViolations } from '../support/validation-report';

const PLUGIN = 'cdk-integration-responses';

/** A `SpecRestApi` whose Lambda operation maps a 404 the operation has no response for. */
function specApi(app: App) {
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
              responses: { 'default': { statusCode: '200' }, '.*not found.*': { statusCode: '404' } },
            },
          },
        },
      },
    }),
  });
}

describe('a SpecRestApi with an inline definition, in an app checked by addTo', () => {
  test(REPORTS_THROUGH_VALIDATIONS ? 'its operations are checked, the finding pointing into the definition'
    : 'the aspect (releases before Validations) does not read definitions', () => {
    const app = new App();
    specApi(app);
    IntegrationResponseChecks.addTo(app);
    const violations = reportedViolations(app.synth().directory, PLUGIN);
    expect(violations).toEqual(REPORTS_THROUGH_VALIDATIONS ? [`${PLUGIN} warning rest-method-response-missing Stack/Api/Resource ` +
      'Properties.Body.paths./items.get.x-amazon-apigateway-integration.responses..*not found.*.statusCode'] : []);
  });
});
