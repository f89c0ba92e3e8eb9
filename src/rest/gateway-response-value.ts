import { assertHeaderName } from './header-name-guard';
import { ResponseValue } from './response-value';
import { throwOnErrors } from '../errors/integration-response-error';
import { checkGatewayResponseValue } from '../rules/gateway-responses';

/**
 * The value of a header of a gateway response: static text (quoted for you), a method request
 * parameter, or a context or stage variable. A gateway response answers instead of the
 * integration, so there is no integration response to read.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-gatewayResponse-definition.html
 */
export class GatewayResponseValue {
  /**
   * Static text, sent as it is (`'value'` in the template). CDK tokens are allowed.
   *
   * @param value the header value, without quotes
   */
  public static literal(value: string): GatewayResponseValue {
    return new GatewayResponseValue(`'${value}'`);
  }

  /**
   * A header of the client's request.
   *
   * @param name the request header name
   */
  public static requestHeader(name: string): GatewayResponseValue {
    assertHeaderName(name, 'GatewayResponseValue.requestHeader');
    return new GatewayResponseValue(`method.request.header.${name}`);
  }

  /**
   * A query string parameter of the client's request.
   *
   * @param name the query string parameter name
   */
  public static requestQueryString(name: string): GatewayResponseValue {
    return GatewayResponseValue.checked(`method.request.querystring.${name}`, 'GatewayResponseValue.requestQueryString');
  }

  /**
   * A path parameter of the client's request (`petId` of `/pets/{petId}`).
   *
   * @param name the path parameter name
   */
  public static requestPath(name: string): GatewayResponseValue {
    return GatewayResponseValue.checked(`method.request.path.${name}`, 'GatewayResponseValue.requestPath');
  }

  /**
   * A `$context` variable, such as `requestId` or `error.responseType`.
   *
   * @param name the variable name without `context.`
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#context-variable-reference
   */
  public static contextVariable(name: string): GatewayResponseValue {
    return GatewayResponseValue.checked(`context.${name}`, 'GatewayResponseValue.contextVariable');
  }

  /**
   * A stage variable.
   *
   * @param name the stage variable name
   */
  public static stageVariable(name: string): GatewayResponseValue {
    return GatewayResponseValue.checked(`stageVariables.${name}`, 'GatewayResponseValue.stageVariable');
  }

  /**
   * A value written for integration responses that gateway responses can take too: static text, a
   * context or a stage variable (values read from the integration response are refused).
   *
   * @param value the integration response value
   */
  public static fromResponseValue(value: ResponseValue): GatewayResponseValue {
    return GatewayResponseValue.checked(value.expression, 'GatewayResponseValue.fromResponseValue');
  }

  /**
   * A raw mapping expression as API Gateway spells it (`method.request.header.X`, `'static'`, ...).
   * It is checked like every other value.
   *
   * @param expression the mapping expression
   */
  public static fromExpression(expression: string): GatewayResponseValue {
    return GatewayResponseValue.checked(expression, 'GatewayResponseValue.fromExpression');
  }

  private static checked(expression: string, method: string): GatewayResponseValue {
    throwOnErrors(checkGatewayResponseValue(expression, 'the value'), method);
    return new GatewayResponseValue(expression);
  }

  /** The mapping expression as API Gateway expects it in `ResponseParameters`. */
  public readonly expression: string;

  private constructor(expression: string) {
    this.expression = expression;
  }

  /** The mapping expression. */
  public toString(): string {
    return this.expression;
  }
}
