import { Reference, Stack, Tokenization } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct, IConstruct } from 'constructs';
import { ResponseKey } from './response-key';
import { makeTwoWay } from './two-way-route';
import { WebSocketIntegrationResponse, WebSocketResponseOptions } from './websocket-integration-response';
import { validateAtSynth } from '../checks/synth-validation';
import { throwOnErrors, usageError } from '../errors/integration-response-error';
import { matchTargetOf, MatchTarget } from '../grammar/match-target';
import { knownString } from '../grammar/unknown';
import { RULES } from '../rules/catalog';
import { checkWebSocketKeyKinds } from '../rules/pattern-kind';
import { checkWebSocketIntegration, webSocketProxyFindings } from '../rules/websocket-integration';

/** Where a construct keeps the response sets made for it: one per integration, however many times it is asked for. */
const RESPONSE_SETS = Symbol.for('cdk-integration-responses.WebSocketResponses');

/**
 * The integration responses of one WebSocket integration:
 *
 * ```ts
 * const responses = WebSocketResponses.forRoute(route);
 * responses.addResponse(ResponseKey.DEFAULT, { responseTemplates: { $default: '{"pong": true}' } });
 * responses.addResponse(ResponseKey.clientErrorStatus(), { responseTemplates: { $default: '{"error": "bad request"}' } });
 * ```
 *
 * Two responses with one key, or error-message keys mixed with status keys, throw at `addResponse`;
 * checks that need the whole integration (a `$default` response, overlapping keys) run at synth.
 */
export class WebSocketResponses {
  /**
   * The responses of the integration a route targets (a route of aws-cdk-lib's `WebSocketApi`,
   * e.g. from `addRoute`), without handling IDs. The route is made two-way if it is not yet
   * (route response selection expression `$default` and a `$default` route response): integration
   * responses reach the client only through a route response.
   *
   * @param route the route
   */
  public static forRoute(route: apigwv2.WebSocketRoute): WebSocketResponses {
    const where = `WebSocketResponses.forRoute on ${route.node.path}`;
    const integration = route.node.children.find((c): c is apigwv2.WebSocketIntegration => c instanceof apigwv2.WebSocketIntegration)
      ?? findBoundIntegration(route);
    if (!integration) {
      throw usageError(where, 'the route has no integration of its own; use WebSocketResponses.forIntegration with the integration ID');
    }
    const cfnIntegration = integration.node.defaultChild as apigwv2.CfnIntegration;
    const responses = WebSocketResponses.registered(integration, route.webSocketApi.apiId, integration.integrationId, cfnIntegration, where);
    makeTwoWay(route, where);
    return responses;
  }

  /**
   * The responses of an integration given by ID, for a `CfnApi`/`CfnIntegration` or an imported
   * API. When the ID refers to a `CfnIntegration` of the app, its type is checked too.
   *
   * @param scope where the integration response constructs are created
   * @param apiId the WebSocket API ID (`cfnApi.ref`, `webSocketApi.apiId`)
   * @param integrationId the integration ID (`cfnIntegration.ref`, `integration.integrationId`)
   */
  public static forIntegration(scope: Construct, apiId: string, integrationId: string): WebSocketResponses {
    const where = `WebSocketResponses.forIntegration on ${scope.node.path}`;
    return WebSocketResponses.registered(scope, apiId, integrationId, referencedIntegration(integrationId), where);
  }

  private static registered(scope: Construct, apiId: string, integrationId: string,
    integration: apigwv2.CfnIntegration | undefined, where: string): WebSocketResponses {
    const owner: IConstruct = integration ?? scope;
    const holder = owner as IConstruct & { [RESPONSE_SETS]?: Map<string, WebSocketResponses> };
    let byId = holder[RESPONSE_SETS];
    if (byId === undefined) {
      byId = new Map<string, WebSocketResponses>();
      Object.defineProperty(holder, RESPONSE_SETS, { value: byId });
    }
    const key = Stack.of(scope).resolve(integrationId);
    const id = typeof key === 'string' ? key : JSON.stringify(key);
    let responses = byId.get(id);
    if (!responses) {
      responses = new WebSocketResponses(scope, apiId, integrationId, integration, where);
      byId.set(id, responses);
    }
    return responses;
  }

  private readonly responses: WebSocketIntegrationResponse[] = [];
  /**
   * What the keys are matched against (from the integration, when known), for the simulator.
   *
   * @internal
   */
  public readonly _matchTarget: MatchTarget;

  private constructor(
    private readonly scope: Construct,
    private readonly apiId: string,
    private readonly integrationId: string,
    integration: apigwv2.CfnIntegration | undefined,
    private readonly where: string,
  ) {
    // Responses on a proxy integration never apply: the set refuses to be made for one.
    throwOnErrors(webSocketProxyFindings(knownString(integration?.integrationType)), where, [RULES.wsProxyIntegrationResponses]);
    this._matchTarget = integration ? matchTargetOf(integration.integrationType, Stack.of(integration).resolve(integration.integrationUri)) : 'unknown';
    if (integration) validateAtSynth(integration);
  }

  /**
   * The integration responses added so far.
   */
  public get integrationResponses(): WebSocketIntegrationResponse[] {
    return [...this.responses];
  }

  /**
   * Adds an integration response for `key` to the integration.
   *
   * @param key when the response is used
   * @param options what it returns
   * @returns the integration response
   */
  public addResponse(key: ResponseKey, options?: WebSocketResponseOptions): WebSocketIntegrationResponse {
    this.checkKind(key);
    const keys = [...this.responses.map(r => r.responseKey.key), key.key].map(k => ({ IntegrationResponseKey: k }));
    const duplicates = checkWebSocketIntegration(undefined, keys, []).responses.flat().filter(f => f.ruleId === RULES.wsDuplicateResponseKey.id);
    throwOnErrors(duplicates, this.where, [RULES.wsDuplicateResponseKey]);
    const response = new WebSocketIntegrationResponse(this.scope, this.constructId(key), {
      ...options,
      apiId: this.apiId,
      integrationId: this.integrationId,
      responseKey: key,
    });
    this.responses.push(response);
    return response;
  }

  private checkKind(key: ResponseKey): void {
    const existing = this.responses.map(r => ({ name: r.responseKey.key, matchesOn: r.responseKey.matchesOn }));
    throwOnErrors(checkWebSocketKeyKinds(existing, { name: key.key, matchesOn: key.matchesOn }, this._matchTarget), this.where);
  }

  private constructId(key: ResponseKey): string {
    const base = key.key === ResponseKey.DEFAULT.key ? 'DefaultResponse' : `Response${key.key.replace(/[^A-Za-z0-9]/g, '') || 'Pattern'}`;
    let id = base;
    for (let n = 2; this.scope.node.tryFindChild(id); n++) id = `${base}${n}`;
    return id;
  }
}

/**
 * aws-cdk-lib creates a route's integration under the first route it is bound to; a later route
 * that reuses the same integration object has no child of its own, so the route's target is read.
 */
function findBoundIntegration(route: apigwv2.WebSocketRoute): apigwv2.WebSocketIntegration | undefined {
  const target = (route.node.defaultChild as apigwv2.CfnRoute).target;
  const tokens = target === undefined ? [] : Tokenization.reverseString(target).tokens;
  const reference = tokens.find((t): t is Reference => t instanceof Reference);
  const scope = reference?.target.node.scope;
  return scope instanceof apigwv2.WebSocketIntegration ? scope : undefined;
}

function referencedIntegration(integrationId: string): apigwv2.CfnIntegration | undefined {
  const token = Tokenization.reverseString(integrationId).firstToken;
  const target = token instanceof Reference ? token.target : undefined;
  return target instanceof apigwv2.CfnIntegration ? target : undefined;
}
