import { MethodChecker } from './method-checker';
import { knownObject } from '../grammar/unknown';
import { definitionOperations, definitionPath, GATEWAY_RESPONSES_EXTENSION, gatewayResponseDefinitionPath } from '../openapi/definition-operations';
import { Finding } from '../rules/finding';
import { checkGatewayResponse } from '../rules/gateway-responses';

/**
 * Runs the rule table over an OpenAPI 2.0 or 3.x definition (already parsed): every operation with
 * an `x-amazon-apigateway-integration`, as the method API Gateway imports it as, and every gateway
 * response of `x-amazon-apigateway-gateway-responses`. Each finding's path is a path into the
 * definition (`paths./items.get.x-amazon-apigateway-integration.responses.default.statusCode`).
 *
 * @param methods shares the findings of equal methods with the other methods being checked
 */
export function checkDefinition(definition: unknown, methods: MethodChecker = new MethodChecker()): Finding[] {
  const findings: Finding[] = [];
  for (const operation of definitionOperations(definition)) {
    for (const f of methods.check(operation.properties)) findings.push({ ...f, path: definitionPath(operation, f.path) });
  }
  const gatewayResponses = knownObject(knownObject(definition)?.[GATEWAY_RESPONSES_EXTENSION]);
  for (const type of Object.keys(gatewayResponses ?? {})) {
    const response = knownObject(gatewayResponses![type]);
    if (response === undefined) continue;
    const properties = {
      ResponseType: type,
      StatusCode: response.statusCode,
      ResponseParameters: response.responseParameters,
      ResponseTemplates: response.responseTemplates,
    };
    for (const f of checkGatewayResponse(properties)) findings.push({ ...f, path: gatewayResponseDefinitionPath(type, f.path) });
  }
  return findings;
}
