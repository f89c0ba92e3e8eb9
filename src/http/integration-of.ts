import { CfnResource } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

const INTEGRATION_TYPE = 'AWS::ApiGatewayV2::Integration';

function isIntegration(construct: IConstruct | undefined): construct is CfnResource {
  return construct !== undefined && CfnResource.isCfnResource(construct) && construct.cfnResourceType === INTEGRATION_TYPE;
}

/**
 * The `AWS::ApiGatewayV2::Integration` L1 of `scope`: itself (a `CfnIntegration`), its default child
 * (an aws-cdk-lib `HttpIntegration`), or that of the one integration among its children (the route
 * an `HttpUrlIntegration`, `HttpLambdaIntegration`, ... was first added to).
 */
export function httpIntegrationOf(scope: IConstruct): CfnResource | undefined {
  if (isIntegration(scope)) return scope;
  if (isIntegration(scope.node.defaultChild)) return scope.node.defaultChild;
  const children = scope.node.children.map(c => isIntegration(c) ? c : c.node.defaultChild).filter(isIntegration);
  return children.length === 1 ? children[0] : undefined;
}
