import { convertWebSocketPayload, Payload } from './content-handling';
import { parseJsonSafely } from './json-body';
import { evaluateJsonPath } from './json-path';
import { selects } from './pattern-selection';
import { backendOf, contextVariable, IntegrationResult, resultToMatch, templateVariables } from './simulation-context';
import { SimulationError } from './simulation-error';
import { SimulatedResponse, SimulationInput } from './types';
import { CompiledPattern, compileJavaPattern } from '../grammar/java-pattern';
import { PROXY_INTEGRATION_TYPES, MatchTarget } from '../grammar/match-target';
import { ExpressionPart, parseSelectionExpression, templateSelectionVariableProblem } from '../grammar/selection-expression';
import { isUnknown, knownObject, knownString } from '../grammar/unknown';
import { DEFAULT_KEY, parseResponseKey } from '../rules/response-key';
import { abbreviate } from '../rules/selection-pattern';
import { javaToString } from './vtl/java-methods';
import { renderTemplate } from './vtl/sandbox';
import { TemplateError } from './vtl/template-error';

export interface WebSocketResponseModel {
  readonly key: string;
  readonly pattern?: CompiledPattern;
  readonly selection?: readonly ExpressionPart[];
  readonly templates: Readonly<Record<string, string>>;
  readonly contentHandling?: string;
}

/**
 * A WebSocket integration's integration responses, ready to be simulated.
 */
export interface WebSocketModel {
  readonly target: MatchTarget;
  readonly responses: readonly WebSocketResponseModel[];
}

function known(value: unknown, what: string): string {
  const text = knownString(value);
  if (text === undefined) {
    throw new SimulationError(`${what} is only known at deployment (${isUnknown(value) ? 'a token or intrinsic' : 'not a string'}), so it cannot be simulated`);
  }
  return text;
}

/**
 * The model of a WebSocket integration (its type) and its integration responses (CloudFormation
 * shape). Proxy integrations have no integration responses to simulate.
 */
export function webSocketModel(integrationType: unknown, target: MatchTarget, responses: ReadonlyArray<Record<string, unknown>>): WebSocketModel {
  const type = knownString(integrationType);
  if (type !== undefined && PROXY_INTEGRATION_TYPES.includes(type)) {
    throw new SimulationError(`proxy integrations (${type}) have no integration responses: API Gateway passes the backend's answer through`);
  }
  return {
    target,
    responses: responses.map((r, i) => {
      const key = known(r.IntegrationResponseKey, `the key of integration response #${i}`);
      const parsed = parseResponseKey(key);
      if (parsed.problem) throw new SimulationError(`response key '${key}' is not valid: ${parsed.problem}`);
      const compiled = parsed.pattern === undefined ? undefined : compileJavaPattern(parsed.pattern);
      if (compiled && !compiled.ok) throw new SimulationError(`response key '${abbreviate(key)}' cannot be simulated: ${compiled.detail}`);
      const expression = r.TemplateSelectionExpression === undefined ? undefined : known(r.TemplateSelectionExpression, `the template selection expression of '${key}'`);
      const selection = expression === undefined ? undefined : parseSelectionExpression(expression);
      const problem = selection?.problem ?? selection?.parts?.map(p => p.kind === 'variable' ? templateSelectionVariableProblem(p.name) : undefined).find(p => p);
      if (problem) throw new SimulationError(`template selection expression '${expression}' is not valid: ${problem}`);
      const templates = Object.fromEntries(Object.entries(knownObject(r.ResponseTemplates) ?? {})
        .map(([k, v]) => [k, known(v, `response template '${k}' of '${key}'`)]));
      return {
        key,
        pattern: compiled && compiled.ok ? compiled : undefined,
        selection: selection?.parts,
        templates,
        contentHandling: r.ContentHandlingStrategy === undefined ? undefined : known(r.ContentHandlingStrategy, `the content handling of '${key}'`),
      };
    }),
  };
}

/**
 * What the client receives over the WebSocket: the response whose key matches (the Lambda error
 * message or the status code; `$default` otherwise), its template chosen by the template selection
 * expression (or `$default`), VTL, content handling. With no matching response the backend body is
 * passed on unmapped.
 */
export function simulateWebSocket(model: WebSocketModel, input: SimulationInput): SimulatedResponse {
  const { result, selectionInput } = resultToMatch(model.target, backendOf(input));
  const selected = model.responses[webSocketSelection(model, selectionInput)];
  if (!selected) {
    return { statusCode: result.statusCode, headers: {}, body: result.body, isBase64Encoded: result.isBase64Encoded };
  }
  let payload: Payload;
  try {
    payload = convertWebSocketPayload({ body: result.body, binary: result.isBase64Encoded }, selected.contentHandling);
  } catch (e) {
    throw new SimulationError(`the '${selected.key}' response: ${(e as Error).message}`);
  }
  const templateKey = selected.selection === undefined ? DEFAULT_KEY : evaluateSelection(selected.selection, result, input);
  const own = (key: string) => Object.prototype.hasOwnProperty.call(selected.templates, key) ? selected.templates[key] : undefined;
  const template = own(templateKey) ?? own(DEFAULT_KEY);
  const body = template === undefined || payload.binary ? payload.body : render(selected, templateKey, template, payload.body, input);
  return { statusCode: result.statusCode, headers: {}, body, isBase64Encoded: payload.binary, selected: selected.key };
}

/**
 * The index of the integration response selected for `selectionInput` (the Lambda error message or
 * the status code): the first whose key's pattern matches it as a whole, else `$default`; -1 when
 * none fits.
 */
export function webSocketSelection(model: WebSocketModel, selectionInput: string): number {
  const matched = model.responses.findIndex(r => r.pattern && selects(r.pattern, selectionInput, `response key '${r.key}'`));
  return matched >= 0 ? matched : model.responses.findIndex(r => r.key === DEFAULT_KEY);
}

function evaluateSelection(parts: readonly ExpressionPart[], result: IntegrationResult, input: SimulationInput): string {
  return parts.map(part => part.kind === 'text' ? part.text : variableValue(part.name, result, input)).join('');
}

function variableValue(name: string, result: IntegrationResult, input: SimulationInput): string {
  if (name === 'integration.response.statuscode') return String(result.statusCode);
  if (name.startsWith('integration.response.header.')) return result.headers[name.slice('integration.response.header.'.length)] ?? '';
  if (name.startsWith('integration.response.multivalueheader.')) {
    return result.multiValueHeaders[name.slice('integration.response.multivalueheader.'.length)]?.join(',') ?? '';
  }
  const body = input.request?.body ?? '';
  if (name === 'request.body') return body;
  let json: unknown;
  try {
    json = parseJsonSafely(body);
  } catch {
    return '';
  }
  const value = evaluateJsonPath(json, name.slice('request.body.'.length));
  return value === undefined || value === null ? '' : typeof value === 'string' ? value : javaToString(value);
}

function render(response: WebSocketResponseModel, key: string, template: string, body: string, input: SimulationInput): string {
  try {
    return renderTemplate(template, templateVariables(body, input, contextVariable(input)));
  } catch (e) {
    if (e instanceof TemplateError) throw new SimulationError(`the '${key}' template of the '${response.key}' response fails at ${e.describe()}`);
    throw e;
  }
}
