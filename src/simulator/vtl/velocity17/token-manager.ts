import { DEFINITIONS_BY_STATE, Kind, State, TokenDefinition } from './tokens';

/** A token as Velocity 1.7's lexer hands it to the parser. */
export interface Token {
  readonly kind: Kind;
  /** The text it was read from, with the `$`, `#` or comment start read before it (`MORE`). */
  image: string;
  /** Where its text starts and ends in the template. */
  readonly start: number;
  end: number;
  /** The special tokens (references or directives that ended at once, such as `$-`) read before it. */
  readonly special: readonly string[];
  /** The next token, once the parser or its lookahead has asked for it. */
  next?: Token;
}

/** Blanks and then `(`, matched where the lexer stands (sticky, so the test reads from `lastIndex` without copying the rest). */
const BLANKS_THEN_PARENTHESIS = /[ \n\r\t]*\(/y;

/** The lexer found no token where Velocity's fails ("Lexical error"), such as a `$` at the end. */
export class LexicalError extends Error {
  constructor(readonly offset: number) {
    super(`lexical error at offset ${offset}`);
  }
}

interface SavedState {
  readonly lparen: number;
  readonly rparen: number;
  readonly state: State;
}

/**
 * Velocity 1.7's token manager: the tokens of its grammar read by longest match (the lower kind
 * wins a tie), in lexical states that the actions of the tokens switch, push and pop, and that the
 * parser switches too. Tokens are read one at a time, when the parser or its lookahead asks, so
 * the state a token is read in can be one the parser never meant: that is how Velocity reads
 * what follows a method call it gives up on.
 */
export class TokenManager {
  /** The lexical state; the parser switches it too. */
  state: State = State.DEFAULT;
  inDirective = false;
  inSet = false;
  private inComment = false;
  private lparen = 0;
  private rparen = 0;
  private readonly stack: SavedState[] = [];
  /** Where the next token starts. */
  private position = 0;

  constructor(private readonly source: string) {}

  /** Whether the characters from the lexer's position are blanks and then `(` (the parser's check after a directive's name). */
  isLeftParenthesis(): boolean {
    BLANKS_THEN_PARENTHESIS.lastIndex = this.position;
    return BLANKS_THEN_PARENTHESIS.test(this.source);
  }

  /** Pushes the state and the count of open parentheses, as the grammar's `stateStackPush`. */
  push(): void {
    this.stack.push({ lparen: this.lparen, rparen: this.rparen, state: this.state });
    this.lparen = 0;
  }

  /** Pops a state pushed before, or goes back to the default state when there is none. */
  pop(): boolean {
    const saved = this.stack.pop();
    if (saved === undefined) {
      this.lparen = 0;
      this.state = State.DEFAULT;
      return false;
    }
    this.lparen = saved.lparen;
    this.rparen = saved.rparen;
    this.state = saved.state;
    return true;
  }

  /** Reads the next token. */
  nextToken(): Token {
    const special: string[] = [];
    for (;;) {
      const begin = this.position;
      if (begin >= this.source.length) return { kind: Kind.EOF, image: '', start: begin, end: begin, special };
      for (;;) {
        const match = this.longestMatch(this.position);
        if (match === undefined) throw new LexicalError(this.position);
        this.position += match.length;
        const image = this.source.slice(begin, this.position);
        const { disposition, kind } = match.definition;
        if (disposition === 'token') {
          const token: Token = { kind, image, start: begin, end: this.position, special };
          this.tokenAction(token);
          token.end = this.position;
          return token;
        }
        if (disposition === 'special' || disposition === 'skip') {
          if (disposition === 'special') special.push(image);
          this.skipAction(kind);
          break;
        }
        this.moreAction(kind);
        // A `MORE` that ends the template leaves its token unfinished: Velocity's lexer fails.
        if (this.position >= this.source.length) throw new LexicalError(this.position);
      }
    }
  }

  private longestMatch(at: number): { definition: TokenDefinition; length: number } | undefined {
    let best: { definition: TokenDefinition; length: number } | undefined;
    for (const definition of DEFINITIONS_BY_STATE.get(this.state)!) {
      for (const pattern of definition.patterns) {
        pattern.lastIndex = at;
        const m = pattern.exec(this.source);
        // Definitions come in kind order, so only a longer match replaces an earlier one.
        if (m !== null && m[0].length > 0 && (best === undefined || m[0].length > best.length)) best = { definition, length: m[0].length };
      }
    }
    return best;
  }

  private backup(n: number): void {
    this.position -= n;
  }

  /** Leaves a reference the lexer is in, before something else starts. */
  private endReference(states: readonly State[]): void {
    if (states.includes(this.state)) {
      this.pop();
    }
  }

  private moreAction(kind: Kind): void {
    if (this.inComment) return;
    switch (kind) {
      case Kind.DOLLAR:
      case Kind.DOLLARBANG:
        this.endReference([State.REFERENCE]);
        this.push();
        this.state = State.REFERENCE;
        break;
      case Kind.TEXTBLOCK_START:
        this.startComment(State.IN_TEXTBLOCK);
        break;
      case Kind.FORMAL_COMMENT_START:
        this.backup(1);
        this.startComment(State.IN_FORMAL_COMMENT);
        break;
      case Kind.MULTI_LINE_COMMENT_START:
        this.startComment(State.IN_MULTI_LINE_COMMENT);
        break;
      case Kind.HASH:
        this.endReference([State.REFERENCE, State.REFMODIFIER]);
        this.inDirective = true;
        this.push();
        this.state = State.PRE_DIRECTIVE;
        break;
      default:
        break;
    }
  }

  private startComment(state: State): void {
    this.inComment = true;
    this.push();
    this.state = state;
  }

  private skipAction(kind: Kind): void {
    if (kind === Kind.REFERENCE_TERMINATOR) {
      this.backup(1);
      this.pop();
    } else if (kind === Kind.DIRECTIVE_TERMINATOR) {
      this.backup(1);
      this.inDirective = false;
      this.pop();
    }
  }

  private tokenAction(token: Token): void {
    switch (token.kind) {
      case Kind.INDEX_LBRACKET:
        this.push();
        this.state = State.REFINDEX;
        break;
      case Kind.INDEX_RBRACKET:
      case Kind.RCURLY:
        this.pop();
        break;
      case Kind.LPAREN:
        if (!this.inComment) this.lparen++;
        if (this.state === State.REFMODIFIER) this.state = State.REFMOD2;
        break;
      case Kind.RPAREN:
        this.closeParenthesis();
        break;
      case Kind.REFMOD2_RPAREN:
        this.state = State.REFERENCE;
        break;
      case Kind.SET_DIRECTIVE:
        if (!this.inComment) {
          this.inDirective = true;
          this.push();
          this.inSet = true;
          this.state = State.DIRECTIVE;
          this.lparen++;
        }
        break;
      case Kind.SINGLE_LINE_COMMENT_START:
        if (!this.inComment) {
          this.endReference([State.REFERENCE]);
          this.startComment(State.IN_SINGLE_LINE_COMMENT);
        }
        break;
      case Kind.SINGLE_LINE_COMMENT:
      case Kind.FORMAL_COMMENT:
      case Kind.MULTI_LINE_COMMENT:
      case Kind.TEXTBLOCK:
        this.inComment = false;
        this.pop();
        break;
      case Kind.STRING_LITERAL:
        if (this.state === State.DIRECTIVE && !this.inSet && this.lparen === 0) this.pop();
        break;
      case Kind.NEWLINE:
        this.pop();
        this.inSet = false;
        this.inDirective = false;
        break;
      case Kind.END:
      case Kind.ELSE_DIRECTIVE:
        this.inDirective = false;
        this.pop();
        break;
      case Kind.IF_DIRECTIVE:
      case Kind.ELSEIF_DIRECTIVE:
        this.state = State.DIRECTIVE;
        break;
      case Kind.INTEGER_LITERAL:
        if (token.image.endsWith('..')) {
          this.backup(2);
          token.image = token.image.slice(0, -2);
        }
        if (this.lparen === 0 && !this.inSet && this.state !== State.REFMOD2 && this.state !== State.REFINDEX) this.pop();
        break;
      case Kind.FLOATING_POINT_LITERAL:
        if (this.lparen === 0 && !this.inSet && this.state !== State.REFMOD2) this.pop();
        break;
      case Kind.DOT:
        this.backup(1);
        token.image = '.';
        this.state = State.REFMODIFIER;
        break;
      default:
        break;
    }
  }

  /** A directive's `)`: closes the parenthesis that opened the state, or drops states until one is open. */
  private closeParenthesis(): void {
    if (this.inComment) return;
    for (;;) {
      if (this.lparen > 0) {
        if (this.lparen === this.rparen + 1) this.pop();
        else this.rparen++;
        return;
      }
      if (!this.pop()) return;
    }
  }
}
