import { LexicalError, Token, TokenManager } from './token-manager';
import { Kind, State } from './tokens';

/**
 * Apache Velocity 1.7's parser (the productions of `Parser.jjt`, tag 1.7), written to decide
 * what Velocity decides: which templates parse, and into which tree. It follows the rules of the
 * parser JavaCC generates from that grammar, because Velocity's answers depend on them:
 *
 * - a choice is made on the next token, or by a lookahead that scans at most k tokens (or, for
 *   `LOOKAHEAD(expansion)`, all of them) and takes the first alternative that matches, with no
 *   backtracking once an alternative or an optional part has matched;
 * - tokens are read once, in the lexical state the lexer is in when the parser or a lookahead
 *   first asks for them, and kept: a lookahead that fails leaves them read, and the parser's own
 *   switches of the lexical state only apply to tokens not read yet;
 * - opening a tree node reads the token after the current one (JJTree's `jjtOpen`).
 */

/** The tree nodes Velocity 1.7's parser builds, named as its `AST` classes are without the prefix. */
export type NodeType =
  | 'process' | 'Text' | 'Escape' | 'EscapedDirective' | 'Comment' | 'Textblock' | 'FloatingPointLiteral' | 'IntegerLiteral'
  | 'StringLiteral' | 'Identifier' | 'Word' | 'Directive' | 'Block' | 'Map' | 'ObjectArray' | 'IntegerRange' | 'Method' | 'Index'
  | 'Reference' | 'True' | 'False' | 'IfStatement' | 'ElseStatement' | 'ElseIfStatement' | 'SetDirective' | 'Expression'
  | 'OrNode' | 'AndNode' | 'EQNode' | 'NENode' | 'LTNode' | 'GTNode' | 'LENode' | 'GENode' | 'AddNode' | 'SubtractNode'
  | 'MulNode' | 'DivNode' | 'ModNode' | 'NotNode';

/** A node of the tree, with the first and last token it spans. */
export interface VelocityNode {
  readonly type: NodeType;
  first: Token;
  last: Token;
  children: VelocityNode[];
  /** A directive's or macro call's name (`foreach`, `m`, `@m`). */
  directiveName?: string;
  /** What an escape writes (`\\` pairs before a directive), or an escaped directive's text. */
  value?: string;
}

/** Velocity fails to parse the template (`ParseException`, or a lexical error, which it reports as one). */
export class VelocityParseError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

function unexpected(t: Token): VelocityParseError {
  return new VelocityParseError(t.kind === Kind.EOF ? 'the template ends where Velocity reads on (a directive or a call not closed)'
    : `${JSON.stringify(t.image)} where Velocity cannot read it`, t.start);
}

/** The directives Velocity 1.7 registers by default, and whether each takes a block. */
const DIRECTIVES: ReadonlyMap<string, 'block' | 'line'> = new Map([
  ['foreach', 'block'], ['include', 'line'], ['parse', 'line'], ['macro', 'block'], ['literal', 'block'],
  ['evaluate', 'line'], ['break', 'line'], ['define', 'block'], ['stop', 'line'],
]);

/** The tokens a statement can start with: the loops over statements go on while the next token is one. */
const STATEMENT_START = new Set<Kind>([
  Kind.LPAREN, Kind.RPAREN, Kind.ESCAPE_DIRECTIVE, Kind.SET_DIRECTIVE, Kind.SINGLE_LINE_COMMENT_START, Kind.DOUBLE_ESCAPE,
  Kind.ESCAPE, Kind.TEXT, Kind.FORMAL_COMMENT, Kind.MULTI_LINE_COMMENT, Kind.TEXTBLOCK, Kind.STRING_LITERAL, Kind.IF_DIRECTIVE,
  Kind.INTEGER_LITERAL, Kind.FLOATING_POINT_LITERAL, Kind.WORD, Kind.BRACKETED_WORD, Kind.IDENTIFIER, Kind.DOT, Kind.LCURLY,
  Kind.RCURLY, Kind.EMPTY_INDEX,
]);
/** The tokens a statement is text for. */
const TEXT_TOKENS = new Set<Kind>([
  Kind.TEXT, Kind.DOT, Kind.RPAREN, Kind.LPAREN, Kind.INTEGER_LITERAL, Kind.FLOATING_POINT_LITERAL, Kind.STRING_LITERAL,
  Kind.ESCAPE, Kind.LCURLY, Kind.RCURLY, Kind.EMPTY_INDEX,
]);
/** The tokens a method argument, an array element or a map entry can start with. */
const PARAMETER_START = new Set<Kind>([
  Kind.LBRACKET, Kind.LEFT_CURLEY, Kind.WHITESPACE, Kind.STRING_LITERAL, Kind.TRUE, Kind.FALSE, Kind.INTEGER_LITERAL,
  Kind.FLOATING_POINT_LITERAL, Kind.IDENTIFIER, Kind.LCURLY,
]);
const PRIMARY_START = new Set<Kind>([...PARAMETER_START, Kind.LPAREN]);
const BINARY_OPERATORS: ReadonlyArray<readonly [readonly Kind[], ReadonlyMap<Kind, NodeType>]> = [
  [[Kind.LOGICAL_OR], new Map([[Kind.LOGICAL_OR, 'OrNode']])],
  [[Kind.LOGICAL_AND], new Map([[Kind.LOGICAL_AND, 'AndNode']])],
  [[Kind.LOGICAL_EQUALS, Kind.LOGICAL_NOT_EQUALS], new Map([[Kind.LOGICAL_EQUALS, 'EQNode'], [Kind.LOGICAL_NOT_EQUALS, 'NENode']])],
  [[Kind.LOGICAL_LT, Kind.LOGICAL_GT, Kind.LOGICAL_LE, Kind.LOGICAL_GE],
    new Map([[Kind.LOGICAL_LT, 'LTNode'], [Kind.LOGICAL_GT, 'GTNode'], [Kind.LOGICAL_LE, 'LENode'], [Kind.LOGICAL_GE, 'GENode']])],
  [[Kind.PLUS, Kind.MINUS], new Map([[Kind.PLUS, 'AddNode'], [Kind.MINUS, 'SubtractNode']])],
  [[Kind.MULTIPLY, Kind.DIVIDE, Kind.MODULUS], new Map([[Kind.MULTIPLY, 'MulNode'], [Kind.DIVIDE, 'DivNode'], [Kind.MODULUS, 'ModNode']])],
];
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

/** Thrown by a lookahead that has matched as many tokens as it may look at. */
const LOOKAHEAD_SUCCESS = Symbol('lookahead success');

class Parser {
  private token: Token;
  private readonly nodes: VelocityNode[] = [];
  private readonly marks: number[] = [];
  private mark = 0;
  /** The macros defined so far (Velocity writes `\\#m` as `#m` once `m` is one). */
  private readonly macroNames = new Set<string>();
  private scanPos!: Token;
  private lastPos!: Token;
  private budget = 0;

  constructor(private readonly lexer: TokenManager) {
    this.token = { kind: Kind.EOF, image: '', start: 0, end: 0, special: [] };
  }

  // ---- tokens ----

  private after(t: Token): Token {
    if (t.next === undefined) t.next = this.lexer.nextToken();
    return t.next;
  }

  private peek(): Kind {
    return this.after(this.token).kind;
  }

  private tokenAt(index: number): Token {
    let t = this.token;
    for (let i = 0; i < index; i++) t = this.after(t);
    return t;
  }

  private consume(kind: Kind): Token {
    const t = this.after(this.token);
    if (t.kind !== kind) throw unexpected(t);
    this.token = t;
    return t;
  }

  private fail(): never {
    const t = this.after(this.token);
    throw unexpected(t);
  }

  private optional(kind: Kind): void {
    if (this.peek() === kind) this.consume(kind);
  }

  // ---- tree ----

  private open(type: NodeType): VelocityNode {
    this.marks.push(this.mark);
    this.mark = this.nodes.length;
    return { type, first: this.tokenAt(1), last: this.token, children: [] };
  }

  private popNode(): VelocityNode {
    if (this.nodes.length - 1 < this.mark) this.mark = this.marks.pop()!;
    return this.nodes.pop()!;
  }

  /** Closes `node` over the nodes made since it was opened. */
  private close(node: VelocityNode): VelocityNode {
    return this.closeWith(node, this.nodes.length - this.mark);
  }

  /** Closes `node` over the last `arity` nodes made. */
  private closeWith(node: VelocityNode, arity: number): VelocityNode {
    this.mark = this.marks.pop()!;
    const children: VelocityNode[] = [];
    for (let i = 0; i < arity; i++) children.push(this.popNode());
    node.children = children.reverse();
    node.last = this.token;
    this.nodes.push(node);
    return node;
  }

  private leaf(type: NodeType, kind: Kind): VelocityNode {
    const node = this.open(type);
    this.consume(kind);
    return this.close(node);
  }

  // ---- lookahead ----

  /** Whether the tokens ahead match `scan`, looking at `limit` tokens at most. */
  private lookahead(limit: number, scan: () => boolean): boolean {
    this.budget = limit;
    this.scanPos = this.lastPos = this.token;
    try {
      return scan();
    } catch (e) {
      if (e === LOOKAHEAD_SUCCESS) return true;
      throw e;
    }
  }

  private scan(kind: Kind): boolean {
    if (this.scanPos === this.lastPos) {
      this.budget--;
      this.lastPos = this.scanPos = this.after(this.scanPos);
    } else {
      this.scanPos = this.after(this.scanPos);
    }
    if (this.scanPos.kind !== kind) return false;
    if (this.budget === 0 && this.scanPos === this.lastPos) throw LOOKAHEAD_SUCCESS;
    return true;
  }

  /** The first alternative that matches; the position is reset before each. */
  private scanChoice(...alternatives: Array<() => boolean>): boolean {
    const at = this.scanPos;
    for (const alternative of alternatives) {
      if (alternative()) return true;
      this.scanPos = at;
    }
    return false;
  }

  private scanOptional(part: () => boolean): void {
    const at = this.scanPos;
    if (!part()) this.scanPos = at;
  }

  private scanMany(part: () => boolean): void {
    for (;;) {
      const at = this.scanPos;
      if (!part()) {
        this.scanPos = at;
        return;
      }
    }
  }

  private readonly scanWhitespace = (): void => this.scanOptional(() => this.scan(Kind.WHITESPACE));

  private readonly scanReference = (): boolean => this.scanChoice(
    () => this.scan(Kind.IDENTIFIER) && this.scanReferenceTail(),
    () => this.scan(Kind.LCURLY) && this.scan(Kind.IDENTIFIER) && this.scanReferenceTail() && this.scan(Kind.RCURLY),
  );

  private scanReferenceTail(): boolean {
    this.scanMany(this.scanIndex);
    this.scanMany(() => this.scan(Kind.DOT)
      && this.scanChoice(this.scanMethod, () => this.scan(Kind.IDENTIFIER))
      && (this.scanMany(this.scanIndex), true));
    return true;
  }

  private readonly scanIndex = (): boolean => this.scan(Kind.INDEX_LBRACKET) && this.scanIndexParameter() && this.scan(Kind.INDEX_RBRACKET);

  private scanIndexParameter(): boolean {
    this.scanWhitespace();
    if (!this.scanChoice(() => this.scan(Kind.STRING_LITERAL), () => this.scan(Kind.INTEGER_LITERAL), () => this.scan(Kind.TRUE),
      () => this.scan(Kind.FALSE), this.scanReference)) return false;
    this.scanWhitespace();
    return true;
  }

  private readonly scanMethod = (): boolean => this.scan(Kind.IDENTIFIER) && this.scan(Kind.LPAREN)
    && (this.scanOptional(() => this.scanParameter() && (this.scanMany(() => this.scan(Kind.COMMA) && this.scanParameter()), true)), true)
    && this.scan(Kind.REFMOD2_RPAREN);

  private readonly scanParameter = (): boolean => {
    this.scanWhitespace();
    if (!this.scanChoice(() => this.scan(Kind.STRING_LITERAL), () => this.scan(Kind.INTEGER_LITERAL), this.scanIntegerRange, this.scanMap,
      this.scanObjectArray, () => this.scan(Kind.TRUE), () => this.scan(Kind.FALSE), this.scanReference,
      () => this.scan(Kind.FLOATING_POINT_LITERAL))) return false;
    this.scanWhitespace();
    return true;
  };

  private readonly scanRangeEnd = (): boolean => this.scanChoice(this.scanReference, () => this.scan(Kind.INTEGER_LITERAL));

  /** The lookahead before an integer range: `[`, a start and `..`. */
  private readonly scanRangeStart = (): boolean => {
    if (!this.scan(Kind.LBRACKET)) return false;
    this.scanWhitespace();
    if (!this.scanRangeEnd()) return false;
    this.scanWhitespace();
    return this.scan(Kind.DOUBLEDOT);
  };

  private readonly scanIntegerRange = (): boolean => {
    if (!this.scanRangeStart()) return false;
    this.scanWhitespace();
    if (!this.scanRangeEnd()) return false;
    this.scanWhitespace();
    return this.scan(Kind.RBRACKET);
  };

  private readonly scanMap = (): boolean => {
    if (!this.scan(Kind.LEFT_CURLEY)) return false;
    this.scanChoice(this.scanMapEntries, () => (this.scanWhitespace(), true));
    return this.scanChoice(() => this.scan(Kind.RIGHT_CURLEY), () => this.scan(Kind.RCURLY));
  };

  private readonly scanMapEntries = (): boolean => this.scanParameter() && this.scan(Kind.COLON) && this.scanParameter()
    && (this.scanMany(() => this.scan(Kind.COMMA) && this.scanParameter() && this.scan(Kind.COLON) && this.scanParameter()), true);

  private readonly scanObjectArray = (): boolean => this.scan(Kind.LBRACKET)
    && (this.scanOptional(() => this.scanParameter() && (this.scanMany(() => this.scan(Kind.COMMA) && this.scanParameter()), true)), true)
    && this.scan(Kind.RBRACKET);

  private readonly scanDirectiveArg = (): boolean => this.scanChoice(this.scanReference, () => this.scan(Kind.WORD),
    () => this.scan(Kind.STRING_LITERAL), () => this.scan(Kind.INTEGER_LITERAL), this.scanIntegerRange,
    () => this.scan(Kind.FLOATING_POINT_LITERAL), this.scanMap, this.scanObjectArray, () => this.scan(Kind.TRUE), () => this.scan(Kind.FALSE));

  private readonly scanNegation = (): boolean => {
    this.scanWhitespace();
    return this.scan(Kind.LOGICAL_NOT) && this.scanUnary();
  };

  private readonly scanUnary = (): boolean => this.scanChoice(this.scanNegation, this.scanPrimary);

  /** As the generated parser scans it: only as far as a two-token lookahead can reach, so `(` alone. */
  private readonly scanPrimary = (): boolean => {
    this.scanWhitespace();
    if (!this.scanChoice(() => this.scan(Kind.STRING_LITERAL), this.scanReference, () => this.scan(Kind.INTEGER_LITERAL), this.scanIntegerRange,
      () => this.scan(Kind.FLOATING_POINT_LITERAL), this.scanMap, this.scanObjectArray, () => this.scan(Kind.TRUE),
      () => this.scan(Kind.FALSE), () => this.scan(Kind.LPAREN))) return false;
    this.scanWhitespace();
    return true;
  };

  // ---- productions ----

  process(): VelocityNode {
    const node = this.open('process');
    this.statements();
    this.consume(Kind.EOF);
    return this.close(node);
  }

  private statements(): void {
    while (STATEMENT_START.has(this.peek())) this.statement();
  }

  private block(): void {
    const node = this.open('Block');
    this.statements();
    this.close(node);
  }

  private statement(): void {
    const kind = this.peek();
    if (kind === Kind.IF_DIRECTIVE) return this.ifStatement();
    if (this.lookahead(2, this.scanReference)) return this.reference();
    switch (this.peek()) {
      case Kind.SINGLE_LINE_COMMENT_START:
      case Kind.FORMAL_COMMENT:
      case Kind.MULTI_LINE_COMMENT:
        return this.comment();
      case Kind.TEXTBLOCK:
        this.leaf('Textblock', Kind.TEXTBLOCK);
        return;
      case Kind.SET_DIRECTIVE:
        return this.setDirective();
      case Kind.ESCAPE_DIRECTIVE:
        return this.escapedDirective();
      case Kind.DOUBLE_ESCAPE:
        return this.escape();
      case Kind.WORD:
      case Kind.BRACKETED_WORD:
        return this.directive();
      default:
        if (TEXT_TOKENS.has(this.peek())) {
          this.leaf('Text', this.peek());
          return;
        }
        this.fail();
    }
  }

  private escapedDirective(): void {
    const node = this.open('EscapedDirective');
    const t = this.consume(Kind.ESCAPE_DIRECTIVE);
    this.close(node);
    const last = t.image.lastIndexOf('\\');
    const directive = t.image.slice(last + 1);
    const name = directive.slice(1).replace(/^\{(.*)\}$/, '$1');
    const known = DIRECTIVES.has(name) || this.macroNames.has(name) || ['if', 'end', 'set', 'else', 'elseif'].includes(name);
    node.value = known ? t.image.slice(0, Math.floor(last / 2)) + directive : t.image;
  }

  private escape(): void {
    const node = this.open('Escape');
    let count = 0;
    let t: Token;
    do {
      t = this.consume(Kind.DOUBLE_ESCAPE);
      count++;
    } while (this.lookahead(2, () => this.scan(Kind.DOUBLE_ESCAPE)));
    this.close(node);
    const next = this.after(t);
    const name = next.image.slice(1);
    const control = [Kind.IF_DIRECTIVE, Kind.ELSE_DIRECTIVE, Kind.ELSEIF_DIRECTIVE, Kind.END].includes(next.kind)
      || DIRECTIVES.has(name) || this.macroNames.has(name);
    node.value = (control ? '\\' : '\\\\').repeat(count);
  }

  private comment(): void {
    const node = this.open('Comment');
    switch (this.peek()) {
      case Kind.SINGLE_LINE_COMMENT_START:
        this.consume(Kind.SINGLE_LINE_COMMENT_START);
        this.optional(Kind.SINGLE_LINE_COMMENT);
        break;
      case Kind.MULTI_LINE_COMMENT:
      case Kind.FORMAL_COMMENT:
        this.consume(this.peek());
        break;
      default:
        this.fail();
    }
    this.close(node);
  }

  /** A directive's argument; answers the node type, which the directive checks. */
  private directiveArg(): NodeType {
    switch (this.peek()) {
      case Kind.IDENTIFIER:
      case Kind.LCURLY:
        this.reference();
        return 'Reference';
      case Kind.WORD:
        this.leaf('Word', Kind.WORD);
        return 'Word';
      case Kind.STRING_LITERAL:
        this.leaf('StringLiteral', Kind.STRING_LITERAL);
        return 'StringLiteral';
      case Kind.INTEGER_LITERAL:
        this.leaf('IntegerLiteral', Kind.INTEGER_LITERAL);
        return 'IntegerLiteral';
      default:
        if (this.lookahead(UNBOUNDED, this.scanRangeStart)) {
          this.integerRange();
          return 'IntegerRange';
        }
        return this.valueLiteral();
    }
  }

  /** A float, a map, a list, `true` or `false`. */
  private valueLiteral(): NodeType {
    switch (this.peek()) {
      case Kind.FLOATING_POINT_LITERAL:
        this.leaf('FloatingPointLiteral', Kind.FLOATING_POINT_LITERAL);
        return 'FloatingPointLiteral';
      case Kind.LEFT_CURLEY:
        this.map();
        return 'Map';
      case Kind.LBRACKET:
        this.objectArray();
        return 'ObjectArray';
      case Kind.TRUE:
        this.leaf('True', Kind.TRUE);
        return 'True';
      case Kind.FALSE:
        this.leaf('False', Kind.FALSE);
        return 'False';
      default:
        return this.fail();
    }
  }

  private directive(): void {
    const node = this.open('Directive');
    const t = this.peek() === Kind.WORD ? this.consume(Kind.WORD) : this.consume(Kind.BRACKETED_WORD);
    const name = t.kind === Kind.BRACKETED_WORD ? t.image.slice(2, -1) : t.image.slice(1);
    node.directiveName = name;
    const known = DIRECTIVES.get(name);
    const isMacro = name === 'macro';
    // A macro is registered once the template has been parsed, so no call is a macro's while it is.
    const type = known ?? (name.startsWith('@') ? 'block' : 'line');
    this.lexer.state = State.DIRECTIVE;
    if (!this.lexer.isLeftParenthesis()) {
      if (isMacro) throw new VelocityParseError('a macro declaration requires at least a name argument', t.start);
      this.lexer.pop();
      this.lexer.inDirective = false;
      this.close(node);
      return;
    }
    this.optional(Kind.WHITESPACE);
    this.consume(Kind.LPAREN);
    let position = 0;
    while (this.lookahead(2, () => {
      this.scanWhitespace();
      this.scanOptional(() => this.scan(Kind.COMMA) && (this.scanWhitespace(), true));
      return this.scanDirectiveArg();
    })) {
      this.optional(Kind.WHITESPACE);
      if (this.peek() === Kind.COMMA) {
        this.consume(Kind.COMMA);
        this.optional(Kind.WHITESPACE);
      }
      const argType = this.directiveArg();
      if (argType === 'Word') {
        if (!(isMacro && position === 0) && known !== undefined && (name !== 'foreach' || position !== 1)) {
          throw new VelocityParseError(`invalid arg #${position} in directive ${t.image}`, t.start);
        }
      } else if (isMacro && position === 0) {
        throw new VelocityParseError('invalid first arg in #macro() directive', t.start);
      }
      position++;
    }
    this.optional(Kind.WHITESPACE);
    this.consume(Kind.RPAREN);
    if (type === 'line') {
      this.close(node);
      return;
    }
    this.block();
    this.consume(Kind.END);
    this.close(node);
    if (isMacro) {
      if (node.children.length < 2 || node.children[0].type !== 'Word') {
        throw new VelocityParseError('the first argument to #macro() must be the macro name', t.start);
      }
      this.macroNames.add(node.children[0].first.image);
    }
  }

  private map(): void {
    const node = this.open('Map');
    this.consume(Kind.LEFT_CURLEY);
    if (this.lookahead(2, this.scanMapEntries)) {
      this.parameter();
      this.consume(Kind.COLON);
      this.parameter();
      while (this.peek() === Kind.COMMA) {
        this.consume(Kind.COMMA);
        this.parameter();
        this.consume(Kind.COLON);
        this.parameter();
      }
    } else {
      this.optional(Kind.WHITESPACE);
    }
    if (this.peek() === Kind.RIGHT_CURLEY) this.consume(Kind.RIGHT_CURLEY);
    else this.consume(Kind.RCURLY);
    this.close(node);
  }

  private objectArray(): void {
    const node = this.open('ObjectArray');
    this.consume(Kind.LBRACKET);
    this.parameterList();
    this.consume(Kind.RBRACKET);
    this.close(node);
  }

  private parameterList(): void {
    if (!PARAMETER_START.has(this.peek())) return;
    this.parameter();
    while (this.peek() === Kind.COMMA) {
      this.consume(Kind.COMMA);
      this.parameter();
    }
  }

  private rangeEnd(): void {
    if (this.peek() === Kind.IDENTIFIER || this.peek() === Kind.LCURLY) this.reference();
    else if (this.peek() === Kind.INTEGER_LITERAL) this.leaf('IntegerLiteral', Kind.INTEGER_LITERAL);
    else this.fail();
  }

  private integerRange(): void {
    const node = this.open('IntegerRange');
    this.consume(Kind.LBRACKET);
    this.optional(Kind.WHITESPACE);
    this.rangeEnd();
    this.optional(Kind.WHITESPACE);
    this.consume(Kind.DOUBLEDOT);
    this.optional(Kind.WHITESPACE);
    this.rangeEnd();
    this.optional(Kind.WHITESPACE);
    this.consume(Kind.RBRACKET);
    this.close(node);
  }

  private indexParameter(): void {
    this.optional(Kind.WHITESPACE);
    switch (this.peek()) {
      case Kind.STRING_LITERAL:
        this.leaf('StringLiteral', Kind.STRING_LITERAL);
        break;
      case Kind.INTEGER_LITERAL:
        this.leaf('IntegerLiteral', Kind.INTEGER_LITERAL);
        break;
      case Kind.TRUE:
        this.leaf('True', Kind.TRUE);
        break;
      case Kind.FALSE:
        this.leaf('False', Kind.FALSE);
        break;
      case Kind.IDENTIFIER:
      case Kind.LCURLY:
        this.reference();
        break;
      default:
        this.fail();
    }
    this.optional(Kind.WHITESPACE);
  }

  private parameter(): void {
    this.optional(Kind.WHITESPACE);
    switch (this.peek()) {
      case Kind.STRING_LITERAL:
        this.leaf('StringLiteral', Kind.STRING_LITERAL);
        break;
      case Kind.INTEGER_LITERAL:
        this.leaf('IntegerLiteral', Kind.INTEGER_LITERAL);
        break;
      default:
        if (this.lookahead(UNBOUNDED, this.scanRangeStart)) this.integerRange();
        else if (this.peek() === Kind.IDENTIFIER || this.peek() === Kind.LCURLY) this.reference();
        else this.valueLiteral();
    }
    this.optional(Kind.WHITESPACE);
  }

  private method(): void {
    const node = this.open('Method');
    this.leaf('Identifier', Kind.IDENTIFIER);
    this.consume(Kind.LPAREN);
    this.parameterList();
    this.consume(Kind.REFMOD2_RPAREN);
    this.close(node);
  }

  private index(): void {
    const node = this.open('Index');
    this.consume(Kind.INDEX_LBRACKET);
    this.indexParameter();
    this.consume(Kind.INDEX_RBRACKET);
    this.close(node);
  }

  private reference(): void {
    const node = this.open('Reference');
    const formal = this.peek() === Kind.LCURLY;
    if (formal) this.consume(Kind.LCURLY);
    else if (this.peek() !== Kind.IDENTIFIER) this.fail();
    this.consume(Kind.IDENTIFIER);
    while (this.peek() === Kind.INDEX_LBRACKET) this.index();
    while (this.lookahead(2, () => this.scan(Kind.DOT) && this.scanChoice(this.scanMethod, () => this.scan(Kind.IDENTIFIER))
      && (this.scanMany(this.scanIndex), true))) {
      this.consume(Kind.DOT);
      if (this.lookahead(3, this.scanMethod)) this.method();
      else if (this.peek() === Kind.IDENTIFIER) this.leaf('Identifier', Kind.IDENTIFIER);
      else this.fail();
      while (this.peek() === Kind.INDEX_LBRACKET) this.index();
    }
    if (formal) this.consume(Kind.RCURLY);
    this.close(node);
  }

  private ifStatement(): void {
    const node = this.open('IfStatement');
    this.consume(Kind.IF_DIRECTIVE);
    this.condition();
    if (this.peek() === Kind.ELSEIF_DIRECTIVE) {
      do this.elseIfStatement(); while (this.peek() === Kind.ELSEIF_DIRECTIVE);
    }
    if (this.peek() === Kind.ELSE_DIRECTIVE) {
      const elseNode = this.open('ElseStatement');
      this.consume(Kind.ELSE_DIRECTIVE);
      this.block();
      this.close(elseNode);
    }
    this.consume(Kind.END);
    this.close(node);
  }

  /** `[ ] ( expression )` and the block after it. */
  private condition(): void {
    this.optional(Kind.WHITESPACE);
    this.consume(Kind.LPAREN);
    this.expression();
    this.consume(Kind.RPAREN);
    this.block();
  }

  private elseIfStatement(): void {
    const node = this.open('ElseIfStatement');
    this.consume(Kind.ELSEIF_DIRECTIVE);
    this.condition();
    this.close(node);
  }

  private setDirective(): void {
    const node = this.open('SetDirective');
    this.consume(Kind.SET_DIRECTIVE);
    this.optional(Kind.WHITESPACE);
    this.reference();
    this.optional(Kind.WHITESPACE);
    this.consume(Kind.EQUALS);
    this.expression();
    this.consume(Kind.RPAREN);
    this.lexer.inSet = false;
    this.optional(Kind.NEWLINE);
    this.close(node);
  }

  private expression(): void {
    const node = this.open('Expression');
    this.binary(0);
    this.close(node);
  }

  /** The binary operators of one precedence level, left-associative, each making a node of its two operands. */
  private binary(level: number): void {
    if (level === BINARY_OPERATORS.length) return this.unary();
    const [kinds, types] = BINARY_OPERATORS[level];
    this.binary(level + 1);
    while (kinds.includes(this.peek())) {
      const kind = this.peek();
      this.consume(kind);
      const node = this.open(types.get(kind)!);
      this.binary(level + 1);
      this.closeWith(node, 2);
    }
  }

  private unary(): void {
    if (this.lookahead(2, this.scanNegation)) {
      this.optional(Kind.WHITESPACE);
      this.consume(Kind.LOGICAL_NOT);
      const node = this.open('NotNode');
      this.unary();
      this.closeWith(node, 1);
      return;
    }
    if (!PRIMARY_START.has(this.peek())) this.fail();
    this.primary();
  }

  private primary(): void {
    this.optional(Kind.WHITESPACE);
    switch (this.peek()) {
      case Kind.STRING_LITERAL:
        this.leaf('StringLiteral', Kind.STRING_LITERAL);
        break;
      case Kind.IDENTIFIER:
      case Kind.LCURLY:
        this.reference();
        break;
      case Kind.INTEGER_LITERAL:
        this.leaf('IntegerLiteral', Kind.INTEGER_LITERAL);
        break;
      default:
        if (this.lookahead(UNBOUNDED, this.scanRangeStart)) {
          this.integerRange();
        } else if (this.peek() === Kind.LPAREN) {
          this.consume(Kind.LPAREN);
          this.expression();
          this.consume(Kind.RPAREN);
        } else {
          this.valueLiteral();
        }
    }
    this.optional(Kind.WHITESPACE);
  }
}

/**
 * The tree Velocity 1.7's parser makes of `template`. Throws `VelocityParseError` where Velocity
 * fails to parse it.
 */
export function parseVelocity(template: string): VelocityNode {
  try {
    return new Parser(new TokenManager(template)).process();
  } catch (e) {
    if (e instanceof LexicalError) {
      throw new VelocityParseError(e.offset >= template.length
        ? 'the template ends inside a token (after `$`, `#`, or in a comment or raw block that does not close)'
        : `no token of Velocity's can start at ${JSON.stringify(template.slice(e.offset, e.offset + 10))}`, e.offset);
    }
    throw e;
  }
}
