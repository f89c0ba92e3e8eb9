import * as fs from 'fs';
import { HttpSimulator } from './http-simulator';
import { RestSimulator } from './rest-simulator';
import { SimulatedResponse, SimulationInput } from './types';
import { WebSocketSimulator } from './websocket-simulator';
import { InputError } from '../checks/input-error';
import { readTemplates } from '../checks/template-reader';
import { DEFINITION_FIELDS, protocolOf, TemplateResource } from '../checks/template-resources';
import { knownArray, knownObject } from '../grammar/unknown';

/**
 * An operation of an OpenAPI definition, as the CLI names it: `GET /items/{id}`.
 */
export interface OperationName {
  readonly httpMethod: string;
  readonly path: string;
}

/**
 * `cdk-integration-responses simulate --template T --resource ID --backend B.json`: the response a
 * REST method, a WebSocket integration or an HTTP API integration of the template returns for the
 * backend result in B.json. With `--operation`, the response of that operation of an OpenAPI
 * definition: the file itself, or the inline definition of the REST API `resource`.
 */
export function simulateFromFiles(templateFile: string, resource: string | undefined, backendFile: string,
  operation?: OperationName): SimulatedResponse {
  // A cloud assembly has several templates: the resource is looked for in each.
  const templates = readTemplates(templateFile);
  const found = resource === undefined ? templates[0]
    : templates.find(t => Object.prototype.hasOwnProperty.call(t.template.Resources, resource)) ?? templates[0];
  if (found === undefined) throw new InputError(templateFile, 'the cloud assembly has no templates');
  if (found.definition !== undefined && operation === undefined) {
    throw new InputError(templateFile, "an OpenAPI definition: name the operation to simulate with --operation, such as --operation 'GET /items'");
  }
  if (operation !== undefined) {
    const input = readBackend(backendFile);
    if (resource === undefined) {
      if (found.definition === undefined) {
        throw new InputError(templateFile, 'not an OpenAPI definition: give --resource, the REST API whose inline definition holds the operation');
      }
      return RestSimulator.fromDefinition(found.definition, operation.httpMethod, operation.path).simulate(input);
    }
    const { definition, binaryMediaTypes } = inlineDefinition(templateFile, found.template.Resources as Record<string, TemplateResource>, resource);
    return RestSimulator.fromDefinition(definition, operation.httpMethod, operation.path, { binaryMediaTypes }).simulate(input);
  }
  const { template } = found;
  const input = readBackend(backendFile);
  const type = (template.Resources[resource!] as { Type?: unknown } | undefined)?.Type;
  if (type === 'AWS::ApiGateway::Method') return RestSimulator.fromTemplate(template, resource!).simulate(input);
  if (type === 'AWS::ApiGatewayV2::Integration') {
    return (isHttpApiIntegration(template.Resources as Record<string, TemplateResource>, resource!) ? HttpSimulator.fromTemplate(template, resource!)
      : WebSocketSimulator.fromTemplate(template, resource!)).simulate(input);
  }
  throw new InputError(templateFile, `resource '${resource}' is ${type === undefined ? 'not in the template'
    : `an ${String(type)}`}; simulate takes an AWS::ApiGateway::Method or an AWS::ApiGatewayV2::Integration, or, with --operation, ` +
    'an AWS::ApiGateway::RestApi or AWS::Serverless::Api with an inline definition');
}

/**
 * The inline OpenAPI definition of the REST API `id` (`Body`, SAM's `DefinitionBody`), and the API's
 * `BinaryMediaTypes` when it sets them (they replace the definition's).
 */
function inlineDefinition(file: string, resources: Record<string, TemplateResource>, id: string):
{ definition: unknown; binaryMediaTypes?: string[] } {
  const resource = knownObject(resources[id]);
  const type = resource?.Type;
  const field = typeof type === 'string' && Object.prototype.hasOwnProperty.call(DEFINITION_FIELDS, type) ? DEFINITION_FIELDS[type] : undefined;
  if (field === undefined) {
    throw new InputError(file, `resource '${id}' is ${type === undefined ? 'not in the template' : `an ${String(type)}`}; ` +
      `--operation takes an OpenAPI definition file, or a REST API with an inline definition (${Object.keys(DEFINITION_FIELDS).join(', ')})`);
  }
  const properties = knownObject(resource?.Properties) ?? {};
  const definition = knownObject(properties[field]);
  if (definition === undefined) {
    throw new InputError(file, `resource '${id}' has no inline definition in ${field} (a file or an intrinsic is only read at deployment)`);
  }
  const types = knownArray(properties.BinaryMediaTypes);
  const binaryMediaTypes = types?.every((t): t is string => typeof t === 'string') ? types : undefined;
  return { definition, binaryMediaTypes };
}

/**
 * Whether an integration belongs to an HTTP API: its API says so, or, when the API is not in the
 * template, it has response parameter mappings (which only HTTP APIs have).
 */
function isHttpApiIntegration(resources: Record<string, TemplateResource>, id: string): boolean {
  const properties = knownObject(knownObject(resources[id])?.Properties) ?? {};
  const protocol = protocolOf(resources, properties.ApiId);
  return protocol === 'HTTP' || (protocol === undefined && properties.ResponseParameters !== undefined);
}

/**
 * The simulator's answer as the CLI prints it.
 */
export function formatSimulation(response: SimulatedResponse): string {
  return JSON.stringify({
    statusCode: response.statusCode,
    headers: response.headers,
    body: response.body,
    selected: response.selected ?? null,
    ...response.isBase64Encoded ? { isBase64Encoded: true } : {},
  }, null, 2);
}

const TOP_LEVEL = ['statusCode', 'headers', 'body', 'isBase64Encoded', 'errorMessage', 'errorType', 'request', 'stageVariables', 'context'];

function readBackend(file: string): SimulationInput {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InputError(file, missing ? 'no such file' : `malformed JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  const b = knownObject(parsed);
  if (!b) throw new InputError(file, 'the backend result must be a JSON object');
  const bad = (what: string) => new InputError(file, what);
  const unknownKey = Object.keys(b).find(k => !TOP_LEVEL.includes(k));
  if (unknownKey) throw bad(`unknown field '${unknownKey}' (expected ${TOP_LEVEL.join(', ')})`);
  const optional = <T>(key: string, check: (v: unknown) => v is T, expected: string, from: Record<string, unknown> = b): T | undefined => {
    const value = from[key];
    if (value === undefined) return undefined;
    if (!check(value)) throw bad(`'${key}' must be ${expected}`);
    return value;
  };
  const isString = (v: unknown): v is string => typeof v === 'string';
  const isStringMap = (v: unknown): v is Record<string, string> => knownObject(v) !== undefined && Object.values(v as object).every(isString);
  const statusCode = optional('statusCode', (v): v is number => Number.isInteger(v), 'a whole number');
  const headers = optional('headers', (v): v is Record<string, string | string[]> => knownObject(v) !== undefined
    && Object.values(v as object).every(x => isString(x) || (Array.isArray(x) && x.every(isString))), 'an object of strings or string lists');
  const request = optional('request', (v): v is Record<string, unknown> => knownObject(v) !== undefined, 'an object');
  const parameters = request === undefined ? undefined : optional('params', (v): v is Record<string, Record<string, string>> =>
    knownObject(v) !== undefined && Object.values(v as object).every(isStringMap), 'an object of string maps (path, querystring, header)', request);
  const context = optional('context', (v): v is Record<string, unknown> => knownObject(v) !== undefined
    && Object.values(v as object).every(x => ['string', 'number', 'boolean'].includes(typeof x)), 'an object of strings, numbers or booleans');
  return {
    backend: {
      statusCode,
      headers: headers && Object.fromEntries(Object.entries(headers).filter(([, v]) => isString(v))) as Record<string, string>,
      multiValueHeaders: headers && Object.fromEntries(Object.entries(headers).filter(([, v]) => Array.isArray(v))) as Record<string, string[]>,
      body: optional('body', isString, 'a string'),
      isBase64Encoded: optional('isBase64Encoded', (v): v is boolean => typeof v === 'boolean', 'true or false'),
      errorMessage: optional('errorMessage', isString, 'a string'),
      errorType: optional('errorType', isString, 'a string'),
    },
    request: request && {
      accept: optional('accept', isString, 'a string', request),
      parameters,
      body: optional('body', isString, 'a string', request),
    },
    stageVariables: optional('stageVariables', isStringMap, 'an object of strings'),
    context: context && Object.fromEntries(Object.entries(context).map(([k, v]) => [k, String(v)])),
  };
}
