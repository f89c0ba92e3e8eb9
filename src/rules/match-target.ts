import { MatchTarget } from './selection-pattern';
import { knownString, stringFragments } from './unknown';

const LAMBDA_URI_MARKER = ':lambda:path/';

/**
 * What an integration's patterns (REST) or response keys (WebSocket) are matched against, from its
 * type and URI: a Lambda function behind an `AWS` integration is matched by error message, every
 * other non-proxy integration by status code.
 */
export function matchTargetOf(type: unknown, uri: unknown): MatchTarget {
  const knownType = knownString(type);
  if (knownType === 'HTTP' || knownType === 'MOCK') return 'status';
  if (knownType !== 'AWS') return 'unknown';
  if (stringFragments(uri).some(fragment => fragment.includes(LAMBDA_URI_MARKER))) return 'lambda';
  return knownString(uri) !== undefined ? 'status' : 'unknown';
}

/** Integration types whose responses API Gateway passes through untouched. */
export const PROXY_INTEGRATION_TYPES: readonly string[] = ['AWS_PROXY', 'HTTP_PROXY'];
