import { JS, NFA, NodeFactory, TooManyNodesError } from 'refa';

/**
 * refa's NFA has no empty transitions, so each state links directly to every state an empty path
 * reaches. A run of optional items such as `(?:a)?` repeated a few hundred times has a linear
 * number of states but a quadratic number of transitions, and building the NFA, and everything
 * built on it (a DFA, a lazy matcher), pays per transition. These bounds keep each of those steps
 * near a tenth of a second of CPU.
 */
const MAX_NODES = 5000;
/** Transitions created while building the NFA (a few are replaced on the way). */
const MAX_TRANSITIONS = 4000;
/** Longer sources always have more nodes than MAX_NODES (or nearly): not worth parsing. */
const MAX_AUTOMATON_SOURCE = 50000;

/**
 * The ε-free NFA of a JavaScript pattern (source and flags, without edge anchors), or `undefined`
 * when refa cannot build one (assertions, back-references) or it would pass the bounds above.
 */
export function boundedNfa(source: string, flags: string): NFA | undefined {
  const result = nfaOf(source, flags);
  return typeof result === 'string' ? undefined : result;
}

/**
 * The NFA, or why there is none: `too-large` past the bounds, `unsupported` for what an automaton
 * cannot express (look-arounds, `^`/`$`/`\b` inside, back-references). With `assertions: 'ignore'`
 * every look-around and anchor is read as always true, so the NFA accepts a superset of the pattern.
 */
export function nfaOf(source: string, flags: string, assertions: 'throw' | 'ignore' = 'throw'): NFA | 'too-large' | 'unsupported' {
  if (source.length > MAX_AUTOMATON_SOURCE) return 'too-large';
  try {
    const parsed = JS.Parser.fromLiteral({ source, flags }).parse({ backreferences: 'throw', assertions, maxNodes: MAX_NODES });
    return NFA.fromRegex(parsed.expression, { maxCharacter: parsed.maxCharacter }, { assertions }, boundedFactory());
  } catch (e) {
    return e instanceof AutomatonTooLarge || e instanceof TooManyNodesError ? 'too-large' : 'unsupported';
  }
}

/** The transitions of an NFA (one per pair of linked states). */
export function transitionsOf(nfa: NFA): number {
  let count = 0;
  for (const node of nfa.nodes()) count += node.out.size;
  return count;
}

class AutomatonTooLarge extends Error {}

/**
 * A node factory that counts the nodes it makes and the transitions linked from them, and stops
 * the construction past the bounds. refa links NFA states through `Node.link`; the test of this
 * module fails if a refa release stops doing so, which would leave the bound without effect.
 */
function boundedFactory(): NodeFactory<NFA.Node> {
  let nodes = 0;
  let transitions = 0;
  return {
    createNode: () => {
      if (++nodes > MAX_NODES) throw new AutomatonTooLarge(`more than ${MAX_NODES} states`);
      const node = new NFA.Node();
      const link = node.link.bind(node);
      node.link = (to, via) => {
        if (++transitions > MAX_TRANSITIONS) throw new AutomatonTooLarge(`more than ${MAX_TRANSITIONS} transitions`);
        link(to, via);
      };
      return node;
    },
  };
}
