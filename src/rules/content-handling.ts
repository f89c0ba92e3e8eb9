import { finding, Rule, RULES } from './catalog';
import { Finding } from './finding';
import { knownString } from '../grammar/unknown';

const STRATEGIES = ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'];

/**
 * `ContentHandling` (REST) or `ContentHandlingStrategy` (WebSocket): one of two conversions, or absent
 * for a pass-through. Both are enumerations, in the CloudFormation resource schema (REST) and in
 * API Gateway's API reference (both).
 */
export function checkContentHandling(r: Rule, value: unknown, path?: string): Finding[] {
  const strategy = knownString(value);
  if (strategy === undefined || STRATEGIES.includes(strategy)) return [];
  const aws = r === RULES.restContentHandling
    ? "CloudFormation's resource schema allows only CONVERT_TO_TEXT or CONVERT_TO_BINARY, so the deployment fails"
    : 'API Gateway accepts only CONVERT_TO_TEXT or CONVERT_TO_BINARY (an enumeration of its API)';
  return [finding(r,
    `content handling '${strategy}' is not supported: ${aws}; use one of them, or leave it unset to pass the payload through`, path)];
}
