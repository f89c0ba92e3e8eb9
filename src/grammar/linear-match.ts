import { automatonMatcher } from './automaton-match';
import { re2Compatible, re2Pattern } from './re2-syntax';

/**
 * A pattern cannot be matched against an input without risking a hang: it is unsafe for a
 * backtracking engine and has no linear-time matcher. The message says why.
 */
export class PatternMatchError extends Error {
  constructor(readonly pattern: string, readonly reason: string) {
    super(reason);
    this.name = 'PatternMatchError';
  }
}

/**
 * A whole-string matcher for a JavaScript pattern that takes time linear in the input: refa's
 * automaton where the pattern has one (no assertions inside, no back-references), else re2js
 * (which also runs `^`, `$`, `\b` and look-behinds). `undefined` when neither can run the pattern.
 *
 * @param pattern the Java pattern, for messages
 */
export function linearMatcher(pattern: string, source: string, flags: string): ((input: string) => boolean) | undefined {
  const automaton = automatonMatcher(withoutEdgeAnchors(source), flags);
  if (automaton) return automaton;
  const re2 = re2Pattern(source, flags);
  if (!re2) return undefined;
  return input => {
    if (!re2Compatible(input)) {
      throw new PatternMatchError(pattern, 'it can take a backtracking engine super-linear time, and the linear-time matcher it ' +
        'needs reads characters outside the Basic Multilingual Plane (such as emoji) differently');
    }
    return re2.matches(input);
  };
}

/**
 * The source without a leading `^` and a trailing unescaped `$`: patterns match whole strings, so
 * they change nothing, and automata cannot be built with assertions.
 */
export function withoutEdgeAnchors(source: string): string {
  let s = source.startsWith('^') ? source.slice(1) : source;
  if (s.endsWith('$') && (/\\*(?=\$$)/.exec(s)?.[0].length ?? 0) % 2 === 0) s = s.slice(0, -1);
  return s;
}
