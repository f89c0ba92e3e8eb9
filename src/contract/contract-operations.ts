import { integrationOfTarget, referenceKey, DEFINITION_FIELDS } from '../checks/template-resources';
import { matchTargetOf, MatchTarget, mockStatusCodes, PROXY_INTEGRATION_TYPES } from '../grammar/match-target';
import { knownArray, knownObject, knownString } from '../grammar/unknown';
import { definitionOperations, BINARY_MEDIA_TYPES_EXTENSION } from '../openapi/definition-operations';
import { restModel, RestModel } from '../simulator/rest-simulation';
import { SimulationError } from '../simulator/simulation-error';
import { webSocketModel, WebSocketModel } from '../simulator/websocket-simulation';

/**
 * One operation of a contract before its rows are written: a REST method or a WebSocket route (or
 * integration), with the model its rows are simulated on, or a note saying why it has none.
 */
export type ModeledOperation = (
  | { readonly protocol: 'rest'; readonly model?: RestModel }
  | { readonly protocol: 'websocket'; readonly model?: WebSocketModel }
) & {
  readonly name: string;
  readonly stack?: string;
  readonly note?: string;
  /** The status codes a MOCK integration answers with, when its request templates say so statically. */
  readonly mockCodes?: readonly string[];
};

/** A resource path is this many `ParentId` steps deep at most (API Gateway's own limit is far lower). */
const MAX_PATH_DEPTH = 64;

const PROXY_NOTE = "proxy integration: API Gateway passes the backend's answer through, so it has no integration responses";
const ONE_WAY_NOTE = 'one-way route (no route response selection expression): the client receives none of these answers';
const UNKNOWN_TARGET_NOTE = 'the integration type or URI is only known at deployment, so which backend answers select a response is not known';

type Resources = Record<string, unknown>;

/**
 * The operations of one template (or OpenAPI definition), named by API, path and HTTP method or by
 * API and route key, never by logical ID, so that renaming resources does not rename them. Sorted,
 * so that the order of the template's resources does not matter either.
 */
export function contractOperations(template: unknown, definition?: Record<string, unknown>, stack?: string): ModeledOperation[] {
  const operations: ModeledOperation[] = [];
  if (definition !== undefined) {
    operations.push(...definitionRestOperations(definition, apiTitle(definition) ?? 'definition', stack));
  } else {
    const resources = knownObject(knownObject(template)?.Resources) ?? {};
    operations.push(...restOperations(resources, stack), ...webSocketOperations(resources, stack));
  }
  return withUniqueNames(operations).sort((a, b) => compareText(a.name, b.name));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Two operations with one name (two APIs named alike) keep apart by the logical ID in their name. */
function withUniqueNames(operations: Array<ModeledOperation & { readonly id?: string }>): ModeledOperation[] {
  const counts = new Map<string, number>();
  for (const o of operations) counts.set(o.name, (counts.get(o.name) ?? 0) + 1);
  return operations.map(({ id, ...o }) => (counts.get(o.name)! > 1 && id !== undefined ? { ...o, name: `${o.name} (${id})` } : o) as ModeledOperation);
}

function typeOf(resources: Resources, id: string): unknown {
  return knownObject(resources[id])?.Type;
}

function propertiesOf(resources: Resources, id: string): Record<string, unknown> {
  return knownObject(knownObject(resources[id])?.Properties) ?? {};
}

/** The logical ID a `Ref` or `Fn::GetAtt` names, when it is a resource of the template. */
function referencedId(resources: Resources, value: unknown): string | undefined {
  const key = referenceKey(value);
  if (key === undefined || !key.startsWith('ref:')) return undefined;
  const id = key.slice(4);
  return Object.prototype.hasOwnProperty.call(resources, id) ? id : undefined;
}

function apiTitle(definition: Record<string, unknown>): string | undefined {
  return knownString(knownObject(definition.info)?.title);
}

function stringList(value: unknown): string[] {
  return (knownArray(value) ?? []).map(knownString).filter((v): v is string => v !== undefined);
}

function restOperations(resources: Resources, stack: string | undefined): Array<ModeledOperation & { id?: string }> {
  const operations: Array<ModeledOperation & { id?: string }> = [];
  const paths = new Map<string, string | undefined>();
  for (const id of Object.keys(resources)) {
    const type = typeOf(resources, id);
    if (type === 'AWS::ApiGateway::Method') {
      const properties = propertiesOf(resources, id);
      const apiId = referencedId(resources, properties.RestApiId);
      const api = apiId === undefined ? 'REST API (imported)' : `REST API ${restApiName(resources, apiId)}`;
      const method = knownString(properties.HttpMethod) ?? '(method only known at deployment)';
      const path = resourcePath(resources, properties.ResourceId, paths) ?? `(path of ${id} only known at deployment)`;
      const binaryMediaTypes = apiId === undefined ? [] : stringList(propertiesOf(resources, apiId).BinaryMediaTypes);
      operations.push({ ...restOperation(`${api} ${method} ${path}`, properties, binaryMediaTypes, stack), id: apiId });
    } else if (typeof type === 'string' && Object.prototype.hasOwnProperty.call(DEFINITION_FIELDS, type)) {
      const properties = propertiesOf(resources, id);
      const definition = knownObject(properties[DEFINITION_FIELDS[type]]);
      if (definition === undefined) continue;
      const name = knownString(properties.Name) ?? apiTitle(definition) ?? id;
      operations.push(...definitionRestOperations(definition, name, stack, stringList(properties.BinaryMediaTypes)).map(o => ({ ...o, id })));
    }
  }
  return operations;
}

function restApiName(resources: Resources, apiId: string): string {
  return knownString(propertiesOf(resources, apiId).Name) ?? apiId;
}

function definitionRestOperations(definition: Record<string, unknown>, api: string, stack: string | undefined,
  binaryMediaTypes: readonly string[] = []): ModeledOperation[] {
  const types = binaryMediaTypes.length > 0 ? binaryMediaTypes : stringList(definition[BINARY_MEDIA_TYPES_EXTENSION]);
  return definitionOperations(definition).map(o => restOperation(`REST API ${api} ${o.httpMethod} ${o.path}`, o.properties, types, stack));
}

/**
 * The path of the resource a `ResourceId` names: the API's root (`Fn::GetAtt [Api, RootResourceId]`)
 * is `/`, an `AWS::ApiGateway::Resource` adds its `PathPart` to its parent's path.
 */
function resourcePath(resources: Resources, resourceId: unknown, memo: Map<string, string | undefined>, depth = 0): string | undefined {
  if (depth > MAX_PATH_DEPTH) return undefined;
  const id = referencedId(resources, resourceId);
  if (id === undefined) return undefined;
  const type = typeOf(resources, id);
  if (type === 'AWS::ApiGateway::RestApi') return '/';
  if (type !== 'AWS::ApiGateway::Resource') return undefined;
  if (memo.has(id)) return memo.get(id);
  const properties = propertiesOf(resources, id);
  const part = knownString(properties.PathPart);
  const parent = part === undefined ? undefined : resourcePath(resources, properties.ParentId, memo, depth + 1);
  const path = parent === undefined ? undefined : `${parent === '/' ? '' : parent}/${part}`;
  memo.set(id, path);
  return path;
}

function restOperation(name: string, properties: Record<string, unknown>, binaryMediaTypes: readonly string[],
  stack: string | undefined): ModeledOperation {
  const base = { protocol: 'rest' as const, name, stack };
  const integration = knownObject(properties.Integration);
  if (integration === undefined) return { ...base, note: 'the method has no integration, or one only known at deployment' };
  const type = knownString(integration.Type);
  if (type !== undefined && PROXY_INTEGRATION_TYPES.includes(type)) return { ...base, note: PROXY_NOTE };
  const target = matchTargetOf(integration.Type, integration.Uri);
  if (target === 'unknown') return { ...base, note: UNKNOWN_TARGET_NOTE };
  return withMockCodes(modeled(base, () => restModel(integration.IntegrationResponses, target, properties.MethodResponses ?? [], binaryMediaTypes)),
    mockStatusCodes(integration.Type, integration.RequestTemplates));
}

/** A MOCK integration's rows are its own answers: the note says which they are. */
function withMockCodes<O extends { model?: unknown; note?: string }>(operation: O, codes: string[] | undefined): O & { mockCodes?: string[] } {
  if (codes === undefined || operation.model === undefined) return operation;
  const sorted = [...codes].sort();
  return { ...operation, mockCodes: sorted, note: operation.note ?? `MOCK integration: its request templates answer with status ${sorted.join(', ')}` };
}

function modeled<M, B extends object>(base: B, build: () => M): B & { model?: M; note?: string } {
  try {
    return { ...base, model: build() };
  } catch (e) {
    if (e instanceof SimulationError) return { ...base, note: `cannot be simulated: ${e.message}` };
    throw e;
  }
}

function webSocketOperations(resources: Resources, stack: string | undefined): Array<ModeledOperation & { id?: string }> {
  // One pass groups integration responses and routes by the integration they name.
  const responses = new Map<string, Array<[string, Record<string, unknown>]>>();
  const routes = new Map<string, string[]>();
  const integrations: string[] = [];
  for (const id of Object.keys(resources)) {
    const type = typeOf(resources, id);
    if (type === 'AWS::ApiGatewayV2::Integration') {integrations.push(id);} else if (type === 'AWS::ApiGatewayV2::IntegrationResponse') {
      const properties = propertiesOf(resources, id);
      const key = referenceKey(properties.IntegrationId);
      if (key !== undefined) appendTo(responses, key, [id, properties]);
    } else if (type === 'AWS::ApiGatewayV2::Route') {
      const key = integrationOfTarget(propertiesOf(resources, id).Target);
      if (key !== undefined) appendTo(routes, key, id);
    }
  }
  const operations: Array<ModeledOperation & { id?: string }> = [];
  for (const integrationId of integrations) {
    const properties = propertiesOf(resources, integrationId);
    const apiId = referencedId(resources, properties.ApiId);
    const apiProperties = apiId === undefined ? {} : propertiesOf(resources, apiId);
    const protocol = knownString(apiProperties.ProtocolType);
    const integrationResponses = sortedResponses(responses.get(`ref:${integrationId}`));
    // HTTP APIs have no integration responses; an API of unknown protocol counts when it has some.
    if (protocol === 'HTTP' || (protocol !== 'WEBSOCKET' && integrationResponses.length === 0)) continue;
    const api = apiId === undefined ? 'WebSocket API (imported)' : `WebSocket API ${knownString(apiProperties.Name) ?? apiId}`;
    const model = () => webSocketOperation(properties, integrationResponses);
    const integrationRoutes = routes.get(`ref:${integrationId}`) ?? [];
    if (integrationRoutes.length === 0) {
      operations.push({ protocol: 'websocket', name: `${api} integration ${integrationId}`, stack, ...model(), id: apiId });
    }
    for (const routeId of integrationRoutes) {
      const route = propertiesOf(resources, routeId);
      const routeKey = knownString(route.RouteKey) ?? `(route key of ${routeId} only known at deployment)`;
      const base = { protocol: 'websocket' as const, name: `${api} route ${routeKey}`, stack, id: apiId };
      const modeledRoute = model();
      const oneWay = route.RouteResponseSelectionExpression === undefined ? ONE_WAY_NOTE : undefined;
      const note = [oneWay, modeledRoute.note].filter(n => n !== undefined).join('; ');
      operations.push({ ...base, ...modeledRoute, ...(note === '' ? {} : { note }) });
    }
  }
  return operations;
}

/** Integration responses in an order of their own (by key), not the template's. */
function sortedResponses(entries: Array<[string, Record<string, unknown>]> | undefined): Array<Record<string, unknown>> {
  if (entries === undefined) return [];
  const key = ([id, p]: [string, Record<string, unknown>]) => knownString(p.IntegrationResponseKey) ?? `~${id}`;
  return [...entries].sort((a, b) => compareText(key(a), key(b))).map(([, p]) => p);
}

function webSocketOperation(properties: Record<string, unknown>,
  responses: Array<Record<string, unknown>>): { model?: WebSocketModel; note?: string } {
  const type = knownString(properties.IntegrationType);
  if (type !== undefined && PROXY_INTEGRATION_TYPES.includes(type)) return { note: PROXY_NOTE };
  const target: MatchTarget = matchTargetOf(properties.IntegrationType, properties.IntegrationUri);
  if (target === 'unknown') return { note: UNKNOWN_TARGET_NOTE };
  return withMockCodes(modeled({}, () => webSocketModel(properties.IntegrationType, target, responses)),
    mockStatusCodes(properties.IntegrationType, properties.RequestTemplates));
}

function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}
