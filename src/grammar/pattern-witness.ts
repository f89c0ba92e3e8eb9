import { DFA } from 'refa';
import { nfaOf } from './bounded-nfa';
import { CompiledPattern } from './java-pattern';
import { withoutEdgeAnchors } from './linear-match';
import { ALL_STATUS_CODES, MatchTarget } from './match-target';
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
  // Apps repeat one response set on many methods: each set's answers are searched for once.
  const name = (p: CompiledPattern | undefined) => (p === undefined ? '' : `${p.flags}/${p.source}`);
  const key = [target, name(pattern), preferred.join(','), ...before.map(name)].join('\u0000');
  return WITNESSES.get(key, () => search(pattern, before, target, preferred));
}

const WITNESSES = new BoundedCache<string, Witness>(2000);

function search(pattern: CompiledPattern | undefined, before: readonly CompiledPattern[], target: MatchTarget,
  preferred: readonly string[]): Witness {
  const selects = (input: string) => (pattern === undefined || pattern.matches(input)) && !before.some(b => b.matches(input));
  if (target === 'status') {
    const found = [...preferred, ...ALL_STATUS_CODES].find(selects);
    return found === undefined ? { kind: 'none' } : { kind: 'found', input: found };
  }
  // A superset of the inputs that select: the pattern with its look-arounds read as true, minus
  // every earlier pattern an exact automaton describes. When it is empty, so is the real set.
  let candidates = anyMessage();
  let exact = true;
  try {
    if (pattern !== undefined) {
      const exactOwn = exactAutomata(pattern)?.dfa;
      exact = exactOwn !== undefined;
      const own = exactOwn ?? supersetAutomaton(pattern);
      if (own === undefined) return { kind: 'unknown' };
      candidates = DFA.fromIntersection(candidates, own, new DFA.LimitedNodeFactory(MAX_NODES));
    }
    for (const earlier of before) {
      const complement = exactAutomata(earlier)?.complement;
      if (complement === undefined) exact = false;
      else candidates = DFA.fromIntersection(candidates, complement, new DFA.LimitedNodeFactory(MAX_NODES));
    }
  } catch {
    return { kind: 'unknown' };
  }
  candidates.minimize();
  if (candidates.isEmpty) return { kind: 'none' };
  const found = wordsOf(candidates, MAX_CANDIDATES).find(selects);
  if (found !== undefined) return { kind: 'found', input: found };
  // Every word of an exact language selects, so an exact search finds one unless the matcher refuses.
  return { kind: exact ? 'none' : 'unknown' };
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

/** Up to `limit` accepted words, breadth first (so shortest first), one readable character per range. */
function wordsOf(dfa: DFA, limit: number): string[] {
  const words: string[] = [];
  let frontier: Array<[DFA.ReadonlyNode, string]> = [[dfa.initial, '']];
  // Each round extends every word by one character; a word longer than the DFA has states repeats one.
  for (let length = 0; frontier.length > 0 && words.length < limit && length <= MAX_NODES; length++) {
    const next: Array<[DFA.ReadonlyNode, string]> = [];
    for (const [node, word] of frontier) {
      if ((dfa.finals as ReadonlySet<DFA.ReadonlyNode>).has(node)) words.push(word);
      if (words.length >= limit) break;
      for (const [ch, to] of readableFirst(node)) {
        if (next.length < limit * 4) next.push([to, word + ch]);
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
