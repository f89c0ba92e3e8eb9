import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { usageError } from '../errors/integration-response-error';
import { closestGatewayResponseType, GATEWAY_RESPONSE_TYPES } from '../grammar/gateway-response';
import { isUnknown } from '../grammar/unknown';

/**
 * A type of gateway response (an answer API Gateway gives itself, without the integration), with
 * the status code AWS documents for it.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
export class GatewayResponseType {
  /** Every 4XX answer whose type is not customized (its documented status code is null: each type keeps its own). */
  public static readonly DEFAULT_4XX = new GatewayResponseType('DEFAULT_4XX');
  /** Every 5XX answer whose type is not customized (its documented status code is null: each type keeps its own). */
  public static readonly DEFAULT_5XX = new GatewayResponseType('DEFAULT_5XX');
  /** Authorization failed, for example access denied by a custom or Amazon Cognito authorizer (403). */
  public static readonly ACCESS_DENIED = new GatewayResponseType('ACCESS_DENIED');
  /** The API configuration is invalid, for example no integration response template matched and none is the default (500). */
  public static readonly API_CONFIGURATION_ERROR = new GatewayResponseType('API_CONFIGURATION_ERROR');
  /** API Gateway could not connect to a custom or Amazon Cognito authorizer (500). */
  public static readonly AUTHORIZER_CONFIGURATION_ERROR = new GatewayResponseType('AUTHORIZER_CONFIGURATION_ERROR');
  /** A custom or Amazon Cognito authorizer failed to authenticate the caller (500). */
  public static readonly AUTHORIZER_FAILURE = new GatewayResponseType('AUTHORIZER_FAILURE');
  /** A request parameter failed an enabled request validator (400). */
  public static readonly BAD_REQUEST_PARAMETERS = new GatewayResponseType('BAD_REQUEST_PARAMETERS');
  /** The request body failed an enabled request validator (400). */
  public static readonly BAD_REQUEST_BODY = new GatewayResponseType('BAD_REQUEST_BODY');
  /** An AWS authentication token expired (403). */
  public static readonly EXPIRED_TOKEN = new GatewayResponseType('EXPIRED_TOKEN');
  /** The integration failed (504). */
  public static readonly INTEGRATION_FAILURE = new GatewayResponseType('INTEGRATION_FAILURE');
  /** The integration timed out (504). */
  public static readonly INTEGRATION_TIMEOUT = new GatewayResponseType('INTEGRATION_TIMEOUT');
  /** An invalid API key was sent to a method that requires one (403). */
  public static readonly INVALID_API_KEY = new GatewayResponseType('INVALID_API_KEY');
  /** An AWS signature was invalid (403). */
  public static readonly INVALID_SIGNATURE = new GatewayResponseType('INVALID_SIGNATURE');
  /** No authentication token, including calls to a method or resource the API does not have (403). */
  public static readonly MISSING_AUTHENTICATION_TOKEN = new GatewayResponseType('MISSING_AUTHENTICATION_TOKEN');
  /** A usage plan quota was exceeded (429). */
  public static readonly QUOTA_EXCEEDED = new GatewayResponseType('QUOTA_EXCEEDED');
  /** The request was too large (413). */
  public static readonly REQUEST_TOO_LARGE = new GatewayResponseType('REQUEST_TOO_LARGE');
  /** API Gateway found no such resource after authentication and authorization (404). */
  public static readonly RESOURCE_NOT_FOUND = new GatewayResponseType('RESOURCE_NOT_FOUND');
  /** A usage plan, method, stage or account throttling limit was exceeded (429). */
  public static readonly THROTTLED = new GatewayResponseType('THROTTLED');
  /** A custom or Amazon Cognito authorizer failed to authenticate the caller (401). */
  public static readonly UNAUTHORIZED = new GatewayResponseType('UNAUTHORIZED');
  /** The payload has an unsupported media type while strict passthrough is on (415). */
  public static readonly UNSUPPORTED_MEDIA_TYPE = new GatewayResponseType('UNSUPPORTED_MEDIA_TYPE');
  /** AWS WAF blocked the request (403). */
  public static readonly WAF_FILTERED = new GatewayResponseType('WAF_FILTERED');

  /**
   * The type named `responseType`, which must be one API Gateway has (`UNAUTHORIZED`, ...).
   *
   * @param responseType the name of the type, as CloudFormation spells it
   */
  public static of(responseType: string): GatewayResponseType {
    if (isUnknown(responseType)) {
      // aws-cdk-lib's ResponseType upper-cases the type, which would turn a token into a broken literal.
      throw usageError('GatewayResponseType.of', `the response type '${responseType}' is known only at deployment, but aws-cdk-lib's ` +
        'ResponseType needs it at synthesis; use a GatewayResponseType constant, or a CfnGatewayResponse for a type given by a parameter');
    }
    if (!GATEWAY_RESPONSE_TYPES.has(responseType)) {
      const closest = closestGatewayResponseType(responseType);
      throw usageError('GatewayResponseType.of', `'${responseType}' is not a gateway response type` +
        (closest ? `; did you mean '${closest}'?` : `; use one of ${[...GATEWAY_RESPONSE_TYPES.keys()].join(', ')}`));
    }
    return new GatewayResponseType(responseType);
  }

  /** Every gateway response type API Gateway has. */
  public static all(): GatewayResponseType[] {
    return [...GATEWAY_RESPONSE_TYPES.keys()].map(type => new GatewayResponseType(type));
  }

  /** The type as CloudFormation spells it (`ResponseType`). */
  public readonly responseType: string;
  /**
   * The status code API Gateway answers with when the response does not set one.
   *
   * @default - none for DEFAULT_4XX and DEFAULT_5XX (each type they stand for keeps its own)
   */
  public readonly defaultStatusCode?: string;
  /** Whether this is DEFAULT_4XX or DEFAULT_5XX, which stand for every type of their class that is not customized. */
  public readonly isDefault: boolean;

  private constructor(responseType: string) {
    this.responseType = responseType;
    this.defaultStatusCode = GATEWAY_RESPONSE_TYPES.get(responseType)?.defaultStatusCode;
    this.isDefault = responseType === 'DEFAULT_4XX' || responseType === 'DEFAULT_5XX';
  }

  /** The type as aws-cdk-lib's `ResponseType`. */
  public toResponseType(): apigw.ResponseType {
    return apigw.ResponseType.of(this.responseType);
  }
}
