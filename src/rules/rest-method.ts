import { childPath, finding, RULES } from './catalog';
import { duplicateItems } from './duplicate-items';
import { Finding } from './finding';
import { checkIntegrationResponses } from './rest-integration-responses';
import { shortList } from './short-list';
import { checkStatusCode } from './status-code';
import { parseResponseParameterKey } from '../grammar/mapping-expression';
import { matchTargetOf, mockStatusCodes, PROXY_INTEGRATION_TYPES } from '../grammar/match-target';
import { knownArray, knownObject, knownString } from '../grammar/unknown';

/**
 * Checks the properties of an `AWS::ApiGateway::Method` (CloudFormation shape, possibly with
 * intrinsics): its integration responses, and how they fit the method responses.
 */
export function checkRestMethod(properties: Record<string, unknown>): Finding[] {
  const integration = knownObject(properties.Integration);
  if (!integration) return [];
  const responses = integration.IntegrationResponses;
  const type = knownString(integration.Type);
  if (type !== undefined && PROXY_INTEGRATION_TYPES.includes(type)) return checkProxyIntegrationResponses(type, responses);
  return [
    ...checkIntegrationResponses(responses, matchTargetOf(integration.Type, integration.Uri), 'Integration.IntegrationResponses',
      mockStatusCodes(integration.Type, integration.RequestTemplates)),
    ...checkMethodResponses(responses, properties.MethodResponses),
  ];
}

/**
 * A proxy integration passes the backend's answer through: API Gateway stores integration
 * responses given to it, but never applies them. One that maps something (headers, templates, a
 * conversion) is a mapping the author expects and the client never gets; one that maps nothing
 * changes nothing, and published templates have such responses, so it is not reported.
 */
function checkProxyIntegrationResponses(type: string, value: unknown): Finding[] {
  const responses = knownArray(value);
  if (responses === undefined) return [];
  const mapping = responses.map(knownObject).findIndex(r => r !== undefined && mapsSomething(r));
  return mapping < 0 ? [] : proxyIntegrationFindings(type, childPath('Integration.IntegrationResponses', mapping));
}

/**
 * `rest-proxy-integration-responses` for integration type `type`, or none when it is not a proxy
 * type: also what the builders refuse when asked to attach responses to a proxy integration.
 */
export function proxyIntegrationFindings(type: string | undefined, path?: string): Finding[] {
  if (type === undefined || !PROXY_INTEGRATION_TYPES.includes(type)) return [];
  return [finding(RULES.restProxyIntegrationResponses,
    `integration type ${type} ignores integration responses: API Gateway stores them, but a proxy integration returns ` +
    "the backend's answer as it is, so their headers, templates and conversions never reach the client; use a non-proxy " +
    `integration (${type === 'AWS_PROXY' ? 'type AWS, e.g. LambdaIntegration with proxy: false' : 'type HTTP, e.g. HttpIntegration with proxy: false'}) ` +
    'to map responses, or remove them', path)];
}

function mapsSomething(response: Record<string, unknown>): boolean {
  const nonEmpty = (v: unknown) => v !== undefined && (knownObject(v) === undefined || Object.keys(v as object).length > 0);
  return nonEmpty(response.ResponseParameters) || nonEmpty(response.ResponseTemplates) || response.ContentHandling !== undefined;
}

/** Headers a method response declares, or `undefined` when they cannot be known. */
type Declared = Set<string> | undefined;
/** What a method response of a status code no integration response uses declares, as far as the checks ask. */
const NO_HEADERS: Declared = new Set<string>();

/**
 * Every header an integration response maps must be declared by the method response with the same
 * status code; a status code without a method response fails at run time.
 */
export function checkMethodResponses(integrationResponses: unknown, methodResponses: unknown): Finding[] {
  const responses = knownArray(integrationResponses);
  if (!responses) return [];
  // Headers are read only from the method responses of status codes the integration responses use.
  const used = new Set(responses.map(r => knownString(knownObject(r)?.StatusCode)).filter((c): c is string => c !== undefined));
  const declared = methodResponses === undefined ? new Map<string, Declared>() : declaredHeaders(methodResponses, used);
  if (!declared) return [];
  const findings: Finding[] = methodResponseCodeFindings(methodResponses);

  responses.forEach((item, index) => {
    const response = knownObject(item);
    const statusCode = knownString(response?.StatusCode);
    if (!response || statusCode === undefined) return;
    const at = childPath('Integration.IntegrationResponses', index);
    const mapped = mappedHeaders(response.ResponseParameters);
    if (!declared.has(statusCode)) {
      findings.push(mapped.length > 0
        ? finding(RULES.restMethodResponseHeader,
          `integration response '${statusCode}' maps ${shortList(mapped.map(h => `'${h}'`))} but the method has no method ` +
          `response for '${statusCode}': API Gateway rejects the deployment ("No method response exists for method."); ` +
          `add a method response for '${statusCode}' that declares ${shortList(mapped.map(h => `method.response.header.${h}`))}`,
          childPath(at, 'StatusCode'))
        : finding(RULES.restMethodResponseMissing,
          `integration response '${statusCode}' has no method response with status '${statusCode}': API Gateway accepts ` +
          'the deployment, but a request that selects this response fails with 500 ("Execution failed due to configuration ' +
          `error: Output mapping refers to an invalid method response: ${statusCode}"); add a method response for '${statusCode}'`,
          childPath(at, 'StatusCode')));
      return;
    }
    const headers = declared.get(statusCode);
    if (!headers) return;
    for (const header of mapped.filter(h => !headers.has(h))) {
      findings.push(finding(RULES.restMethodResponseHeader,
        `integration response '${statusCode}' maps header '${header}' but the method response for '${statusCode}' does ` +
        `not declare method.response.header.${header}: API Gateway rejects the deployment ("Invalid mapping ` +
        `expression parameter specified: method.response.header.${header}"); declare the header in that method response`,
        childPath(childPath(at, 'ResponseParameters'), `method.response.header.${header}`)));
    }
  });
  return findings;
}

function declaredHeaders(methodResponses: unknown, used: ReadonlySet<string>): Map<string, Declared> | undefined {
  const list = knownArray(methodResponses);
  if (!list) return undefined;
  const declared = new Map<string, Declared>();
  for (const item of list) {
    const response = knownObject(item);
    const statusCode = knownString(response?.StatusCode);
    if (!response || statusCode === undefined) return undefined;
    const parameters = response.ResponseParameters;
    if (!used.has(statusCode)) {
      if (!declared.has(statusCode)) declared.set(statusCode, NO_HEADERS);
    } else if (parameters !== undefined && !knownObject(parameters)) {
      declared.set(statusCode, undefined);
    } else {
      // Several method responses with one code (reported elsewhere) pool their headers.
      const headers = declared.get(statusCode) ?? new Set<string>();
      for (const header of mappedHeaders(parameters)) headers.add(header);
      declared.set(statusCode, headers);
    }
  }
  return declared;
}

function mappedHeaders(parameters: unknown): string[] {
  const map = knownObject(parameters);
  if (!map) return [];
  return Object.keys(map).map(key => parseResponseParameterKey(key).value).filter((h): h is string => h !== undefined);
}

/** Repeated method responses reported one by one; the others are counted in one more finding. */
const MAX_REPORTED = 20;

function methodResponseCodeFindings(methodResponses: unknown): Finding[] {
  const list = knownArray(methodResponses) ?? [];
  const duplicates = duplicateItems(list, 'MethodResponses', 'MethodResponses');
  const seen = new Set<string>();
  const repeated: number[] = [];
  const findings: Finding[] = [...duplicates.findings];
  list.forEach((item, index) => {
    const statusCode = knownString(knownObject(item)?.StatusCode);
    if (statusCode === undefined || duplicates.copies.has(index)) return;
    findings.push(...checkStatusCode(statusCode, childPath(childPath('MethodResponses', index), 'StatusCode')));
    if (seen.has(statusCode)) {
      repeated.push(index);
      if (repeated.length <= MAX_REPORTED) {
        findings.push(finding(RULES.restDuplicateMethodResponse,
          `status code '${statusCode}' has more than one method response: API Gateway keeps one method response per ` +
          'status code, so the headers and models of the others are lost; merge them into one',
          childPath(childPath('MethodResponses', index), 'StatusCode')));
      }
    }
    seen.add(statusCode);
  });
  if (repeated.length > MAX_REPORTED) {
    const first = repeated[MAX_REPORTED];
    findings.push(finding(RULES.restDuplicateMethodResponse,
      `${repeated.length - MAX_REPORTED} more method responses (from #${first} on) repeat the status code of an earlier one: ` +
      'API Gateway keeps one method response per status code, so the headers and models of the others are lost; merge them',
      childPath(childPath('MethodResponses', first), 'StatusCode')));
  }
  return findings;
}
