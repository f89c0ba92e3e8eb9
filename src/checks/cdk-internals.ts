import { CfnResource, Stage } from 'aws-cdk-lib';
import { IntegrationResponseError } from '../errors/integration-response-error';

/**
 * Every read of aws-cdk-lib's non-public members, in one place. aws-cdk-lib has no public way to
 * see a resource as the template will show it before synthesis ends, which is when the checks run.
 *
 * Each accessor says what it needs and falls back, where there is a public or a slower path, when
 * the member is gone; where there is none it throws `AwsCdkLibInternalsError` rather than letting
 * the checks guess (a wrong guess would be a false finding). test/checks/cdk-internals.test.ts
 * fails loudly on an aws-cdk-lib release that moves any of them.
 */

interface ResourceInternals {
  /** Raw overrides (`addOverride`, `addPropertyOverride`), applied by `_toCloudFormation`. */
  readonly rawOverrides?: unknown;
  /** The resource's properties, as its L1 class holds them (protected in aws-cdk-lib). */
  readonly cfnProperties?: unknown;
  /** What stack synthesis calls to write the resource into the template (internal in aws-cdk-lib). */
  readonly _toCloudFormation?: () => unknown;
}

/**
 * An aws-cdk-lib release no longer has a member the checks need.
 */
export class AwsCdkLibInternalsError extends IntegrationResponseError {
  constructor(member: string) {
    super('internals', `cdk-integration-responses cannot read ${member} of this aws-cdk-lib release, so it cannot check the ` +
      'resources of this app; this is a bug of cdk-integration-responses: please report it with your aws-cdk-lib version');
  }
}

/**
 * The properties of an L1 resource as its class holds them (camelCase, tokens unresolved), when the
 * template will show exactly those: `undefined` when the resource has overrides (or this release of
 * aws-cdk-lib keeps either elsewhere), so the caller renders the resource fully instead.
 */
export function plainCfnProperties(resource: CfnResource): Record<string, unknown> | undefined {
  const internals = resource as unknown as ResourceInternals;
  const overrides = internals.rawOverrides;
  if (overrides === null || typeof overrides !== 'object' || Object.keys(overrides).length > 0) return undefined;
  const properties = internals.cfnProperties;
  return properties !== null && typeof properties === 'object' ? properties as Record<string, unknown> : undefined;
}

/**
 * The template fragment synthesis writes for `resource` (`{ Resources: { <logicalId>: ... } }`),
 * tokens still unresolved.
 */
export function cloudFormationFragment(resource: CfnResource): unknown {
  const render = (resource as unknown as ResourceInternals)._toCloudFormation;
  if (typeof render !== 'function') throw new AwsCdkLibInternalsError('CfnResource._toCloudFormation');
  return render.call(resource);
}

/**
 * The validation plugins registered on a stage: `_validationPlugins` on releases with
 * `Validations`, the public `policyValidationBeta1` on older ones.
 */
export function validationPluginsOf(stage: Stage): readonly unknown[] {
  const internals = stage as unknown as { readonly _validationPlugins?: unknown; readonly policyValidationBeta1?: unknown };
  const plugins = '_validationPlugins' in internals ? internals._validationPlugins : internals.policyValidationBeta1;
  return Array.isArray(plugins) ? plugins : [];
}

/**
 * Whether the app runs aws-cdk-lib's built-in CloudFormation validation (`builtinCloudFormationValidation`
 * of `AppProps`, kept in a member of the app): `false` when this release has no such member.
 */
export function builtinValidationEnabled(app: Stage): boolean {
  return (app as unknown as { readonly _builtinCloudFormationValidation?: unknown })._builtinCloudFormationValidation === true;
}
