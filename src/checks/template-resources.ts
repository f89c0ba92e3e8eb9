import { checkDefinition } from './definition-checker';
import { checkGatewayResponseResources, definitionGatewayResponses, definitionMethods, ResourceEntry } from './gateway-response-resources';
import { MethodChecker } from './method-checker';
import { applySuppressions, METADATA_KEY, Suppression } from './suppressions';
import { TemplateFinding } from './template-finding';
import { knownObject, knownString } from '../grammar/unknown';
import { Finding } from '../rules/finding';
import { ApiProtocol, checkHttpResponseParameters } from '../rules/http-response-parameters';
import { checkSamApi } from '../rules/sam-api';
import { checkSchema, SchemaFinding } from '../rules/schema/schema-check';
import { SchemaMemo } from '../rules/schema/schema-memo';
import { checkRoute, checkWebSocketIntegration, RouteFacts } from '../rules/websocket-integration';

/**
 * A resource of a CloudFormation template, as the checker reads it.
 */
export interface TemplateResource {
  readonly Type?: unknown;
  readonly Properties?: unknown;
  readonly Metadata?: unknown;
}

/**
 * How resources are checked.
 */
export interface ResourceCheckOptions {
  /**
   * Whether AWS's offline engine (aws-cdk-lib's default validation) already reports the schema
   * mistakes of a resource, so that they are left out here (their consequences stay masked).
   */
  readonly engineReportsSchema?: (logicalId: string) => boolean;
}

/**
 * Checks resources and drops what their `Metadata` (or `extra`) suppresses, adding findings for
 * malformed suppressions.
 */
export function checkResources(resources: Record<string, TemplateResource>,
  extra: (logicalId: string) => readonly Suppression[] = () => [], options: ResourceCheckOptions = {}): TemplateFinding[] {
  const findings = checkTemplateResources(resources, options);
  const byResource = new Map<string, TemplateFinding[]>();
  for (const f of findings) appendTo(byResource, f.resource, f);
  const result: TemplateFinding[] = [];
  for (const id in resources) {
    if (!Object.prototype.hasOwnProperty.call(resources, id)) continue;
    const own = byResource.get(id);
    const metadata = fieldOf(resources[id], 'Metadata');
    // Most resources have no findings and no suppressions (whose malformed entries are findings).
    if (own === undefined && knownObject(metadata)?.[METADATA_KEY] === undefined) continue;
    // `extra` only removes findings: it is not asked about a resource without any.
    for (const f of applySuppressions(own ?? [], metadata, own === undefined ? [] : extra(id))) result.push({ ...f, resource: id });
  }
  return result;
}

/**
 * The findings of a template already known to be no deeper than the checks read (the CLI's reader
 * made sure of it; `TemplateChecker.check` makes sure first).
 */
export function checkTemplate(template: unknown): TemplateFinding[] {
  const resources = knownObject(knownObject(template)?.Resources) ?? {};
  // SAM merges `Globals.Api` into every AWS::Serverless::Api of the template.
  const globalApi = knownObject(knownObject(knownObject(template)?.Globals)?.Api);
  const globals = globalApi === undefined ? [] : checkSamApi(globalApi, 'Api').map(f => ({ ...f, resource: 'Globals' }));
  return [...globals, ...checkResources(resources as Record<string, TemplateResource>)];
}

/** The resource types the rule table checks. */
export const CHECKED_TYPES: ReadonlySet<string> = new Set([
  'AWS::ApiGateway::GatewayResponse',
  'AWS::ApiGateway::Method',
  'AWS::ApiGatewayV2::Integration',
  'AWS::ApiGatewayV2::IntegrationResponse',
  'AWS::ApiGatewayV2::Route',
  'AWS::ApiGatewayV2::RouteResponse',
]);

/**
 * Runs the rule table over the resources of a template, resolving what the template itself tells:
 * which integration an integration response or a route belongs to (through `Ref`, `Fn::GetAtt`,
 * `Fn::Join`, `Fn::Sub` or a plain ID), and which route responses a route has. What needs
 * deploy-time values is skipped.
 */
export function checkTemplateResources(resources: Record<string, TemplateResource>, options: ResourceCheckOptions = {}): TemplateFinding[] {
  const findings: TemplateFinding[] = [];
  const add = (resource: string, list: readonly Finding[]) => list.forEach(f => findings.push({ ...f, resource }));
  const memo = new SchemaMemo<SchemaFinding>();
  const byType = groupByType(resources, (id, type, properties) => {
    const schema = checkSchema(type, properties, { leaveOutEngineFindings: options.engineReportsSchema?.(id), memo });
    add(id, schema.findings);
    return schema.properties;
  });

  const methods = new MethodChecker();
  for (const [id, properties] of byType('AWS::ApiGateway::Method')) add(id, methods.check(properties));
  const definitions = inlineDefinitions(resources);
  for (const [id, field, definition] of definitions) {
    for (const f of checkDefinition(definition, methods)) findings.push({ ...f, resource: id, path: `${field}.${f.path}` });
  }
  for (const [id, properties] of samApis(resources)) add(id, checkSamApi(properties));
  const apiDefinition = (id: string) => {
    if (!Object.prototype.hasOwnProperty.call(resources, id) || fieldOf(resources[id], 'Type') !== 'AWS::ApiGateway::RestApi') return null;
    const written = fieldOf(resources[id], 'Properties');
    const properties = knownObject(written);
    if (properties === undefined) return written === undefined ? [] : undefined;
    return definitionGatewayResponses(properties.Body, properties.BodyS3Location);
  };
  const restMethods: ResourceEntry[] = [...byType('AWS::ApiGateway::Method')];
  // SAM's DefinitionBody is left out: SAM adds the gateway responses of its own GatewayResponses and Cors to it.
  for (const [id, field, definition] of definitions) if (field === 'Body') restMethods.push(...definitionMethods(id, definition));
  for (const [id, list] of checkGatewayResponseResources(restMethods, byType('AWS::ApiGateway::GatewayResponse'),
    apiDefinition, referenceKey)) add(id, list);

  const integrations = new Map(byType('AWS::ApiGatewayV2::Integration'));
  for (const [id, properties] of integrations) add(id, checkHttpResponseParameters(properties, protocolOf(resources, properties.ApiId)));
  const responsesOf = new Map<string, Array<[string, Record<string, unknown>]>>();
  for (const [id, properties] of byType('AWS::ApiGatewayV2::IntegrationResponse')) {
    const key = referenceKey(properties.IntegrationId);
    if (key !== undefined) appendTo(responsesOf, key, [id, properties]);
  }
  const routeResponseKeys = new Map<string, unknown[]>();
  for (const [, properties] of byType('AWS::ApiGatewayV2::RouteResponse')) {
    const route = referenceKey(properties.RouteId);
    if (route !== undefined) appendTo(routeResponseKeys, route, properties.RouteResponseKey);
  }
  const routesOf = new Map<string, Array<[string, RouteFacts]>>();
  const unattachedRoutes: Array<[string, RouteFacts]> = [];
  for (const [id, properties] of byType('AWS::ApiGatewayV2::Route')) {
    const facts: RouteFacts = { properties, routeResponseKeys: routeResponseKeys.get(`ref:${id}`) ?? [] };
    const target = integrationOfTarget(properties.Target);
    if (target === undefined) unattachedRoutes.push([id, facts]);
    else appendTo(routesOf, target, [id, facts]);
  }

  const keys = new Set([...[...integrations.keys()].map(id => `ref:${id}`), ...responsesOf.keys(), ...routesOf.keys()]);
  for (const key of keys) {
    const integrationId = key.startsWith('ref:') ? key.slice(4) : undefined;
    const responses = responsesOf.get(key) ?? [];
    const routes = routesOf.get(key) ?? [];
    const result = checkWebSocketIntegration(integrationId === undefined ? undefined : integrations.get(integrationId),
      responses.map(([, p]) => p), routes.map(([, r]) => r));
    const integrationOwner = integrationId !== undefined && integrations.has(integrationId) ? integrationId : responses[0]?.[0];
    if (integrationOwner !== undefined) add(integrationOwner, result.integration);
    responses.forEach(([id], i) => add(id, result.responses[i]));
    routes.forEach(([id], i) => add(id, result.routes[i]));
  }
  for (const [id, facts] of unattachedRoutes) add(id, checkRoute(facts, false));
  return findings;
}

/** Where a resource type holds an inline OpenAPI definition. */
export const DEFINITION_FIELDS: Readonly<Record<string, string>> = {
  'AWS::ApiGateway::RestApi': 'Body',
  'AWS::Serverless::Api': 'DefinitionBody',
};

/**
 * The inline OpenAPI definitions of a template's REST APIs (`Body`, SAM's `DefinitionBody`), with the
 * property holding each. One given by an intrinsic (`Fn::Transform` `AWS::Include`) or a file
 * (`BodyS3Location`, `DefinitionUri`) is not known here and is left out.
 */
function inlineDefinitions(resources: Record<string, TemplateResource>): Array<[string, string, Record<string, unknown>]> {
  const definitions: Array<[string, string, Record<string, unknown>]> = [];
  for (const id in resources) {
    if (!Object.prototype.hasOwnProperty.call(resources, id)) continue;
    const type = fieldOf(resources[id], 'Type');
    const field = typeof type === 'string' && Object.prototype.hasOwnProperty.call(DEFINITION_FIELDS, type) ? DEFINITION_FIELDS[type] : undefined;
    if (field === undefined) continue;
    const definition = knownObject(knownObject(fieldOf(resources[id], 'Properties'))?.[field]);
    if (definition !== undefined) definitions.push([id, field, definition]);
  }
  return definitions;
}

/** The properties of the template's `AWS::Serverless::Api` resources (SAM). */
function samApis(resources: Record<string, TemplateResource>): Array<[string, Record<string, unknown>]> {
  const apis: Array<[string, Record<string, unknown>]> = [];
  for (const id in resources) {
    if (!Object.prototype.hasOwnProperty.call(resources, id) || fieldOf(resources[id], 'Type') !== 'AWS::Serverless::Api') continue;
    const properties = knownObject(fieldOf(resources[id], 'Properties'));
    if (properties !== undefined) apis.push([id, properties]);
  }
  return apis;
}

/**
 * A field of a resource entry. An entry is read as an object without asking whether it is an
 * intrinsic: no resource is one, and asking costs a look at every key of every resource.
 */
function fieldOf(resource: unknown, field: keyof TemplateResource): unknown {
  return resource !== null && typeof resource === 'object' && !Array.isArray(resource) ? (resource as TemplateResource)[field] : undefined;
}

function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}

/**
 * The checked resources by type, in one pass over the template, with their properties as `read`
 * returns them (checked against the schema, mistakes masked).
 */
function groupByType(resources: Record<string, TemplateResource>,
  read: (id: string, type: string, properties: Record<string, unknown>) => Record<string, unknown>) {
  const byType = new Map<string, Array<[string, Record<string, unknown>]>>();
  for (const id in resources) {
    if (!Object.prototype.hasOwnProperty.call(resources, id)) continue;
    const resource = resources[id];
    const type = fieldOf(resource, 'Type');
    if (typeof type !== 'string' || !CHECKED_TYPES.has(type)) continue;
    const properties = knownObject(resource.Properties);
    // Properties given by an intrinsic (`Fn::If` around all of them) are known only at deployment.
    if (properties === undefined && resource.Properties !== undefined) appendTo(byType, type, [id, {}]);
    else appendTo(byType, type, [id, read(id, type, properties ?? {})]);
  }
  return (type: string): Array<[string, Record<string, unknown>]> => byType.get(type) ?? [];
}

/**
 * The protocol of the API an `ApiId` names, when it is an `AWS::ApiGatewayV2::Api` of the template
 * (an imported API, or one given by a parameter, is not known).
 */
export function protocolOf(resources: Record<string, TemplateResource>, apiId: unknown): ApiProtocol {
  const key = referenceKey(apiId);
  if (key === undefined || !key.startsWith('ref:')) return undefined;
  const id = key.slice(4);
  if (!Object.prototype.hasOwnProperty.call(resources, id) || fieldOf(resources[id], 'Type') !== 'AWS::ApiGatewayV2::Api') return undefined;
  const protocol = knownString(knownObject(fieldOf(resources[id], 'Properties'))?.ProtocolType);
  return protocol === 'HTTP' || protocol === 'WEBSOCKET' ? protocol : undefined;
}

/**
 * A key identifying what a reference property points at: `ref:<logicalId>` for `Ref`/`Fn::GetAtt`
 * to a resource of the template, `id:<value>` for a literal ID, `undefined` when unknown.
 */
export function referenceKey(value: unknown): string | undefined {
  const literal = knownString(value);
  if (literal !== undefined) return `id:${literal}`;
  if (value === null || typeof value !== 'object') return undefined;
  const object = value as Record<string, unknown>;
  const ref = knownString(object.Ref);
  if (ref !== undefined) return `ref:${ref}`;
  const getAtt = object['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return `ref:${getAtt[0]}`;
  if (typeof getAtt === 'string') return `ref:${getAtt.split('.')[0]}`;
  return undefined;
}

/**
 * The integration a route's `Target` (`integrations/<id>`) points at, as a reference key. Every
 * form that evaluates to `integrations/` followed by one reference or ID is understood: a literal,
 * `Fn::Join` with any delimiter (`!Join ['/', [integrations, !Ref X]]`, `Fn::Join ['', ['integrations/',
 * ref]]`), `Fn::Sub` (`integrations/${X}`, with or without a variable map), and joins nested in joins.
 */
export function integrationOfTarget(target: unknown): string | undefined {
  const parts = targetParts(target, 0);
  if (parts === undefined) return undefined;
  // Adjacent literals merge: ['integra', 'tions/', ref] reads as 'integrations/' and ref.
  const merged: TargetPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (typeof part === 'string' && typeof last === 'string') merged[merged.length - 1] = last + part;
    else if (part !== '') merged.push(part);
  }
  const [prefix, id, ...rest] = merged;
  if (typeof prefix !== 'string' || !prefix.startsWith('integrations/') || rest.length > 0) return undefined;
  const literalId = prefix.slice('integrations/'.length);
  if (id === undefined) return literalId === '' ? undefined : `id:${literalId}`;
  return literalId === '' && typeof id !== 'string' ? id.key : undefined;
}

/** A literal fragment of a target, or a reference to what is only known at deployment. */
type TargetPart = string | { readonly key: string };

const MAX_TARGET_DEPTH = 8;

/** The fragments a target value evaluates to, or `undefined` when it is not a form read here. */
function targetParts(value: unknown, depth: number): TargetPart[] | undefined {
  const literal = knownString(value);
  if (literal !== undefined) return [literal];
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth > MAX_TARGET_DEPTH) return undefined;
  const reference = referenceKey(value);
  if (reference !== undefined) return [{ key: reference }];
  const object = value as Record<string, unknown>;
  const join = object['Fn::Join'];
  if (Array.isArray(join) && join.length === 2 && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts: TargetPart[] = [];
    for (const [i, item] of join[1].entries()) {
      const itemParts = targetParts(item, depth + 1);
      if (itemParts === undefined) return undefined;
      if (i > 0) parts.push(join[0]);
      for (const part of itemParts) parts.push(part);
    }
    return parts;
  }
  const sub = object['Fn::Sub'];
  const [text, variables] = Array.isArray(sub) ? [sub[0], knownObject(sub[1]) ?? {}] : [sub, {}];
  if (typeof text !== 'string') return undefined;
  return subParts(text, variables as Record<string, unknown>, depth);
}

/** `Fn::Sub` text as fragments: `${Name}` and `${Name.Attr}` are references unless the map defines them. */
function subParts(text: string, variables: Record<string, unknown>, depth: number): TargetPart[] | undefined {
  const parts: TargetPart[] = [];
  const placeholder = /\$\{([^}]*)\}/g;
  let last = 0;
  for (let m = placeholder.exec(text); m; m = placeholder.exec(text)) {
    parts.push(text.slice(last, m.index));
    last = m.index + m[0].length;
    const name = m[1];
    if (name.startsWith('!')) {
      parts.push(`\${${name.slice(1)}}`);
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(variables, name)) {
      const inner = targetParts(variables[name], depth + 1);
      if (inner === undefined) return undefined;
      for (const part of inner) parts.push(part);
    } else if (/^[A-Za-z0-9]+(\.[A-Za-z0-9]+)?$/.test(name)) {
      parts.push({ key: `ref:${name.split('.')[0]}` });
    } else {
      return undefined;
    }
  }
  parts.push(text.slice(last));
  return parts;
}
