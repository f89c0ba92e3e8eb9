import { convertRestPayload, matchesMediaType, Payload } from './content-handling';
import { JsonBodyError } from './json-body';
import { selects } from './pattern-selection';
import {
  backendOf, contextVariable, IntegrationResult, responseOverrides, resultToMatch, sourceValue, templateVariables,
} from './simulation-context';
import { SimulationError } from './simulation-error';
import { SimulatedResponse, SimulationInput } from './types';
import { CompiledPattern, compileJavaPattern } from '../grammar/java-pattern';
import { parseResponseParameterKey, parseResponseParameterValue, ResponseSource } from '../grammar/mapping-expression';
import { MatchTarget } from '../grammar/match-target';
import { isUnknown, knownArray, knownObject, knownString } from '../grammar/unknown';
import { childPath } from '../rules/catalog';
import { abbreviate } from '../rules/selection-pattern';
import { renderTemplate } from './vtl/sandbox';
import { TemplateError } from './vtl/template-error';

export interface RestResponseModel {
  readonly statusCode: string;
  /** The Java selection pattern, for messages. */
  readonly source?: string;
  readonly pattern?: CompiledPattern;
  readonly headers: ReadonlyArray<readonly [string, ResponseSource]>;
  readonly templates: ReadonlyArray<readonly [string, string]>;
  readonly contentHandling?: string;
}

/**
 * A REST method's integration responses, ready to be simulated.
 */
export interface RestModel {
  readonly target: MatchTarget;
  readonly responses: readonly RestResponseModel[];
  /** Status codes with a method response; `undefined` when not known (not checked then). */
  readonly methodResponseCodes?: ReadonlySet<string>;
  readonly binaryMediaTypes: readonly string[];
}

const INTERNAL_SERVER_ERROR = '{"message": "Internal server error"}';

function known(value: unknown, path: string): string {
  const text = knownString(value);
  if (text === undefined) {
    throw new SimulationError(`${path} is only known at deployment (${isUnknown(value) ? 'a token or intrinsic' : 'not a string'}), so it cannot be simulated`);
  }
  return text;
}

/**
 * The model of `IntegrationResponses` (CloudFormation shape). Throws `SimulationError` for values
 * only known at deployment and for patterns or expressions API Gateway would reject.
 */
export function restModel(integrationResponses: unknown, target: MatchTarget, methodResponses?: unknown,
  binaryMediaTypes: readonly string[] = []): RestModel {
  const list = integrationResponses === undefined ? [] : knownArray(integrationResponses);
  if (!list) throw new SimulationError('the integration responses are only known at deployment, so they cannot be simulated');
  const responses = list.map((item, i) => {
    const at = `IntegrationResponses[${i}]`;
    const response = knownObject(item);
    if (!response) throw new SimulationError(`${at} is only known at deployment, so it cannot be simulated`);
    const source = response.SelectionPattern === undefined ? '' : known(response.SelectionPattern, childPath(at, 'SelectionPattern'));
    const compiled = source === '' ? undefined : compileJavaPattern(source);
    if (compiled && !compiled.ok) throw new SimulationError(`selection pattern '${abbreviate(source)}' cannot be simulated: ${compiled.detail}`);
    const parameters = Object.entries(knownObject(response.ResponseParameters) ?? {}).map(([key, value]) => {
      const header = parseResponseParameterKey(key);
      const parsed = parseResponseParameterValue(known(value, childPath(childPath(at, 'ResponseParameters'), key)));
      if (!header.value || !parsed.value) throw new SimulationError(`response parameter '${key}' is not valid: ${header.problem ?? parsed.problem}`);
      return [header.value, parsed.value] as const;
    });
    const templates = Object.entries(knownObject(response.ResponseTemplates) ?? {})
      .map(([type, template]) => [type, known(template, childPath(childPath(at, 'ResponseTemplates'), type))] as const);
    return {
      statusCode: statusCodeOf(response.StatusCode, childPath(at, 'StatusCode')),
      source: source === '' ? undefined : source,
      pattern: compiled && compiled.ok ? compiled : undefined,
      headers: parameters,
      templates,
      contentHandling: response.ContentHandling === undefined ? undefined : known(response.ContentHandling, childPath(at, 'ContentHandling')),
    };
  });
  return { target, responses, methodResponseCodes: methodResponseCodes(methodResponses), binaryMediaTypes };
}

/** A status code API Gateway accepts (`[1-5]\d\d`); any other never deploys, so it is not simulated. */
function statusCodeOf(value: unknown, path: string): string {
  const code = known(value, path);
  if (!/^[1-5]\d\d$/.test(code)) {
    throw new SimulationError(`${path} '${code}' is not a status code API Gateway accepts ([1-5]\\d\\d), so it cannot be simulated; use a code from 100 to 599`);
  }
  return code;
}

function methodResponseCodes(methodResponses: unknown): ReadonlySet<string> | undefined {
  if (methodResponses === undefined) return undefined;
  const codes = knownArray(methodResponses)?.map(m => knownString(knownObject(m)?.StatusCode));
  return codes && !codes.includes(undefined) ? new Set(codes as string[]) : undefined;
}

/**
 * What the client receives for `input`: selection (Lambda error message or status code, whole-string
 * Java match, default response, 500 when nothing fits), header mappings, content conversion,
 * template by Accept, VTL, and `$context.responseOverride`.
 */
export function simulateRest(model: RestModel, input: SimulationInput): SimulatedResponse {
  const { result, selectionInput } = resultToMatch(model.target, backendOf(input));
  const selected = model.responses[restSelection(model, selectionInput)];
  if (!selected) return internalServerError(undefined);
  if (model.methodResponseCodes && !model.methodResponseCodes.has(selected.statusCode)) return internalServerError(selected.statusCode);

  const accept = firstMediaType(input.request?.accept);
  const acceptIsBinary = accept !== undefined && matchesMediaType(accept, model.binaryMediaTypes);
  let payload: Payload;
  try {
    const integrationPayload = { body: result.body, binary: result.isBase64Encoded };
    payload = convertRestPayload(integrationPayload, model.binaryMediaTypes.length > 0, acceptIsBinary, selected.contentHandling);
  } catch {
    return internalServerError(selected.statusCode);
  }

  const context = contextVariable(input);
  let body: string;
  let headers: Record<string, string>;
  try {
    body = payload.binary ? payload.body : render(selected, payload.body, accept, input, context);
    headers = mappedHeaders(selected, result, input, context);
  } catch (e) {
    if (e instanceof JsonBodyError) return internalServerError(selected.statusCode);
    throw e;
  }
  const overrides = responseOverrides(context);
  return {
    statusCode: overrides.status ?? Number(selected.statusCode),
    headers: { ...headers, ...overrides.headers },
    body,
    isBase64Encoded: payload.binary,
    selected: selected.statusCode,
  };
}

/**
 * The index of the integration response API Gateway selects for `selectionInput` (the Lambda error
 * message or the status code): the first whose pattern matches it as a whole, else the first
 * without a pattern (the default); -1 when none fits.
 */
export function restSelection(model: RestModel, selectionInput: string): number {
  const matched = model.responses.findIndex(r => r.pattern && selects(r.pattern, selectionInput, `selection pattern '${r.source}'`));
  return matched >= 0 ? matched : model.responses.findIndex(r => r.pattern === undefined);
}

function internalServerError(selected: string | undefined): SimulatedResponse {
  return { statusCode: 500, headers: {}, body: INTERNAL_SERVER_ERROR, isBase64Encoded: false, selected };
}

function firstMediaType(accept: string | undefined): string | undefined {
  const first = accept?.split(',')[0]?.split(';')[0]?.trim();
  return first ? first : undefined;
}

function render(response: RestResponseModel, body: string, accept: string | undefined, input: SimulationInput,
  context: Record<string, unknown>): string {
  if (response.templates.length === 0) return body;
  const wanted = accept ?? 'application/json';
  const [type, template] = response.templates.find(([t]) => t.toLowerCase() === wanted.toLowerCase())
    ?? response.templates.find(([t]) => t === 'application/json')
    ?? response.templates[0];
  try {
    return renderTemplate(template, templateVariables(body, input, context));
  } catch (e) {
    if (e instanceof TemplateError) throw new SimulationError(`the '${type}' template of the ${response.statusCode} response fails at ${e.describe()}`);
    if (e instanceof JsonBodyError) throw e;
    if (e instanceof SimulationError) throw new SimulationError(`the '${type}' template of the ${response.statusCode} response: ${e.message}`);
    throw e;
  }
}

function mappedHeaders(response: RestResponseModel, result: IntegrationResult, input: SimulationInput,
  context: Record<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, source] of response.headers) {
    const value = sourceValue(source, result, input, context);
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}
