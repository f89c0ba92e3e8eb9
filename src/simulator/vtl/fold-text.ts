import { ParsedTemplate } from './lenient-parse';
import { textVariables, TEXT_VARIABLE_PREFIX } from './velocity-text';

/**
 * The rewritten template velocityjs reads spells most punctuation as references to variables that
 * hold it (`velocity-text.ts`), so a JSON template is mostly such references; looking each one up
 * on every rendering made the simulator twice as slow. Once parsed, their text is known: this
 * writes it into the tree as plain strings, joins neighbouring strings, and drops what renders
 * nothing (empty text, a `#if(false)` with no body). Text references inside string literals stay
 * references; the variables remain defined for them.
 */
export function foldText(parsed: ParsedTemplate): ParsedTemplate {
  const macros = Object.fromEntries(Object.entries(parsed.macros).map(([name, macro]) => [name, { ...macro, asts: foldList(macro.asts) }]));
  return { asts: foldList(parsed.asts), macros };
}

const TEXT = textVariables();

interface ReferenceNode {
  readonly type: 'references';
  readonly id?: unknown;
  readonly path?: unknown;
  readonly args?: unknown;
}

/** The text a plain reference to a text variable stands for, or `undefined` for any other node. */
function textOf(node: unknown): string | undefined {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const reference = node as ReferenceNode;
  if (reference.type !== 'references' || typeof reference.id !== 'string' || !reference.id.startsWith(TEXT_VARIABLE_PREFIX)) return undefined;
  if (reference.path !== undefined || reference.args !== undefined) return undefined;
  return Object.prototype.hasOwnProperty.call(TEXT, reference.id) ? TEXT[reference.id] : undefined;
}

/** `#if(false)` with nothing inside: the rewrite's way to end a line without writing anything. */
function isEmptyFalseIf(block: unknown[]): boolean {
  const head = block[0] as { type?: unknown; condition?: { type?: unknown; value?: unknown } } | undefined;
  return block.length === 1 && head?.type === 'if' && head.condition?.type === 'bool' && head.condition.value === 'false';
}

/** A statement list with its text folded, blocks (an array: the directive, then its body) included. */
function foldList(list: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  const push = (text: string) => {
    if (text === '') return;
    const last = out.length - 1;
    if (last >= 0 && typeof out[last] === 'string') out[last] = out[last] as string + text;
    else out.push(text);
  };
  for (const node of list) {
    const text = typeof node === 'string' ? node : textOf(node);
    if (text !== undefined) {
      push(text);
    } else if (!Array.isArray(node)) {
      out.push(node);
    } else if (!isEmptyFalseIf(node)) {
      out.push([node[0], ...foldList(node.slice(1))]);
    }
  }
  return out;
}
