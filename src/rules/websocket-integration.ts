import { finding, RULES } from './catalog';
import { Finding } from './finding';
import { DEFAULT_KEY, WEBSOCKET_KEY_RULES } from './response-key';
import { checkPatternOverlaps, PlacedPattern } from './selection-pattern';
import { checkWebSocketIntegrationResponse } from './websocket-integration-response';
import { matchTargetOf, mockStatusCodes, PROXY_INTEGRATION_TYPES, MatchTarget } from '../grammar/match-target';
import { knownObject, knownString } from '../grammar/unknown';

/**
 * A route that targets the integration, with the keys of its route responses.
 */
export interface RouteFacts {
  readonly properties: Record<string, unknown>;
  /** Keys of the route's route responses; `undefined` when they cannot be known. */
  readonly routeResponseKeys?: readonly unknown[];
}

/**
 * Findings of one WebSocket integration, attributed to the resource they are about.
 */
export interface WebSocketIntegrationFindings {
  readonly integration: Finding[];
  readonly responses: Finding[][];
  readonly routes: Finding[][];
}

/**
 * Checks a WebSocket integration's responses together with the integration (its type) and the
 * routes that target it. `integration` is `undefined` when it is not in the template (an imported
 * ID): type-dependent checks are then skipped.
 */
export function checkWebSocketIntegration(
  integration: Record<string, unknown> | undefined,
  responses: ReadonlyArray<Record<string, unknown>>,
  routes: readonly RouteFacts[],
): WebSocketIntegrationFindings {
  const type = knownString(integration?.IntegrationType);
  const result: WebSocketIntegrationFindings = { integration: [], responses: responses.map(() => []), routes: routes.map(() => []) };
  if (type !== undefined && PROXY_INTEGRATION_TYPES.includes(type)) {
    // A response that maps nothing changes nothing (published samples add a bare $default one).
    responses.forEach((response, i) => {
      if (mapsSomething(response)) for (const f of webSocketProxyFindings(type, 'IntegrationId')) result.responses[i].push(f);
    });
    routes.forEach((route, i) => result.routes[i].push(...checkRoute(route, false)));
    return result;
  }
  const target: MatchTarget = integration ? matchTargetOf(integration.IntegrationType, integration.IntegrationUri) : 'unknown';
  const patterns: PlacedPattern[] = [];
  const seen = new Map<string, number>();
  let everyKeyKnown = true;
  let hasDefault = false;
  responses.forEach((response, i) => {
    const checked = checkWebSocketIntegrationResponse(response, target);
    result.responses[i].push(...checked.findings);
    const key = knownString(response.IntegrationResponseKey);
    if (key === undefined) {
      everyKeyKnown = false;
      return;
    }
    if (key === DEFAULT_KEY) hasDefault = true;
    if (seen.has(key)) {
      result.responses[i].push(finding(RULES.wsDuplicateResponseKey,
        `response key '${key}' is used by another integration response of the same integration: API Gateway selects one ` +
        'response per key, so one of them is never used (creating the second may also fail with a conflict); merge the two responses',
        'IntegrationResponseKey'));
      return;
    }
    seen.set(key, i);
    if (checked.pattern) patterns.push({ display: key, owner: `response #${i}`, compiled: checked.pattern, path: `${i}` });
  });
  for (const overlap of checkPatternOverlaps(patterns, target, WEBSOCKET_KEY_RULES)) {
    result.responses[Number(overlap.path)].push({ ...overlap, path: 'IntegrationResponseKey' });
  }
  const answers = mockStatusCodes(integration?.IntegrationType, integration?.RequestTemplates);
  const everyAnswerMatched = answers !== undefined && answers.every(answer => patterns.some(p => p.compiled.matches(answer)));
  // Behind $disconnect alone there is no client left to answer, mapped or not.
  const onlyDisconnect = routes.length > 0 && routes.every(r => knownString(r.properties.RouteKey) === '$disconnect');
  if (responses.length > 0 && everyKeyKnown && !hasDefault && !everyAnswerMatched && !onlyDisconnect) {
    result.integration.push(finding(RULES.wsNoDefaultKey,
      `the integration has ${responses.length} integration response(s) but none with key '${DEFAULT_KEY}': results that ` +
      `match no key${target === 'lambda' ? ', including every successful Lambda invocation,' : ''} get no integration ` +
      `response, so the client receives no mapped answer; add a '${DEFAULT_KEY}' integration response`));
  }
  routes.forEach((route, i) => result.routes[i].push(...checkRoute(route, responses.length > 0)));
  return result;
}

/**
 * `ws-proxy-integration-responses` for integration type `type`, or none when it is not a proxy
 * type: also what the builders refuse when asked to add responses to a proxy integration.
 */
export function webSocketProxyFindings(type: string | undefined, path?: string): Finding[] {
  if (type === undefined || !PROXY_INTEGRATION_TYPES.includes(type)) return [];
  return [finding(RULES.wsProxyIntegrationResponses,
    `integration type ${type} ignores integration responses: for proxy integrations API Gateway passes the backend's ` +
    'answer through ("There is no integration response"), so their templates and parameters never apply; use a non-proxy ' +
    'integration (AWS, HTTP or MOCK: WebSocketAwsIntegration, WebSocketMockIntegration) to map responses, or remove them', path)];
}

/**
 * A route's own checks: its route response selection expression is `$default` (the only value
 * WebSocket APIs support), and when its integration has integration responses the route returns
 * them, which takes a `$default` route response ("API Gateway will not pass the backend response
 * through to the route response, unless you set up a route response").
 */
export function checkRoute(route: RouteFacts, integrationHasResponses: boolean): Finding[] {
  const raw = route.properties.RouteResponseSelectionExpression;
  const expression = knownString(raw);
  const routeKey = knownString(route.properties.RouteKey) ?? '?';
  if (expression !== undefined && expression !== DEFAULT_KEY) {
    return [finding(RULES.wsRouteResponseSelection,
      `route response selection expression '${expression}' is not supported: AWS documents it as restricted to ` +
      `'${DEFAULT_KEY}' for WebSocket routes, so no route response is selected by it; use '${DEFAULT_KEY}'`, 'RouteResponseSelectionExpression')];
  }
  const hasDefaultResponse = defaultRouteResponse(route.routeResponseKeys);
  // $disconnect runs after the connection is closed: nothing can be returned, two-way or not.
  if (!integrationHasResponses || hasDefaultResponse === undefined || routeKey === '$disconnect') return [];
  if (hasDefaultResponse === false) {
    return [finding(RULES.wsRouteNotTwoWay,
      `route '${routeKey}' has no '${DEFAULT_KEY}' route response, so it is one-way: API Gateway sends the client nothing ` +
      'and its integration\'s responses have no effect; add a \'$default\' route response (returnResponse: true in aws-cdk-lib, ' +
      'or WebSocketResponses.forRoute)')];
  }
  if (raw === undefined) {
    return [finding(RULES.wsRouteResponseSelectionUnset,
      `route '${routeKey}' has a '${DEFAULT_KEY}' route response but no route response selection expression: AWS documents ` +
      `that the expression "should be provided to initiate two-way communication"; set RouteResponseSelectionExpression to '${DEFAULT_KEY}'`,
      'RouteResponseSelectionExpression')];
  }
  return [];
}

/** Whether the keys include `$default`; `undefined` when some key (or the list) is unknown. */
function defaultRouteResponse(keys: readonly unknown[] | undefined): boolean | undefined {
  if (keys === undefined) return undefined;
  const known = keys.map(knownString);
  if (known.includes(DEFAULT_KEY)) return true;
  return known.includes(undefined) ? undefined : false;
}

/** Whether an integration response maps anything (a template, a parameter, a conversion). */
function mapsSomething(response: Record<string, unknown>): boolean {
  const nonEmpty = (v: unknown) => v !== undefined && (knownObject(v) === undefined || Object.keys(v as object).length > 0);
  return nonEmpty(response.ResponseTemplates) || nonEmpty(response.ResponseParameters)
    || response.ContentHandlingStrategy !== undefined || response.TemplateSelectionExpression !== undefined;
}
