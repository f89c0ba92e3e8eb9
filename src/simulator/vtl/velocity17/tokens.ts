/**
 * The token kinds and lexical states of Apache Velocity 1.7's grammar (`Parser.jjt`, tag 1.7 of
 * apache/velocity-engine), numbered as its generated `ParserConstants` numbers them: the number
 * decides which token wins when two match the same length.
 */
export enum Kind {
  EOF = 0,
  INDEX_LBRACKET = 1,
  INDEX_RBRACKET = 2,
  LBRACKET = 3,
  RBRACKET = 4,
  COMMA = 5,
  DOUBLEDOT = 6,
  COLON = 7,
  LEFT_CURLEY = 8,
  RIGHT_CURLEY = 9,
  LPAREN = 10,
  RPAREN = 11,
  REFMOD2_RPAREN = 12,
  ESCAPE_DIRECTIVE = 13,
  SET_DIRECTIVE = 14,
  DOLLAR = 15,
  DOLLARBANG = 16,
  TEXTBLOCK_START = 17,
  FORMAL_COMMENT_START = 18,
  MULTI_LINE_COMMENT_START = 19,
  HASH = 20,
  SINGLE_LINE_COMMENT_START = 21,
  DOUBLE_ESCAPE = 22,
  ESCAPE = 23,
  TEXT = 24,
  SINGLE_LINE_COMMENT = 25,
  FORMAL_COMMENT = 26,
  MULTI_LINE_COMMENT = 27,
  TEXTBLOCK = 28,
  COMMENT_CHARACTER = 29,
  TEXTBLOCK_CHARACTER = 30,
  WHITESPACE = 31,
  STRING_LITERAL = 32,
  TRUE = 33,
  FALSE = 34,
  NEWLINE = 35,
  MINUS = 36,
  PLUS = 37,
  MULTIPLY = 38,
  DIVIDE = 39,
  MODULUS = 40,
  LOGICAL_AND = 41,
  LOGICAL_OR = 42,
  LOGICAL_LT = 43,
  LOGICAL_LE = 44,
  LOGICAL_GT = 45,
  LOGICAL_GE = 46,
  LOGICAL_EQUALS = 47,
  LOGICAL_NOT_EQUALS = 48,
  LOGICAL_NOT = 49,
  EQUALS = 50,
  END = 51,
  IF_DIRECTIVE = 52,
  ELSEIF_DIRECTIVE = 53,
  ELSE_DIRECTIVE = 54,
  INTEGER_LITERAL = 56,
  FLOATING_POINT_LITERAL = 57,
  WORD = 61,
  BRACKETED_WORD = 62,
  IDENTIFIER = 66,
  DOT = 67,
  LCURLY = 68,
  RCURLY = 69,
  REFERENCE_TERMINATOR = 70,
  DIRECTIVE_TERMINATOR = 71,
  EMPTY_INDEX = 72,
}

/** The lexical states, numbered as the generated token manager numbers them. */
export enum State {
  REFERENCE = 0,
  REFMODIFIER = 1,
  REFINDEX = 2,
  DIRECTIVE = 3,
  REFMOD2 = 4,
  DEFAULT = 5,
  REFMOD = 6,
  IN_TEXTBLOCK = 7,
  IN_MULTI_LINE_COMMENT = 8,
  IN_FORMAL_COMMENT = 9,
  IN_SINGLE_LINE_COMMENT = 10,
  PRE_DIRECTIVE = 11,
}

/**
 * What the lexer does with a match: a token the parser reads, a part of a longer token (`MORE`:
 * `$`, `#`, the start of a comment), a token it drops, or one it drops but keeps as the "special
 * token" before the next one (Velocity writes the `$` and `#` of special tokens before some text).
 */
export type Disposition = 'token' | 'more' | 'skip' | 'special';

/** One of the grammar's token definitions. */
export interface TokenDefinition {
  readonly kind: Kind;
  readonly disposition: Disposition;
  /** Each alternative of the definition, as a sticky regular expression; the longest wins. */
  readonly patterns: readonly RegExp[];
  readonly states: readonly State[];
}

const ALL_STATES: readonly State[] = [
  State.REFERENCE, State.REFMODIFIER, State.REFINDEX, State.DIRECTIVE, State.REFMOD2, State.DEFAULT, State.REFMOD,
  State.IN_TEXTBLOCK, State.IN_MULTI_LINE_COMMENT, State.IN_FORMAL_COMMENT, State.IN_SINGLE_LINE_COMMENT, State.PRE_DIRECTIVE,
];
const LINE_END = '(?:\\r\\n|\\n|\\r)';
const DIGITS = '[0-9]+';
const EXPONENT = '[eE][+-]?[0-9]+';
const WORD = '[a-zA-Z_@][a-zA-Z0-9_@]*';
const BRACKETED_WORD = '\\{[a-zA-Z_][a-zA-Z0-9_@]*\\}';

function define(kind: Kind, disposition: Disposition, states: readonly State[], ...patterns: string[]): TokenDefinition {
  return { kind, disposition, states, patterns: patterns.map(p => new RegExp(p, 'y')) };
}

const { REFERENCE, REFMODIFIER, REFINDEX, DIRECTIVE, REFMOD2, DEFAULT, REFMOD, PRE_DIRECTIVE } = State;
const { IN_TEXTBLOCK, IN_MULTI_LINE_COMMENT, IN_FORMAL_COMMENT, IN_SINGLE_LINE_COMMENT } = State;

/** Every token definition of the grammar, with the states it is read in. */
export const TOKEN_DEFINITIONS: readonly TokenDefinition[] = [
  define(Kind.INDEX_LBRACKET, 'token', [REFERENCE, REFMODIFIER], '\\['),
  define(Kind.INDEX_RBRACKET, 'token', [REFINDEX], '\\]'),
  define(Kind.LBRACKET, 'token', [DIRECTIVE, REFMOD2], '\\['),
  define(Kind.RBRACKET, 'token', [DIRECTIVE, REFMOD2], '\\]'),
  define(Kind.COMMA, 'token', [DIRECTIVE, REFMOD2], ','),
  define(Kind.DOUBLEDOT, 'token', [DIRECTIVE, REFMOD2], '\\.\\.'),
  define(Kind.COLON, 'token', [DIRECTIVE, REFMOD2], ':'),
  define(Kind.LEFT_CURLEY, 'token', [DIRECTIVE, REFMOD2], '\\{'),
  define(Kind.RIGHT_CURLEY, 'token', [DIRECTIVE, REFMOD2], '\\}'),
  define(Kind.LPAREN, 'token', [DIRECTIVE, REFMODIFIER], '\\('),
  // A directive's `)` takes the spaces and the line end after it.
  define(Kind.RPAREN, 'token', [DIRECTIVE], `\\)(?:[ \\t]*${LINE_END})?`),
  define(Kind.REFMOD2_RPAREN, 'token', [REFMOD2], '\\)'),
  define(Kind.ESCAPE_DIRECTIVE, 'token', [DEFAULT], `(?:\\\\\\\\)*\\\\#(?:${WORD}|${BRACKETED_WORD})`),
  define(Kind.SET_DIRECTIVE, 'token', [DEFAULT, REFERENCE, REFMODIFIER, REFMOD2], '[ \\t]*(?:#set|#\\{set\\}) *\\('),
  define(Kind.DOLLAR, 'more', ALL_STATES, '\\\\*\\$'),
  define(Kind.DOLLARBANG, 'more', ALL_STATES, '\\\\*\\$\\\\*!'),
  define(Kind.TEXTBLOCK_START, 'more', ALL_STATES, '#\\[\\['),
  define(Kind.FORMAL_COMMENT_START, 'more', ALL_STATES, '#\\*\\*[^#]'),
  define(Kind.MULTI_LINE_COMMENT_START, 'more', ALL_STATES, '#\\*'),
  define(Kind.HASH, 'more', ALL_STATES, '#'),
  define(Kind.SINGLE_LINE_COMMENT_START, 'token', [DEFAULT, PRE_DIRECTIVE, DIRECTIVE, REFERENCE], '##'),
  define(Kind.DOUBLE_ESCAPE, 'token', [DEFAULT], '\\\\\\\\'),
  define(Kind.ESCAPE, 'token', [DEFAULT], '\\\\'),
  define(Kind.TEXT, 'token', [DEFAULT], '[^$#\\\\]+'),
  define(Kind.SINGLE_LINE_COMMENT, 'token', [IN_SINGLE_LINE_COMMENT], LINE_END),
  define(Kind.FORMAL_COMMENT, 'token', [IN_FORMAL_COMMENT], '\\*#'),
  define(Kind.MULTI_LINE_COMMENT, 'token', [IN_MULTI_LINE_COMMENT], '\\*#'),
  define(Kind.TEXTBLOCK, 'token', [IN_TEXTBLOCK], '\\]\\]#'),
  define(Kind.COMMENT_CHARACTER, 'skip', [IN_SINGLE_LINE_COMMENT, IN_FORMAL_COMMENT, IN_MULTI_LINE_COMMENT], '[\\s\\S]'),
  define(Kind.TEXTBLOCK_CHARACTER, 'more', [IN_TEXTBLOCK], '[\\s\\S]'),
  define(Kind.WHITESPACE, 'token', [DIRECTIVE, REFMOD2, REFINDEX], '[ \\t\\n\\r]+'),
  // A string may hold a quote doubled; the backslash sequences of the grammar are all within `[^"]`.
  define(Kind.STRING_LITERAL, 'token', [DIRECTIVE, REFMOD2, REFINDEX], '"(?:[^"]|"")*"', "'(?:[^']|'')*'"),
  define(Kind.TRUE, 'token', [REFERENCE, DIRECTIVE, REFMODIFIER, REFMOD2, REFINDEX], 'true'),
  define(Kind.FALSE, 'token', [REFERENCE, DIRECTIVE, REFMODIFIER, REFMOD2, REFINDEX], 'false'),
  define(Kind.NEWLINE, 'token', [DIRECTIVE], LINE_END),
  define(Kind.MINUS, 'token', [DIRECTIVE], '-'),
  define(Kind.PLUS, 'token', [DIRECTIVE], '\\+'),
  define(Kind.MULTIPLY, 'token', [DIRECTIVE], '\\*'),
  define(Kind.DIVIDE, 'token', [DIRECTIVE], '/'),
  define(Kind.MODULUS, 'token', [DIRECTIVE], '%'),
  define(Kind.LOGICAL_AND, 'token', [DIRECTIVE], '&&', 'and'),
  define(Kind.LOGICAL_OR, 'token', [DIRECTIVE], '\\|\\|', 'or'),
  define(Kind.LOGICAL_LT, 'token', [DIRECTIVE], '<', 'lt'),
  define(Kind.LOGICAL_LE, 'token', [DIRECTIVE], '<=', 'le'),
  define(Kind.LOGICAL_GT, 'token', [DIRECTIVE], '>', 'gt'),
  define(Kind.LOGICAL_GE, 'token', [DIRECTIVE], '>=', 'ge'),
  define(Kind.LOGICAL_EQUALS, 'token', [DIRECTIVE], '==', 'eq'),
  define(Kind.LOGICAL_NOT_EQUALS, 'token', [DIRECTIVE], '!=', 'ne'),
  define(Kind.LOGICAL_NOT, 'token', [DIRECTIVE], '!', 'not'),
  define(Kind.EQUALS, 'token', [DIRECTIVE], '='),
  define(Kind.END, 'token', [PRE_DIRECTIVE], `end(?:[ \\t]*${LINE_END})?`, `\\{end\\}(?:[ \\t]*${LINE_END})?`),
  define(Kind.IF_DIRECTIVE, 'token', [PRE_DIRECTIVE], 'if', '\\{if\\}'),
  define(Kind.ELSEIF_DIRECTIVE, 'token', [PRE_DIRECTIVE], 'elseif', '\\{elseif\\}'),
  define(Kind.ELSE_DIRECTIVE, 'token', [PRE_DIRECTIVE], `else(?:[ \\t]*${LINE_END})?`, `\\{else\\}(?:[ \\t]*${LINE_END})?`),
  define(Kind.INTEGER_LITERAL, 'token', [PRE_DIRECTIVE, DIRECTIVE, REFMOD2, REFINDEX], `-?${DIGITS}(?:\\.\\.)?`),
  define(Kind.FLOATING_POINT_LITERAL, 'token', [PRE_DIRECTIVE, DIRECTIVE, REFMOD2, REFINDEX],
    `-?${DIGITS}\\.[0-9]*(?:${EXPONENT})?`, `-?\\.${DIGITS}(?:${EXPONENT})?`, `-?${DIGITS}${EXPONENT}`),
  define(Kind.WORD, 'token', [PRE_DIRECTIVE, DIRECTIVE], WORD),
  define(Kind.BRACKETED_WORD, 'token', [PRE_DIRECTIVE, DIRECTIVE], BRACKETED_WORD),
  define(Kind.IDENTIFIER, 'token', [REFERENCE, REFMODIFIER, REFMOD2], '[a-zA-Z_][a-zA-Z0-9_-]*'),
  define(Kind.DOT, 'token', [REFERENCE, REFMODIFIER, REFMOD2], '\\.[a-zA-Z]'),
  define(Kind.LCURLY, 'token', [REFERENCE, REFMODIFIER], '\\{'),
  define(Kind.RCURLY, 'token', [REFERENCE, REFMODIFIER], '\\}'),
  define(Kind.REFERENCE_TERMINATOR, 'special', [REFERENCE, REFMODIFIER, REFMOD], '[\\s\\S]'),
  define(Kind.DIRECTIVE_TERMINATOR, 'special', [PRE_DIRECTIVE], '[\\s\\S]'),
  define(Kind.EMPTY_INDEX, 'token', [DEFAULT, REFERENCE], '\\$\\[', '\\$!\\[', '\\$\\\\!\\[', '\\$\\.'),
];

/** The definitions read in each state, in kind order. */
export const DEFINITIONS_BY_STATE: ReadonlyMap<State, readonly TokenDefinition[]> = new Map(
  ALL_STATES.map(s => [s, TOKEN_DEFINITIONS.filter(d => d.states.includes(s)).sort((a, b) => a.kind - b.kind)]),
);
