import { Fn, IResource, Resource, Token } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import { validateAtSynth } from '../checks/synth-validation';
import { ResponseMatch } from '../response-match';
import { ResponseKey } from './response-key';
import { TemplateSelection } from './template-selection';
import { throwOnErrors, usageError } from '../errors/integration-response-error';
import { RESPONSE_HEADER_PREFIX } from '../grammar/mapping-expression';
import { MatchTarget } from '../grammar/match-target';
import { ResponseValue } from '../rest/response-value';
import { RULES } from '../rules/catalog';
import { checkWebSocketIntegrationResponse } from '../rules/websocket-integration-response';

/**
 * What a WebSocket integration response returns.
 */
export interface WebSocketResponseOptions {
  /**
   * Response templates (VTL), keyed by the value the template selection expression produces;
   * `$default` is used when no key matches. Values are at most 32,768 characters.
   *
   * @default - no templates: the backend's body is sent as it is
   */
  readonly responseTemplates?: { [key: string]: string };

  /**
   * How a template is chosen from `responseTemplates`.
   *
   * @default - none: API Gateway uses the `$default` template
   */
  readonly templateSelection?: TemplateSelection;

  /**
   * Headers of the response, by name (`ResponseParameters` `method.response.header.{name}`). API
   * Gateway documents three sources for WebSocket integration responses: a static value
   * (`ResponseValue.literal`), a backend header (`ResponseValue.integrationHeader`) and a field of a
   * JSON backend body (`ResponseValue.integrationBodyPath`); the other kinds of `ResponseValue` are
   * refused.
   *
   * @default - none
   * @see https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-integrations-integrationid-integrationresponses.html
   */
  readonly headers?: { [name: string]: ResponseValue };

  /**
   * How the payload is converted between text and binary.
   *
   * @default - passed through unchanged
   */
  readonly contentHandling?: apigwv2.ContentHandling;
}

/**
 * Properties of a WebSocket integration response.
 */
export interface WebSocketIntegrationResponseProps extends WebSocketResponseOptions {
  /**
   * The ID of the WebSocket API (`webSocketApi.apiId`, or `cfnApi.ref`).
   */
  readonly apiId: string;

  /**
   * The ID of the integration (`webSocketIntegration.integrationId`, or `cfnIntegration.ref`).
   */
  readonly integrationId: string;

  /**
   * When this response is used.
   */
  readonly responseKey: ResponseKey;
}

/**
 * A WebSocket integration response.
 */
export interface IWebSocketIntegrationResponse extends IResource {
  /**
   * The ID of the WebSocket API.
   *
   * @attribute
   */
  readonly apiId: string;

  /**
   * The ID of the integration.
   *
   * @attribute
   */
  readonly integrationId: string;

  /**
   * The ID of the integration response.
   *
   * @attribute
   */
  readonly integrationResponseId: string;
}

/**
 * The attributes that identify an existing integration response (its CloudFormation identifier is
 * `ApiId|IntegrationId|IntegrationResponseId`).
 */
export interface WebSocketIntegrationResponseAttributes {
  /** The ID of the WebSocket API. */
  readonly apiId: string;
  /** The ID of the integration. */
  readonly integrationId: string;
  /** The ID of the integration response. */
  readonly integrationResponseId: string;
}

/**
 * A WebSocket API integration response (`AWS::ApiGatewayV2::IntegrationResponse`): maps a
 * backend result to the message sent back to the client. The client receives it only on a two-way
 * route (one with a `$default` route response); `WebSocketResponses.forRoute` sees to that.
 *
 * Mistakes in this response throw here; checks that involve the integration (its type, its other
 * responses, the routes that use it) run when the app is synthesized.
 *
 * @resource AWS::ApiGatewayV2::IntegrationResponse
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-integration-responses.html
 */
export class WebSocketIntegrationResponse extends Resource implements IWebSocketIntegrationResponse {
  /**
   * Refers to an integration response created elsewhere.
   *
   * @param scope the scope of the reference
   * @param id the construct ID of the reference
   * @param attrs the IDs of the API, the integration and the integration response
   */
  public static fromWebSocketIntegrationResponseAttributes(scope: Construct, id: string,
    attrs: WebSocketIntegrationResponseAttributes): IWebSocketIntegrationResponse {
    class Import extends Resource implements IWebSocketIntegrationResponse {
      public readonly apiId = attrs.apiId;
      public readonly integrationId = attrs.integrationId;
      public readonly integrationResponseId = attrs.integrationResponseId;
    }
    return new Import(scope, id);
  }

  /**
   * Refers to an integration response by its CloudFormation identifier,
   * `ApiId|IntegrationId|IntegrationResponseId`.
   *
   * @param scope the scope of the reference
   * @param id the construct ID of the reference
   * @param identifier the identifier, e.g. `a1b2c3|d4e5f6|g7h8i9`; a token (a parameter, an import)
   *   is split at deployment
   */
  public static fromIdentifier(scope: Construct, id: string, identifier: string): IWebSocketIntegrationResponse {
    if (Token.isUnresolved(identifier)) {
      // Known only at deployment (a parameter, an import): split it there.
      const [apiId, integrationId, integrationResponseId] = Fn.split('|', identifier, 3);
      return WebSocketIntegrationResponse.fromWebSocketIntegrationResponseAttributes(scope, id, { apiId, integrationId, integrationResponseId });
    }
    const parts = identifier.split('|');
    if (parts.length !== 3 || parts.some(p => p === '')) {
      throw usageError('WebSocketIntegrationResponse.fromIdentifier',
        `'${identifier}' is not an integration response identifier: expected ApiId|IntegrationId|IntegrationResponseId`);
    }
    const [apiId, integrationId, integrationResponseId] = parts;
    return WebSocketIntegrationResponse.fromWebSocketIntegrationResponseAttributes(scope, id, { apiId, integrationId, integrationResponseId });
  }

  /** The ID of the WebSocket API. */
  public readonly apiId: string;

  /** The ID of the integration this response belongs to. */
  public readonly integrationId: string;

  /**
   * The ID of this integration response.
   *
   * @attribute
   */
  public readonly integrationResponseId: string;

  /**
   * When this response is used.
   */
  public readonly responseKey: ResponseKey;

  /**
   * @param scope the scope of the response, usually the stack of the API
   * @param id the construct ID
   * @param props the integration, the response key and what the response sends
   */
  constructor(scope: Construct, id: string, props: WebSocketIntegrationResponseProps) {
    super(scope, id);
    this.apiId = props.apiId;
    this.integrationId = props.integrationId;
    this.responseKey = props.responseKey;

    const properties: apigwv2.CfnIntegrationResponseProps = {
      apiId: props.apiId,
      integrationId: props.integrationId,
      integrationResponseKey: props.responseKey.key,
      responseTemplates: props.responseTemplates,
      templateSelectionExpression: props.templateSelection?.expression,
      responseParameters: responseParameters(props.headers),
      contentHandlingStrategy: props.contentHandling,
    };
    throwOnErrors(checkWebSocketIntegrationResponse({
      IntegrationResponseKey: properties.integrationResponseKey,
      ResponseTemplates: properties.responseTemplates,
      TemplateSelectionExpression: properties.templateSelectionExpression,
      ResponseParameters: properties.responseParameters,
      ContentHandlingStrategy: properties.contentHandlingStrategy,
    }, targetOf(props.responseKey)).findings, `WebSocketIntegrationResponse ${this.node.path}`,
    [RULES.wsResponseKey, RULES.wsTemplateSelectionExpression, RULES.wsParameterSource]);

    const resource = new apigwv2.CfnIntegrationResponse(this, 'Resource', properties);
    this.integrationResponseId = resource.ref;
    validateAtSynth(resource);
  }
}

function responseParameters(headers: { [name: string]: ResponseValue } | undefined): { [key: string]: string } | undefined {
  if (headers === undefined) return undefined;
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [`${RESPONSE_HEADER_PREFIX}${name}`, value.expression]));
}

function targetOf(key: ResponseKey): MatchTarget {
  if (key.matchesOn === ResponseMatch.LAMBDA_ERROR) return 'lambda';
  if (key.matchesOn === ResponseMatch.STATUS_CODE) return 'status';
  return 'unknown';
}
