import { asText, NOTHING } from '../velocity-text';
import { NodeType, VelocityNode } from './parser';
import { Token } from './token-manager';
import { Kind } from './tokens';

/**
 * A template that renders as `template` does, written from the tree Velocity 1.7's parser makes
 * of it, in plain syntax that the simulator's fast path reads as Velocity does: text as text,
 * references in `${...}` form, directives with their arguments normalized, and nothing the lexer
 * could read two ways. The fast path reads it in place of the template itself (`parseLeniently`),
 * and falls back to the template only where it cannot read it.
 *
 * What each node writes follows Velocity 1.7's node classes: a text node writes its token with the
 * `$` and `#` of the special tokens before it (`NodeUtils.tokenLiteral`), a comment what came
 * before `##` or `#*` in its token, a reference its `$` and `#` prefixes and, when its first token
 * has no `$` at all (a "runt"), that token as text (`ASTReference.getRoot`).
 */
export function canonicalTemplate(tree: VelocityNode, template: string): string {
  return new Printer(template, tree).statements(tree);
}

/**
 * The canonical template in pieces of `statementsPerChunk` top-level statements (the last may have
 * fewer), which joined are `canonicalTemplate`. velocityjs's grammar copies the list of statements
 * read so far at each new one, so reading a long template at once takes time quadratic in its
 * length; pieces read one at a time keep it linear.
 */
export function canonicalChunks(tree: VelocityNode, template: string, statementsPerChunk: number): string[] {
  const printer = new Printer(template, tree);
  const chunks: string[] = [];
  for (let i = 0; i < tree.children.length; i += statementsPerChunk) {
    chunks.push(printer.statementList(tree.children.slice(i, i + statementsPerChunk)));
  }
  return chunks;
}

const OPERATORS: Partial<Record<NodeType, string>> = {
  OrNode: '||',
  AndNode: '&&',
  EQNode: '==',
  NENode: '!=',
  LTNode: '<',
  GTNode: '>',
  LENode: '<=',
  GENode: '>=',
  AddNode: '+',
  SubtractNode: '-',
  MulNode: '*',
  DivNode: '/',
  ModNode: '%',
};
/** A name `#macro` can define. */
const MACRO_NAME = /^[a-zA-Z_][a-zA-Z0-9_@]*$/;
/** Directives the printer writes with normalized arguments; any other name is a macro call. */
const KNOWN_DIRECTIVES = new Set(['foreach', 'include', 'parse', 'macro', 'literal', 'evaluate', 'break', 'define', 'stop']);

class Printer {
  /** The line ends written so far. */
  private lines = 0;

  /** The macros the template defines. */
  private readonly macros = new Set<string>();

  /** The offsets of the template's line ends, in order (so that counting those before an offset is a binary search, not a scan). */
  private readonly lineEndOffsets: number[] = [];

  constructor(private readonly template: string, tree: VelocityNode) {
    for (let i = template.indexOf('\n'); i >= 0; i = template.indexOf('\n', i + 1)) this.lineEndOffsets.push(i);
    const visit = (node: VelocityNode): void => {
      if (node.type === 'Directive' && node.directiveName === 'macro' && node.children[0]?.type === 'Word') this.macros.add(node.children[0].first.image);
      node.children.forEach(visit);
    };
    visit(tree);
  }

  statements(node: VelocityNode): string {
    return this.statementList(node.children);
  }

  /** Statements in order; a printer writes each statement once, in template order. */
  statementList(children: readonly VelocityNode[]): string {
    let out = '';
    for (const child of children) out += this.lineEndsUpTo(child.first.start) + this.statement(child);
    return out;
  }

  /**
   * An empty `#if` with the line ends Velocity read up to `offset` (inside directives, or after `)`,
   * `#else` and `#end`) that the canonical template has not written, so that each statement is on
   * the line it is on in the template and errors name the right line.
   */
  private lineEndsUpTo(offset: number): string {
    const missing = this.lineEndsBefore(offset) - this.lines;
    if (missing <= 0) return '';
    this.lines += missing;
    // A comment would do, but the fast path drops comments before velocityjs counts lines; an `#if` it never enters does not.
    return `#if(false${'\n'.repeat(missing)})#end${NOTHING}`;
  }

  /** How many line ends the template has before `offset`. */
  private lineEndsBefore(offset: number): number {
    let low = 0;
    let high = this.lineEndOffsets.length;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (this.lineEndOffsets[middle] < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** `text`, counted as written. */
  private written(text: string): string {
    this.lines += lineEnds(text);
    return text;
  }

  private statement(node: VelocityNode): string {
    return node.type === 'IfStatement' || node.type === 'Directive' ? this.block(node) : this.written(this.leaf(node));
  }

  private block(node: VelocityNode): string {
    return node.type === 'IfStatement' ? this.ifStatement(node) : this.directive(node);
  }

  private leaf(node: VelocityNode): string {
    switch (node.type) {
      case 'Text':
        return asText(this.textLiteral(node));
      case 'Comment':
        return asText(this.commentPrefix(node.first.image));
      case 'Textblock':
        return asText(node.first.image.slice(3, -3));
      case 'Escape':
      case 'EscapedDirective':
        return asText(node.value ?? '');
      case 'Reference':
        return this.renderedReference(node);
      case 'SetDirective':
        return `${NOTHING}#set(${this.reference(node.children[0])} = ${this.value(node.children[1])})${NOTHING}`;
      default:
        throw new Error(`unexpected ${node.type} node in a template`);
    }
  }

  private textLiteral(node: VelocityNode): string {
    return tokenLiteral(node.first);
  }

  private commentPrefix(image: string): string {
    const line = image.indexOf('##');
    const block = image.indexOf('#*');
    if (line < 0 && block < 0) return '';
    return image.slice(0, line < 0 ? block : line);
  }

  /** A reference where it is written: its prefixes, and the reference, escaped or not. */
  private renderedReference(node: VelocityNode): string {
    const image = node.first.image;
    // `$\!name` is no reference to Velocity: it writes what its null string would be, and null writes nothing here.
    if (image.includes('\\!')) return NOTHING;
    const backslashes = /^\\*/.exec(image)![0].length;
    const escaped = backslashes % 2 === 1;
    const escapePrefix = image.slice(0, Math.floor(backslashes / 2));
    const rest = image.slice(backslashes);
    const dollar = rest.lastIndexOf('$');
    // A first token without `$` is a "runt": Velocity writes that token's text and nothing else.
    if (dollar < 0) return asText(rest);
    if (escaped) {
      // Velocity writes an escaped reference as its tokens, the first without the backslashes and the signs before its
      // `$`, and leaves those signs out.
      const literal = tokenLiteral({ ...node.first, image: rest.slice(dollar) }) + tokensAfter(node.first, node.last).map(tokenLiteral).join('');
      return `${asText(escapePrefix)}\\${literal}${NOTHING}`;
    }
    return `${asText(escapePrefix + rest.slice(0, dollar))}${this.reference(node)}${NOTHING}`;
  }

  /**
   * A reference without what the lexer read before its `$`, its arguments normalized; quiet
   * (`$!`) and formal (`${...}`) as written, since a null reference in a string is written as it stands.
   */
  private reference(node: VelocityNode): string {
    const formal = node.first.kind === Kind.LCURLY;
    const rootToken = formal ? node.first.next! : node.first;
    const sign = formal ? node.first.image : rootToken.image;
    const quiet = sign.slice(sign.lastIndexOf('$')).startsWith('$!') ? '!' : '';
    const root = rootToken.image.slice(rootToken.image.lastIndexOf('$') + 1).replace(/^!/, '');
    const path = node.children.map(c => this.modifier(c)).join('');
    return formal ? `$${quiet}{${root}${path}}` : `$${quiet}${root}${path}`;
  }

  private modifier(node: VelocityNode): string {
    switch (node.type) {
      case 'Identifier':
        return `.${node.first.image}`;
      case 'Method':
        return `.${node.children[0].first.image}(${node.children.slice(1).map(c => this.value(c)).join(', ')})`;
      case 'Index':
        return `[${this.value(node.children[0])}]`;
      default:
        throw new Error(`unexpected ${node.type} node in a reference`);
    }
  }

  /** An argument, a parameter or an expression. */
  private value(node: VelocityNode): string {
    const operator = OPERATORS[node.type];
    if (operator !== undefined) return `(${this.value(node.children[0])} ${operator} ${this.value(node.children[1])})`;
    switch (node.type) {
      case 'Expression':
        return this.value(node.children[0]);
      case 'NotNode':
        return `!${this.value(node.children[0])}`;
      case 'Reference':
        return this.reference(node);
      case 'StringLiteral':
      case 'IntegerLiteral':
      case 'FloatingPointLiteral':
      case 'Word':
        return node.first.image;
      case 'True':
        return 'true';
      case 'False':
        return 'false';
      case 'Map':
        return `{${pairs(node.children.map(c => this.value(c))).map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
      case 'ObjectArray':
        return `[${node.children.map(c => this.value(c)).join(', ')}]`;
      case 'IntegerRange':
        return `[${this.value(node.children[0])}..${this.value(node.children[1])}]`;
      default:
        throw new Error(`unexpected ${node.type} node in an expression`);
    }
  }

  private ifStatement(node: VelocityNode): string {
    const [condition, block, ...rest] = node.children;
    let out = this.written(`${NOTHING}#if(${this.value(condition)})${NOTHING}`) + this.statements(block);
    for (const branch of rest) {
      if (branch.type === 'ElseIfStatement') {
        out += this.written(`${NOTHING}#elseif(${this.value(branch.children[0])})${NOTHING}`) + this.statements(branch.children[1]);
      } else {
        out += `${NOTHING}#else${NOTHING}${this.statements(branch.children[0])}`;
      }
    }
    return `${out}${NOTHING}#end${NOTHING}`;
  }

  private directive(node: VelocityNode): string {
    const name = node.directiveName!;
    const last = node.children[node.children.length - 1];
    const block = last?.type === 'Block' ? last : undefined;
    const args = block === undefined ? node.children : node.children.slice(0, -1);
    if (name.startsWith('@') && !this.macros.has(name.slice(1))) {
      // A block call of a macro the template does not define: Velocity writes its tokens (`RuntimeMacro.getLiteral`).
      return this.written(asText([node.first, ...tokensAfter(node.first, node.last)].map(t => t.image).join('')));
    }
    if (!KNOWN_DIRECTIVES.has(name) && !name.startsWith('@')) {
      // A macro call: written as it stands, which is also what Velocity writes when no macro has the name.
      const end = node.last.kind === Kind.RPAREN ? node.last.start + 1 : node.last.end;
      const source = this.template.slice(node.first.start, end);
      // A name with what the lexer read before it (`##m` after a call it gave up on) is no macro's: the call is text.
      if (MACRO_NAME.test(name)) return this.written(`${NOTHING}${source}${NOTHING}`);
      // Velocity writes the call as its tokens (`RuntimeMacro.getLiteral`), the line end a `)` takes included.
      return this.written(asText([node.first, ...tokensAfter(node.first, node.last)].map(t => t.image).join('')));
    }
    // Without parentheses, the directive ends with its name.
    if (node.last === node.first) return `${NOTHING}#${name}${NOTHING}`;
    if (name === 'literal' && block !== undefined) {
      return this.written(asText(this.template.slice(block.first.start, node.last.start)));
    }
    const written = name === 'foreach' && args.length === 3
      ? `${this.reference(args[0])} in ${this.value(args[2])}`
      : args.map(a => this.value(a)).join(' ');
    const open = this.written(`${NOTHING}#${name}(${written})${NOTHING}`);
    return block === undefined ? open : `${open}${this.statements(block)}${NOTHING}#end${NOTHING}`;
  }
}

function lineEnds(text: string): number {
  let n = 0;
  for (const c of text) if (c === '\n') n++;
  return n;
}

function pairs<T>(items: readonly T[]): Array<[T, T]> {
  const out: Array<[T, T]> = [];
  for (let i = 0; i + 1 < items.length; i += 2) out.push([items[i], items[i + 1]]);
  return out;
}

/** The tokens after `first` up to `last`, `last` included. */
function tokensAfter(first: Token, last: Token): Token[] {
  const out: Token[] = [];
  for (let t = first; t !== last && t.next !== undefined;) {
    t = t.next;
    out.push(t);
  }
  return out;
}

/**
 * A token as Velocity writes it (`NodeUtils.tokenLiteral`): after the `$` and `#` of the special
 * tokens before it, unless the last of them starts with `##`.
 */
function tokenLiteral(t: Token): string {
  if (t.kind === Kind.MULTI_LINE_COMMENT) return '';
  const lastSpecial = t.special[t.special.length - 1];
  if (lastSpecial === undefined || lastSpecial.startsWith('##')) return t.image;
  return specialText(t.special) + t.image;
}

/**
 * What Velocity keeps of special tokens (`NodeUtils.getSpecialText`): each `$` and `#`, and each run
 * of backslashes that ends in a `$`, after which the next character is passed over.
 */
function specialText(specials: readonly string[]): string {
  let out = '';
  for (const image of specials) {
    for (let i = 0; i < image.length; i++) {
      const c = image[i];
      if (c === '#' || c === '$') out += c;
      if (c !== '\\') continue;
      let j = i;
      while (j < image.length && image[j] === '\\') j++;
      if (j < image.length && image[j] === '$') {
        out += image.slice(i, j + 1);
        i = j + 1;
      }
    }
  }
  return out;
}
