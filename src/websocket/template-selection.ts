import { throwOnErrors } from '../errors/integration-response-error';
import { isUnknown } from '../grammar/unknown';
import { RULES } from '../rules/catalog';
import { Finding } from '../rules/finding';
import { checkTemplateSelection } from '../rules/websocket-integration-response';

/**
 * The template selection expression of a WebSocket integration response: it is evaluated for
 * each response and its value picks the response template with that key (or the `$default` one).
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-selection-expressions.html
 */
export class TemplateSelection {
  /**
   * Always the `$default` template (`\$default`).
   */
  public static readonly DEFAULT: TemplateSelection = new TemplateSelection('\\$default');

  /**
   * The backend status code, so templates are keyed by status code (`200`, `404`, ...).
   */
  public static statusCode(): TemplateSelection {
    return new TemplateSelection('${integration.response.statuscode}');
  }

  /**
   * The value of a backend response header.
   *
   * @param name the header name
   */
  public static integrationHeader(name: string): TemplateSelection {
    return TemplateSelection.fromExpression(`\${integration.response.header.${name}}`);
  }

  /**
   * The values of a multi-valued backend response header.
   *
   * @param name the header name
   */
  public static integrationMultiValueHeader(name: string): TemplateSelection {
    return TemplateSelection.fromExpression(`\${integration.response.multivalueheader.${name}}`);
  }

  /**
   * A field of the client's JSON message, by JSONPath (`action`, `data.kind`; a leading `$.` is
   * accepted and dropped).
   *
   * @param jsonPath the path of the field in the request body
   */
  public static requestBody(jsonPath: string): TemplateSelection {
    const path = jsonPath.startsWith('$.') ? jsonPath.slice(2) : jsonPath;
    return TemplateSelection.fromExpression(`\${request.body.${path}}`);
  }

  /**
   * A static value: the template with this key is always used. Dollar signs are escaped for you.
   *
   * @param value the template key to select
   */
  public static literal(value: string): TemplateSelection {
    return TemplateSelection.fromExpression(value.replace(/\$/g, '\\$'));
  }

  /**
   * An expression as API Gateway spells it. Checked like every other expression.
   *
   * @param expression the template selection expression
   */
  public static fromExpression(expression: string): TemplateSelection {
    if (!isUnknown(expression)) {
      const findings: Finding[] = [];
      checkTemplateSelection(expression, findings);
      throwOnErrors(findings, 'TemplateSelection', [RULES.wsTemplateSelectionExpression]);
    }
    return new TemplateSelection(expression);
  }

  /**
   * The expression as API Gateway expects it.
   */
  public readonly expression: string;

  private constructor(expression: string) {
    this.expression = expression;
  }

  /**
   * The expression.
   */
  public toString(): string {
    return this.expression;
  }
}
