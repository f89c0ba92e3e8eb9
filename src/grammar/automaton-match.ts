import { CharSet, NFA } from 'refa';
import { boundedNfa } from './bounded-nfa';

/**
 * Whole-string matching in time linear in the input, for patterns a backtracking engine could take
 * exponential or high polynomial time on. refa turns the (JavaScript) pattern into an NFA; the
 * matcher runs it as a lazily built DFA (each set of NFA states becomes a DFA state the first time it
 * is reached), so a match costs one table look-up per character once the states it needs exist.
 */

/** DFA states kept per pattern; past this the cache is dropped and rebuilt as needed. */
const MAX_STATES = 2000;
const ASCII = 128;

interface State {
  readonly nodes: readonly number[];
  readonly accepting: boolean;
  readonly dead: boolean;
  readonly ascii: Array<State | undefined>;
  readonly other: Map<number, State>;
}

interface Edge {
  readonly to: number;
  readonly chars: CharSet;
}

/**
 * A whole-string matcher for a JavaScript pattern (source and flags, without edge anchors), or
 * `undefined` when refa cannot build an automaton for it: assertions (`^` or `$` inside the pattern,
 * `\b`, look-arounds), back-references, or past the size bounds of `boundedNfa`.
 */
export function automatonMatcher(source: string, flags: string): ((input: string) => boolean) | undefined {
  const nfa = boundedNfa(source, flags);
  if (!nfa) return undefined;
  const lazy = new LazyDfa(nfa);
  return input => lazy.matches(input);
}

class LazyDfa {
  private readonly edges: Edge[][];
  private readonly finals: boolean[];
  private readonly initialNodes: readonly number[];
  private states = new Map<string, State>();
  private start: State;
  private readonly mark: Uint32Array;
  private generation = 0;

  constructor(nfa: NFA) {
    const nodes = [...nfa.nodes()];
    const index = new Map(nodes.map((node, i) => [node, i]));
    this.edges = nodes.map(node => [...node.out].map(([to, chars]) => ({ to: index.get(to)!, chars })));
    this.finals = nodes.map(node => nfa.finals.has(node));
    this.mark = new Uint32Array(nodes.length);
    this.initialNodes = [index.get(nfa.initial)!];
    this.start = this.state(this.initialNodes);
  }

  matches(input: string): boolean {
    let current = this.start;
    for (let i = 0; i < input.length; i++) {
      const c = input.charCodeAt(i);
      let next = c < ASCII ? current.ascii[c] : current.other.get(c);
      if (next === undefined) {
        next = this.step(current, c);
        if (c < ASCII) current.ascii[c] = next;
        else current.other.set(c, next);
      }
      if (next.dead) return false;
      current = next;
    }
    return current.accepting;
  }

  private step(from: State, c: number): State {
    if (this.states.size >= MAX_STATES) {
      this.states = new Map();
      this.start = this.state(this.initialNodes);
    }
    this.generation++;
    const targets: number[] = [];
    for (const node of from.nodes) {
      for (const edge of this.edges[node]) {
        if (this.mark[edge.to] !== this.generation && edge.chars.has(c)) {
          this.mark[edge.to] = this.generation;
          targets.push(edge.to);
        }
      }
    }
    return this.state(targets.sort((a, b) => a - b));
  }

  private state(nodes: readonly number[]): State {
    const key = nodes.join(',');
    let state = this.states.get(key);
    if (state === undefined) {
      state = { nodes, accepting: nodes.some(n => this.finals[n]), dead: nodes.length === 0, ascii: new Array(ASCII), other: new Map() };
      this.states.set(key, state);
    }
    return state;
  }
}
