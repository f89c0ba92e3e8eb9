import { AST, RegExpParser } from '@eslint-community/regexpp';
import { analyse, Report } from 'scslre';
import { BoundedCache } from '../util/bounded-cache';

/**
 * Whether a pattern is safe for a backtracking engine (JavaScript's RegExp here, java.util.regex
 * on API Gateway), from scslre's analysis of super-linear backtracking plus structural checks of
 * what scslre does not cover: it only finds attack strings that repeat one character, and it does
 * not count the ways bounded parts (`a?`, `x{0,3}`) split an input, which can be exponential in the
 * pattern's size even on a short input.
 *
 * - `whole`: the pattern must match the whole input from its start (selection, `matches`);
 * - `search`: the pattern is searched for anywhere in the input (`replaceAll`, `split`).
 */
export type MatchUsage = 'whole' | 'search';

/** What is known about a pattern's backtracking. */
export interface BacktrackingAnalysis {
  /** The parsed pattern that `reports` refer to. */
  readonly ast: AST.Pattern;
  readonly flags: AST.Flags;
  /**
   * Every repetition of the pattern repeats a single character (with at most a look-around of
   * fixed length next to it), so an ambiguity can only come from repetitions trading characters,
   * which scslre finds.
   */
  readonly simple: boolean;
  /** Repetitions that can repeat more than once. */
  readonly loops: number;
  /**
   * How many ways the bounded repetitions and optional parts (`a?`, `x{0,3}`) can split an input,
   * at most: a backtracking engine may try each before it fails, however short the input.
   * scslre does not count these, as they do not grow with the input.
   */
  readonly boundedChoices: number;
  /**
   * scslre's reports of super-linear backtracking (trade, self and, for `search`, move), worst first;
   * `undefined` when the pattern is too large to analyse.
   */
  readonly reports?: readonly Report[];
}

/**
 * More ways than this for bounded repetitions to split an input (`(?:a)?` four hundred times has
 * 2^400) is not safe for a backtracking engine, even on a short input.
 */
const MAX_BOUNDED_CHOICES = 1_000_000;
/** scslre's time grows with the pattern: larger ones are not analysed. */
const MAX_ANALYSED_NODES = 2000;
const MAX_ANALYSED_LENGTH = 10000;
/** Longer sources are not even parsed. */
const MAX_PARSED_LENGTH = 200000;
const MAX_REPORTS = 8;
const CACHE_LIMIT = 2000;
const cache = new BoundedCache<string, BacktrackingAnalysis | undefined>(CACHE_LIMIT);

/** The JavaScript source the way it is matched: sticky, and nothing may follow the match. */
function literalFor(source: string, flags: string, usage: MatchUsage): { source: string; flags: string } {
  return usage === 'whole' ? { source: `(?:${source})(?![\\s\\S])`, flags: `${flags}y` } : { source, flags };
}

/**
 * The backtracking analysis of a JavaScript pattern (cached), or `undefined` when it is too large
 * to be parsed (or nests too deeply).
 */
export function analyseBacktracking(source: string, flags: string, usage: MatchUsage): BacktrackingAnalysis | undefined {
  const key = `${usage}/${flags}/${source}`;
  return cache.get(key, () => analyseUncached(literalFor(source, flags, usage), usage));
}

function analyseUncached(literal: { source: string; flags: string }, usage: MatchUsage): BacktrackingAnalysis | undefined {
  if (literal.source.length > MAX_PARSED_LENGTH) return undefined;
  try {
    const parser = new RegExpParser();
    const flags = parser.parseFlags(literal.flags);
    const ast = parser.parsePattern(literal.source, undefined, undefined, { unicode: flags.unicode, unicodeSets: flags.unicodeSets });
    const shape = { simple: true, loops: 0, nodes: 0 };
    measure(ast, shape);
    const boundedChoices = choicesOf(ast);
    if (shape.nodes > MAX_ANALYSED_NODES || literal.source.length > MAX_ANALYSED_LENGTH) {
      return { ast, flags, simple: shape.simple, loops: shape.loops, boundedChoices };
    }
    const found = analyse({ pattern: ast, flags }, {
      maxReports: MAX_REPORTS,
      reportTypes: { Move: usage === 'search', Trade: true, Self: true },
    }).reports;
    const reports = [...found].sort((a, b) => Number(b.exponential) - Number(a.exponential));
    return { ast, flags, simple: shape.simple, loops: shape.loops, boundedChoices, reports };
  } catch {
    // A stack overflow in the parser or the analysis: too deeply nested to analyse.
    return undefined;
  }
}

/**
 * Whether a backtracking engine is known to take at most linear time per start position on the
 * pattern: true only when nothing can repeat ambiguously. Quadratic time from moving the start
 * position (`search`) is not counted: callers bound it by the input's length.
 */
export function isBacktrackingSafe(source: string, flags: string, usage: MatchUsage): boolean {
  if (!mayRepeat(source)) return true;
  const analysis = analyseBacktracking(source, flags, usage);
  if (!analysis?.simple || analysis.boundedChoices > MAX_BOUNDED_CHOICES) return false;
  // Two repetitions are needed to trade characters, and nesting to trade with oneself.
  if (analysis.loops <= 1) return true;
  return analysis.reports !== undefined && analysis.reports.every(r => r.type === 'Move');
}

/**
 * Whether the source has anything that can repeat (a quantifier character anywhere, escaped or
 * not): without one, a pattern cannot backtrack more than its size, and is not worth parsing.
 */
export function mayRepeat(source: string): boolean {
  return /[*+{]|[^(]\?/.test(source);
}

/**
 * How long a backtracking search for the pattern can take on an input of length n: `linear`;
 * `quadratic` when only moving the start position costs (scslre's move reports, or a single
 * repetition scslre was not asked about); `super-linear` when the pattern backtracks badly at some
 * start position (or cannot be analysed).
 */
export function searchCost(source: string, flags: string): 'linear' | 'quadratic' | 'super-linear' {
  if (!mayRepeat(source)) return 'linear';
  if (!isBacktrackingSafe(source, flags, 'search')) return 'super-linear';
  const reports = analyseBacktracking(source, flags, 'search')?.reports;
  return reports !== undefined && reports.length === 0 ? 'linear' : 'quadratic';
}

interface Shape {
  simple: boolean;
  loops: number;
  nodes: number;
}

function measure(node: AST.Node, shape: Shape): void {
  shape.nodes++;
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      node.alternatives.forEach(a => measure(a, shape));
      return;
    case 'Alternative':
      node.elements.forEach(e => measure(e, shape));
      return;
    case 'Assertion':
      if (node.kind === 'lookahead' || node.kind === 'lookbehind') node.alternatives.forEach(a => measure(a, shape));
      return;
    case 'Quantifier':
      if (node.max >= 2) {
        shape.loops++;
        if (!repeatsOneCharacter(node.element)) shape.simple = false;
      }
      measure(node.element, shape);
      return;
    default:
  }
}

/**
 * At most how many ways the bounded repetitions of `node` can split an input: a sequence multiplies
 * its parts, alternatives add up, `e{m,n}` takes e from m to n times. Unbounded repetitions count
 * once (their ambiguity grows with the input: scslre judges it). Capped, so it stays a number.
 */
function choicesOf(node: AST.Node): number {
  const cap = (n: number) => Math.min(n, Number.MAX_SAFE_INTEGER);
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      return cap(node.alternatives.reduce((sum, a) => sum + choicesOf(a), 0));
    case 'Alternative':
      return cap(node.elements.reduce((product, e) => product * choicesOf(e), 1));
    case 'Quantifier': {
      const inner = choicesOf(node.element);
      if (!Number.isFinite(node.max)) return inner;
      if (inner === 1) return node.max - node.min + 1;
      let total = 0;
      for (let k = node.min; k <= node.max && total < Number.MAX_SAFE_INTEGER; k++) total += inner ** k;
      return cap(total);
    }
    default:
      return 1;
  }
}

/** A single character (class), maybe in a group, maybe next to look-arounds of fixed length. */
function repeatsOneCharacter(element: AST.Element): boolean {
  if (isCharacter(element)) return true;
  if (element.type !== 'Group' && element.type !== 'CapturingGroup') return false;
  if (element.alternatives.length !== 1) return false;
  const elements = element.alternatives[0].elements;
  const consuming = elements.filter(e => !isFixedLookaround(e));
  return consuming.length === 1 && isCharacter(consuming[0]) && elements.every(e => e === consuming[0] || isFixedLookaround(e));
}

function isCharacter(element: AST.Element): boolean {
  return element.type === 'Character' || element.type === 'CharacterClass' || element.type === 'CharacterSet';
}

function isFixedLookaround(element: AST.Element): boolean {
  return element.type === 'Assertion' && (element.kind === 'lookahead' || element.kind === 'lookbehind') &&
    element.alternatives.every(a => a.elements.every(isCharacter));
}
