import { finding, RULES } from './catalog';
import { Finding } from './finding';
import { matchTargetOf, PROXY_INTEGRATION_TYPES } from './match-target';
import { DEFAULT_KEY, WEBSOCKET_KEY_RULES } from './response-key';
import { checkPatternOverlaps, MatchTarget, PlacedPattern } from './selection-pattern';
import { knownString } from './unknown';
import { checkWebSocketIntegrationResponse } from './websocket-integration-response';

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
    responses.forEach((_, i) => result.responses[i].push(finding(RULES.wsProxyIntegrationResponses,
      `integration type ${type} has no integration responses: API Gateway passes the backend's answer through and ` +
      'ignores this one; remove it, or use a non-proxy integration (AWS, HTTP or MOCK) to map responses', 'IntegrationId')));
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
        `response key '${key}' is used by another integration response of the same integration: API Gateway rejects ` +
        'the deployment (ConflictException); merge the two responses', 'IntegrationResponseKey'));
      return;
    }
    seen.set(key, i);
    if (checked.pattern) patterns.push({ display: key, owner: `response #${i}`, compiled: checked.pattern, path: `${i}` });
  });
  for (const overlap of checkPatternOverlaps(patterns, target, WEBSOCKET_KEY_RULES)) {
    result.responses[Number(overlap.path)].push({ ...overlap, path: 'IntegrationResponseKey' });
  }
  if (responses.length > 0 && everyKeyKnown && !hasDefault) {
    result.integration.push(finding(RULES.wsNoDefaultKey,
      `the integration has ${responses.length} integration response(s) but none with key '${DEFAULT_KEY}': results that ` +
      `match no key${target === 'lambda' ? ', including every successful Lambda invocation,' : ''} get no integration ` +
      `response, so the client receives no mapped answer; add a '${DEFAULT_KEY}' integration response`));
  }
  routes.forEach((route, i) => result.routes[i].push(...checkRoute(route, responses.length > 0)));
  return result;
}

/**
 * A route's own checks: its route response selection expression is `$default`, and when its
 * integration has integration responses the route can return them.
 */
export function checkRoute(route: RouteFacts, integrationHasResponses: boolean): Finding[] {
  const raw = route.properties.RouteResponseSelectionExpression;
  const expression = knownString(raw);
  if (expression !== undefined && expression !== DEFAULT_KEY) {
    return [finding(RULES.wsRouteResponseSelection,
      `route response selection expression '${expression}' is not supported: WebSocket routes support only ` +
      `'${DEFAULT_KEY}'; use '${DEFAULT_KEY}'`, 'RouteResponseSelectionExpression')];
  }
  if (!integrationHasResponses || (raw !== undefined && expression === undefined)) return [];
  const hasDefaultResponse = defaultRouteResponse(route.routeResponseKeys);
  if (raw !== undefined && hasDefaultResponse !== false) return [];
  const missing = [
    ...raw === undefined ? ['no route response selection expression'] : [],
    ...hasDefaultResponse === false ? [`no '${DEFAULT_KEY}' route response`] : [],
  ].join(' and ');
  const routeKey = knownString(route.properties.RouteKey) ?? '?';
  return [finding(RULES.wsRouteNotTwoWay,
    `route '${routeKey}' has ${missing}, so API Gateway sends the client nothing and its integration's responses have ` +
    `no effect; set RouteResponseSelectionExpression to '${DEFAULT_KEY}' and add a '${DEFAULT_KEY}' route response ` +
    '(returnResponse: true in aws-cdk-lib)', raw === undefined ? 'RouteResponseSelectionExpression' : undefined)];
}

/** Whether the keys include `$default`; `undefined` when some key (or the list) is unknown. */
function defaultRouteResponse(keys: readonly unknown[] | undefined): boolean | undefined {
  if (keys === undefined) return undefined;
  const known = keys.map(knownString);
  if (known.includes(DEFAULT_KEY)) return true;
  return known.includes(undefined) ? undefined : false;
}
