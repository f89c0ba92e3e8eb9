import { parseJsonSafely } from './json-body';
import { evaluateJsonPath } from './json-path';
import { contextVariable, integrationResult, IntegrationResult } from './simulation-context';
import { SimulationError } from './simulation-error';
import { SimulatedResponse, SimulationInput } from './types';
import { javaToString } from './vtl/java-methods';
import {
  HttpResponseDestination, HttpResponseVariable, parseHttpResponseDestination, parseHttpResponseVariable,
} from '../grammar/http-response-mapping';
import { isUnknown, knownArray, knownObject, knownString } from '../grammar/unknown';

/** One change of a mapping: a destination and the value written to it (unparsed, rendered per answer). */
interface HttpResponseChange {
  readonly destination: HttpResponseDestination;
  readonly source: string;
}

/** An integration's response parameter mappings, by the status code they apply to. */
export interface HttpModel {
  readonly byStatusCode: ReadonlyMap<string, readonly HttpResponseChange[]>;
}

/**
 * The model of CloudFormation's `ResponseParameters` (`{"404": {"ResponseParameters": [{Destination,
 * Source}]}}`). What the simulator could only guess at (values known at deployment, the flat map of
 * the API and the CLI, destinations API Gateway does not have) is refused with a `SimulationError`.
 *
 * @param responseParameters the property's value
 * @param name what to call the integration in messages
 */
export function httpModel(responseParameters: unknown, name: string): HttpModel {
  const byStatusCode = new Map<string, HttpResponseChange[]>();
  if (responseParameters === undefined) return { byStatusCode };
  const mappings = knownObject(responseParameters);
  if (mappings === undefined) throw new SimulationError(`the response parameters of ${name} are only known at deployment`);
  for (const [statusCode, entry] of Object.entries(mappings)) {
    const where = `the response parameters of ${name} for status code ${statusCode}`;
    const mapping = knownObject(entry);
    if (mapping === undefined) throw new SimulationError(`${where} are only known at deployment`);
    const list = mapping.ResponseParameters;
    if (list === undefined) {
      throw new SimulationError(`${where} are not in CloudFormation's shape: write {"ResponseParameters": [{"Destination": ..., "Source": ...}]}, ` +
        'not the flat map of the API and the CLI');
    }
    const parameters = knownArray(list);
    if (parameters === undefined) throw new SimulationError(`${where} are only known at deployment`);
    byStatusCode.set(statusCode, parameters.map((p, i) => change(p, `${where}, parameter ${i + 1}`)));
  }
  return { byStatusCode };
}

function change(value: unknown, where: string): HttpResponseChange {
  const parameter = knownObject(value);
  const destination = knownString(parameter?.Destination);
  const source = parameter?.Source === undefined ? '' : knownString(parameter.Source);
  if (destination === undefined || source === undefined) throw new SimulationError(`${where} is only known at deployment`);
  const parsed = parseHttpResponseDestination(destination);
  if (parsed.problem) throw new SimulationError(`${where} has destination '${destination}', which API Gateway does not have: ${parsed.problem}`);
  return { destination: parsed.value!, source };
}

/**
 * What the client gets for a backend answer: the mapping of the answer's status code, if any, applied
 * to the status code and headers the integration returned; the body passes through as it came.
 * Every value reads the integration's answer as it came, not as earlier changes left it.
 */
export function simulateHttp(model: HttpModel, input: SimulationInput): SimulatedResponse {
  if (input.backend.errorMessage !== undefined) {
    throw new SimulationError('errorMessage describes a failed Lambda custom integration, which HTTP APIs do not have; ' +
      'give the statusCode, headers and body the integration answered with');
  }
  const result = integrationResult(input.backend);
  const headers: Record<string, string> = {};
  for (const [header, values] of Object.entries(result.multiValueHeaders)) headers[header] = values.join(',');
  const changes = model.byStatusCode.get(String(result.statusCode));
  let statusCode = result.statusCode;
  const context = contextVariable(input);
  for (const { destination, source } of changes ?? []) {
    if (destination.kind === 'statuscode') {
      statusCode = mappedStatusCode(render(source, result, input, context));
      continue;
    }
    const existing = headerNamed(headers, destination.name);
    if (destination.action === 'remove') {
      if (existing !== undefined) delete headers[existing];
      continue;
    }
    const value = render(source, result, input, context);
    // AWS does not say what an empty value does; the simulator leaves the header as it was.
    if (value === '') continue;
    if (destination.action === 'overwrite' || existing === undefined) {
      if (existing !== undefined) delete headers[existing];
      headers[destination.name] = value;
    } else {
      headers[existing] = `${headers[existing]},${value}`;
    }
  }
  return {
    statusCode,
    headers,
    body: result.body,
    isBase64Encoded: result.isBase64Encoded,
    selected: changes === undefined ? undefined : String(result.statusCode),
  };
}

function mappedStatusCode(value: string): number {
  const code = Number(value);
  if (!/^\d{3}$/.test(value) || code < 200 || code > 599) {
    throw new SimulationError(`overwrite:statuscode maps '${value}', which is not a status code from 200 to 599`);
  }
  return code;
}

/** The name under which `headers` holds `name`, compared without case, if it does. */
function headerNamed(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(headers).find(h => h.toLowerCase() === lower);
}

/**
 * The text a value gives for this answer: the whole value is one variable (`$response.header.Id`),
 * or its `${...}` parts are replaced, or it is static text. A variable with no value gives ''.
 */
function render(source: string, result: IntegrationResult, input: SimulationInput, context: Record<string, unknown>): string {
  if (isUnknown(source)) throw new SimulationError(`the value '${source}' is only known at deployment`);
  if (source.startsWith('$') && !source.startsWith('${')) return variableValue(source.slice(1), source, result, input, context);
  let text = '';
  let from = 0;
  for (let at = source.indexOf('${'); at >= 0; at = source.indexOf('${', from)) {
    const end = source.indexOf('}', at);
    if (end < 0) throw new SimulationError(`the value '${source}' has a '\${' that no '}' closes`);
    text += source.slice(from, at) + variableValue(source.slice(at + 2, end), source, result, input, context);
    from = end + 1;
  }
  return text + source.slice(from);
}

function variableValue(written: string, source: string, result: IntegrationResult, input: SimulationInput,
  context: Record<string, unknown>): string {
  const parsed = parseHttpResponseVariable(written);
  if (parsed.problem) throw new SimulationError(`the value '${source}' cannot be simulated: ${parsed.problem}`);
  return valueOf(parsed.value!, result, input, context) ?? '';
}

function valueOf(variable: HttpResponseVariable, result: IntegrationResult, input: SimulationInput,
  context: Record<string, unknown>): string | undefined {
  switch (variable.kind) {
    case 'responseHeader': {
      // Header names are case-insensitive; several values are combined with commas.
      const lower = variable.name.toLowerCase();
      const values = Object.entries(result.multiValueHeaders).filter(([h]) => h.toLowerCase() === lower).flatMap(([, v]) => v);
      return values.length === 0 ? undefined : values.join(',');
    }
    case 'responseBody': {
      if (variable.path === undefined) return result.body;
      const json = bodyJson(result.body);
      const value = json === undefined ? undefined : evaluateJsonPath(json, variable.path);
      return value === undefined || value === null ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
    }
    case 'context': {
      let node: unknown = context;
      for (const key of variable.name.split('.')) {
        node = node !== null && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, key)
          ? (node as Record<string, unknown>)[key] : undefined;
      }
      return node === undefined || node === null || typeof node === 'object' ? undefined : javaToString(node);
    }
    case 'stageVariable': {
      const variables = input.stageVariables ?? {};
      return Object.prototype.hasOwnProperty.call(variables, variable.name) ? variables[variable.name] : undefined;
    }
  }
}

/** The body as JSON, or `undefined` when it is not JSON (a body path then reads nothing). */
function bodyJson(body: string): unknown {
  try {
    return parseJsonSafely(body);
  } catch (e) {
    // Text that is not JSON has no fields; JSON nested too deep stays an error.
    if (e instanceof SyntaxError) return undefined;
    throw e;
  }
}
