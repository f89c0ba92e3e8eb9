import { argumentsEnd, checkArguments, endsInsideToken, hoistOperandLiterals, scanReference, syntaxError } from './velocity-scan';
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
 *   `#evaluate` renders its argument.
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
const DIRECTIVE_WORD = /^#(?:\{([a-zA-Z][a-zA-Z0-9_-]*)\}|([a-zA-Z][a-zA-Z0-9_-]*))/;
const SET_WITH_INDENT = /^[ \t]+#(?:set|\{set\})[ \t]*\(/;

/** A prepared template: the source for velocityjs and what the sandbox needs to render it. */
export interface PreparedTemplate {
  readonly source: string;
  /** The source of each escaped reference, in order of appearance (what `\$ref` writes). */
  readonly escapedReferences: readonly string[];
  /** Spans of `source` inside directive arguments: a syntax error there is Velocity's too. */
  readonly argumentSpans: ReadonlyArray<readonly [number, number]>;
}

/** Prepares `template` for velocityjs as described above; throws a `TemplateError` where Velocity fails. */
export function prepareTemplate(template: string): PreparedTemplate {
  return new VelocityLexer(template).prepare();
}

class VelocityLexer {
  private readonly macros = new Set<string>();
  private readonly escapedReferences: string[] = [];
  private readonly argumentSpans: Array<[number, number]> = [];
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
  /** Where each open block starts, to match `#end`s as Velocity does. */
  private readonly blocks: Array<{ readonly name: string; readonly at: number; elsed?: boolean }> = [];
  /** Whether the last token was text: spaces before a `#set` then belong to it. */
  private afterText = false;
  /** The `$` or `#` that started nothing just before, if any: a backslash after it is text. */
  private afterSigil: '$' | '#' | undefined;

  constructor(private readonly t: string) {
    for (const m of t.matchAll(/#\{?macro\}?[ \t]*\([ \t]*([a-zA-Z][a-zA-Z0-9_-]*)/g)) this.macros.add(m[1]);
  }

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
      if (c === '#') this.hash(reference);
      else if (c === '\\') this.backslashes(sigil);
      else if (c === '$') this.dollar(sigil);
      else if ((c === ' ' || c === '\t') && SET_WITH_INDENT.test(this.t.slice(this.i, this.i + 120))) this.setIndent(reference);
      else this.text(c, sigil);
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
    this.out += c;
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
  }

  private hash(afterReference: boolean): void {
    const { t, i } = this;
    if (afterReference && (t.startsWith('#[[', i) || (t.startsWith('#*', i) && !t.startsWith('#**', i)) || /^#(?:set|\{set\})[ \t]*\(/.test(t.slice(i, i + 20)))) {
      this.referenceLeak = true;
    }
    const blockCall = /^#@([a-zA-Z][a-zA-Z0-9_-]*)/.exec(t.slice(i, i + 200));
    if (blockCall && this.macros.has(blockCall[1])) this.blocks.push({ name: '@', at: i });
    if (t.startsWith('##', i)) this.lineComment();
    else if (t.startsWith('#[[', i)) this.rawBlock();
    else if (t.startsWith('#*', i)) this.blockComment();
    else this.directive(afterReference);
  }

  private lineComment(): void {
    const { t, i } = this;
    const nl = t.indexOf('\n', i);
    if (nl < 0 && endsInsideToken(t.slice(i + 2))) throw this.endsInComment('##');
    this.emit(NOTHING, nl < 0 ? t.length : nl + 1);
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
      return;
    }
    // Velocity reads an open comment to the end of the template.
    if (t.length === i + 2 || endsInsideToken(t.slice(i + 2))) throw this.endsInComment('#*');
    this.i = t.length;
  }

  private directive(afterReference: boolean): void {
    const { t, i } = this;
    const word = DIRECTIVE_WORD.exec(t.slice(i, i + 200));
    if (!word && SET_WITH_INDENT.test(t.slice(i + 1, i + 120))) {
      // A `#` right before an indented `#set` writes nothing, nor does the indentation.
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
    this.track(name, i, t[open] === '(');
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
      const args = t.slice(open, end);
      checkArguments(t, open, end, false);
      const start = this.out.length;
      const head = name === 'evaluate' ? '#eval' : name === 'include' || name === 'parse' ? `#${INCLUDE_MACRO}` : t.slice(i, open);
      const hoisted = name === 'if' || name === 'elseif' || name === 'set' ? hoistOperandLiterals(args, LITERAL_VARIABLE_PREFIX, this.literals) : args;
      this.argumentSpans.push([start, start + head.length + hoisted.length]);
      this.emitDirective(head + hoisted, end);
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
    }
  }

  /** Keeps the block stack: `#end` closes the innermost block; `#else` and `#elseif` need an `#if`. */
  private track(name: string, at: number, withArguments: boolean): void {
    const { t } = this;
    if (BLOCK_DIRECTIVES.has(name) || name === 'elseif') {
      if (!withArguments) throw syntaxError(t, at, `#${name} without its arguments`);
      if (name !== 'elseif') this.blocks.push({ name, at });
    }
    if (name === 'end' && this.blocks.pop() === undefined) throw syntaxError(t, at, '#end without a block to end');
    if (name === 'else' || name === 'elseif') {
      const block = this.blocks[this.blocks.length - 1];
      if (block?.name !== 'if') throw syntaxError(t, at, `#${name} outside an #if`);
      if (block.elsed) throw syntaxError(t, at, `#${name} after the #else of its #if`);
      if (name === 'else') block.elsed = true;
    }
  }

  private backslashes(afterSigil: '$' | '#' | undefined): void {
    const { t, i } = this;
    const run = /^\\+/.exec(t.slice(i, i + 1000))![0];
    const next = i + run.length;
    const odd = run.length % 2 === 1;
    const reference = afterSigil === undefined && t[next] === '$' ? scanReference(t, next + (t[next + 1] === '!' ? 2 : 1)) : undefined;
    const word = t[next] === '#' ? DIRECTIVE_WORD.exec(t.slice(next, next + 200)) : null;
    // A backslash is a token of its own: `#set` indentation after it is dropped.
    this.afterText = false;
    if (reference && odd) {
      const source = t.slice(next, reference.end);
      this.escapedReferences.push(source);
      this.out += `${asText('\\'.repeat((run.length - 1) / 2))}#${ESCAPED_REFERENCE_MACRO}(${source})`;
      this.i = reference.end;
    } else if (reference) {
      // velocityjs halves an even run before a reference as Velocity does.
      this.out += run;
      this.i = next;
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

  private dollar(sigil: '$' | '#' | undefined): void {
    const { t, i } = this;
    const bang = t[i + 1] === '!';
    const start = i + (bang ? 2 : 1);
    const reference = start < t.length ? scanReference(t, start) : undefined;
    if (reference) {
      // `$e(`: the reference, then the text `(`.
      if (sigil === '#') this.hashLeak = true;
      // Only an unbraced reference can run on into what follows it.
      this.afterReference = t[start] !== '{';
      this.emit(reference.bareBeforeParenthesis ? `${bang ? '$!' : '$'}{${t.slice(start, reference.end)}}` : t.slice(i, reference.end), reference.end);
      if (reference.endsWithProperty && t.startsWith('##', this.i)) {
        // After a property, `##` starts no comment: the first `#` is text, the second starts what it starts.
        if (this.i + 2 === t.length) throw syntaxError(t, this.i, "the template ends with '##' after a reference");
        this.out += asText('#');
        this.i += 1;
        this.afterText = true;
      }
      return;
    }
    if (start >= t.length) throw syntaxError(t, i, `the template ends with '${bang ? '$!' : '$'}'`);
    const signs = /^(?:\$!?)*/.exec(t.slice(start, start + 1000))![0];
    const raw = t.startsWith('#[[', start + signs.length) ? t.indexOf(']]#', start + signs.length + 3) : -1;
    if (raw >= 0) {
      // Velocity writes `$#[[x]]#` as `[x`, `$$#[[x]]#` as `[[x`: a `[` for each `$`.
      const count = 1 + (signs.match(/\$/g) ?? []).length;
      this.emit(asText('['.repeat(count) + t.slice(start + signs.length + 3, raw)), raw + 3);
      return;
    }
    const word = DIRECTIVE_WORD.exec(t.slice(start + signs.length, start + signs.length + 200));
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
      return;
    }
    if (this.beforeDirectiveOrComment(start + signs.length)) {
      // `$` signs right before a directive or a comment write nothing.
      this.emit('', start + signs.length);
      return;
    }
    // `$!` before what cannot start a reference writes `$` only; `${` and `$!{` stay as they are.
    this.out += bang && t[start] !== '{' ? asText('$') : asText(t.slice(i, start));
    this.i = start;
    this.afterText = true;
    this.afterSigil = '$';
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
    if (this.afterText) this.out += run;
    this.i += run.length;
    // The `#set` after the indentation still follows the reference.
    this.afterReference = afterReference;
  }
}
