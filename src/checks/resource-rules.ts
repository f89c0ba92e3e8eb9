import { Finding } from '../rules/finding';
import { checkRestMethod } from '../rules/rest-method';

/** CloudFormation resource types the rule table has checks for. */
export const CHECKED_TYPES = new Set(['AWS::ApiGateway::Method']);

/**
 * Runs the rule table over one resource given in CloudFormation shape.
 */
export function checkResourceProperties(type: string, properties: Record<string, unknown>): Finding[] {
  switch (type) {
    case 'AWS::ApiGateway::Method': return checkRestMethod(properties);
    default: return [];
  }
}
