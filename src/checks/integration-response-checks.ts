import * as cdk from 'aws-cdk-lib';
import { Aspects, CfnResource, IAspect, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { CheckState } from './check-state';
import { hasValidations, pluginCovers } from './plugin-registration';
import { stagesBelow, uncheckedStages } from './stage-coverage';
import { CONSTRUCT_METADATA_TYPE, METADATA_KEY, suppressionsInScopes } from './suppressions';
import { validateAtSynth } from './synth-validation';
import { CHECKED_TYPES } from './template-resources';
import { IntegrationResponseValidationPlugin } from './validation-plugin';
import { usageError } from '../errors/integration-response-error';
import { suppressionProblem } from '../rules/suppression';

/**
 * Options of the whole-app checks.
 */
export interface IntegrationResponseChecksProps {
  /**
   * Fail synthesis on warnings as well as errors. `cdk synth --strict` does that for the CDK CLI;
   * this option does it where there is no CLI flag, such as an app synthesized in a unit test. The
   * context value `cdk-integration-responses:strict` (`true`) turns it on for every check of the app,
   * those of `addMethod`, `applyTo` and `WebSocketResponses` included.
   *
   * @default false
   */
  readonly strict?: boolean;
}

/**
 * Checks every integration response of an app with the rule table, however it was built
 * (aws-cdk-lib L2s, `CfnMethod`, WebSocket `CfnIntegrationResponse`, escape hatches such as
 * `addPropertyOverride`): REST methods with their method responses, and WebSocket integrations with
 * their integration responses, routes and route responses.
 *
 * ```ts
 * IntegrationResponseChecks.addTo(app);   // every stack of the app, those in stages included
 * ```
 *
 * Errors fail `cdk synth` (and `app.synth()`) before a template is written; warnings become
 * annotations, acknowledgeable as `cdk-integration-responses:<rule-id>`, and fail `cdk synth --strict`
 * (or every synthesis, with `strict: true`).
 *
 * @see https://github.com/cdk-integration-responses/cdk-integration-responses/blob/main/docs/rules.md
 */
export class IntegrationResponseChecks implements IAspect {
  /**
   * Checks `scope` (an app or a stage) and every stage inside it, however deeply nested (a CDK
   * Pipelines app keeps its stacks in stages, which an aspect of the app never visits). Call it once
   * every stage of the app exists, usually just before `app.synth()`; a stage created afterwards that
   * holds API Gateway resources fails synthesis with a message saying so, rather than going unchecked.
   *
   * @param scope the app (or a stage)
   * @param props options of the checks
   * @returns the checks, added as an aspect of `scope` and of each of its stages
   */
  public static addTo(scope: IConstruct, props: IntegrationResponseChecksProps = {}): IntegrationResponseChecks {
    const checks = new IntegrationResponseChecks(props);
    if (hasValidations() && !pluginCovers(scope)) {
      (cdk as unknown as ValidationsModule).Validations.of(scope).addPlugins(new IntegrationResponseValidationPlugin(props));
    }
    for (const target of [scope, ...stagesBelow(scope)]) Aspects.of(target).add(checks);
    return checks;
  }

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

  /** Whether warnings fail synthesis. */
  private readonly strict: boolean;

  /**
   * Checks for `Aspects.of(scope).add(...)`; prefer `IntegrationResponseChecks.addTo(app)`, which
   * also reaches the stages of the app.
   *
   * @param props options of the checks
   */
  constructor(props: IntegrationResponseChecksProps = {}) {
    this.strict = props.strict ?? false;
  }

  /**
   * Registers the checks for every resource the rule table covers.
   *
   * @param node the construct the aspect visits
   */
  public visit(node: IConstruct): void {
    if (Stage.isStage(node)) {
      reportUncheckedStages(node);
      return;
    }
    // A REST API carries what its gateway responses lack (gateway-response-cors).
    if (!CfnResource.isCfnResource(node) || !(CHECKED_TYPES.has(node.cfnResourceType) || node.cfnResourceType === 'AWS::ApiGateway::RestApi')) return;
    recordSuppressions(node);
    validateAtSynth(node, { strict: this.strict });
  }
}

/** `Validations` of aws-cdk-lib, on the releases that have it (the peer range starts before it). */
interface ValidationsModule {
  readonly Validations: { of(scope: IConstruct): { addPlugins(...plugins: unknown[]): void } };
}

/**
 * An aspect of an app visits the app, never the stages inside it (they are synthesized first, on
 * their own): their API Gateway resources would go unchecked without a word. The synthesis of the
 * app fails instead, naming them and the one-liner that covers them.
 */
function reportUncheckedStages(root: Stage): void {
  // A validation plugin of the app sees the stacks of every stage.
  if (pluginCovers(root)) return;
  const reports = CheckState.of(root).stageReports;
  if (reports.has(root)) return;
  reports.add(root);
  root.node.addValidation({
    validate: () => uncheckedStages(root, aspect => aspect instanceof IntegrationResponseChecks).map(({ stage, resources }) =>
      `[cdk-integration-responses] the integration response checks do not reach stage '${stage.node.path}' ` +
      `(${resources} API Gateway resource${resources === 1 ? '' : 's'}): the aspects of an app or a stage never visit the ` +
      'stages inside it, and IntegrationResponseChecks.addTo covers only the stages that exist when it is called; ' +
      'call IntegrationResponseChecks.addTo(app) once every stage is defined'),
  });
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
