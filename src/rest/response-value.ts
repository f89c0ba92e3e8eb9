import { assertHeaderName } from './header-name-guard';
import { throwOnErrors, usageError } from '../errors/integration-response-error';
import { parseBodyPath } from '../grammar/json-path';
import { isUnknown } from '../grammar/unknown';
import { checkResponseValue } from '../rules/response-parameters';

/**
 * The value of a header in a REST integration response: either a static value, which is quoted
 * for you, or a mapping expression, which is never quoted. The two are different kinds on purpose,
 * so a static value cannot be mistaken for an expression or the other way round.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-parameter-mapping-sources.html
 */
export class ResponseValue {
  /**
   * A static value, sent as it is (`'value'` in the template). CDK tokens are allowed.
   *
   * @param value the header value, without quotes
   */
  public static literal(value: string): ResponseValue {
    return new ResponseValue(`'${value}'`);
  }

  /**
   * The value of a header of the integration (backend) response. When the backend sends the header
   * several times, API Gateway uses the last value.
   *
   * @param name the backend header name
   */
  public static integrationHeader(name: string): ResponseValue {
    assertHeaderName(name, 'ResponseValue.integrationHeader');
    return new ResponseValue(`integration.response.header.${name}`);
  }

  /**
   * Every value of a multi-valued header of the integration response, joined with commas.
   *
   * @param name the backend header name
   */
  public static integrationMultiValueHeader(name: string): ResponseValue {
    assertHeaderName(name, 'ResponseValue.integrationMultiValueHeader');
    return new ResponseValue(`integration.response.multivalueheader.${name}`);
  }

  /**
   * The whole integration response body.
   */
  public static integrationBody(): ResponseValue {
    return new ResponseValue('integration.response.body');
  }

  /**
   * A field of a JSON integration response body, by JSONPath (`errorType`, `data.items[0].id`).
   * A leading `$.` is accepted and dropped, since API Gateway wants the path without it.
   *
   * @param jsonPath the path of the field in the body
   */
  public static integrationBodyPath(jsonPath: string): ResponseValue {
    const path = jsonPath.startsWith('$.') ? jsonPath.slice(2) : jsonPath;
    if (!isUnknown(path)) {
      const parsed = parseBodyPath(path);
      if (parsed.problem) {
        throw usageError('ResponseValue.integrationBodyPath', `body path '${jsonPath}' is not valid: ${parsed.problem}`);
      }
    }
    return new ResponseValue(`integration.response.body.${path}`);
  }

  /**
   * A `$context` variable, such as `requestId` or `authorizer.principalId`.
   *
   * @param name the variable name without `context.`
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#context-variable-reference
   */
  public static contextVariable(name: string): ResponseValue {
    return ResponseValue.checked(`context.${name}`, 'ResponseValue.contextVariable');
  }

  /**
   * A stage variable.
   *
   * @param name the stage variable name
   */
  public static stageVariable(name: string): ResponseValue {
    return ResponseValue.checked(`stageVariables.${name}`, 'ResponseValue.stageVariable');
  }

  /**
   * A raw mapping expression as API Gateway spells it (`integration.response.header.X`,
   * `'static'`, ...). It is checked like every other value.
   *
   * @param expression the mapping expression
   */
  public static fromExpression(expression: string): ResponseValue {
    return ResponseValue.checked(expression, 'ResponseValue.fromExpression');
  }

  private static checked(expression: string, method: string): ResponseValue {
    throwOnErrors(checkResponseValue(expression, ''), method);
    return new ResponseValue(expression);
  }

  /**
   * The mapping expression as API Gateway expects it in `responseParameters`.
   */
  public readonly expression: string;

  private constructor(expression: string) {
    this.expression = expression;
  }

  /**
   * The mapping expression.
   */
  public toString(): string {
    return this.expression;
  }
}
