import { childPath, finding, RULES } from './catalog';
import { checkContentHandling } from './content-handling';
import { Finding } from './finding';
import { checkWebSocketJsonTemplate } from './json-template';
import { checkResponseKey, DEFAULT_KEY } from './response-key';
import { CompiledPattern } from '../grammar/java-pattern';
import { parseResponseParameterKey, parseResponseParameterValue, ResponseSource } from '../grammar/mapping-expression';
import { MatchTarget } from '../grammar/match-target';
import { ExpressionPart, parseSelectionExpression, possibleTemplateKeys, templateSelectionVariableProblem } from '../grammar/selection-expression';
import { isUnknown, knownObject, knownString } from '../grammar/unknown';

/** `ResponseTemplates` values: 0 to 32,768 characters. */
export const WEBSOCKET_TEMPLATE_LIMIT = 32_768;
/** `ResponseParameters` values: 1 to 512 characters. */
export const WEBSOCKET_PARAMETER_LIMIT = 512;

/**
 * Checks one `AWS::ApiGatewayV2::IntegrationResponse` on its own (CloudFormation shape). `target`
 * says what the key is matched against (from the integration, when known).
 */
export function checkWebSocketIntegrationResponse(properties: Record<string, unknown>, target: MatchTarget):
{ findings: Finding[]; pattern?: CompiledPattern } {
  const key = checkResponseKey(properties.IntegrationResponseKey, target, 'IntegrationResponseKey');
  const findings = [...key.findings];
  const parts = checkTemplateSelection(properties.TemplateSelectionExpression, findings);
  const templates = knownObject(properties.ResponseTemplates);
  if (templates) findings.push(...checkTemplates(templates, parts));
  const parameters = knownObject(properties.ResponseParameters);
  if (parameters) findings.push(...checkParameters(parameters));
  findings.push(...checkContentHandling(RULES.wsContentHandling, properties.ContentHandlingStrategy, 'ContentHandlingStrategy'));
  return { findings, pattern: key.pattern };
}

/**
 * Checks a template selection expression; its parts when it is known and valid.
 */
export function checkTemplateSelection(value: unknown, findings: Finding[]): ExpressionPart[] | undefined {
  const expression = knownString(value);
  if (expression === undefined) return undefined;
  const parsed = parseSelectionExpression(expression);
  const problem = parsed.problem ?? parsed.parts!.map(p => p.kind === 'variable' ? templateSelectionVariableProblem(p.name) : undefined).find(p => p);
  if (problem) {
    findings.push(finding(RULES.wsTemplateSelectionExpression,
      `template selection expression '${expression}' is not valid: ${problem}; AWS documents no such expression for ` +
      'integration responses, so it may select no template', 'TemplateSelectionExpression'));
    return undefined;
  }
  return parsed.parts;
}

function checkTemplates(templates: Record<string, unknown>, parts: ExpressionPart[] | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const [key, value] of Object.entries(templates)) {
    const text = knownString(value);
    if (text !== undefined && text.length > WEBSOCKET_TEMPLATE_LIMIT) {
      findings.push(finding(RULES.wsTemplateSize,
        `response template '${key}' is ${text.length} characters, over the ${WEBSOCKET_TEMPLATE_LIMIT} characters API Gateway's ` +
        'API reference allows for a template; shrink the template', childPath('ResponseTemplates', key)));
    }
    findings.push(...checkWebSocketJsonTemplate(key, value, childPath('ResponseTemplates', key)));
  }
  if (!parts) return findings;
  const possible = possibleTemplateKeys(parts);
  const keys = Object.keys(templates);
  const selectable = (key: string) => key === DEFAULT_KEY
    || (possible.keys?.has(key) ?? false)
    || (possible.statusCodes === true && /^[1-5]\d\d$/.test(key));
  if (!possible.keys && !possible.statusCodes) return findings;
  const produced = possible.keys ? `the value '${[...possible.keys][0]}'` : 'a status code';
  for (const key of keys.filter(k => !selectable(k))) {
    findings.push(finding(RULES.wsTemplateKey,
      `response template '${key}' is never selected: the template selection expression always produces ${produced}, ` +
      `so API Gateway uses the template of that key or '${DEFAULT_KEY}'; rename the key or change the expression`,
      childPath('ResponseTemplates', key)));
  }
  if (possible.keys && keys.length > 0 && !keys.some(selectable)) {
    findings.push(finding(RULES.wsTemplateKey,
      `no response template matches ${produced} the template selection expression produces and there is no ` +
      `'${DEFAULT_KEY}' template, so the backend body passes through unmapped; add a template for that key`,
      'ResponseTemplates'));
  }
  return findings;
}

/** The sources API Gateway's API reference lists for WebSocket integration response parameters. */
const WEBSOCKET_SOURCES: ReadonlySet<ResponseSource['kind']> = new Set(['static', 'header', 'bodyPath']);

/**
 * Response parameters: the API reference gives them REST's grammar (keys
 * `method.response.header.{name}`; values `integration.response.header.{name}`,
 * `integration.response.body.{JSONPath}` or a static value in single quotes) and values of 1 to 512
 * characters.
 */
function checkParameters(parameters: Record<string, unknown>): Finding[] {
  const findings: Finding[] = [];
  for (const [key, value] of Object.entries(parameters)) {
    const path = childPath('ResponseParameters', key);
    const parsedKey = isUnknown(key) ? {} : parseResponseParameterKey(key);
    if (parsedKey.problem) {
      findings.push(finding(RULES.wsParameterKey,
        `response parameter '${key}' is not valid: ${parsedKey.problem}; API Gateway's API reference requires the key to match ` +
        'method.response.header.{name}; use method.response.header.{name}', path));
    }
    findings.push(...checkParameterValue(key, value, path));
  }
  return findings;
}

function checkParameterValue(key: string, value: unknown, path: string): Finding[] {
  const text = knownString(value);
  if (text === undefined) {
    return value === undefined || isUnknown(value) ? [] : [finding(RULES.wsParameterValue,
      `response parameter '${key}' is not a string: API Gateway expects a mapping expression or a static value in single quotes`, path)];
  }
  if (text.length < 1 || text.length > WEBSOCKET_PARAMETER_LIMIT) {
    return [finding(RULES.wsParameterValue,
      `response parameter '${key}' has a value of ${text.length} characters: API Gateway's API reference allows 1 to ` +
      `${WEBSOCKET_PARAMETER_LIMIT} characters; give a non-empty value of at most ${WEBSOCKET_PARAMETER_LIMIT} characters`, path)];
  }
  const parsed = parseResponseParameterValue(text);
  if (parsed.problem) {
    return [finding(RULES.wsParameterValue,
      `response parameter '${key}': '${text}' is not a valid mapping expression: ${parsed.problem}; API Gateway's API reference ` +
      'requires integration.response.header.{name}, integration.response.body.{JSONPath} or a static value in single quotes', path)];
  }
  if (!WEBSOCKET_SOURCES.has(parsed.value!.kind)) {
    return [finding(RULES.wsParameterSource,
      `response parameter '${key}': '${text}' is a REST mapping source that API Gateway does not document for WebSocket ` +
      'integration responses (they take integration.response.header.{name}, integration.response.body.{JSONPath} or a ' +
      'static value in single quotes), so it may map nothing; use one of those', path)];
  }
  return [];
}
