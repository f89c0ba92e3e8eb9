import { RestResponses } from '../../src';

/** A template with one REST method of an `AWS` integration at `uri` whose responses are `responses`: what the checks read. */
export function kitTemplate(responses: RestResponses, uri: string): object {
  return {
    Resources: {
      M: {
        Type: 'AWS::ApiGateway::Method',
        Properties: {
          HttpMethod: 'POST',
          AuthorizationType: 'NONE',
          RestApiId: 'a',
          ResourceId: 'r',
          Integration: {
            Type: 'AWS',
            IntegrationHttpMethod: 'POST',
            Uri: uri,
            IntegrationResponses: responses.integrationResponses().map(r => ({
              StatusCode: r.statusCode, SelectionPattern: r.selectionPattern, ResponseTemplates: r.responseTemplates,
            })),
          },
          MethodResponses: responses.methodResponses().map(r => ({ StatusCode: r.statusCode })),
        },
      },
    },
  };
}
