import { finding, RULES } from './catalog';
import { Finding } from './finding';
import { shortList } from './short-list';
import { MatchTarget } from '../grammar/match-target';
import { ResponseMatch } from '../response-match';

/**
 * A response (REST) or a key (WebSocket) with what its pattern was meant to match, as the builders
 * know it: a template does not record it, so only the builders apply these rules.
 */
export interface IntendedPattern {
  /** How messages name it: a status code (REST) or a key (WebSocket). */
  readonly name: string;
  readonly matchesOn?: ResponseMatch;
}

/**
 * `rest-pattern-kind`: one response set matches either Lambda error messages or status codes, and
 * the kind fits the integration (`target`, when known).
 */
export function checkRestPatternKinds(responses: readonly IntendedPattern[], target: MatchTarget = 'unknown', integrationType?: string): Finding[] {
  const lambda = responses.filter(r => r.matchesOn === ResponseMatch.LAMBDA_ERROR);
  const status = responses.filter(r => r.matchesOn === ResponseMatch.STATUS_CODE);
  if (lambda.length > 0 && status.length > 0) {
    return [finding(RULES.restPatternKind,
      `responses ${names(lambda)} match Lambda error messages but ${names(status)} match status codes: one integration is ` +
      'either a Lambda custom integration (patterns see the errorMessage) or not (patterns see the status code); use one kind in a set')];
  }
  if (target === 'lambda' && status.length > 0) {
    return [finding(RULES.restPatternKind,
      'the responses match status codes, but this is a Lambda custom integration, whose patterns are matched against the ' +
      'error message; use whenLambdaErrorMatches')];
  }
  if (target === 'status' && lambda.length > 0) {
    return [finding(RULES.restPatternKind,
      `the responses match Lambda error messages, but this ${integrationType === undefined ? '' : `${integrationType} `}integration ` +
      'matches patterns against the backend status code; use whenStatusMatches')];
  }
  return [];
}

/**
 * `ws-key-kind`: the keys of one integration match either error messages or status codes, and the
 * kind fits the integration (`target`, when known). `added` is the key being added to `existing`.
 */
export function checkWebSocketKeyKinds(existing: readonly IntendedPattern[], added: IntendedPattern, target: MatchTarget = 'unknown'): Finding[] {
  const kinds = new Set([...existing.map(k => k.matchesOn), added.matchesOn]);
  if (kinds.has(ResponseMatch.LAMBDA_ERROR) && kinds.has(ResponseMatch.STATUS_CODE)) {
    return [finding(RULES.wsKeyKind,
      `key '${added.name}' mixes error-message keys and status keys on one integration: an integration is either a Lambda ` +
      'custom integration (keys see the errorMessage) or not (keys see the status code); use one kind')];
  }
  if (target === 'lambda' && added.matchesOn === ResponseMatch.STATUS_CODE) {
    return [finding(RULES.wsKeyKind,
      `key '${added.name}' matches status codes, but this is a Lambda custom integration, whose keys are matched against ` +
      'the error message; use ResponseKey.whenLambdaErrorMatches')];
  }
  if (target === 'status' && added.matchesOn === ResponseMatch.LAMBDA_ERROR) {
    return [finding(RULES.wsKeyKind,
      `key '${added.name}' matches Lambda error messages, but this integration matches keys against the status code; ` +
      'use ResponseKey.whenStatusMatches')];
  }
  return [];
}

function names(responses: readonly IntendedPattern[]): string {
  return shortList(responses.map(r => `'${r.name}'`));
}
