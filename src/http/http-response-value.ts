import { throwOnErrors, usageError } from '../errors/integration-response-error';
import { isUnknown } from '../grammar/unknown';
import { RULES } from '../rules/catalog';
import { checkHttpResponseSource } from '../rules/http-response-parameters';

/**
 * A value an HTTP API response mapping sets a header (or the status code) to: a value of the
 * backend's answer, of the request's context, of a stage variable, or static text.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html
 */
export class HttpResponseValue {
  /**
   * A header of the backend's answer (`$response.header.{name}`). Several values of one header are
   * joined with commas.
   *
   * @param name the backend header name
   */
  public static responseHeader(name: string): HttpResponseValue {
    return HttpResponseValue.checked(`$response.header.${name}`, 'HttpResponseValue.responseHeader');
  }

  /**
   * The backend's body (`$response.body`), or a field of a JSON body by JSONPath
   * (`$response.body.{path}`: `error.code`, `items[0].id`; a leading `$.` is dropped). API Gateway
   * applies a path to the first 100 KB of the body.
   *
   * @param jsonPath the path of the field
   * @default - the whole body
   */
  public static responseBody(jsonPath?: string): HttpResponseValue {
    if (jsonPath === undefined) return new HttpResponseValue('$response.body');
    const path = jsonPath.startsWith('$.') ? jsonPath.slice(2) : jsonPath;
    return HttpResponseValue.checked(`$response.body.${path}`, 'HttpResponseValue.responseBody');
  }

  /**
   * A context variable of the request (`$context.{name}`: `requestId`, `stage`, `authorizer.claims.sub`).
   *
   * @param name the variable's name, without `$context.`
   */
  public static contextVariable(name: string): HttpResponseValue {
    return HttpResponseValue.checked(`$context.${name}`, 'HttpResponseValue.contextVariable');
  }

  /**
   * A stage variable (`$stageVariables.{name}`).
   *
   * @param name the variable's name
   */
  public static stageVariable(name: string): HttpResponseValue {
    return HttpResponseValue.checked(`$stageVariables.${name}`, 'HttpResponseValue.stageVariable');
  }

  /**
   * Static text, sent as it is. Text that starts with `$` or holds `${` would be read as variables:
   * use `HttpResponseValue.of` to mix text and variables.
   *
   * @param value the text
   */
  public static text(value: string): HttpResponseValue {
    if (!isUnknown(value) && (value.startsWith('$') || value.includes('${'))) {
      throw usageError('HttpResponseValue.text', `API Gateway would read '${value}' as variables, not as text; use HttpResponseValue.of`);
    }
    return new HttpResponseValue(value);
  }

  /**
   * Text with variables in `${...}` (`${context.stage}-${response.header.ETag}`), or one variable
   * written `$...`, checked against the values response mappings can read.
   *
   * @param expression the value as API Gateway takes it
   */
  public static of(expression: string): HttpResponseValue {
    return HttpResponseValue.checked(expression, 'HttpResponseValue.of');
  }

  private static checked(expression: string, where: string): HttpResponseValue {
    // A builder refuses what a template is only warned about: the call asked for a value it cannot get.
    if (!isUnknown(expression)) throwOnErrors(checkHttpResponseSource(expression), where, [RULES.httpResponseSource]);
    return new HttpResponseValue(expression);
  }

  /**
   * @param value the value as `ResponseParameters` holds it (`Source`)
   */
  private constructor(public readonly value: string) {}
}
