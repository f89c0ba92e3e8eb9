import { dropStraySigns, foreachHeader, renameWords, variableName } from './velocity-arguments';
import { argumentsEnd, CALL_BEFORE_DOT, checkArguments, IDENTIFIER, endsInsideToken, hoistOperandLiterals, scanReference, SIGNS_BEFORE_DOT, strayHash, stringEnd, syntaxError } from './velocity-scan';
import { asText, NOTHING } from './velocity-text';

/**
 * Where Apache Velocity 1.7's lexer reads a template differently from velocityjs, measured
 * against Velocity 1.7 itself (`npm run oracle`). This pass walks the template as Velocity's
 * lexer does (text, references, directives, comments, raw blocks) and either refuses it as
 * Velocity does or rewrites it into a template velocityjs renders the same way:
 *
 * - Velocity's lexer reads `$`, `$!`, `#`, `#*` and `#[[` as the start of a longer token, so a
 *   template (or a comment) that ends with one fails with "Lexical error ... <EOF>";
 * - a `#*` comment without `*#` runs to the end of the template; a `#[[` without `]]#` fails;
 *   comments write nothing, and leave the newline after them;
 * - a directive's or macro call's arguments must close and hold no `#` outside a string:
 *   `#if(#if(...` and `#e(` fail to parse;
 * - `\$ref` writes `\$ref` when the reference is null and `$ref` otherwise; `\#word` keeps its
 *   backslash unless `#word` is a directive or a macro; after a `$` or `#` that starts nothing,
 *   a backslash is text;
 * - `$!` before something that is not a reference writes `$` (`$!)` renders `$)`); `$` signs
 *   right before a directive or a comment write nothing; `$e(` is the reference `$e` and the
 *   text `(`; `##` right after a reference that ends with a property (`$a.b##`) is text;
 * - spaces before `#set` are dropped only where a token other than text ends before them (the
 *   start of the template, a reference, a directive, a comment), not after text on the same line;
 * - `#stop` stops the rendering, `#break` the innermost `#foreach`, macro or the template, and
 *   `#evaluate` renders its argument;
 * - in arguments, a `$` or `#` that starts nothing is dropped, and `#foreach` takes its arguments as
 *   Velocity does (velocity-arguments.ts);
 * - the states Velocity's lexer is left in after some sequences of references (see the fields
 *   below): a word after `$a.b()` loses its properties, `##` after `$a.b` or in a call opened before
 *   a directive starts no comment, and `#set` is read or refused accordingly;
 * - `$` signs right before a raw block are read with it (`signsBeforeRaw`);
 * - `#@m(...)...#end` calls the macro with the body as `$bodyContent` (`blockMacroCall`); a block
 *   call of a macro the template does not define is written as it stands.
 */

/**
 * velocityjs cannot read a list or map literal as an operand (`#if([] > 1)`, `$a == [1, 2]`); such
 * a literal is set to a variable with this prefix before the template and the variable used instead.
 */
export const LITERAL_VARIABLE_PREFIX = 'cdkIntegrationResponsesLiteral';
/** The macro an escaped reference becomes: the sandbox writes its source, with `\` when it is null. */
export const ESCAPED_REFERENCE_MACRO = 'cdkIntegrationResponsesEscaped';
/** The macro `#break` becomes: the sandbox stops the innermost loop, macro or template. */
export const BREAK_MACRO = 'cdkIntegrationResponsesBreak';
/** The macro `#include` and `#parse` become: the sandbox fails when it runs, as there is no other template to read. */
export const INCLUDE_MACRO = 'cdkIntegrationResponsesInclude';

/** Velocity 1.7's directives; any other `#word(...)` is a macro call. */
const DIRECTIVES = new Set(['if', 'elseif', 'else', 'end', 'foreach', 'set', 'macro', 'define', 'break', 'stop', 'evaluate', 'include', 'parse']);
/** Directives Velocity's grammar reads itself: a `$` right before them writes nothing. The others, after a `$`, are text. */
const GRAMMAR_DIRECTIVES = new Set(['if', 'elseif', 'else', 'end', 'set']);
/** Directives that open a block `#end` closes, and that cannot do without their arguments. */
const BLOCK_DIRECTIVES = new Set(['if', 'foreach', 'macro', 'define']);
/** Directives that, right after `$a.b$c`, leave Velocity's lexer as it was (see `elseLeak`); any other `#word` does not. */
const LEAK_KEEPING_DIRECTIVES = new Set(['if', 'set', 'foreach', 'macro', 'define', 'evaluate', 'include', 'parse', 'stop', 'break']);
const DIRECTIVE_WORD = /^#(?:\{([a-zA-Z][a-zA-Z0-9_-]*)\}|([a-zA-Z][a-zA-Z0-9_-]*))/;
/** `$` or `$!` right before a directive or block macro call: no argument of a method call. */
const SIGNS_BEFORE_DIRECTIVE = /^(?:\$!?)+#[@a-zA-Z{]/;
/** `$` and `$!` signs (each with the backslashes before it) right before a comment or a raw block. */
const SIGNS_BEFORE_COMMENT = /^(?:\\*\$!?)+#(?:#|\*|\[\[)/;
/** `$` and `$!` signs right before a `##` comment. */
const SIGNS_BEFORE_LINE_COMMENT = /^(?:\$!?)+##/;
/** The signs Velocity's lexer reads as one token with a raw block right after them (see `signsBeforeRaw`). */
const SIGNS_BEFORE_RAW = /^(?:\\*\$(?:\\*!)?)+#\[\[/;
/** A block macro call's name (`#@m`), as Velocity's lexer reads it. */
const BLOCK_CALL = /^#(@[a-zA-Z0-9_@]*)/;
const SET_WITH_INDENT = /^[ \t]+#(?:set|\{set\})[ \t]*\(/;

/** A block open where the lexer is: `#if`, `#foreach`, `#macro`, `#define`, or a block macro call (`@`). */
interface Block {
  readonly name: string;
  /** Where it starts in the template. */
  readonly at: number;
  elsed?: boolean;
  /** For a call of a macro the template does not define: where it starts in the output, and how many escaped references came before. */
  readonly unknownCall?: { readonly out: number; readonly escapes: number };
}

/** `#@name(`: a block macro call. */
const BLOCK_MACRO_CALL = /^#@([a-zA-Z][a-zA-Z0-9_-]*)[ \t]*\(/;

/** A prepared template: the source for velocityjs and what the sandbox needs to render it. */
export interface PreparedTemplate {
  readonly source: string;
  /** The source of each escaped reference, in order of appearance (what `\$ref` writes). */
  readonly escapedReferences: readonly string[];
  /** Spans of `source` inside directive arguments: a syntax error there is Velocity's too. */
  readonly argumentSpans: ReadonlyArray<readonly [number, number]>;
}

/** Prepares `template` for velocityjs as described above; throws a `TemplateError` where Velocity fails. */
export function prepareTemplate(template: string, macros: ReadonlySet<string> = definedMacros(template)): PreparedTemplate {
  return new VelocityLexer(template, macros).prepare();
}

/**
 * The names of the macros `template` defines. A piece of a template (`parseChunks` in
 * `lenient-parse.ts`) is prepared with those of the whole template, which it may call.
 */
export function definedMacros(template: string): ReadonlySet<string> {
  return new Set([...template.matchAll(/#\{?macro\}?[ \t]*\([ \t]*([a-zA-Z][a-zA-Z0-9_-]*)/g)].map(m => m[1]));
}

/** A reference written to the output, which `$.c` right after it may continue. */
interface ContinuableReference {
  /** Where it starts and ends in the output. */
  readonly at: number;
  readonly end: number;
  /** Its source as written to the output (without the `$`, or with it when escaped). */
  readonly source: string;
  readonly bang: boolean;
  /** The index of its escaped reference, when escaped. */
  readonly escaped?: number;
}

class VelocityLexer {
  private readonly escapedReferences: string[] = [];
  private argumentSpans: Array<[number, number]> = [];
  private readonly literals: string[] = [];
  private out = '';
  private i = 0;
  /**
   * After a `#` that starts nothing, followed by a reference, Velocity's lexer is left reading
   * directives until text (or indentation) comes: a `#set` then fails to parse (`Encountered "="`)
   * unless it comes right after an unbraced reference (`#${x}#set(` and `#$x#if(true)#end#set(`
   * fail, `#$x#set(` does not).
   */
  private hashLeak = false;
  /** Whether the last token was a reference (`afterReference`), and whether Velocity's lexer is
   * still in it: a `#set`, a raw block or a `#*` comment right after a reference leaves it there, so
   * that a `[` next (`$i#set($x = 1)[`, `$i#[[r]]#x[`) is read as an index and fails to parse. */
  private afterReference = false;
  private referenceLeak = false;
  /**
   * Whether the last token was an unbraced reference that ends with a property (`$a.b`), or a
   * braced reference right after one: Velocity's lexer is still in that property then, so a braced
   * reference right after it (`$a.b${c}`) counts as unbraced and `##` after it is text.
   */
  private afterProperty = false;
  /**
   * After an unbraced reference that ends with a call or an index (`$a.b()`, `$a[0]`), or that
   * continued a property (`$a.b${c}`, `$a.b$.c`), Velocity's lexer reads a word right after it as a
   * reference's name: it writes the word and drops the word's properties, calls and indexes
   * (`$a.b()x.y` writes `x`). After a continued property, a word alone counts as a property (a `##`
   * after it is text).
   */
  private wordLeak: 'call' | 'property' | undefined;
  /**
   * After `$a.b$.c`, Velocity's lexer reads on as in a braced reference: words are text, and a `}`
   * (text too) leaves it as after `$a.b${c}` (see `wordLeak`): `$a.b$.c}x##` writes `}x##`.
   */
  private braceLeak = false;
  /**
   * An unbraced reference right after one that ends with a property (`$a.b$c`) leaves Velocity's
   * lexer a state behind. A braced reference right after it counts as unbraced (a `#set` may
   * follow it after `#$x`, and so do braced ones after that). After an `#end`, `#else`, `#elseif`,
   * or a `#word` that is text or a macro call right after it, a `#set` may follow too, and in the
   * words and braced references that follow, `##` starts no comment (see `hash`). `elseLeak` is
   * 'pending' until the next token ('chained' after such a braced reference), 'on' after the `#word`.
   */
  private elseLeak: 'pending' | 'chained' | 'on' | undefined;
  /**
   * After a method call opened right before a directive (`$a.b(#if`), Velocity's lexer keeps reading
   * the rest of the template as that call's arguments: only words, strings and `#` tokens can
   * follow, `##` starts no comment (see `leakedHashes`), and a space, a newline or a `)` fails to
   * parse. Set to where the call opens.
   */
  private callLeak: number | undefined;
  /** Whether the last token, in a leaked call, was a `#word` that is text or a `}` after `$` (see `leaveLeakedCall`). */
  private dotLeavesCall = false;
  /** After a `${` in a leaked call: a `.name` next is text. */
  private dotIsText = false;
  /** After `leaveLeakedCall`: a `.name` next is a property of nothing, which writes nothing. */
  private dotLeak = false;
  /**
   * Whether the last token, in a leaked call, was a directive, a macro call or a comment: a `.name`
   * next is text and leaves the call, and a word's properties next are dropped and leave it too
   * (`$a.b(#set($x = 1).c x` writes `(.c x`, `...x.c.d y` writes `(x y`).
   */
  private afterDirective = false;
  /**
   * After `$` signs and a `#*` comment or a raw block, in a leaked call: `##` starts a comment, right
   * away or after a word (`$a.b($#*c*#x##c` writes `(x`).
   */
  private signComment = false;
  /** After a `$.c` in a leaked call (`$a.b($.c`, `$a.b(#if(true)$.c`): a `}` next is text. */
  private braceAfterWord = false;
  /** Whether the directive next is one a `##` became (see `leakedHashes`). */
  private hashedDirective = false;
  /** Where each open block starts, to match `#end`s as Velocity does. */
  private readonly blocks: Block[] = [];
  /** Whether the last token was text: spaces before a `#set` then belong to it. */
  private afterText = false;
  /** The `$` or `#` that started nothing just before, if any: a backslash after it is text. */
  private afterSigil: '$' | '#' | undefined;
  /**
   * The reference (plain or escaped) that ends with a property and was the last thing written, with
   * where it starts in the output: `$.c` right after it continues it (`$a.b$.c` is `$a.b.c`).
   */
  private lastProperty: ContinuableReference | undefined;

  constructor(private readonly t: string, private readonly macros: ReadonlySet<string>) {}

  public prepare(): PreparedTemplate {
    while (this.i < this.t.length) {
      const c = this.t[this.i];
      const sigil = this.afterSigil;
      this.afterSigil = undefined;
      if (this.referenceLeak) {
        this.referenceLeak = false;
        const index = /^[a-zA-Z0-9_-]*\[/.exec(this.t.slice(this.i, this.i + 200));
        if (index) throw syntaxError(this.t, this.i + index[0].length - 1, "a '[' that Velocity reads as an index of the reference before the #set, raw block or comment");
      }
      const reference = this.afterReference;
      this.afterReference = false;
      const property = this.afterProperty;
      this.afterProperty = false;
      const leak = this.wordLeak;
      this.wordLeak = undefined;
      const brace = this.braceLeak;
      this.braceLeak = false;
      const elseLeak = this.elseLeak;
      const dotLeaves = this.dotLeavesCall;
      this.dotLeavesCall = false;
      const dotText = this.dotIsText;
      this.dotIsText = false;
      const dots = this.dotLeak;
      this.dotLeak = false;
      const directiveBefore = this.afterDirective;
      this.afterDirective = false;
      const signComment = this.signComment;
      this.signComment = false;
      if (elseLeak !== 'on' || !/^(?:[#a-zA-Z0-9_-]|\$!?\{)/.test(this.t.slice(this.i, this.i + 3))) this.elseLeak = undefined;
      const braceText = this.braceAfterWord;
      this.braceAfterWord = false;
      const rest = (n: number) => this.t.slice(this.i, this.i + n);
      const inCall = this.callLeak !== undefined;
      if (dots && c === '.' && /^\.[a-zA-Z_]/.test(rest(2))) {
        this.dropLeakedProperty();
      } else if (brace && c === '}') {
        this.closeBraceLeak();
      } else if (leak && /[a-zA-Z_]/.test(c)) {
        this.wordAfterReference(leak, brace);
      } else if (leak === 'property' && c === '(' && !inCall) {
        this.openLeakedCall();
      } else if (inCall && signComment && /[a-zA-Z0-9_-]/.test(c)) {
        this.wordAfterSignComment();
      } else if (inCall && directiveBefore && /[a-zA-Z_]/.test(c)) {
        this.wordAfterDirective();
      } else if (inCall && c !== '#' && c !== '$' && !(c === '\\' && /^\\+\$/.test(rest(1000)))
        && !((c === ' ' || c === '\t') && SET_WITH_INDENT.test(rest(120)))) {
        this.callArgumentText(c, reference || (braceText && c === '}'), sigil, sigil === '#' || dotLeaves || directiveBefore, dotText);
      } else if ((c === '$' || c === '\\') && SIGNS_BEFORE_RAW.test(rest(1000)) && this.signsBeforeRaw()) {
        // The raw block, after the signs (see `signsBeforeRaw`).
      } else if (c === '#' && signComment && this.t.startsWith('##', this.i)) {
        this.lineComment();
      } else if (c === '#') {
        this.hash(reference, elseLeak === 'pending');
      } else if (c === '\\') {
        this.backslashes(sigil);
      } else if (c === '$') {
        this.dollar(sigil, property, elseLeak);
      } else if ((c === ' ' || c === '\t') && SET_WITH_INDENT.test(rest(120))) {
        this.setIndent(reference);
      } else {
        this.text(c, sigil);
      }
    }
    const unclosed = this.blocks.pop();
    if (unclosed) throw syntaxError(this.t, unclosed.at, 'a block (#if, #foreach, #macro or #define) without #end');
    const spans = this.argumentSpans;
    if (this.literals.length === 0) return { source: this.out, escapedReferences: this.escapedReferences, argumentSpans: spans };
    const prefix = `${this.literals.map((l, k) => `#set($${LITERAL_VARIABLE_PREFIX}${k} = ${l})`).join('')}${NOTHING}`;
    return {
      source: prefix + this.out,
      escapedReferences: this.escapedReferences,
      argumentSpans: spans.map(([a, b]) => [a + prefix.length, b + prefix.length] as [number, number]),
    };
  }

  private text(c: string, afterSigil: '$' | '#' | undefined): void {
    this.hashLeak = false;
    // JavaScript reads U+2028 and U+2029 as line ends, and so does velocityjs's lexer; Velocity reads them as text.
    this.out += c === '\u2028' || c === '\u2029' ? asText(c) : c;
    this.i++;
    // The character after a `#` that starts nothing (but a quote), or a `.` after such a `$`, is a
    // token of its own, not text.
    this.afterText = !(afterSigil === '#' ? c !== '"' && c !== "'" : afterSigil === '$' && c === '.');
  }

  /** A token other than text: `#set` indentation after it is dropped. */
  private emit(source: string, end: number): void {
    this.out += source;
    this.i = end;
    this.afterText = false;
  }

  /** A directive: the spaces and the newline after it belong to it (velocityjs drops them too). */
  private emitDirective(source: string, end: number): void {
    const newline = /^[ \t]*\n/.exec(this.t.slice(end, end + 200));
    this.emit(source + (newline ? newline[0] : ''), end + (newline ? newline[0].length : 0));
    this.afterDirective = this.callLeak !== undefined;
    // After a directive that a `##` in a leaked call became (`##end`), a `##` is a comment again.
    this.signComment = this.hashedDirective && this.callLeak !== undefined;
    this.hashedDirective = false;
  }

  private hash(afterReference: boolean, elseLeak: boolean): void {
    const { t, i } = this;
    if (afterReference && (t.startsWith('#[[', i) || (t.startsWith('#*', i) && !t.startsWith('#**', i)) || /^#(?:set|\{set\})[ \t]*\(/.test(t.slice(i, i + 20)))) {
      this.referenceLeak = true;
    }
    // In a leaked call, `##` right after an unbraced reference is a comment still: it ends that reference.
    if (t.startsWith('##', i) && ((this.callLeak !== undefined && !afterReference) || this.elseLeak === 'on')) {
      this.leakedHashes();
      return;
    }
    this.elseLeak = undefined;
    const word = DIRECTIVE_WORD.exec(t.slice(i, i + 200));
    if (elseLeak && word && !LEAK_KEEPING_DIRECTIVES.has(word[1] ?? word[2])) {
      this.elseLeak = 'on';
      this.hashLeak = false;
    }
    if (t.startsWith('##', i)) {
      this.lineComment();
      // Right after `$a.b$c`, the comment ends where its `$c` began: in the property (see `afterProperty`).
      if (elseLeak) this.resumeProperty();
    } else if (t.startsWith('#[[', i)) {this.rawBlock();} else if (t.startsWith('#*', i)) {this.blockComment();} else {this.directive(afterReference);}
  }

  private lineComment(): void {
    const { t, i } = this;
    const nl = t.indexOf('\n', i);
    if (nl < 0 && endsInsideToken(t.slice(i + 2))) throw this.endsInComment('##');
    this.emit(NOTHING, nl < 0 ? t.length : nl + 1);
    this.afterDirective = this.callLeak !== undefined;
  }

  /** Velocity's lexer reads a `$` or `#` even in a comment as the start of a token that never ends. */
  private endsInComment(comment: string): Error {
    const last = /(?:\$!?|#\*?)$/.exec(this.t)![0];
    return syntaxError(this.t, this.t.length - 1, `the template ends with '${last}' in a ${comment} comment, which Velocity reads as the start of a reference or directive`);
  }

  private rawBlock(): void {
    const { t, i } = this;
    const close = t.indexOf(']]#', i + 3);
    if (close < 0) throw syntaxError(t, i, 'a #[[ raw block without ]]#');
    // After NOTHING, so that the text cannot run on from a reference before it (`$a#[[r]]#`).
    this.emit(NOTHING + asText(t.slice(i + 3, close)), close + 3);
  }

  private blockComment(): void {
    const { t, i } = this;
    const close = t.indexOf('*#', i + 2);
    if (close >= 0) {
      this.emit(NOTHING, close + 2);
      // After `$` signs, a `##` next is a comment (see `signComment`); after anything else, see `afterDirective`.
      this.signComment = this.callLeak !== undefined && /\$!?$/.test(t.slice(Math.max(0, i - 2), i));
      this.afterDirective = this.callLeak !== undefined && !this.signComment;
      return;
    }
    // Velocity reads an open comment to the end of the template.
    if (t.length === i + 2 || endsInsideToken(t.slice(i + 2))) throw this.endsInComment('#*');
    this.i = t.length;
  }

  private directive(afterReference: boolean): void {
    const { t, i } = this;
    const word = DIRECTIVE_WORD.exec(t.slice(i, i + 200));
    const blockCall = BLOCK_MACRO_CALL.exec(t.slice(i, i + 300));
    if (blockCall) {
      this.blockMacroCall(blockCall[1], i + blockCall[0].length - 1);
      return;
    }
    if (!word && SET_WITH_INDENT.test(t.slice(i + 1, i + 120))) {
      // A `#` right before an indented `#set` writes nothing, nor does the indentation.
      this.emit('', i + 1);
      return;
    }
    const signs = /^(?:\$!?)+/.exec(t.slice(i + 1, i + 1000))?.[0];
    if (!word && signs !== undefined && this.beforeDirectiveOrComment(i + 1 + signs.length)) {
      // Nor does a `#` before `$` signs that write nothing (`#$#*c*#` and `#$#if(true)y#end` write only `y`).
      this.emit('', i + 1);
      return;
    }
    if (!word) {
      if (i + 1 === t.length) throw syntaxError(t, i, "the template ends with '#'");
      this.out += asText('#');
      this.i++;
      this.afterText = false;
      this.afterSigil = '#';
      return;
    }
    const name = word[1] ?? word[2];
    const j = i + word[0].length;
    const open = j + /^[ \t]*/.exec(t.slice(j, j + 100))![0].length;
    const ended = this.track(name, i, t[open] === '(');
    if (ended?.unknownCall) {
      this.endUnknownCall(ended, j);
      return;
    }
    if (this.hashLeak && name === 'set') {
      if (!afterReference) throw syntaxError(t, i, "a #set after '#' and a reference, where Velocity reads no #set");
      this.hashLeak = false;
    }
    if (name === 'stop' && t[j] !== '(') {
      this.emitDirective('#stop()', j);
    } else if (name === 'break' && t[j] !== '(') {
      this.emitDirective(`#${BREAK_MACRO}()`, j);
    } else if (t[open] === '(' && name !== 'else' && name !== 'end') {
      const end = argumentsEnd(t, open);
      if (end < 0) throw syntaxError(t, open, `the arguments of #${name} do not close`);
      checkArguments(t, open, end, false);
      const args = renameWords(dropStraySigns(t.slice(open, end)));
      const start = this.out.length;
      const foreach = name === 'foreach' ? foreachHeader(args, literal => this.hoist(literal)) : undefined;
      const head = name === 'evaluate' ? '#eval' : name === 'include' || name === 'parse' ? `#${INCLUDE_MACRO}` : `#${name}${t.slice(j, open)}`;
      const hoisted = name === 'if' || name === 'elseif' || name === 'set' ? hoistOperandLiterals(args, LITERAL_VARIABLE_PREFIX, this.literals) : args;
      const source = foreach ?? head + hoisted;
      this.argumentSpans.push([start, start + source.length]);
      this.emitDirective(source, end);
      if (name === 'set' && this.callLeak !== undefined && /\$!?$/.test(t.slice(Math.max(0, i - 2), i))) {
        // A `#set` after `$` signs, in a leaked call: see `signComment`.
        this.signComment = true;
        this.afterDirective = false;
      }
    } else if (this.macros.has(name) && !DIRECTIVES.has(name) && t[open] !== '(') {
      // A macro called without arguments.
      this.emitDirective(`#${name}()`, j);
    } else if (name === 'else' || name === 'end') {
      // Braced, so that text after it (`#else#[[raw]]#`) does not read as part of its name.
      this.emitDirective(`#{${name}}`, j);
    } else if (DIRECTIVES.has(name)) {
      this.emitDirective(t.slice(i, j), j);
    } else {
      this.emit(t.slice(i, j), j);
      this.dotLeavesCall = this.callLeak !== undefined;
    }
  }

  /**
   * `#@name(...)...#end`, a block macro call: Velocity calls the macro, which writes the body where it
   * writes `$bodyContent` (the sandbox renders it there, see `getMacroBody`). A call of a macro the
   * template does not define is written as it stands, body and all, unrendered (see `endUnknownCall`).
   */
  private blockMacroCall(name: string, open: number): void {
    const { t, i } = this;
    const end = argumentsEnd(t, open);
    if (end < 0) throw syntaxError(t, open, `the arguments of #@${name} do not close`);
    checkArguments(t, open, end, false);
    if (!this.macros.has(name)) {
      this.blocks.push({ name: '@', at: i, unknownCall: { out: this.out.length, escapes: this.escapedReferences.length } });
      this.emit(NOTHING, end);
      return;
    }
    this.blocks.push({ name: '@', at: i });
    // After NOTHING: velocityjs cannot read `#@` right after an unbraced reference (`$a#@m()`).
    this.out += NOTHING;
    const start = this.out.length;
    const source = `#@${name}${renameWords(dropStraySigns(t.slice(open, end)))}`;
    this.argumentSpans.push([start, start + source.length]);
    this.emitDirective(source, end);
  }

  /** The `#end` (ending at `end`) of a call of an unknown macro: the call, as written, replaces what its body became. */
  private endUnknownCall(block: Block, end: number): void {
    const { out, escapes } = block.unknownCall!;
    this.out = this.out.slice(0, out) + NOTHING + asText(this.t.slice(block.at, end));
    this.escapedReferences.length = escapes;
    this.argumentSpans = this.argumentSpans.filter(([a]) => a < out);
    this.i = end;
    this.afterText = true;
  }

  /** Keeps the block stack: `#end` closes the innermost block (returned); `#else` and `#elseif` need an `#if`. */
  private track(name: string, at: number, withArguments: boolean): Block | undefined {
    const { t } = this;
    if (BLOCK_DIRECTIVES.has(name) || name === 'elseif') {
      if (!withArguments) throw syntaxError(t, at, `#${name} without its arguments`);
      if (name !== 'elseif') this.blocks.push({ name, at });
    }
    const ended = name === 'end' ? this.blocks.pop() : undefined;
    if (name === 'end' && ended === undefined) throw syntaxError(t, at, '#end without a block to end');
    if (name === 'else' || name === 'elseif') {
      const block = this.blocks[this.blocks.length - 1];
      if (block?.name !== 'if') throw syntaxError(t, at, `#${name} outside an #if`);
      if (block.elsed) throw syntaxError(t, at, `#${name} after the #else of its #if`);
      if (name === 'else') block.elsed = true;
    }
    return ended;
  }

  private backslashes(afterSigil: '$' | '#' | undefined): void {
    const { t, i } = this;
    const run = /^\\+/.exec(t.slice(i, i + 1000))![0];
    const next = i + run.length;
    const odd = run.length % 2 === 1;
    const reference = afterSigil === undefined && t[next] === '$' ? scanReference(t, next + (t[next + 1] === '!' ? 2 : 1)) : undefined;
    const word = t[next] === '#' ? DIRECTIVE_WORD.exec(t.slice(next, next + 200)) : null;
    const blockCall = odd && t[next] === '#' ? BLOCK_CALL.exec(t.slice(next, next + 200)) : null;
    // A backslash is a token of its own: `#set` indentation after it is dropped.
    this.afterText = false;
    if (afterSigil === undefined && t[next] === '$' && /^!?\.[a-zA-Z_]/.test(t.slice(next + 1, next + 4))) {
      // `\$.c` writes `.c`, backslashes and all gone, and drops the `.name`s after it; Velocity's lexer
      // is then in a property, as after `$a.b` (`\$.c##if(true)y#end` writes `.cy`).
      const at = next + (t[next + 1] === '!' ? 2 : 1);
      const name = /^\.[a-zA-Z_][a-zA-Z0-9_-]*/.exec(t.slice(at, at + 201))![0];
      const more = /^(?:\.[a-zA-Z_][a-zA-Z0-9_-]*|\[[^\]\n]*\])*/.exec(t.slice(at + name.length, at + 1000))![0];
      this.out += asText(name);
      this.i = at + name.length + more.length;
      this.afterProperty = true;
      this.wordLeak = 'property';
      this.hashAfterProperty();
    } else if (reference && odd) {
      const source = t.slice(next, reference.end);
      this.escapedReferences.push(source);
      this.out += asText('\\'.repeat((run.length - 1) / 2));
      const at = this.out.length;
      const renamed = renameWords(dropStraySigns(source));
      this.out += `#${ESCAPED_REFERENCE_MACRO}(${renamed})`;
      this.i = reference.end;
      // Velocity's lexer reads an escaped reference as it reads the reference: it is left in the same
      // state after it (`\$a.b##c` writes `##c`, a `##` after `\$t` in a leaked call is a comment).
      const braced = t[next + 1] === '{' || (t[next + 1] === '!' && t[next + 2] === '{');
      this.afterReference = !braced;
      this.afterProperty = reference.endsWithProperty || reference.indexesAfter === 'property';
      this.wordLeak = !braced && reference.endsWithCall ? 'call' : undefined;
      this.lastProperty = !braced && reference.endsWithProperty
        ? { at, end: this.out.length, source: renamed, bang: false, escaped: this.escapedReferences.length - 1 } : undefined;
      this.hashAfterProperty();
    } else if (reference) {
      // velocityjs halves an even run before a reference as Velocity does.
      this.out += run;
      this.i = next;
    } else if (blockCall) {
      // `\#@m` is no block macro call, and keeps its backslash: Velocity knows no macro named `@m`.
      this.out += asText(t.slice(i, next + blockCall[0].length));
      this.i = next + blockCall[0].length;
    } else if (word && odd && (DIRECTIVES.has(word[1] ?? word[2]) || this.macros.has(word[1] ?? word[2]))) {
      // An escaped directive or macro is text, less one backslash.
      this.out += asText('\\'.repeat((run.length - 1) / 2) + t.slice(next, next + word[0].length));
      this.i = next + word[0].length;
    } else {
      if (next + 1 === t.length && (t[next] === '#' || t[next] === '$')) throw syntaxError(t, next, `the template ends with '${t[next]}'`);
      this.out += asText(run);
      this.i = next;
    }
  }

  private dollar(sigil: '$' | '#' | undefined, afterProperty: boolean, elseLeak: VelocityLexer['elseLeak']): void {
    const { t, i } = this;
    const afterReferencePair = elseLeak === 'pending' || elseLeak === 'chained';
    const bang = t[i + 1] === '!';
    const start = i + (bang ? 2 : 1);
    if (afterProperty && t[start] === '.' && /^[a-zA-Z_]/.test(t.slice(start + 1, start + 2))) {
      // Right after a property, `$.c`, `$.c(1)` and their own properties and calls are read as more
      // of it: they continue the reference right before (see `continueProperty`), or write nothing.
      // Velocity's lexer then waits for a `}` (see `braceLeak`).
      let more = scanReference(t, start + 1)!;
      let end = more.end;
      if (more.bareBeforeParenthesis) {
        const close = argumentsEnd(t, end);
        if (close < 0) throw syntaxError(t, end, `the method call at column ${end + 1} does not close`);
        const after = t[close] === '.' || t[close] === '[' ? scanReference(`x${t.slice(close)}`, 0)! : undefined;
        end = close + (after ? after.end - 1 : 0);
        more = { ...more, endsWithProperty: after?.endsWithProperty ?? false };
      }
      // NOTHING keeps text after it from running on into the reference before it.
      this.emit(this.continueProperty(t.slice(start, end)) ? '' : NOTHING, end);
      this.afterProperty = more.endsWithProperty || more.indexesAfter !== undefined
        || (end === start + 1 + IDENTIFIER.exec(t.slice(start + 1, start + 201))![0].length);
      this.wordLeak = 'property';
      this.braceLeak = true;
      this.hashAfterProperty();
      return;
    }
    if (this.callLeak !== undefined && sigil === '$' && !bang && t[start] === '.' && /^[a-zA-Z]/.test(t.slice(start + 1, start + 2))) {
      // After another sign, `$.c` is text, and a `##` next starts a comment (see `signComment`).
      const name = /^\.[a-zA-Z_][a-zA-Z0-9_-]*/.exec(t.slice(start, start + 201))![0];
      // Velocity reads a `(` right after it as a method call that never closes.
      if (t[start + name.length] === '(') throw syntaxError(t, start + name.length, `a '(' after '$${name}', where Velocity still reads the arguments of the method call at column ${this.callLeak + 1}`);
      this.out += asText('$' + name);
      this.i = start + name.length;
      this.afterText = true;
      this.signComment = true;
      // And a `}` next is text too (`$a.b($$.c}` writes `($$.c}`).
      this.braceAfterWord = true;
      return;
    }
    if (this.callLeak !== undefined && !bang && t[start] === '.' && /^[a-zA-Z]/.test(t.slice(start + 1, start + 2))) {
      // In a leaked call, `$.c` writes `.c`: the `.` is text and `c` a word in a property (see `wordLeak`).
      this.emit(asText('.'), start + 1);
      this.wordLeak = 'property';
      return;
    }
    const reference = start < t.length ? scanReference(t, start) : undefined;
    if (reference) {
      if (sigil === '#') this.hashLeak = true;
      // Only an unbraced reference can run on into what follows it, or a braced one that follows it.
      const braced = t[start] === '{';
      this.afterReference = !braced || afterProperty || afterReferencePair;
      // Indexes after a property (`$a.b[0]`) leave Velocity's lexer in the property.
      const inProperty = reference.indexesAfter === 'property';
      this.afterProperty = reference.endsWithProperty || inProperty || (braced && afterProperty);
      this.wordLeak = (braced && afterProperty) || inProperty ? 'property' : !braced && reference.endsWithCall ? 'call' : undefined;
      if (!braced && afterProperty) this.elseLeak = 'pending';
      else if (braced && afterReferencePair) this.elseLeak = 'chained';
      // `$a.b$c${d}`: the `}` ends where `$c` began, in the property.
      if (braced && elseLeak === 'pending') this.afterProperty = true;
      const source = renameWords(dropStraySigns(t.slice(start, reference.end))).replace(/^(\{?)([a-zA-Z_][a-zA-Z0-9_-]*)/, (_, brace, name) => brace + variableName(name));
      const callBeforeDot = !reference.endsWithProperty ? null : CALL_BEFORE_DOT.exec(t.slice(reference.end, reference.end + 6));
      const callBeforeDirective = reference.endsWithProperty
        && ((t.startsWith('(#', reference.end) && !strayHash(t, reference.end + 1))
          || (t[reference.end] === '(' && SIGNS_BEFORE_DIRECTIVE.test(t.slice(reference.end + 1, reference.end + 1000)))
          || (t.startsWith('(#', reference.end) && SIGNS_BEFORE_DIRECTIVE.test(t.slice(reference.end + 2, reference.end + 1000)))
          || (t[reference.end] === '(' && SIGNS_BEFORE_COMMENT.test(t.slice(reference.end + 1, reference.end + 1000)))
          || (t[reference.end] === '(' && SIGNS_BEFORE_DOT.test(t.slice(reference.end + 1, reference.end + 1000)))
          || (t.startsWith('(#', reference.end) && SIGNS_BEFORE_COMMENT.test(t.slice(reference.end + 2, reference.end + 1000))));
      // `$e(` and `$a.b(#if`: the reference, then the text `(`.
      const bare = reference.bareBeforeParenthesis || callBeforeDirective || callBeforeDot !== null;
      const at = this.out.length;
      this.emit(`${bang ? '$!' : '$'}${bare ? `{${source}}` : source}`, reference.end);
      this.lastProperty = !braced && !bare && reference.endsWithProperty ? { at, end: this.out.length, source, bang } : undefined;
      if (callBeforeDot !== null) {
        // The `(` and the `.` are text, and Velocity's lexer is in a property again (see `wordLeak`):
        // `$a.b(.c.d` writes `(.c`. After `($`, it is in the call's arguments once the property ends
        // (see `callLeak`): `$a.b($.c` and `$a.b(#$.c` write `(.c` too.
        const dollarDot = callBeforeDot[0].includes('$');
        this.emit(asText('(.'), reference.end + callBeforeDot[0].length - 1);
        this.wordLeak = 'property';
        if (dollarDot) this.callLeak ??= reference.end;
        return;
      }
      if (callBeforeDirective) {
        this.callLeak ??= reference.end;
        this.emit('(', reference.end + 1);
        this.afterReference = false;
        // In the call's arguments, a `#set` may follow after all (see `hashLeak`).
        this.hashLeak = false;
        return;
      }
      this.hashAfterProperty();
      return;
    }
    if (start >= t.length) throw syntaxError(t, i, `the template ends with '${bang ? '$!' : '$'}'`);
    if (this.callLeak !== undefined && SIGNS_BEFORE_LINE_COMMENT.test(t.slice(i, i + 1000))) {
      // In a leaked call, `$` signs before `##` are text, and the comment ends after its newline
      // (`$a.b($!##c<newline>x` writes `($!x`), where a `##` right after the `(` is text.
      const run = /^(?:\$!?)+/.exec(t.slice(i, i + 1000))![0];
      this.out += asText(run);
      this.i = i + run.length;
      this.lineComment();
      return;
    }
    const signs = /^(?:\$!?)*/.exec(t.slice(start, start + 1000))![0];
    const after = t.slice(start + signs.length, start + signs.length + 200);
    const word = DIRECTIVE_WORD.exec(after) ?? BLOCK_CALL.exec(after);
    if (word && !GRAMMAR_DIRECTIVES.has(word[1] ?? word[2])) {
      // After a `$`, a directive Velocity's grammar does not read itself is text, arguments and all.
      let end = start + signs.length + word[0].length;
      if (t[end] === '(') {
        const close = t.indexOf(')', end);
        end = close < 0 ? t.length : close + 1;
      }
      this.out += asText(t.slice(i, end));
      this.i = end;
      this.afterText = true;
      // In a leaked call, a `.name` next leaves it, as after a `#word` that is text (see `leaveLeakedCall`).
      this.dotLeavesCall = this.callLeak !== undefined;
      return;
    }
    if (this.beforeDirectiveOrComment(start + signs.length)) {
      // `$` signs right before a directive or a comment write nothing.
      this.emit('', start + signs.length);
      return;
    }
    // `$!` before what cannot start a reference writes `$` only; `${`, `$!{` and `$!}` stay as they are.
    // `$!` before more signs and a reference or a `.name` keeps its `!` too (`$!$.c` writes `$!$.c`).
    const keepsBang = t[start] === '{' || t[start] === '}' || (t[start] === '$' && /^(?:\$!?)+(?:[a-zA-Z_{]|\.[a-zA-Z_])/.test(t.slice(start, start + 1000)));
    this.out += bang && !keepsBang ? asText('$') : asText(t.slice(i, start));
    this.i = start;
    this.afterText = true;
    this.afterSigil = '$';
  }

  /**
   * `$.c`, `$.c(1).d` right after a reference that ends with a property, with nothing between: Velocity
   * reads it as more of that reference (`$a.b$.c` is `$a.b.c`, and `\$a.b$.c` writes `\$a.b.c`).
   * Elsewhere after a property (after `$a.b${c}` or a leaked word) it writes nothing.
   */
  private continueProperty(tail: string): boolean {
    const last = this.lastProperty;
    this.lastProperty = undefined;
    if (last === undefined || last.end !== this.out.length) return false;
    const source = last.source + renameWords(dropStraySigns(tail));
    if (last.escaped === undefined) {
      this.out = `${this.out.slice(0, last.at)}${last.bang ? '$!' : '$'}{${source}}`;
    } else {
      this.escapedReferences[last.escaped] += tail;
      this.out = `${this.out.slice(0, last.at)}#${ESCAPED_REFERENCE_MACRO}(${source})`;
    }
    this.lastProperty = { ...last, source, end: this.out.length };
    return true;
  }

  /** After a property, `##` starts no comment (see `leakedHashes`). */
  private hashAfterProperty(): void {
    if (!this.afterProperty || !this.t.startsWith('##', this.i)) return;
    if (this.i + 2 === this.t.length) throw syntaxError(this.t, this.i, "the template ends with '##' after a reference");
    this.leakedHashes();
  }

  /**
   * `##` where Velocity's lexer is a state behind (after a property, `callLeak`, `elseLeak`): it
   * starts no comment. Before `#`, `#if`, `#elseif`, `#else` or `#end` (the directives Velocity's
   * grammar reads itself) the first `#` is dropped and the second starts what it starts; a `#set`
   * there fails; before anything else, both are text with the word after them (`##foreach` is
   * text). Velocity reads `##m(...)` as a directive named `#m`, which it does not know: it writes
   * the call as it stands, arguments and all (`##m($x)` writes `##m($x)`), once they parse.
   */
  private leakedHashes(): void {
    const { t, i } = this;
    const rest = t.slice(i + 1, i + 200);
    if (/^#(?:set|\{set\})[ \t]*\(/.test(rest)) throw syntaxError(t, i + 1, "a #set after '#', where Velocity reads no #set");
    const word = DIRECTIVE_WORD.exec(rest) ?? BLOCK_CALL.exec(rest);
    const name = word?.[1] ?? word?.[2];
    if (rest.startsWith('##')) {
      this.i = i + 1;
      this.lineComment();
      return;
    }
    if (rest.startsWith('#*')) {
      // In a leaked call, the first `#` is a token of its own that writes nothing and the second
      // starts a block comment: `$a.b(##*c*#x` writes `(x`, as `$a.b(#*c*#x` does.
      this.i = i + 1;
      this.blockComment();
      return;
    }
    const raw = rest.startsWith('#[[') ? t.indexOf(']]#', i + 4) : -1;
    if (raw >= 0) {
      // `#` and a raw block are one token, as `$` signs and one are (see `signsBeforeRaw`): `##[[r]]#` writes `[r`.
      this.emit(asText(t.slice(i, raw).slice(3)), raw + 3);
      return;
    }
    if (name !== undefined && GRAMMAR_DIRECTIVES.has(name)) {
      this.emit('', i + 1);
      this.hashedDirective = true;
      return;
    }
    let end = i + 2 + (word ? word[0].length - 1 : 0);
    const open = word ? end + /^[ \t\n\r]*/.exec(t.slice(end, end + 200))![0].length : -1;
    if (t[open] === '(') {
      end = argumentsEnd(t, open);
      if (end < 0) throw syntaxError(t, open, `the arguments of ##${name} do not close`);
      checkArguments(t, open, end, false);
      // In a leaked call, the spaces and the newline after it are its own, as a directive's are.
      const newline = this.callLeak === undefined ? null : /^[ \t]*\n/.exec(t.slice(end, end + 200));
      end += newline?.[0].length ?? 0;
    }
    this.out += asText(t.slice(i, end));
    this.i = end;
    this.afterText = true;
    // Velocity's lexer is back where a `##` starts a comment.
    if (word && t.startsWith('##', end)) this.lineComment();
    // In a leaked call, `##x.c` and `##m().c` are text and leave the call, as `#x.c` does (see `leaveLeakedCall`).
    else if (word) this.dotLeavesCall = this.callLeak !== undefined;
  }

  /** Velocity's lexer is back in a property (`$a.b`): see `afterProperty` and `wordLeak`. */
  private resumeProperty(): void {
    this.afterProperty = true;
    this.wordLeak = 'property';
    this.hashAfterProperty();
  }

  /** A `(` where Velocity's lexer is still in a property: it opens a method call (see `callLeak`). */
  private openLeakedCall(): void {
    this.callLeak = this.i;
    this.emit('(', this.i + 1);
  }

  /**
   * `$` and `$!` signs (with their backslashes) right before a raw block: Velocity's lexer reads them
   * and the raw block as one token, and writes that token without its first three characters
   * (`$#[[r]]#` writes `[r`, `$!#[[r]]#` `[[r`, `$$!#[[r]]#` `#[[r`). False when the block does not close.
   */
  private signsBeforeRaw(): boolean {
    const { t, i } = this;
    const open = i + SIGNS_BEFORE_RAW.exec(t.slice(i, i + 1000))![0].length;
    const close = t.indexOf(']]#', open);
    if (close < 0) return false;
    this.emit(asText(t.slice(i, close).slice(3)), close + 3);
    this.signComment = this.callLeak !== undefined;
    return true;
  }

  /** A word right after a directive, a macro call or a comment in a leaked call (see `afterDirective`). */
  private wordAfterDirective(): void {
    const { t, i } = this;
    const word = IDENTIFIER.exec(t.slice(i, i + 200))![0];
    const chain = scanReference(t, i)!;
    this.out += word;
    this.i = chain.end;
    this.afterText = true;
    if (chain.end === i + word.length) return;
    this.callLeak = undefined;
    this.inLeakedProperty();
  }

  /** A word after `signComment`: text, after which `##` still starts a comment. */
  private wordAfterSignComment(): void {
    const word = /^[a-zA-Z0-9_-]+/.exec(this.t.slice(this.i, this.i + 200))![0];
    this.out += word;
    this.i += word.length;
    this.afterText = true;
    this.signComment = true;
  }

  /** A word right after a reference, where Velocity's lexer still reads a reference (see `wordLeak`). */
  private wordAfterReference(leak: 'call' | 'property', brace: boolean): void {
    const { t, i } = this;
    const word = IDENTIFIER.exec(t.slice(i, i + 200))![0];
    const chain = scanReference(t, i)!;
    this.out += word;
    this.i = chain.end;
    this.afterText = true;
    this.afterProperty = chain.endsWithProperty || (leak === 'property' && chain.end === i + word.length);
    this.braceLeak = brace && chain.end === i + word.length;
    this.braceAfterWord = leak === 'property' && this.callLeak !== undefined;
    if (!this.braceLeak) this.hashAfterProperty();
  }

  /** The `}` that ends a `braceLeak`: text, after which Velocity's lexer is as after `$a.b${c}`. */
  private closeBraceLeak(): void {
    this.out += asText('}');
    this.i++;
    this.afterText = true;
    this.afterProperty = true;
    this.wordLeak = 'property';
    this.hashAfterProperty();
  }

  /** Text where Velocity's lexer reads the arguments of a method call (see `callLeak`). */
  private callArgumentText(c: string, afterReference: boolean, sigil: '$' | '#' | undefined, dotLeaves: boolean, dotText: boolean): void {
    const { t, i } = this;
    // Right after a reference, `{` and `}` are text too; so is a `(` that ends the template.
    if (/[a-zA-Z0-9_-]/.test(c) || (afterReference && (c === '{' || c === '}')) || (c === '(' && i + 1 === t.length)) {
      this.text(c, undefined);
    } else if ((c === '}' || c === '{') && sigil === '$') {
      // A brace right after a `$` or `$!` that starts nothing (or after `${`) is text, and so is a
      // `.name` after it, which after a `}` leaves the call: `$u.e(#if(true)$!}.x y` writes
      // `($!}.x y`, `${.x` writes `${.x` and `${}` writes `${}`.
      this.text(c, undefined);
      if (c === '{') {
        this.afterSigil = '$';
        this.dotIsText = true;
      } else {
        this.dotLeavesCall = true;
      }
    } else if (c === '"' || c === "'") {
      const end = stringEnd(t, i);
      if (end < 0) throw syntaxError(t, i, `a string that does not close, where Velocity still reads the arguments of the method call at column ${this.callLeak! + 1}`);
      this.out += asText(t.slice(i, end));
      this.i = end;
      this.afterText = true;
    } else if (c === '.' && dotLeaves && /^[a-zA-Z_]/.test(t.slice(i + 1, i + 2))) {
      this.leaveLeakedCall();
    } else if (c === '.' && dotText && /^[a-zA-Z_]/.test(t.slice(i + 1, i + 2))) {
      const name = /^\.[a-zA-Z_][a-zA-Z0-9_-]*/.exec(t.slice(i, i + 201))![0];
      // The first name is text, those after it are properties of nothing (`${.x.y}` writes `${.x}`),
      // and a `}` next is text, as after the `${`.
      const more = /^(?:\.[a-zA-Z_][a-zA-Z0-9_-]*)*/.exec(t.slice(i + name.length, i + name.length + 1000))![0];
      this.out += asText(name);
      this.i += name.length + more.length;
      this.afterText = true;
      this.afterSigil = '$';
    } else if (c === '.' && /^[a-zA-Z_]/.test(t.slice(i + 1, i + 2))) {
      // Velocity reads `.b` as a property of nothing, which writes nothing.
      this.i += 1 + /^[a-zA-Z0-9_-]*/.exec(t.slice(i + 1, i + 201))![0].length;
    } else {
      const shown = c === '\n' ? '\\n' : c;
      throw syntaxError(t, i, `'${shown}' where Velocity still reads the arguments of the method call at column ${this.callLeak! + 1}`);
    }
  }

  /**
   * `.name` right after a `#` that starts nothing, or a `#word` that is text, in a leaked call: it is
   * text, and Velocity's lexer leaves the call's arguments for a property (see `afterProperty`), where
   * more `.name`s write nothing: `$a.b(#.c.d x` writes `(#.c x`, `$a.b(#x.c##y` writes `(#x.c##y`.
   */
  private leaveLeakedCall(): void {
    const name = /^\.[a-zA-Z_][a-zA-Z0-9_-]*/.exec(this.t.slice(this.i, this.i + 201))![0];
    this.out += asText(name);
    this.i += name.length;
    this.afterText = true;
    this.callLeak = undefined;
    this.inLeakedProperty();
  }

  /** A `.name` after `leaveLeakedCall`: a property of nothing. */
  private dropLeakedProperty(): void {
    this.i += /^\.[a-zA-Z_][a-zA-Z0-9_-]*/.exec(this.t.slice(this.i, this.i + 201))![0].length;
    this.inLeakedProperty();
  }

  private inLeakedProperty(): void {
    this.dotLeak = true;
    this.resumeProperty();
  }

  /** Sets `literal` to a variable before the template; returns the variable. */
  private hoist(literal: string): string {
    this.literals.push(literal);
    return `$${LITERAL_VARIABLE_PREFIX}${this.literals.length - 1}`;
  }

  private beforeDirectiveOrComment(at: number): boolean {
    const rest = this.t.slice(at, at + 200);
    if (rest.startsWith('#*') || SET_WITH_INDENT.test(rest)) return true;
    const word = DIRECTIVE_WORD.exec(rest);
    return word !== null && GRAMMAR_DIRECTIVES.has(word[1] ?? word[2]);
  }

  private setIndent(afterReference: boolean): void {
    this.hashLeak = false;
    const run = /^[ \t]+/.exec(this.t.slice(this.i, this.i + 120))![0];
    // In a leaked call, the indentation is always the #set's.
    if (this.afterText && this.callLeak === undefined) this.out += run;
    this.i += run.length;
    // The `#set` after the indentation still follows the reference.
    this.afterReference = afterReference;
  }
}
