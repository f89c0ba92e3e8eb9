import { Aspects, CfnResource, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { CHECKED_TYPES } from './template-resources';

/**
 * Stages are synthesized on their own, before the aspects of the app (or stage) around them run,
 * and those aspects never visit them: checks added with `Aspects.of(app)` skip every `Stage` of
 * the app, which is where CDK Pipelines apps keep their stacks. These helpers find the stages below
 * a scope, and the ones that hold API Gateway resources no checks reach.
 */

/** Every stage below `scope` (not `scope` itself), nested stages included. */
export function stagesBelow(scope: IConstruct): Stage[] {
  return scope.node.findAll().filter((c): c is Stage => c !== scope && Stage.isStage(c));
}

/**
 * The stages below `root` whose API Gateway resources no aspect of `isChecks` reaches (the stage has
 * none among its own aspects), with how many such resources each holds.
 */
export function uncheckedStages(root: IConstruct, isChecks: (aspect: unknown) => boolean): Array<{ stage: Stage; resources: number }> {
  const result: Array<{ stage: Stage; resources: number }> = [];
  const checked = (stage: Stage) => Aspects.of(stage).all.some(isChecks);
  for (const stage of stagesBelow(root)) {
    if (checked(stage)) continue;
    // A stage inside a checked stage is that stage's to report, when its own aspects run.
    const between = stage.node.scopes.slice(root.node.scopes.length, -1);
    if (between.some(scope => Stage.isStage(scope) && checked(scope))) continue;
    const resources = ownResources(stage).filter(r => CHECKED_TYPES.has(r.cfnResourceType)).length;
    if (resources > 0) result.push({ stage, resources });
  }
  return result;
}

/** The CloudFormation resources of a stage, not those of the stages inside it. */
function ownResources(stage: Stage): CfnResource[] {
  const found: CfnResource[] = [];
  const pending: IConstruct[] = [...stage.node.children];
  while (pending.length > 0) {
    const construct = pending.pop()!;
    if (Stage.isStage(construct)) continue;
    if (CfnResource.isCfnResource(construct)) found.push(construct);
    for (const child of construct.node.children) pending.push(child);
  }
  return found;
}
