import { CfnResource, IAspect } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { CONSTRUCT_METADATA_TYPE, METADATA_KEY, suppressionProblem, suppressionsInScopes } from './suppressions';
import { validateAtSynth } from './synth-validation';
import { CHECKED_TYPES } from './template-resources';
import { usageError } from '../rules/errors';

/**
 * Checks every integration response of an app with the rule table, however it was built
 * (aws-cdk-lib L2s, `CfnMethod`, WebSocket `CfnIntegrationResponse`, escape hatches such as
 * `addPropertyOverride`): REST methods with their method responses, and WebSocket integrations with
 * their integration responses, routes and route responses.
 *
 * ```ts
 * Aspects.of(app).add(new IntegrationResponseChecks());
 * ```
 *
 * Errors fail `cdk synth` (and `app.synth()`) before a template is written; warnings become
 * annotations, acknowledgeable as `cdk-integration-responses:<rule-id>`.
 *
 * @see https://github.com/cdk-integration-responses/cdk-integration-responses/blob/main/docs/rules.md
 */
export class IntegrationResponseChecks implements IAspect {
  /**
   * Turns rule `ruleId` off for `scope` and everything below it. The reason is kept with the
   * construct (in the cloud assembly) and, for the checked resources, in their CloudFormation
   * `Metadata`, so the template checker CLI honors it too.
   *
   * @param scope the construct (and its children) the rule does not apply to
   * @param ruleId the ID of the rule (see docs/rules.md)
   * @param reason why the rule does not apply here
   */
  public static suppress(scope: IConstruct, ruleId: string, reason: string): void {
    const problem = suppressionProblem(ruleId, reason);
    if (problem) throw usageError(`IntegrationResponseChecks.suppress on ${scope.node.path}`, problem);
    scope.node.addMetadata(CONSTRUCT_METADATA_TYPE, { ruleId, reason });
  }

  /**
   * Registers the checks for every resource the rule table covers.
   */
  public visit(node: IConstruct): void {
    if (!CfnResource.isCfnResource(node) || !CHECKED_TYPES.has(node.cfnResourceType)) return;
    recordSuppressions(node);
    validateAtSynth(node);
  }
}

/** Copies scope suppressions into the resource's CloudFormation metadata, for the template checker. */
function recordSuppressions(resource: CfnResource): void {
  const suppressions = suppressionsInScopes(resource);
  if (suppressions.length === 0) return;
  const existing = resource.getMetadata(METADATA_KEY) ?? {};
  const listed: unknown[] = Array.isArray(existing.suppress) ? existing.suppress : [];
  const missing = suppressions.filter(s => !listed.some(l => JSON.stringify(l) === JSON.stringify(s)));
  resource.addMetadata(METADATA_KEY, { ...existing, suppress: [...listed, ...missing] });
}
