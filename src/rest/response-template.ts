import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { JsonBody } from '../bodies/json-body';
import { throwOnErrors } from '../errors/integration-response-error';
import { checkTemplateSize } from '../rules/response-templates';

/**
 * A REST response mapping template (Velocity Template Language).
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
 */
export class ResponseTemplate {
  /**
   * A template written by hand.
   *
   * @param template the VTL template
   */
  public static fromString(template: string): ResponseTemplate {
    throwOnErrors(checkTemplateSize(template, 'response template'), 'ResponseTemplate.fromString');
    return new ResponseTemplate(template);
  }

  /**
   * A JSON body that stays valid JSON, of its declared shape, whatever the backend answers.
   *
   * @param body the body, built with `JsonBody`
   */
  public static fromJsonBody(body: JsonBody): ResponseTemplate {
    return ResponseTemplate._withSchema(body.toTemplate(), body.toJsonSchema());
  }

  /**
   * A template whose bodies `schema` describes (the service kits' templates).
   *
   * @internal
   */
  public static _withSchema(template: string, schema: apigw.JsonSchema): ResponseTemplate {
    throwOnErrors(checkTemplateSize(template, 'response template'), 'ResponseTemplate.fromString');
    return new ResponseTemplate(template, schema);
  }

  /**
   * The integration's JSON body, re-serialized (`$input.json('$')`).
   */
  public static passthroughJson(): ResponseTemplate {
    return new ResponseTemplate("$input.json('$')");
  }

  /**
   * `{"message": "..."}` built from a Lambda custom integration error's `errorMessage`, escaped so
   * that the result stays valid JSON (`$util.escapeJavaScript` escapes `'` as `\'`, which JSON does
   * not allow, so it is turned back).
   */
  public static lambdaErrorMessageJson(): ResponseTemplate {
    return new ResponseTemplate(
      '{"message": "$util.escapeJavaScript($input.path(\'$.errorMessage\')).replaceAll("\\\\\'", "\'")"}');
  }

  /**
   * An empty body (for example with status 204).
   */
  public static empty(): ResponseTemplate {
    return new ResponseTemplate('');
  }

  /**
   * The VTL text.
   */
  public readonly template: string;

  /**
   * A JSON Schema (draft 4) of every body the template renders, when it is known: for templates
   * built from a `JsonBody` and the service kits' templates. `RestResponses.withResponseModels()`
   * makes models of it.
   *
   * @default - unknown (a template written by hand)
   */
  public readonly schema?: apigw.JsonSchema;

  private constructor(template: string, schema?: apigw.JsonSchema) {
    this.template = template;
    this.schema = schema;
  }
}
