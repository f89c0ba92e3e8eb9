import { CharRange, DFA, isDisjointWith } from 'refa';
import { nfaOf, transitionsOf } from './bounded-nfa';
import { compileJavaPattern, CompiledPattern } from './java-pattern';
import { withoutEdgeAnchors } from './linear-match';
import { matchedStatusCodes, MatchTarget } from './match-target';
import { BoundedCache } from '../util/bounded-cache';
import { derived } from '../util/derived';

// Bounds for the automata: patterns beyond them are skipped rather than slowing a synth down.
const MAX_NODES = 5000;
/**
 * Building a DFA costs, per DFA node, up to one visit of every NFA transition, so the DFA is also
 * capped at this many node-times-transition steps (about a tenth of a second of CPU).
 */
const MAX_SUBSET_WORK = 500_000;
const PREFERRED = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ';
const PREFERRED_CODES: readonly number[] = [...PREFERRED].map(ch => ch.charCodeAt(0));
const CACHE_LIMIT = 2000;

/**
 * Two patterns that a backend result can match at once.
 */
export interface Overlap {
  /** An input both patterns match: a status code, or an error message. */
  readonly witness: string;
  /** Whether every input of the first pattern also matches the second (and so on). */
  readonly firstInSecond: boolean;
  readonly secondInFirst: boolean;
}

interface Automata {
  readonly dfa: DFA;
  readonly complement: DFA;
  /** A shortest word of the language (`undefined` when it is empty). */
  readonly sample: string | undefined;
}

const AUTOMATA = Symbol('automata');
const overlaps = new BoundedCache<string, Overlap | null>(CACHE_LIMIT);

/**
 * How two selection patterns overlap, or `undefined` when they do not (or the question cannot be
 * answered: back-references, look-arounds, very large automata).
 *
 * Status patterns overlap when they share a status code. Error-message patterns are reported only
 * when one contains the other: two `.*Tag.*` patterns always share some contrived message that
 * names both tags, which is not worth a warning, but `.*Error.*` swallowing `.*NotFoundError.*` is.
 */
export function findOverlap(a: CompiledPattern, b: CompiledPattern, target: MatchTarget): Overlap | undefined {
  if (target === 'status') return statusOverlap(a, b);
  const key = `${a.flags}/${a.source}\u0000${b.flags}/${b.source}`;
  return overlaps.get(key, () => languageOverlap(a, b)) ?? undefined;
}

function statusOverlap(a: CompiledPattern, b: CompiledPattern): Overlap | undefined {
  const inA = matchedStatusCodes(a);
  const inB = matchedStatusCodes(b);
  const setB = new Set(inB);
  const shared = inA.filter(code => setB.has(code));
  if (shared.length === 0) return undefined;
  return { witness: shared[0], firstInSecond: shared.length === inA.length, secondInFirst: shared.length === inB.length };
}

/**
 * A cheap necessary condition for `findOverlap` to find an error-message overlap: the shortest
 * word of one pattern is matched by the other (every reported overlap is a containment, and a
 * contained language's shortest word is in the containing one). `false` also when either pattern
 * has no automaton, since `findOverlap` then finds nothing either.
 */
export function mayContainEachOther(a: CompiledPattern, b: CompiledPattern): boolean {
  const left = automataOf(a);
  const right = automataOf(b);
  if (typeof left === 'string' || typeof right === 'string') return false;
  return (left.sample !== undefined && accepts(right.dfa, left.sample)) || (right.sample !== undefined && accepts(left.dfa, right.sample));
}

/**
 * Whether this pattern is too large for its error messages to be compared with another pattern's
 * (past the automata's size bounds). Look-arounds and back-references are not compared either, as
 * a catch-all such as `(?!\[NotFound\]).+` is written to exclude the others on purpose.
 */
export function isTooLargeToCompare(pattern: CompiledPattern): boolean {
  return automataOf(pattern) === 'too-large';
}

function accepts(dfa: DFA, word: string): boolean {
  let node: DFA.ReadonlyNode | undefined = dfa.initial;
  for (let i = 0; i < word.length && node; i++) node = node.out.get(word.charCodeAt(i));
  return node !== undefined && (dfa.finals as ReadonlySet<DFA.ReadonlyNode>).has(node);
}

function languageOverlap(a: CompiledPattern, b: CompiledPattern): Overlap | null {
  const left = automataOf(a);
  const right = automataOf(b);
  if (typeof left === 'string' || typeof right === 'string') return null;
  try {
    const firstInSecond = isDisjointWith(left.dfa, right.complement, MAX_NODES);
    const secondInFirst = isDisjointWith(right.dfa, left.complement, MAX_NODES);
    if (!firstInSecond && !secondInFirst) return null;
    // One language contains the other, so a shortest word of the smaller one is in both.
    const witness = firstInSecond ? left.sample : right.sample;
    return witness === undefined ? null : { witness, firstInSecond, secondInFirst };
  } catch {
    return null;
  }
}

/** Every number, as a pattern. */
const NUMBER_PATTERN = compileJavaPattern('[0-9]+');

/**
 * Whether every input the pattern matches is a number (and it matches one), as a pattern of status
 * codes is: `2\d{2}`, `302` and `\d+` are, `.*404.*` is not. `false` when it cannot be told (no
 * automaton).
 */
export function matchesOnlyNumbers(pattern: CompiledPattern): boolean {
  // Only digits, `\d` and the syntax that bounds them can spell nothing but numbers: any other
  // pattern matches some other input, and needs no automaton to say so.
  if (!/^(?:[0-9[\]{},|()?*+^$-]|\\d)+$/.test(pattern.source) || !NUMBER_PATTERN.ok) return false;
  const own = automataOf(pattern);
  const numbers = automataOf(NUMBER_PATTERN);
  if (typeof own === 'string' || typeof numbers === 'string' || own.sample === undefined) return false;
  try {
    return isDisjointWith(own.dfa, numbers.complement, MAX_NODES);
  } catch {
    return false;
  }
}

/** A shortest accepted word, found breadth-first, spelled with readable characters where possible. */
function shortestWord(dfa: DFA): string | undefined {
  const seen = new Set<DFA.ReadonlyNode>([dfa.initial]);
  let frontier: Array<[DFA.ReadonlyNode, string]> = [[dfa.initial, '']];
  while (frontier.length > 0) {
    const next: Array<[DFA.ReadonlyNode, string]> = [];
    for (const [node, word] of frontier) {
      if ((dfa.finals as ReadonlySet<DFA.ReadonlyNode>).has(node)) return word;
      for (const [range, to] of node.out.entries()) {
        if (seen.has(to)) continue;
        seen.add(to);
        next.push([to, word + readableChar(range)]);
      }
    }
    frontier = next;
  }
  return undefined;
}

/** A character of the range, a readable one where the range has one (for witnesses shown to users). */
export function readableChar(range: CharRange): string {
  const preferred = PREFERRED_CODES.find(code => code >= range.min && code <= range.max);
  return String.fromCharCode(preferred ?? range.min);
}

/**
 * The pattern's minimal DFA and its complement (built once per pattern, within the bounds above), or
 * `undefined` when it has none: look-arounds, back-references, past the bounds.
 */
export function exactAutomata(pattern: CompiledPattern): { readonly dfa: DFA; readonly complement: DFA } | undefined {
  const automata = automataOf(pattern);
  return typeof automata === 'string' ? undefined : automata;
}

/** The pattern's automata, or why it has none (a DFA past its bounds is too large as well). */
function automataOf(pattern: CompiledPattern): Automata | 'too-large' | 'unsupported' {
  return derived(pattern, AUTOMATA, (): Automata | 'too-large' | 'unsupported' => {
    const nfa = nfaOf(withoutEdgeAnchors(pattern.source), pattern.flags);
    if (typeof nfa === 'string') return nfa;
    try {
      const dfa = DFA.fromFA(nfa, new DFA.LimitedNodeFactory(Math.min(MAX_NODES, Math.floor(MAX_SUBSET_WORK / Math.max(1, transitionsOf(nfa))))));
      dfa.minimize();
      const complement = dfa.copy();
      complement.complement();
      return { dfa, complement, sample: shortestWord(dfa) };
    } catch {
      return 'too-large';
    }
  });
}
