import { OpenApiVersion } from './openapi-version';
import { usageError } from '../errors/integration-response-error';
import { isUnknown } from '../grammar/unknown';
import type { RestResponse } from '../rest/rest-response';
import { withoutUndefined } from '../util/without-undefined';

/**
 * The key API Gateway reads as the default response of `x-amazon-apigateway-integration.responses`.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration-responses.html
 */
const DEFAULT_KEY = 'default';

/**
 * `responses` as the `responses` object of an operation's `x-amazon-apigateway-integration`: keyed
 * by selection pattern (`default` for the default response), each with `statusCode` and, when set,
 * `responseParameters`, `responseTemplates` and `contentHandling`.
 */
export function integrationResponsesObject(responses: readonly RestResponse[], where: string): Record<string, any> {
  const result: Record<string, any> = {};
  for (const response of responses) {
    const pattern = response.selectionPattern;
    if (pattern === DEFAULT_KEY) {
      throw usageError(where, `the '${response.statusCode}' response selects on the pattern 'default', which an OpenAPI definition cannot hold: ` +
        "API Gateway reads the key 'default' as the default response; write the pattern differently (for example '(default)')");
    }
    const key = pattern ?? DEFAULT_KEY;
    if (isUnknown(key)) throw unknownKey(where, `the '${response.statusCode}' response's selection pattern`, 'its integration responses by pattern');
    if (Object.prototype.hasOwnProperty.call(result, key)) {
      throw usageError(where, `two responses select on '${key}' ('${result[key].statusCode}' and '${response.statusCode}'), and an ` +
        'OpenAPI definition keys its integration responses by pattern, so one would replace the other; give each response its own pattern');
    }
    const rendered = response.toIntegrationResponse();
    result[key] = withoutUndefined({
      statusCode: rendered.statusCode,
      responseParameters: rendered.responseParameters,
      responseTemplates: rendered.responseTemplates,
      contentHandling: rendered.contentHandling,
    });
  }
  return result;
}

/**
 * The operation `responses` that `responses` imply: one per status code, with a `description` (which
 * OpenAPI requires) and a header declared for each header the response sends.
 */
export function operationResponsesObject(responses: readonly RestResponse[], version: OpenApiVersion, where: string): Record<string, any> {
  const result: Record<string, any> = {};
  for (const response of responses) {
    const models = Object.keys(response.toMethodResponse().responseModels ?? {});
    if (models.length > 0) {
      throw usageError(where, `the '${response.statusCode}' response names a model for '${models[0]}' (withModel), and a model is an ` +
        'AWS::ApiGateway::Model that an OpenAPI definition cannot refer to; declare its schema in the definition and leave out withModel');
    }
    if (isUnknown(response.statusCode)) throw unknownKey(where, 'a status code', 'its operation responses by status code');
    const headers = Object.keys(response.headers);
    result[response.statusCode] = withoutUndefined({
      description: `${response.statusCode} response`,
      headers: headers.length === 0 ? undefined
        : Object.fromEntries(headers.map(name => [name, version === OpenApiVersion.SWAGGER_2 ? { type: 'string' } : { schema: { type: 'string' } }])),
    });
  }
  return result;
}

/**
 * A CDK token as a key of the definition: it resolves to a string only if it is not a CloudFormation
 * expression, which is not known until synthesis, so it is refused here rather than there.
 */
function unknownKey(where: string, what: string, keyedBy: string) {
  return usageError(where, `${what} is a CDK token, and an OpenAPI definition keys ${keyedBy}, which CloudFormation cannot ` +
    'compute at deployment; give it as a plain string');
}
