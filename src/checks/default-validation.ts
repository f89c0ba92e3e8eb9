import * as cdk from 'aws-cdk-lib';
import { Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { builtinValidationEnabled, validationPluginsOf } from './cdk-internals';

/**
 * Whether AWS's offline engine, which aws-cdk-lib runs over every stack template of an app by
 * default (its `CloudFormationValidatePlugin`, from the releases that have `Validations`), checks the
 * template `construct` is written to against the CloudFormation resource schemas. It does unless the
 * app turns it off (`builtinCloudFormationValidation: false`, or `CDK_VALIDATION=false`) and has not
 * registered the plugin itself. It reads stack templates only: a nested stack's template is an asset.
 */
export function engineChecksSchemaOf(construct: IConstruct): boolean {
  const enginePlugin = (cdk as { readonly CloudFormationValidatePlugin?: Function }).CloudFormationValidatePlugin;
  if (typeof enginePlugin !== 'function') return false;
  if (Stack.of(construct).nested) return false;
  const app = construct.node.root;
  if (!Stage.isStage(app)) return false;
  const registered = validationPluginsOf(app).some(p => p instanceof enginePlugin);
  return registered || (builtinValidationEnabled(app) && process.env.CDK_VALIDATION !== 'false');
}
