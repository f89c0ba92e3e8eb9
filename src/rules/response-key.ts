import { RULES, finding } from './catalog';
import { Finding } from './finding';
import { PatternRules } from './pattern-rules';
import { checkPatternForTarget, compilePattern } from './selection-pattern';
import { CompiledPattern } from '../grammar/java-pattern';
import { MatchTarget } from '../grammar/match-target';
import { knownString } from '../grammar/unknown';

/** The catch-all WebSocket integration response key. */
export const DEFAULT_KEY = '$default';

export const WEBSOCKET_KEY_RULES: PatternRules = {
  subject: 'response key',
  syntax: RULES.wsResponseKeySyntax,
  unchecked: RULES.wsResponseKeyUnchecked,
  unreachable: RULES.wsStatusKeyUnreachable,
  matchesSuccess: RULES.wsLambdaKeyMatchesSuccess,
  lambdaStatusCode: RULES.wsLambdaKeyStatusCode,
  backtracking: RULES.wsResponseKeyBacktracking,
  overlap: RULES.wsKeyOverlap,
};

/**
 * A WebSocket integration response key: `$default`, or a Java regular expression between slashes.
 */
export function parseResponseKey(key: string): { isDefault?: boolean; pattern?: string; problem?: string } {
  if (key === DEFAULT_KEY) return { isDefault: true };
  if (key.length >= 2 && key.startsWith('/') && key.endsWith('/')) {
    const pattern = key.slice(1, -1);
    return pattern === '' ? { problem: 'the pattern between the slashes is empty' } : { pattern };
  }
  return { problem: `keys are $default or a regular expression between slashes, such as '/${key.replace(/^\/|\/$/g, '') || '2\\d\\d'}/'` };
}

/**
 * Checks a WebSocket `IntegrationResponseKey`: its shape, its pattern, and the pattern against
 * what the integration matches keys with.
 */
export function checkResponseKey(value: unknown, target: MatchTarget, path?: string): { pattern?: CompiledPattern; findings: Finding[] } {
  const key = knownString(value);
  if (key === undefined) return { findings: [] };
  const parsed = parseResponseKey(key);
  if (parsed.problem) {
    return {
      findings: [finding(RULES.wsResponseKey,
        `response key '${key}' is not valid: ${parsed.problem}; API Gateway documents keys as $default or a pattern that ` +
        '"should follow a format of /expression/", so this key may never be selected', path)],
    };
  }
  if (parsed.pattern === undefined) return { findings: [] };
  const compiled = compilePattern(parsed.pattern, WEBSOCKET_KEY_RULES, path, key);
  if (!compiled.pattern) return compiled;
  return { pattern: compiled.pattern, findings: checkPatternForTarget(key, compiled.pattern, target, WEBSOCKET_KEY_RULES, path) };
}
