import { RE2JS } from 're2js';
import { TemplateError } from './template-error';
import { CompiledPattern } from '../../grammar/java-pattern';
import { searchCost } from '../../grammar/pattern-safety';
import { re2Compatible, re2Pattern } from '../../grammar/re2-syntax';

/**
 * Searching a string for a pattern (`replaceAll`, `replaceFirst`, `split`) without risking a hang:
 * JavaScript's RegExp where a backtracking search is linear (and, where it is only quadratic, for
 * inputs of ordinary length), re2js (linear time, same leftmost-first matches and groups) otherwise.
 */

/** One match: where it is and its groups. */
export interface RegexMatch {
  readonly index: number;
  readonly end: number;
  /** How many capturing groups the pattern has. */
  readonly groupCount: number;
  /** Group `n` (0 is the whole match); `undefined` when it did not participate or does not exist. */
  group(n: number): string | undefined;
  /** A named group; `undefined` when it did not participate or does not exist. */
  named(name: string): string | undefined;
}

/** Inputs this short are searched by the RegExp whatever the pattern. */
const SHORT_INPUT = 8;
/** From this length on re2js is preferred for patterns whose search is quadratic. */
const LONG_INPUT = 5000;

/**
 * A searcher of `s`: `find(from)` returns the leftmost match that starts at or after `from`.
 *
 * @param display the Java pattern, for messages
 */
export function searcher(compiled: CompiledPattern, display: string, s: string): (from: number) => RegexMatch | undefined {
  const cost = s.length <= SHORT_INPUT ? 'linear' : searchCost(compiled.source, compiled.flags);
  if (cost === 'linear' || (cost === 'quadratic' && s.length < LONG_INPUT)) return regexSearcher(compiled, s);
  const re2 = re2Pattern(compiled.source, compiled.flags);
  if (re2 && re2Compatible(s)) return re2Searcher(re2, s);
  if (cost === 'quadratic') return regexSearcher(compiled, s);
  throw new TemplateError(`regular expression '${display}' can take a backtracking engine super-linear time on a string of ` +
    `${s.length} characters, and the linear-time matcher cannot run it (${re2 ? 'the string has characters outside the Basic ' +
    'Multilingual Plane' : 'it uses a look-ahead, a back-reference, a multi-line $ or a repetition count over 1,000'}); ` +
    'simplify the regular expression');
}

/** A searcher on JavaScript's RegExp. */
export function regexSearcher(compiled: CompiledPattern, s: string): (from: number) => RegexMatch | undefined {
  const regex = new RegExp(compiled.source, `${compiled.flags}g`);
  return from => {
    regex.lastIndex = from;
    const m = regex.exec(s);
    if (!m) return undefined;
    return {
      index: m.index,
      end: m.index + m[0].length,
      group: n => m[n],
      named: name => m.groups?.[name],
      groupCount: m.length - 1,
    };
  };
}

/** A searcher on re2js (linear time). */
export function re2Searcher(re2: RE2JS, s: string): (from: number) => RegexMatch | undefined {
  const matcher = re2.matcher(s);
  const groupCount = matcher.groupCount();
  const names = Object.keys(re2.namedGroups());
  return from => {
    if (from > s.length || !matcher.find(from)) return undefined;
    // The matcher moves on with the next search: keep this match's groups.
    const groups = Array.from({ length: groupCount + 1 }, (_, n) => matcher.group(n) ?? undefined);
    const named = new Map(names.map(name => [name, matcher.group(name) ?? undefined]));
    return {
      index: matcher.start(),
      end: matcher.end(),
      group: n => groups[n],
      named: name => named.get(name),
      groupCount,
    };
  };
}

/**
 * Every match of a search from the start, the way Java's `Matcher.find()` (and a global
 * JavaScript RegExp) steps: after an empty match the next search starts one character later.
 */
export function* allMatches(find: (from: number) => RegexMatch | undefined, length: number, all: boolean): Generator<RegexMatch> {
  let from = 0;
  while (from <= length) {
    const m = find(from);
    if (!m) return;
    yield m;
    if (!all) return;
    from = m.end === m.index ? m.end + 1 : m.end;
  }
}

/**
 * `s.split(regex)` as JavaScript computes it (the pieces between matches, with the groups of each
 * match; an empty match where a piece starts does not split), on any searcher.
 */
export function splitWith(find: (from: number) => RegexMatch | undefined, s: string): Array<string | undefined> {
  if (s.length === 0) {
    const m = find(0);
    return m && m.index === 0 ? [] : [s];
  }
  const parts: Array<string | undefined> = [];
  let p = 0;
  let q = 0;
  while (q < s.length) {
    const m = find(q);
    if (!m || m.index >= s.length) break;
    if (m.end === p) {
      q = m.index + 1;
      continue;
    }
    parts.push(s.slice(p, m.index));
    for (let g = 1; g <= m.groupCount; g++) parts.push(m.group(g));
    p = m.end;
    q = p;
  }
  parts.push(s.slice(p));
  return parts;
}
