import { InputTooDeepError, tooDeepAt } from './input-limits';
import { TemplateFinding } from './template-finding';
import { checkTemplate } from './template-resources';

/**
 * Runs the rule table over a CloudFormation template (the parsed JSON or YAML, short-form tags
 * turned into `Ref`/`Fn::*`).
 */
export class TemplateChecker {
  /**
   * The findings for a template: every `AWS::ApiGateway::Method` and every WebSocket
   * `AWS::ApiGatewayV2::Integration`, `IntegrationResponse`, `Route` and `RouteResponse`, every
   * operation of an inline OpenAPI definition (`AWS::ApiGateway::RestApi` `Body`, SAM's
   * `DefinitionBody`; the finding's `path` points into the definition), less the
   * rules each resource suppresses in its `Metadata`
   * (`{"cdk-integration-responses": {"suppress": [{"ruleId": "...", "reason": "..."}]}}`).
   * Values that need deployment (`Ref`, `Fn::Sub`, ...) are skipped, never guessed. A template
   * nested more than 500 levels deep (no CloudFormation template is) is refused with an error that
   * says where, as the CLI refuses such a file.
   *
   * @param template the template, as parsed JSON
   */
  public static check(template: any): TemplateFinding[] {
    const tooDeep = tooDeepAt(template);
    if (tooDeep !== undefined) throw new InputTooDeepError('the template', tooDeep);
    return checkTemplate(template);
  }

  private constructor() {}
}
