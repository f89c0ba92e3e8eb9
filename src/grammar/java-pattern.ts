/**
 * API Gateway compiles selection patterns with java.util.regex and matches them against the whole
 * string (`Pattern.matches`). This turns a Java pattern into an equivalent JavaScript RegExp where
 * the two dialects agree, reports Java syntax errors JavaScript would accept silently, and says
 * "unsupported" for Java-only constructs rather than guessing.
 *
 * Matching never hangs: a pattern a backtracking engine could take super-linear time on is matched
 * by a linear-time automaton instead of the RegExp (see linear-match.ts).
 */
import { linearMatcher, PatternMatchError } from './linear-match';
import { isBacktrackingSafe, mayRepeat } from './pattern-safety';
import { BoundedCache } from '../util/bounded-cache';

export { PatternMatchError } from './linear-match';

/** A pattern that compiled. `matches` tests a whole string, the way API Gateway does. */
export interface CompiledPattern {
  readonly ok: true;
  /** JavaScript source equivalent to the Java pattern (not anchored). */
  readonly source: string;
  /** JavaScript flags equivalent to the pattern's leading inline flags. */
  readonly flags: string;
  /**
   * Whether the whole string matches, in time linear in its length for patterns that are unsafe for
   * backtracking. Throws `PatternMatchError` when such a pattern has no linear-time matcher and the
   * input is long enough to matter.
   */
  readonly matches: (input: string) => boolean;
}

/**
 * A pattern Java rejects (`invalid`), that uses Java-only syntax (`unsupported`), or that is too
 * large for JavaScript's regular expression compiler (`too-large`; Java may accept it).
 */
export interface UncompiledPattern {
  readonly ok: false;
  readonly reason: 'invalid' | 'unsupported' | 'too-large';
  readonly detail: string;
}

export type PatternResult = CompiledPattern | UncompiledPattern;

const CACHE_LIMIT = 2000;
const cache = new BoundedCache<string, PatternResult>(CACHE_LIMIT);
/**
 * Inputs this short are matched by the RegExp whatever the pattern: even exponential backtracking
 * stays small (status codes, the empty message of a success).
 */
const SHORT_INPUT = 8;
/**
 * From this length on, a linear-time matcher is used where there is one, even for safe patterns:
 * quadratic backtracking (`.*a.*` on a long line without `a`) is slow too.
 */
const LONG_INPUT = 5000;

/**
 * Compiles a Java selection pattern (cached: the same pattern recurs across many methods).
 */
export function compileJavaPattern(pattern: string): PatternResult {
  return cache.get(pattern, () => compileUncached(pattern));
}

class PatternError extends Error {
  constructor(readonly reason: 'invalid' | 'unsupported' | 'too-large', readonly detail: string) {
    super(detail);
  }
}

const invalid = (detail: string) => new PatternError('invalid', detail);
const unsupported = (detail: string) => new PatternError('unsupported', detail);

function compileUncached(pattern: string): PatternResult {
  try {
    const { source, flags } = translate(pattern);
    // Sticky start plus "nothing after" end: a whole-string match that ignores the m flag.
    const regex = compileRegex(`(?:${source})(?![\\s\\S])`, `${flags}y`, pattern);
    return { ok: true, source, flags, matches: wholeStringMatcher(pattern, source, flags, regex) };
  } catch (e) {
    if (e instanceof PatternError) return { ok: false, reason: e.reason, detail: e.detail };
    throw e;
  }
}

/**
 * V8 compiles a RegExp on its first use, and only then reports a pattern too large or too deeply
 * nested for it ("Stack overflow", "Regular expression too large"): use it on one-byte and two-byte
 * strings, interpreted and compiled, so that it cannot fail later.
 */
function compileRegex(source: string, flags: string, pattern: string): RegExp {
  let regex: RegExp;
  try {
    regex = new RegExp(source, flags);
  } catch (e) {
    if (isSizeError(e)) throw tooLarge(pattern);
    throw invalid(jsErrorDetail(e));
  }
  try {
    for (const probe of ['', '', '', '\u0100', '\u0100', '\u0100']) {
      regex.lastIndex = 0;
      regex.test(probe);
    }
  } catch (e) {
    throw isSizeError(e) ? tooLarge(pattern) : invalid(jsErrorDetail(e));
  }
  return regex;
}

function isSizeError(e: unknown): boolean {
  return e instanceof RangeError || (e instanceof Error && /stack overflow|too large|too many/i.test(e.message));
}

function tooLarge(pattern: string): PatternError {
  return new PatternError('too-large', `the pattern is too large for the JavaScript regular expression compiler (${pattern.length} characters)`);
}

function wholeStringMatcher(pattern: string, source: string, flags: string, regex: RegExp): (input: string) => boolean {
  const test = (input: string) => {
    regex.lastIndex = 0;
    return regex.test(input);
  };
  let safe: boolean | undefined;
  const repeats = mayRepeat(source);
  let linear: ((input: string) => boolean) | null | undefined;
  const linearOrNull = () => linear === undefined ? (linear = linearMatcher(pattern, source, flags) ?? null) : linear;
  return input => {
    if (input.length <= SHORT_INPUT) return test(input);
    safe ??= isBacktrackingSafe(source, flags, 'whole');
    if (safe && (input.length < LONG_INPUT || !repeats)) return test(input);
    const matcher = linearOrNull();
    if (matcher) return matcher(input);
    if (safe) return test(input);
    throw new PatternMatchError(pattern, 'it can take a backtracking engine super-linear time, and it uses a construct the ' +
      'linear-time matcher cannot run (a look-ahead, a back-reference, a multi-line $ or a repetition count over 1,000)');
  };
}

function jsErrorDetail(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const last = message.lastIndexOf(': ');
  return (last >= 0 ? message.slice(last + 2) : message).toLowerCase();
}

const INLINE_FLAGS = /^\(\?([a-zA-Z]+)\)/;
const QUANTIFIER_BRACES = /^\{\d+(,\d*)?\}/;
const GROUP_START = /^\(\?(?::|=|!|<=|<!|<[a-zA-Z][a-zA-Z0-9]*>)/;
const HORIZONTAL_SPACE = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
const VERTICAL_SPACE = '\\n\\x0B\\f\\r\\x85\\u2028\\u2029';

interface Translation {
  readonly source: string;
  readonly flags: string;
}

function translate(pattern: string): Translation {
  let i = 0;
  let flags = '';
  for (let m = INLINE_FLAGS.exec(pattern); m; m = INLINE_FLAGS.exec(pattern.slice(i))) {
    for (const f of m[1]) {
      if (f === 'i' || f === 's' || f === 'm') {
        if (!flags.includes(f)) flags += f;
      } else if (f === 'x') {
        throw unsupported('comments mode (?x)');
      } else if (!'udU'.includes(f)) {
        throw invalid(`unknown inline flag '${f}'`);
      }
    }
    i += m[0].length;
  }

  let out = '';
  let inClass = false;
  let classStart = -1;
  // Whether the last emitted element can take a quantifier (for Java's "dangling" checks).
  let quantifiable = false;

  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      const escape = translateEscape(pattern, i, inClass);
      out += escape.text;
      i = escape.next;
      quantifiable = true;
      continue;
    }
    if (inClass) {
      if (c === '[') throw unsupported('nested character classes');
      if (c === '&' && pattern[i + 1] === '&') throw unsupported('character class intersection (&&)');
      if (c === ']' && i !== classStart) {
        inClass = false;
        quantifiable = true;
      }
      out += c === ']' && i === classStart ? '\\]' : c;
      i += 1;
      continue;
    }
    switch (c) {
      case '[':
        inClass = true;
        classStart = pattern[i + 1] === '^' ? i + 2 : i + 1;
        out += pattern[i + 1] === '^' ? '[^' : '[';
        i = classStart;
        quantifiable = false;
        continue;
      case '(': {
        const group = GROUP_START.exec(pattern.slice(i));
        if (group) {
          out += group[0];
          i += group[0].length;
        } else if (pattern.startsWith('(?>', i)) {
          throw unsupported('atomic groups (?>...)');
        } else if (pattern.startsWith('(?', i)) {
          throw /^\(\?[a-zA-Z-]+[:)]/.test(pattern.slice(i))
            ? unsupported('inline flags inside the pattern')
            : invalid(`unknown group construct '${pattern.slice(i, i + 4)}'`);
        } else {
          out += c;
          i += 1;
        }
        quantifiable = false;
        continue;
      }
      case '{': {
        const braces = QUANTIFIER_BRACES.exec(pattern.slice(i));
        if (!braces) throw invalid(`illegal repetition at '${pattern.slice(i, i + 10)}' (write \\{ for a literal brace)`);
        if (!quantifiable) throw invalid(`dangling quantifier '${braces[0]}'`);
        const suffix = quantifierSuffix(pattern, i + braces[0].length);
        out += braces[0] + suffix;
        i += braces[0].length + suffix.length;
        quantifiable = false;
        continue;
      }
      case '*':
      case '+':
      case '?': {
        if (!quantifiable) throw invalid(`dangling quantifier '${c}'`);
        const suffix = quantifierSuffix(pattern, i + 1);
        out += c + suffix;
        i += 1 + suffix.length;
        quantifiable = false;
        continue;
      }
      case ')':
      case '.':
      case '$':
        out += c;
        i += 1;
        quantifiable = c !== '$';
        continue;
      default:
        out += c;
        i += 1;
        quantifiable = c !== '|' && c !== '^';
    }
  }
  if (inClass) throw invalid('unclosed character class');
  return { source: out, flags };
}

/** The lazy `?` after a quantifier, if any; Java's possessive `+` has no JavaScript equivalent. */
function quantifierSuffix(pattern: string, i: number): string {
  if (pattern[i] === '+') throw unsupported('possessive quantifiers');
  return pattern[i] === '?' ? '?' : '';
}

interface Escape {
  readonly text: string;
  readonly next: number;
}

function translateEscape(pattern: string, i: number, inClass: boolean): Escape {
  const d = pattern[i + 1];
  if (d === undefined) throw invalid('the pattern ends with a lone backslash');
  const simple = (text: string): Escape => ({ text, next: i + 2 });
  switch (d) {
    case 'Q': {
      const end = pattern.indexOf('\\E', i + 2);
      const literal = pattern.slice(i + 2, end < 0 ? pattern.length : end);
      return { text: escapeLiteral(literal), next: end < 0 ? pattern.length : end + 2 };
    }
    case 't': case 'n': case 'r': case 'f':
    case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
      return simple(`\\${d}`);
    case 'b': case 'B':
      if (inClass) throw invalid(`\\${d} is not allowed in a character class`);
      return simple(`\\${d}`);
    case 'a': return simple('\\x07');
    case 'e': return simple('\\x1B');
    case 'h': return simple(inClass ? HORIZONTAL_SPACE : `[${HORIZONTAL_SPACE}]`);
    case 'v': return simple(inClass ? VERTICAL_SPACE : `[${VERTICAL_SPACE}]`);
    case 'H':
    case 'V':
      if (inClass) throw unsupported(`\\${d} inside a character class`);
      return simple(`[^${d === 'H' ? HORIZONTAL_SPACE : VERTICAL_SPACE}]`);
    case 'A':
      if (inClass) throw invalid('\\A is not allowed in a character class');
      return simple('^');
    case 'z':
    case 'Z':
      if (inClass) throw invalid(`\\${d} is not allowed in a character class`);
      return simple('$');
    case 'c':
      if (!/[A-Za-z]/.test(pattern[i + 2] ?? '')) throw unsupported('\\c with a non-letter');
      return { text: pattern.slice(i, i + 3), next: i + 3 };
    case 'x': return hexEscape(pattern, i);
    case 'u': {
      const hex = pattern.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw invalid(`illegal unicode escape '\\u${hex}'`);
      return { text: `\\u${hex}`, next: i + 6 };
    }
    case '0': {
      const octal = /^[0-7]{1,3}/.exec(pattern.slice(i + 2));
      if (!octal || parseInt(octal[0], 8) > 0o377) throw invalid('illegal octal escape (use \\0 followed by 1 to 3 octal digits)');
      return { text: unicodeEscape(parseInt(octal[0], 8)), next: i + 2 + octal[0].length };
    }
    case 'k':
      return simple('\\k');
    case 'p': case 'P': case 'G': case 'R': case 'X': case 'N': case 'E':
      throw unsupported(`the \\${d} escape`);
    default:
      if (/[1-9]/.test(d)) return simple(`\\${d}`);
      if (/[A-Za-z]/.test(d)) throw invalid(`illegal escape sequence '\\${d}'`);
      return simple(`\\${d}`);
  }
}

function hexEscape(pattern: string, i: number): Escape {
  if (pattern[i + 2] === '{') {
    const end = pattern.indexOf('}', i + 3);
    const hex = end < 0 ? '' : pattern.slice(i + 3, end);
    if (!/^[0-9a-fA-F]{1,6}$/.test(hex)) throw invalid('illegal hexadecimal escape \\x{...}');
    const code = parseInt(hex, 16);
    if (code > 0xFFFF) throw unsupported('code points above U+FFFF');
    return { text: unicodeEscape(code), next: end + 1 };
  }
  const hex = pattern.slice(i + 2, i + 4);
  if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw invalid(`illegal hexadecimal escape '\\x${hex}'`);
  return { text: `\\x${hex}`, next: i + 4 };
}

function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

function escapeLiteral(literal: string): string {
  return literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
