import { MethodChecker } from './method-checker';
import { applySuppressions, Suppression } from './suppressions';
import { TemplateFinding } from './template-checker';
import { Finding } from '../rules/finding';
import { knownObject, knownString } from '../rules/unknown';
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
 * Checks resources and drops what their `Metadata` (or `extra`) suppresses, adding findings for
 * malformed suppressions.
 */
export function checkResources(resources: Record<string, TemplateResource>,
  extra: (logicalId: string) => readonly Suppression[] = () => []): TemplateFinding[] {
  const findings = checkTemplateResources(resources);
  const byResource = new Map<string, TemplateFinding[]>();
  for (const f of findings) appendTo(byResource, f.resource, f);
  const result: TemplateFinding[] = [];
  for (const [id, resource] of Object.entries(resources)) {
    result.push(...applySuppressions(byResource.get(id) ?? [], knownObject(resource)?.Metadata, extra(id)).map(f => ({ ...f, resource: id })));
  }
  return result;
}

/** The resource types the rule table checks. */
export const CHECKED_TYPES: ReadonlySet<string> = new Set([
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
export function checkTemplateResources(resources: Record<string, TemplateResource>): TemplateFinding[] {
  const findings: TemplateFinding[] = [];
  const add = (resource: string, list: readonly Finding[]) => list.forEach(f => findings.push({ ...f, resource }));
  const byType = groupByType(resources);

  const methods = new MethodChecker();
  for (const [id, properties] of byType('AWS::ApiGateway::Method')) add(id, methods.check(properties));

  const integrations = new Map(byType('AWS::ApiGatewayV2::Integration'));
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

function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}

function groupByType(resources: Record<string, TemplateResource>) {
  return (type: string): Array<[string, Record<string, unknown>]> => Object.entries(resources)
    .filter(([, r]) => knownObject(r) !== undefined && r.Type === type)
    .map(([id, r]) => [id, knownObject(r.Properties) ?? {}]);
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
 * The integration a route's `Target` (`integrations/<id>`) points at, as a reference key.
 */
export function integrationOfTarget(target: unknown): string | undefined {
  const literal = knownString(target);
  if (literal !== undefined) return literal.startsWith('integrations/') ? `id:${literal.slice('integrations/'.length)}` : undefined;
  if (target === null || typeof target !== 'object') return undefined;
  const object = target as Record<string, unknown>;
  const join = object['Fn::Join'];
  if (Array.isArray(join) && join[0] === '' && Array.isArray(join[1]) && join[1].length === 2 && join[1][0] === 'integrations/') {
    return referenceKey(join[1][1]);
  }
  const sub = object['Fn::Sub'];
  const [text, variables] = Array.isArray(sub) ? [sub[0], knownObject(sub[1]) ?? {}] : [sub, {}];
  const match = typeof text === 'string' ? /^integrations\/\$\{([A-Za-z0-9.]+)\}$/.exec(text) : null;
  if (match) {
    const name = match[1];
    return name in variables ? referenceKey(variables[name]) : `ref:${name.split('.')[0]}`;
  }
  return undefined;
}
