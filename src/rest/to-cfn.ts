import * as apigw from 'aws-cdk-lib/aws-apigateway';

/**
 * An aws-cdk-lib integration response in CloudFormation spelling, the shape the rule table reads.
 */
export function toCfnIntegrationResponse(response: apigw.IntegrationResponse): Record<string, unknown> {
  return {
    StatusCode: response.statusCode,
    SelectionPattern: response.selectionPattern,
    ResponseParameters: response.responseParameters,
    ResponseTemplates: response.responseTemplates,
    ContentHandling: response.contentHandling,
  };
}
