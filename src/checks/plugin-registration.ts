import * as cdk from 'aws-cdk-lib';
import { Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { validationPluginsOf } from './cdk-internals';

/** The name aws-cdk-lib shows in its report; acknowledgment IDs are `<name>::<rule-id>`. */
export const PLUGIN_NAME = 'cdk-integration-responses';

/** Whether `x` is the library's validation plugin (of any copy of the library). */
export function isValidationPlugin(x: unknown): boolean {
  return x !== null && typeof x === 'object' && (x as { name?: unknown }).name === PLUGIN_NAME
    && typeof (x as { validate?: unknown }).validate === 'function';
}

/**
 * Whether the library's validation plugin checks the templates `construct` is written to: it is
 * registered on the construct's stage or on a stage around it (a plugin of the app sees every stack,
 * those of nested stages included). Then the findings are reported once, by the plugin, where
 * aws-cdk-lib's acknowledgments apply, and the synth-time checks of builders and the aspect keep quiet.
 */
export function pluginCovers(construct: IConstruct): boolean {
  for (let stage = Stage.isStage(construct) ? construct : Stage.of(construct); stage !== undefined; stage = Stage.of(stage)) {
    if (validationPluginsOf(stage).some(isValidationPlugin)) return true;
  }
  return false;
}

/** Whether this release of aws-cdk-lib has `Validations` (and with it, the validation report by default). */
export function hasValidations(): boolean {
  return typeof (cdk as { readonly Validations?: unknown }).Validations === 'function';
}
