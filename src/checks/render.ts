import { CfnResource, Stack } from 'aws-cdk-lib';
import { cloudFormationFragment } from './cdk-internals';

/**
 * A resource as it appears in the synthesized template.
 */
export interface RenderedResource {
  readonly logicalId: string;
  readonly type: string;
  readonly properties: Record<string, unknown>;
  readonly metadata?: Record<string, unknown>;
}

interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
}

/**
 * Renders `resource` the way synthesis writes it into the template: properties in CloudFormation
 * spelling, lazy values resolved, property overrides (`addPropertyOverride`) applied, and
 * references turned into `Ref`/`Fn::GetAtt`.
 *
 * aws-cdk-lib offers no public API for "this resource as the template will show it"; the hook
 * stack synthesis itself calls (see cdk-internals.ts) is used, so checks see exactly what
 * CloudFormation will see.
 */
export function renderResource(resource: CfnResource): RenderedResource {
  const stack = Stack.of(resource);
  const fragment: { Resources: Record<string, TemplateResource> } = stack.resolve(cloudFormationFragment(resource));
  const [logicalId, rendered] = Object.entries(fragment.Resources)[0];
  return {
    logicalId,
    type: rendered.Type,
    properties: rendered.Properties ?? {},
    metadata: rendered.Metadata,
  };
}
