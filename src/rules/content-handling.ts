import { finding, Rule } from './catalog';
import { Finding } from './finding';
import { knownString } from './unknown';

const STRATEGIES = ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'];

/**
 * `ContentHandling` (REST) or `ContentHandlingStrategy` (WebSocket): one of two conversions, or absent
 * for a pass-through.
 */
export function checkContentHandling(r: Rule, value: unknown, path?: string): Finding[] {
  const strategy = knownString(value);
  if (strategy === undefined || STRATEGIES.includes(strategy)) return [];
  return [finding(r,
    `content handling '${strategy}' is not supported: API Gateway accepts only CONVERT_TO_TEXT or ` +
    'CONVERT_TO_BINARY and rejects the deployment; use one of them, or leave it unset to pass the payload through', path)];
}
