import { checkResources, TemplateResource } from './template-resources';
import { Finding } from '../rules/finding';
import { knownObject } from '../rules/unknown';

/**
 * A finding about one resource of a template.
 */
export interface TemplateFinding extends Finding {
  /**
   * The logical ID of the resource the finding is about.
   */
  readonly resource: string;
}

/**
 * Runs the rule table over a CloudFormation template (the parsed JSON or YAML, short-form tags
 * turned into `Ref`/`Fn::*`).
 */
export class TemplateChecker {
  /**
   * The findings for a template: every `AWS::ApiGateway::Method` and every WebSocket
   * `AWS::ApiGatewayV2::Integration`, `IntegrationResponse`, `Route` and `RouteResponse`, less the
   * rules each resource suppresses in its `Metadata`
   * (`{"cdk-integration-responses": {"suppress": [{"ruleId": "...", "reason": "..."}]}}`).
   * Values that need deployment (`Ref`, `Fn::Sub`, ...) are skipped, never guessed.
   *
   * @param template the template, as parsed JSON
   */
  public static check(template: any): TemplateFinding[] {
    const resources = knownObject(knownObject(template)?.Resources) ?? {};
    return checkResources(resources as Record<string, TemplateResource>);
  }

  private constructor() {}
}
