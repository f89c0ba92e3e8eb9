import { parse } from 'velocityjs';
import { definedMacros, ESCAPED_REFERENCE_MACRO, prepareTemplate, PreparedTemplate } from './velocity-lexer';
import { callArguments, syntaxError } from './velocity-scan';
import { asTextReference, TEXT_VARIABLE_PREFIX } from './velocity-text';
import { canonicalChunks } from './velocity17/canonical-template';
import { parseVelocity, VelocityNode, VelocityParseError } from './velocity17/parser';

/**
 * Parsing a template the way Apache Velocity reads it where velocityjs's grammar is stricter or
 * different. `velocity-lexer.ts` settles what Velocity's lexer decides (text, escapes, comments,
 * where it fails); what is left for velocityjs to refuse and Velocity to read as text (`$-`, the
 * `().pid` after `$a.b('x')`) is turned into text here, one spot at a time.
 */

/** How many unparsable spots are turned into text before the syntax error is given up on. */
const MAX_REPAIRS = 50;

interface JisonError {
  readonly hash?: { readonly loc?: { readonly first_line?: number; readonly last_column?: number }; readonly token?: string };
}

/** A macro as velocityjs's renderer stores it. */
export interface MacroDefinition {
  readonly asts: unknown[];
  readonly args: unknown;
}

/** A parsed template: velocityjs's AST and the macros it defines. */
export interface ParsedTemplate {
  readonly asts: unknown[];
  /**
   * Velocity 1.7 defines macros while it parses, so a template's macros exist before it renders
   * and the one defined last (a macro's `#end` comes after those inside it) wins.
   */
  readonly macros: Readonly<Record<string, MacroDefinition>>;
}

/** The offset in `template` of the token a syntax error points at. */
function errorOffset(template: string, e: unknown): number | undefined {
  const loc = (e as JisonError).hash?.loc;
  if (loc?.first_line === undefined || loc.last_column === undefined) return undefined;
  return offsetOf(template, loc.first_line, loc.last_column);
}

function offsetOf(template: string, line: number, column: number): number | undefined {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = template.indexOf('\n', offset);
    if (next < 0) return undefined;
    offset = next + 1;
  }
  return Math.min(offset + column, template.length);
}

/** `template` with the character at `i` made literal text, or `undefined` when it cannot be. */
function asText(template: string, i: number): string | undefined {
  const text = asTextReference(template[i]);
  return text === undefined ? undefined : `${template.slice(0, i)}${text}${template.slice(i + 1)}`;
}

/**
 * Candidate repairs for an error at `offset`: the character there, the one before, and the `$` or
 * `#` that starts the reference or directive it belongs to.
 */
function candidates(template: string, offset: number): number[] {
  const starts = [offset, offset - 1];
  const lastSigil = Math.max(template.lastIndexOf('$', offset), template.lastIndexOf('#', offset));
  if (lastSigil >= 0) starts.push(lastSigil);
  return [...new Set(starts)].filter(i => i >= 0 && i < template.length && !/\s/.test(template[i]));
}

/** Whether `offset` lies in a directive's arguments, where Velocity reads no text either. */
function inArguments(prepared: PreparedTemplate, shift: number, offset: number): boolean {
  return prepared.argumentSpans.some(([start, end]) => offset >= start + shift && offset <= end + shift);
}

/**
 * The AST of `template` as Velocity 1.7 reads it. Velocity 1.7's own parser (ported in
 * `velocity17/`) reads the template first: where it fails, so does this, with the fast path's
 * reason when it has one; where it succeeds, the template it reads is rewritten in plain syntax
 * (`canonical-template.ts`) for the fast path, which reads the template itself only when it cannot
 * read the rewritten one.
 */
export function parseLeniently(template: string, statementsPerChunk = STATEMENTS_PER_CHUNK): ParsedTemplate {
  let tree: VelocityNode;
  try {
    tree = parseVelocity(template);
  } catch (e) {
    if (!(e instanceof VelocityParseError)) throw e;
    parseFast(template);
    throw syntaxError(template, e.offset, `${e.message} (Apache Velocity 1.7, which API Gateway's mapping templates follow, fails to parse the template)`);
  }
  try {
    return parseChunks(canonicalChunks(tree, template, statementsPerChunk));
  } catch {
    return parseFast(template);
  }
}

/**
 * How many top-level statements velocityjs reads at a time (see `canonicalChunks`): enough that
 * the cost of each read is small next to the work in it, few enough that its quadratic cost stays small.
 */
const STATEMENTS_PER_CHUNK = 64;

/**
 * Pieces of one template parsed one after the other into one tree: each piece's positions moved
 * to where it starts in the whole, and the macros merged in order (the one defined last wins).
 */
function parseChunks(chunks: readonly string[]): ParsedTemplate {
  if (chunks.length <= 1) return parseFast(chunks[0] ?? '');
  const asts: unknown[] = [];
  const macros: Record<string, MacroDefinition> = {};
  const start = { line: 1, column: 0 };
  const defined = definedMacros(chunks.join(''));
  for (const chunk of chunks) {
    const parsed = parseFast(chunk, defined);
    movePositions(parsed.asts, start.line - 1, start.column, new Set());
    for (const ast of parsed.asts) asts.push(ast);
    Object.assign(macros, parsed.macros);
    const lastLineEnd = chunk.lastIndexOf('\n');
    start.line += lineEndsIn(chunk);
    start.column = lastLineEnd < 0 ? start.column + chunk.length : chunk.length - lastLineEnd - 1;
  }
  return { asts, macros };
}

function lineEndsIn(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Moves every position in a piece's tree (velocityjs's `pos`, lines from 1 and columns from 0) by
 * `lines`, and those on the piece's first line by `columns` too. Nodes can share a position, which moves once.
 */
function movePositions(value: unknown, lines: number, columns: number, moved: Set<object>): void {
  if (value === null || typeof value !== 'object' || moved.has(value)) return;
  moved.add(value);
  if (Array.isArray(value)) {
    for (const item of value) movePositions(item, lines, columns, moved);
    return;
  }
  const node = value as Node;
  const pos = node.pos;
  if (pos !== undefined && !moved.has(pos)) {
    moved.add(pos);
    if (pos.first_line === 1) pos.first_column += columns;
    if (pos.last_line === 1 && pos.last_column !== undefined) pos.last_column += columns;
    pos.first_line += lines;
    if (pos.last_line !== undefined) pos.last_line += lines;
  }
  for (const key of Object.keys(node)) if (key !== 'pos') movePositions((node as Record<string, unknown>)[key], lines, columns, moved);
}

/** The fast path: the template prepared by `velocity-lexer.ts` and parsed by velocityjs, repaired where it refuses text. */
function parseFast(template: string, macros?: ReadonlySet<string>): ParsedTemplate {
  const prepared = prepareTemplate(template, macros);
  let source = prepared.source;
  let firstError: unknown;
  for (let repairs = 0; repairs <= MAX_REPAIRS; repairs++) {
    try {
      return finish(parse(source) as unknown[], source, prepared);
    } catch (e) {
      firstError ??= e;
      const offset = errorOffset(source, e);
      if (offset === undefined || (e as JisonError).hash?.token === 'EOF') throw firstError;
      // Repairs only lengthen the source before the spans they do not touch; a repair inside
      // arguments is never made, so the spans shift by what was added before them.
      if (inArguments(prepared, source.length - prepared.source.length, offset)) throw firstError;
      const repaired = candidates(source, offset).map(i => asText(source, i)).find(t => t !== undefined && progresses(t, offset));
      if (repaired === undefined) throw firstError;
      source = repaired;
    }
  }
  throw firstError;
}

/** Whether `template` parses, or fails later than `offset` (the repair moved the error on). */
function progresses(template: string, offset: number): boolean {
  try {
    parse(template);
    return true;
  } catch (e) {
    const next = errorOffset(template, e);
    // The repair adds the variable reference before the old error.
    return next !== undefined && next > offset + TEXT_VARIABLE_PREFIX.length + 5;
  }
}

interface Node {
  type?: string;
  id?: string;
  pos?: { first_line: number; first_column: number; last_line?: number; last_column?: number };
  args?: Array<{ id?: string }>;
  escapedSource?: string;
  macroParameter?: number;
  source?: string;
  argumentSources?: string[];
}

const PLAIN_REFERENCE = /^\$!?\{?([a-zA-Z_][a-zA-Z0-9_-]*)\}?$/;

/**
 * Gives each escaped reference its source (and, inside a macro, the parameter it names: Velocity
 * writes `\$p` as the argument the macro was called with), each macro call the text it was written
 * as (Velocity writes a call of an undefined macro as text) and its arguments' texts, and collects
 * the macros in the order Velocity defines them.
 */
function finish(asts: unknown[], source: string, prepared: PreparedTemplate): ParsedTemplate {
  const macros: Record<string, MacroDefinition> = {};
  let escaped = 0;
  const visit = (list: unknown[], parameters: readonly string[]): void => {
    for (const item of list) {
      if (Array.isArray(item)) {
        const head = item[0] as Node;
        const isMacro = head?.type === 'macro' && head.id !== undefined;
        visit(item.slice(1), isMacro ? (head.args ?? []).map(a => a.id ?? '') : parameters);
        if (isMacro) macros[head.id!] = { asts: item.slice(1), args: head.args };
        continue;
      }
      const node = item as Node;
      if (node === null || typeof node !== 'object' || node.type !== 'macro_call') continue;
      if (node.id === ESCAPED_REFERENCE_MACRO) {
        node.escapedSource = prepared.escapedReferences[escaped++];
        const name = PLAIN_REFERENCE.exec(node.escapedSource ?? '')?.[1];
        if (name !== undefined && parameters.includes(name)) node.macroParameter = parameters.indexOf(name);
      } else if (node.pos?.last_line !== undefined && node.pos.last_column !== undefined) {
        const start = offsetOf(source, node.pos.first_line, node.pos.first_column);
        const end = offsetOf(source, node.pos.last_line, node.pos.last_column);
        if (start !== undefined && end !== undefined) {
          node.source = source.slice(start, end);
          node.argumentSources = callArguments(node.source);
        }
      }
    }
  };
  visit(asts, []);
  return { asts, macros };
}
