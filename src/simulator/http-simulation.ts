import { parseJsonSafely } from './json-body';
import { evaluateJsonPath } from './json-path';
import { backendOf, contextVariable, integrationResult } from './simulation-context';
import { SimulationError } from './simulation-error';
import { SimulatedResponse, SimulationInput } from './types';
import { javaToString } from './vtl/java-methods';
import {
  HttpResponseDestination, HttpResponseValue, HttpResponseVariable, isReservedHttpApiHeader, parseHttpResponseDestination,
  parseHttpResponseValue,
} from '../grammar/http-response-mapping';
import { isUnknown, knownArray, knownObject, knownString } from '../grammar/unknown';

/** One change of a mapping: a destination and the value written to it (rendered per answer; none for a remove). */
interface HttpResponseChange {
  readonly destination: HttpResponseDestination;
  readonly value?: HttpResponseValue;
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
  if (mappings === undefined) {
    throw new SimulationError(`the response parameters of ${name} ${isUnknown(responseParameters) ? 'are only known at deployment'
      : 'are not an object of status codes'}`);
  }
  for (const [statusCode, entry] of Object.entries(mappings)) {
    const where = `the response parameters of ${name} for status code ${statusCode}`;
    const mapping = knownObject(entry);
    if (mapping === undefined) {
      throw new SimulationError(`${where} ${isUnknown(entry) ? 'are only known at deployment' : 'are not {"ResponseParameters": [...]}'}`);
    }
    const list = mapping.ResponseParameters;
    if (list === undefined) {
      throw new SimulationError(`${where} are not in CloudFormation's shape: write {"ResponseParameters": [{"Destination": ..., "Source": ...}]}, ` +
        'not the flat map of the API and the CLI');
    }
    const parameters = knownArray(list);
    if (parameters === undefined) {
      throw new SimulationError(`${where} ${isUnknown(list) ? 'are only known at deployment' : 'are not a list of {"Destination", "Source"}'}`);
    }
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
  const target = parsed.value!;
  if (target.kind === 'header' && isReservedHttpApiHeader(target.name)) {
    throw new SimulationError(`${where} maps header ${target.name}, which HTTP APIs reserve: no mapping can change it`);
  }
  // What a remove writes is not read.
  if (target.kind === 'header' && target.action === 'remove') return { destination: target };
  const written = parseHttpResponseValue(source);
  if (written.problem) throw new SimulationError(`${where} has the value '${source}', which cannot be simulated: ${written.problem}`);
  return { destination: target, value: written.value! };
}

/**
 * What the client gets for a backend answer: the mapping of the answer's status code, if any, applied
 * to the status code and headers the integration returned; the body passes through as it came.
 * Every value reads the integration's answer as it came, not as earlier changes left it.
 */
export function simulateHttp(model: HttpModel, input: SimulationInput): SimulatedResponse {
  const backend = backendOf(input);
  if (backend.errorMessage !== undefined) {
    throw new SimulationError('errorMessage describes a failed Lambda custom integration, which HTTP APIs do not have; ' +
      'give the statusCode, headers and body the integration answered with');
  }
  const result = integrationResult(backend);
  const answer = answerHeaders(backend);
  const headers = { ...answer };
  const changes = model.byStatusCode.get(String(result.statusCode));
  let statusCode = result.statusCode;
  const context = contextVariable(input);
  const read = { body: result.body, headers: answer };
  for (const { destination, value: written } of changes ?? []) {
    if (destination.kind === 'statuscode') {
      statusCode = mappedStatusCode(render(written!, read, input, context));
      continue;
    }
    const existing = headerNamed(headers, destination.name);
    if (destination.action === 'remove') {
      if (existing !== undefined) delete headers[existing];
      continue;
    }
    const value = render(written!, read, input, context);
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

/** The answer as values read it: its body, and its headers by name, as the client would get them. */
interface Answer {
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * The headers of the answer, one per name compared without case (the spelling first given), several
 * values joined with `,`: the values of `multiValueHeaders`, and the one of `headers` when it is not
 * among them, as API Gateway merges a Lambda proxy response's two maps.
 */
function answerHeaders(backend: { headers?: Record<string, string>; multiValueHeaders?: Record<string, string[]> }): Record<string, string> {
  const values = new Map<string, { name: string; values: string[] }>();
  const add = (name: string, list: readonly string[]) => {
    const entry = values.get(name.toLowerCase()) ?? { name, values: [] };
    for (const value of list) if (!entry.values.includes(value)) entry.values.push(value);
    values.set(name.toLowerCase(), entry);
  };
  for (const [name, list] of Object.entries(backend.multiValueHeaders ?? {})) add(name, list);
  for (const [name, value] of Object.entries(backend.headers ?? {})) add(name, [value]);
  const result: Record<string, string> = {};
  for (const { name, values: list } of values.values()) if (list.length > 0) result[name] = list.join(',');
  return result;
}

/** The name under which `headers` holds `name`, compared without case, if it does. */
function headerNamed(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(headers).find(h => h.toLowerCase() === lower);
}

/** The text a value gives for this answer: its text as written, each variable's value between. A variable with no value gives ''. */
function render(value: HttpResponseValue, result: Answer, input: SimulationInput, context: Record<string, unknown>): string {
  return value.parts.map(part => typeof part === 'string' ? part : valueOf(part, result, input, context) ?? '').join('');
}

function valueOf(variable: HttpResponseVariable, result: Answer, input: SimulationInput,
  context: Record<string, unknown>): string | undefined {
  switch (variable.kind) {
    case 'responseHeader': {
      // Header names are case-insensitive; several values are combined with commas.
      const name = headerNamed(result.headers, variable.name);
      return name === undefined ? undefined : result.headers[name];
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
