import { App, CfnResource, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { AwsCdkLibInternalsError, cloudFormationFragment, plainCfnProperties } from '../../src/checks/cdk-internals';
import { renderResource } from '../../src/checks/render';
import { renderMethodForChecks } from '../../src/checks/render-method';

// These tests pin what the checks read of aws-cdk-lib's non-public members. When a release of
// aws-cdk-lib moves one of them, they fail here, by name, instead of the checks quietly seeing
// something else.

function method(): { stack: Stack; cfn: apigw.CfnMethod } {
  const stack = new Stack(new App(), 'Stack');
  const cfn = new apigw.CfnMethod(stack, 'Method', {
    restApiId: 'api',
    resourceId: 'root',
    httpMethod: 'GET',
    integration: { type: 'MOCK', integrationResponses: [{ statusCode: '200' }] },
  });
  return { stack, cfn };
}

describe('the aws-cdk-lib members the checks read', () => {
  test('an L1 resource keeps its properties in cfnProperties and its overrides in rawOverrides', () => {
    const { cfn } = method();
    const internals = cfn as unknown as { cfnProperties: unknown; rawOverrides: unknown };
    expect(internals.rawOverrides).toEqual({});
    expect(internals.cfnProperties).toMatchObject({ httpMethod: 'GET', integration: { type: 'MOCK' } });
    expect(plainCfnProperties(cfn)).toMatchObject({ httpMethod: 'GET', integration: { integrationResponses: [{ statusCode: '200' }] } });
  });

  test('an override makes the properties unusable on their own, so the resource is rendered fully', () => {
    const { cfn } = method();
    cfn.addPropertyOverride('Integration.IntegrationResponses.0.StatusCode', '201');
    expect(plainCfnProperties(cfn)).toBeUndefined();
    expect(renderMethodForChecks(cfn)).toBeUndefined();
    expect(renderResource(cfn).properties).toMatchObject({ Integration: { IntegrationResponses: [{ StatusCode: '201' }] } });
  });

  test('_toCloudFormation gives the template fragment synthesis writes', () => {
    const { stack, cfn } = method();
    const fragment = stack.resolve(cloudFormationFragment(cfn));
    expect(fragment).toEqual({
      Resources: {
        Method: {
          Type: 'AWS::ApiGateway::Method',
          Properties: {
            RestApiId: 'api',
            ResourceId: 'root',
            HttpMethod: 'GET',
            Integration: { Type: 'MOCK', IntegrationResponses: [{ StatusCode: '200' }] },
          },
        },
      },
    });
  });
});

describe('when a release moves them', () => {
  test('missing properties or overrides fall back to the full rendering', () => {
    const { cfn } = method();
    const withoutOverrides = Object.create(cfn, { rawOverrides: { value: undefined } }) as CfnResource;
    const withoutProperties = Object.create(cfn, { cfnProperties: { value: undefined } }) as CfnResource;
    expect(plainCfnProperties(withoutOverrides)).toBeUndefined();
    expect(plainCfnProperties(withoutProperties)).toBeUndefined();
  });

  test('a missing _toCloudFormation is a clear error, never a finding', () => {
    const { cfn } = method();
    const moved = Object.create(cfn, { _toCloudFormation: { value: undefined } }) as CfnResource;
    expect(() => cloudFormationFragment(moved)).toThrow(AwsCdkLibInternalsError);
    expect(() => cloudFormationFragment(moved)).toThrow(
      'cdk-integration-responses cannot read CfnResource._toCloudFormation of this aws-cdk-lib release, so it cannot check ' +
      'the resources of this app; this is a bug of cdk-integration-responses: please report it with your aws-cdk-lib version');
  });
});
