import { Rule, RULES } from './catalog';

/**
 * The rules and wording used for one kind of pattern: REST selection patterns and WebSocket
 * response keys share the checks but not the rule IDs.
 */
export interface PatternRules {
  /** What the pattern is called in messages. */
  readonly subject: string;
  readonly syntax: Rule;
  readonly unchecked: Rule;
  readonly unreachable: Rule;
  readonly matchesSuccess: Rule;
  /** A Lambda pattern that matches only status codes, success codes among them. */
  readonly lambdaStatusCode: Rule;
  /** Super-linear backtracking on long error messages. */
  readonly backtracking: Rule;
  readonly overlap: Rule;
}

export const REST_PATTERN_RULES: PatternRules = {
  subject: 'selection pattern',
  syntax: RULES.restSelectionPatternSyntax,
  unchecked: RULES.restSelectionPatternUnchecked,
  unreachable: RULES.restStatusPatternUnreachable,
  matchesSuccess: RULES.restLambdaPatternMatchesSuccess,
  lambdaStatusCode: RULES.restLambdaPatternStatusCode,
  backtracking: RULES.restSelectionPatternBacktracking,
  overlap: RULES.restPatternOverlap,
};
