import { DFA } from 'refa';
import { nfaOf } from './bounded-nfa';
import { CompiledPattern } from './java-pattern';
import { withoutEdgeAnchors } from './linear-match';
import { ALL_STATUS_CODES, MatchTarget, matchedStatusCodes } from './match-target';
import { exactAutomata, readableChar } from './pattern-overlap';
import { BoundedCache } from '../util/bounded-cache';

// The same bounds as the overlap checks: past them an answer is not looked for.
const MAX_NODES = 5000;
/** Words of the candidate language tried against the real matchers before giving up. */
const MAX_CANDIDATES = 64;

/**
 * A backend answer that a response selects, or what is known when there is none:
 * - `found`: `input` (an error message or a status code) is matched by the pattern and by none
 *   matched before it, as the simulator's matcher says.
 * - `none`: it is proven that no input is (the pattern is shadowed, or every input is taken).
 * - `unknown`: none was found, and none is not proven either (back-references, large automata).
 */
export type Witness =
  | { readonly kind: 'found'; readonly input: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown' };

/**
 * An input that `pattern` matches and no pattern of `before` does: the one selection order would
 * give to the response of `pattern`. `pattern` undefined asks for an input no pattern of `before`
 * matches (what reaches the default response). Status codes are searched exhaustively (100 to 599,
 * lowest first, or in `preferred` order first); error messages are non-empty words of the
 * automata, shortest first and spelled with readable characters, each checked with the real matcher.
 *
 * @param preferred status codes to try first, in order
 */
export function inputSelecting(pattern: CompiledPattern | undefined, before: readonly CompiledPattern[], target: MatchTarget,
  preferred: readonly string[] = []): Witness {
  const order = pattern === undefined ? before : [...before, pattern];
  const witnesses = inputsSelectingEach(order, target, preferred, preferred);
  return pattern === undefined ? witnesses.unmatched : witnesses.each[before.length];
}

/** The answer that selects each pattern of a list in order, and one that no pattern matches. */
export interface OrderWitnesses {
  /** For each pattern, an input it matches and no earlier pattern does. */
  readonly each: readonly Witness[];
  /** An input no pattern matches. */
  readonly unmatched: Witness;
}

/**
 * `inputSelecting` for every pattern of a selection order at once, and for the input no pattern
 * matches: the inputs no earlier pattern takes are narrowed one pattern at a time (minimized after
 * each), so a list of n patterns costs n intersections, not n² (forty `.*E<n>.*` patterns took
 * seconds the other way).
 *
 * @param preferred status codes to try first for the patterns
 * @param preferredUnmatched status codes to try first for the input no pattern matches
 */
export function inputsSelectingEach(patterns: readonly CompiledPattern[], target: MatchTarget,
  preferred: readonly string[] = [], preferredUnmatched: readonly string[] = []): OrderWitnesses {
  // Apps repeat one response set on many methods: each set's answers are searched for once.
  const key = [target, preferred.join(','), preferredUnmatched.join(','), ...patterns.map(p => `${p.flags}/${p.source}`)].join('\u0000');
  return WITNESSES.get(key, () => (target === 'status'
    ? statusWitnesses(patterns, preferred, preferredUnmatched)
    : messageWitnesses(patterns)));
}

const WITNESSES = new BoundedCache<string, OrderWitnesses>(1000);

function statusWitnesses(patterns: readonly CompiledPattern[], preferred: readonly string[], preferredUnmatched: readonly string[]): OrderWitnesses {
  const taken = new Set<string>();
  const free = (code: string) => !taken.has(code);
  const each = patterns.map(pattern => {
    const own = new Set(matchedStatusCodes(pattern));
    const found = [...preferred, ...ALL_STATUS_CODES].find(code => own.has(code) && free(code));
    own.forEach(code => taken.add(code));
    return found === undefined ? NONE : { kind: 'found' as const, input: found };
  });
  const unmatched = [...preferredUnmatched, ...ALL_STATUS_CODES].find(free);
  return { each, unmatched: unmatched === undefined ? NONE : { kind: 'found', input: unmatched } };
}

const NONE: Witness = { kind: 'none' };
const UNKNOWN: Witness = { kind: 'unknown' };

/**
 * Error messages. `remaining` is a superset of the messages no earlier pattern matches (exactly
 * those while `exact`): each earlier pattern an exact automaton describes is cut out of it, one
 * without (look-arounds, back-references) leaves it a superset. Past the bounds it is given up, and
 * the later answers are unknown.
 */
function messageWitnesses(patterns: readonly CompiledPattern[]): OrderWitnesses {
  let remaining: DFA | undefined = anyMessage();
  let exact = true;
  const each: Witness[] = [];
  patterns.forEach((pattern, i) => {
    each.push(remaining === undefined ? UNKNOWN : messageWitness(remaining, exact, pattern, patterns.slice(0, i)));
    if (remaining === undefined) return;
    const complement = exactAutomata(pattern)?.complement;
    if (complement === undefined) {
      exact = false;
      return;
    }
    remaining = narrowed(remaining, complement);
  });
  const unmatched = remaining === undefined ? UNKNOWN : messageWitness(remaining, exact, undefined, patterns);
  return { each, unmatched };
}

/** `a` ∩ `b`, minimized; `undefined` past the bounds. */
function narrowed(a: DFA, b: DFA): DFA | undefined {
  try {
    const dfa = DFA.fromIntersection(a, b, new DFA.LimitedNodeFactory(MAX_NODES));
    dfa.minimize();
    return dfa;
  } catch {
    return undefined;
  }
}

function messageWitness(remaining: DFA, exactRemaining: boolean, pattern: CompiledPattern | undefined,
  before: readonly CompiledPattern[]): Witness {
  const selects = (input: string) => (pattern === undefined || pattern.matches(input)) && !before.some(b => b.matches(input));
  let candidates = remaining;
  let exact = exactRemaining;
  if (pattern !== undefined) {
    const exactOwn = exactAutomata(pattern)?.dfa;
    if (exactOwn === undefined) exact = false;
    const own = exactOwn ?? supersetAutomaton(pattern);
    if (own === undefined) return UNKNOWN;
    const intersection = narrowed(remaining, own);
    if (intersection === undefined) return UNKNOWN;
    candidates = intersection;
  }
  // A superset of the inputs that select, so when it is empty, so is the real set.
  if (candidates.isEmpty) return NONE;
  const found = wordsOf(candidates, MAX_CANDIDATES).find(selects);
  if (found !== undefined) return { kind: 'found', input: found };
  // Every word of an exact language selects, so an exact search finds one unless the matcher refuses.
  return exact ? NONE : UNKNOWN;
}

/** Every non-empty string (`(?s).+`). */
function anyMessage(): DFA {
  const nfa = nfaOf('[^]+', '');
  if (typeof nfa === 'string') throw new Error('the automaton of every message cannot be built');
  return DFA.fromFA(nfa);
}

/** A DFA of the pattern with its look-arounds and anchors read as true: a superset of what it matches. */
function supersetAutomaton(pattern: CompiledPattern): DFA | undefined {
  const nfa = nfaOf(withoutEdgeAnchors(pattern.source), pattern.flags, 'ignore');
  if (typeof nfa === 'string') return undefined;
  try {
    return DFA.fromFA(nfa, new DFA.LimitedNodeFactory(MAX_NODES));
  } catch {
    return undefined;
  }
}

/** Words of one length that may end in the same state: more would crowd out the paths to other states. */
const WORDS_PER_STATE = 2;

/**
 * Up to `limit` accepted words, breadth first (so shortest first), one readable character per range.
 * Each round keeps at most `WORDS_PER_STATE` words per state: without that cap, the words that loop
 * in one state (`aaaa` in `.*\[NotFound\].*`) fill the round and the path to a final state is lost.
 * So a round holds at most twice as many words as the DFA has states, and a final state is reached
 * within as many rounds as there are states.
 */
function wordsOf(dfa: DFA, limit: number): string[] {
  const words: string[] = [];
  let frontier: Array<[DFA.ReadonlyNode, string]> = [[dfa.initial, '']];
  for (let length = 0; frontier.length > 0 && words.length < limit && length <= MAX_NODES; length++) {
    const next: Array<[DFA.ReadonlyNode, string]> = [];
    const perState = new Map<DFA.ReadonlyNode, number>();
    for (const [node, word] of frontier) {
      if ((dfa.finals as ReadonlySet<DFA.ReadonlyNode>).has(node)) words.push(word);
      if (words.length >= limit) break;
      for (const [ch, to] of readableFirst(node)) {
        const count = perState.get(to) ?? 0;
        if (count >= WORDS_PER_STATE) continue;
        perState.set(to, count + 1);
        next.push([to, word + ch]);
      }
    }
    frontier = next;
  }
  return words;
}

/**
 * A node's transitions as one character each, letters, digits and space first, then other printable
 * ASCII, then the rest: `.` splits into ranges around line terminators, and the first of them
 * starts at U+0000.
 */
function readableFirst(node: DFA.ReadonlyNode): Array<[string, DFA.ReadonlyNode]> {
  const rank = (ch: string) => (/[A-Za-z0-9 ]/.test(ch) ? 0 : /[!-~]/.test(ch) ? 1 : 2);
  return [...node.out.entries()].map(([range, to]) => [readableChar(range), to] as [string, DFA.ReadonlyNode])
    .sort((a, b) => rank(a[0]) - rank(b[0]));
}
