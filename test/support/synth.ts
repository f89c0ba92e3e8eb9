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
 * The API Gateway resources of a template, for snapshots that do not churn on unrelated resources.
 */
export function apiGatewayResources(template: Template): Record<string, unknown> {
  const resources = template.toJSON().Resources as Record<string, { Type: string }>;
  return Object.fromEntries(Object.entries(resources).filter(([, r]) => r.Type.startsWith('AWS::ApiGateway')));
}
