import { TemplateError } from './template-error';

/** The pieces of Velocity 1.7's grammar `velocity-lexer.ts` needs to find where tokens end. */

export const IDENTIFIER = /^[a-zA-Z_][a-zA-Z0-9_-]*/;

function lineAt(template: string, i: number): number {
  return template.slice(0, i).split('\n').length;
}

/**
 * In arguments, Velocity drops a `#`, or two, right before one of these (`$a.b('x'#)`,
 * `[1#]`, `#'x'`, `##)`; three start a comment): it starts no directive there. Before anything else, a `#` fails to parse.
 */
const STRAY_HASHES = /^#{1,2}[)\]}"'$]/;

/** Whether the `#` at `j` is stray (see `STRAY_HASHES`). */
export function strayHash(t: string, j: number): boolean {
  return STRAY_HASHES.test(t.slice(j, j + 1000));
}

/** A syntax error at `i`, as Velocity would report the template. */
export function syntaxError(template: string, i: number, what: string): TemplateError {
  return new TemplateError(`syntax error: ${what}`, lineAt(template, i));
}

/** Whether the text ends with something Velocity's lexer reads as the start of a longer token. */
export function endsInsideToken(text: string): boolean {
  return /(?:\$!?|#)$/.test(text);
}

/** The end of a quoted string that starts at `i`, or -1. */
export function stringEnd(t: string, i: number): number {
  const close = t.indexOf(t[i], i + 1);
  return close < 0 ? -1 : close + 1;
}

/**
 * The end of the bracketed arguments that open at `i` (`(`, `[` or `{`), or -1 when they do not
 * close. Throws when a `#` stands outside a string in them: Velocity refuses a directive there.
 */
export function argumentsEnd(t: string, i: number): number {
  let depth = 0;
  for (let j = i; j < t.length; j++) {
    const c = t[j];
    if (c === '"' || c === "'") {
      const end = stringEnd(t, j);
      if (end < 0) return -1;
      j = end - 1;
    } else if (c === '#' && !strayHash(t, j)) {
      throw syntaxError(t, j, `'#' inside the arguments that open at column ${i + 1}`);
    } else if (c === '(' || c === '[' || c === '{') {
      depth++;
    } else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}

/**
 * Throws where Velocity's lexer refuses a character in arguments from `open` to `close` (outside
 * strings): any character that is not ASCII, and, in a method call's arguments, which hold values
 * only, an operator (`$a.b(1 + 2)`, `$a.b(=)`) or a `:` outside a map.
 */
export function checkArguments(t: string, open: number, close: number, method: boolean): void {
  let braces = 0;
  for (let j = open + 1; j < close - 1; j++) {
    const c = t[j];
    if (c === '"' || c === "'") {
      j = stringEnd(t, j) - 1;
      continue;
    }
    if (c === '{') braces++;
    if (c === '}') braces--;
    const refused = c > '\x7f'
      || (method && ('+<>*;@&|%/?='.includes(c) || (c === '!' && t[j - 1] !== '$') || (c === ':' && braces === 0)));
    if (refused) throw syntaxError(t, j, `'${c}' cannot stand in the arguments that open at column ${open + 1}`);
  }
}

/** A reference that starts after `$` or `$!`. */
export interface ReferenceScan {
  readonly end: number;
  /** A bare `$name` right before `(`: Velocity reads the `(` as text. */
  readonly bareBeforeParenthesis: boolean;
  /** An unbraced reference that ends with a property (`$a.b`): a `##` right after it is text. */
  readonly endsWithProperty: boolean;
  /** A reference that ends with a method call or an index (`$a.b()`, `$a[0]`). */
  readonly endsWithCall: boolean;
  /**
   * An unbraced reference that ends with indexes after a property (`$a.b[0]`): Velocity's lexer is
   * still in the property, as after `$a.b`. `afterName`: the indexes follow the name itself (`$a[0]`).
   */
  readonly indexesAfter?: 'property' | 'name';
}

/**
 * A `(` that opens no method call: the `.` and name after it (`$a.b(.c`, `$a.b($.c`, `$a.b(#$.c`,
 * `$a.b(#$!.c`) are no argument.
 */
export const CALL_BEFORE_DOT = /^\((?:#?\\*\$!?)?\.[a-zA-Z]/;

/**
 * `$` signs (with their backslashes) before a `$.name` or a `}`: right after `$a.b(`, Velocity reads
 * no call but text, with its lexer left in the call's arguments (see `callLeak`): `$a.b($$.c` writes
 * `($$.c`, `$a.b($}` writes `($}`.
 */
export const SIGNS_BEFORE_DOT = /^(?:\\*\$(?:\\*!)?)+(?:\$\.[a-zA-Z]|\})/;

/** The reference whose name starts at `i`, or `undefined` when none does. Throws where Velocity fails. */
export function scanReference(t: string, i: number): ReferenceScan | undefined {
  const braced = t[i] === '{';
  let j = braced ? i + 1 : i;
  const id = IDENTIFIER.exec(t.slice(j, j + 200));
  if (!id) return undefined;
  j += id[0].length;
  let modifiers = 0;
  let property = false;
  let last: 'name' | 'property' | 'call' = 'name';
  let indexesAfter: 'name' | 'property' | 'call' | undefined;
  for (;;) {
    if (t[j] === '.' && IDENTIFIER.test(t.slice(j + 1, j + 2))) {
      j += 1 + IDENTIFIER.exec(t.slice(j + 1, j + 201))![0].length;
      property = true;
      last = 'property';
      indexesAfter = undefined;
      // `$a.b(` at the very end is the property `b` and the text `(`; so is `$a.b(` before a
      // directive (`$a.b(#foreach...`) or a `.` and a name (`$a.b(.c`).
      if (t[j] === '(' && j + 1 < t.length && !/^\([^'"()]*#(?!#?[)\]}"'$])/.test(t.slice(j, j + 200)) && !CALL_BEFORE_DOT.test(t.slice(j, j + 6))
        && !SIGNS_BEFORE_DOT.test(t.slice(j + 1, j + 1000))) {
        const end = argumentsEnd(t, j);
        if (end < 0) throw syntaxError(t, j, `the method call at column ${j + 1} does not close`);
        checkArguments(t, j, end, true);
        j = end;
        property = false;
        last = 'call';
      }
    } else if (t[j] === '[') {
      if (/^\[\s*\]/.test(t.slice(j, j + 100))) throw syntaxError(t, j, `an empty index at column ${j + 1}`);
      const end = argumentsEnd(t, j);
      if (end < 0) throw syntaxError(t, j, `the index at column ${j + 1} does not close`);
      j = end;
      property = false;
      indexesAfter ??= last;
    } else {
      break;
    }
    modifiers++;
  }
  if (braced) {
    if (t[j] !== '}') throw syntaxError(t, j, `the reference at column ${i} does not end with '}'`);
    j++;
  }
  return {
    end: j,
    bareBeforeParenthesis: !braced && modifiers === 0 && t[j] === '(',
    endsWithProperty: !braced && property,
    endsWithCall: modifiers > 0 && !property,
    indexesAfter: braced || indexesAfter === 'call' ? undefined : indexesAfter,
  };
}

const OPERATOR_BEFORE = /(?:[=!<>]=|[<>+\-*/%]|&&|\|\|)\s*$/;
const OPERATOR_AFTER = /^\s*(?:[=!<>]=|[<>+\-*/%]|&&|\|\|)/;

/**
 * `args` (a directive's arguments, with their parentheses) with each constant list or map literal
 * that is an operand of an operator replaced by `$<prefix><n>`, its source added to `literals`,
 * and each index written as the `get` call it is.
 */
export function hoistOperandLiterals(args: string, prefix: string, literals: string[]): string {
  let out = '';
  let i = 0;
  while (i < args.length) {
    const c = args[i];
    const formalReference = c === '{' && /\$!?$/.test(args.slice(Math.max(0, i - 2), i));
    if (c === '"' || c === "'") {
      const end = stringEnd(args, i);
      out += args.slice(i, end);
      i = end;
    } else if (c === '[' && /[\w)\]]$/.test(args.slice(Math.max(0, i - 1), i))) {
      // An index (`$a[0]`), which velocityjs cannot read before an operator in a condition: the
      // `get` call Velocity makes of it.
      const end = argumentsEnd(args, i);
      out += `.get(${hoistOperandLiterals(args.slice(i + 1, end - 1), prefix, literals)})`;
      i = end;
    } else if (i > 0 && (c === '[' || (c === '{' && !formalReference))) {
      const end = argumentsEnd(args, i);
      const literal = args.slice(i, end);
      if (!literal.includes('$') && (OPERATOR_BEFORE.test(args.slice(0, i)) || OPERATOR_AFTER.test(args.slice(end)))) {
        out += `$${prefix}${literals.length}`;
        literals.push(literal);
      } else {
        out += literal;
      }
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Where the string that opens at `i` ends, or the end of `t` when it does not close. */
export function stringStop(t: string, i: number): number {
  const end = stringEnd(t, i);
  return end < 0 ? t.length : end;
}

/** The arguments of a macro call written as `source` (`#m(a, "b c")`), each as it is written. */
export function callArguments(source: string): string[] {
  const open = source.indexOf('(');
  if (open < 0) return [];
  const inner = source.slice(open + 1, source.lastIndexOf(')'));
  const args: string[] = [];
  let depth = 0;
  let current = '';
  for (let j = 0; j < inner.length; j++) {
    const c = inner[j];
    if (c === '"' || c === "'") {
      const stop = stringStop(inner, j);
      current += inner.slice(j, stop);
      j = stop - 1;
      continue;
    }
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth--;
    if (depth === 0 && (c === ',' || /\s/.test(c))) {
      if (current !== '') args.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (current !== '') args.push(current);
  return args;
}
