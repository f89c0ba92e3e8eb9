import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { templateSchemaProblems } from './cfn-schema';

/**
 * Synthesizes `stack` and checks every API Gateway resource (REST and WebSocket) in it against the
 * official CloudFormation resource schema before handing the template to the test.
 */
export function synthesize(stack: Stack): Template {
  const template = Template.fromStack(stack);
  const problems = templateSchemaProblems(template.toJSON(), 'AWS::ApiGateway');
  if (problems.length > 0) throw new Error(`schema problems:\n${problems.join('\n')}`);
  return template;
}

/**
 * The resources of a template whose type starts with `typePrefix` (all API Gateway resources by
 * default), for snapshots that do not churn on unrelated resources. Metadata that aws-cdk-lib adds
 * itself (`aws:cdk:*`, which differs between releases) is left out, so the snapshots hold on every
 * supported aws-cdk-lib.
 */
export function apiGatewayResources(template: Template, typePrefix = 'AWS::ApiGateway'): Record<string, unknown> {
  const resources = template.toJSON().Resources as Record<string, { Type: string; Metadata?: Record<string, unknown> }>;
  return Object.fromEntries(Object.entries(resources)
    .filter(([, r]) => r.Type.startsWith(typePrefix))
    .map(([id, r]) => [id, withoutCdkMetadata(r)]));
}

function withoutCdkMetadata<T extends { Metadata?: Record<string, unknown> }>(resource: T): T {
  if (resource.Metadata === undefined) return resource;
  const metadata = Object.fromEntries(Object.entries(resource.Metadata).filter(([key]) => !key.startsWith('aws:cdk:')));
  const { Metadata: _, ...rest } = resource;
  return (Object.keys(metadata).length === 0 ? rest : { ...rest, Metadata: metadata }) as T;
}
