import { argumentsEnd, scanReference, strayHash, stringEnd, stringStop } from './velocity-scan';

/**
 * How Apache Velocity 1.7 reads the arguments of directives and method calls where velocityjs
 * reads them differently (each measured with `npm run oracle`'s harness).
 */

/**
 * Words velocityjs reads as operators or keywords inside arguments (`#if($in)`, `#set($x = $gt)`),
 * where Velocity reads a variable or a property of that name.
 */
const VELOCITYJS_WORDS = new Set(['in', 'null', 'gt', 'lt', 'eq', 'ne', 'le', 'ge', 'and', 'or', 'not']);
/** The macro a directive Velocity fails to run becomes: the sandbox fails with its message when it runs. */
export const FAIL_MACRO = 'cdkIntegrationResponsesFail';
/** The name a variable Velocity calls by one of those words gets in the template velocityjs reads. */
export const WORD_VARIABLE_PREFIX = 'cdkIntegrationResponsesWord_';

/** `name` as velocityjs can read it, for a variable's name. */
export function variableName(name: string): string {
  return VELOCITYJS_WORDS.has(name) ? WORD_VARIABLE_PREFIX + name : name;
}

/**
 * `source` (arguments, or a reference with its method calls) without the `$` and `$!` signs that
 * start no reference, nor the `#` signs that start nothing. Velocity's lexer reads such a sign as
 * the start of a reference or a directive, finds none and drops it, so `#if(true $)` is
 * `#if(true )` and `$a.b('x'#)` is `$a.b('x')`. A `$` before `{`, `[`, `.` or `\` stays: Velocity
 * fails there, and so does velocityjs.
 */
export function dropStraySigns(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '"' || c === "'") {
      const stop = stringStop(source, i);
      out += source.slice(i, stop);
      i = stop - 1;
    } else if (c === '$') {
      const sign = source[i + 1] === '!' ? 2 : 1;
      const next = source[i + sign] ?? '';
      if (/[a-zA-Z_{[.\\]/.test(next) || next === '' || next > '\x7f') out += c;
      else i += sign - 1;
    } else if (c === '#' && strayHash(source, i)) {
      continue;
    } else {
      out += c;
    }
  }
  return out;
}

/**
 * `args` (a directive's arguments) with each variable called by a word velocityjs reads as an
 * operator renamed (`$in` to `$cdkIntegrationResponsesWord_in`), and each property of that name
 * read with `get` (`$a.in` to `$a.get("in")`, which is how Velocity reads a map's entry; other
 * values have no such property either way).
 */
export function renameWords(args: string): string {
  let out = '';
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (c === '"' || c === "'") {
      const stop = stringStop(args, i);
      out += args.slice(i, stop);
      i = stop - 1;
      continue;
    }
    const word = /^[a-zA-Z_][a-zA-Z0-9_-]*/.exec(args.slice(i, i + 200))?.[0];
    if (word === undefined) {
      out += c;
      continue;
    }
    const before = args.slice(Math.max(0, i - 3), i);
    const after = args[i + word.length];
    if (VELOCITYJS_WORDS.has(word) && /\$!?\{?$/.test(before)) {
      out += WORD_VARIABLE_PREFIX + word;
    } else if (VELOCITYJS_WORDS.has(word) && before.endsWith('.') && after !== '(') {
      out = `${out.slice(0, -1)}.get("${word}")`;
    } else {
      out += word;
    }
    i += word.length - 1;
  }
  return out;
}

/**
 * What Velocity's `#foreach` does with the arguments written as `args` (with their parentheses),
 * as a directive velocityjs reads: the source to write in place of `#foreach(...)`. Velocity reads
 * the first argument as the loop variable, skips the second whatever it is (`in`, `'in'`, a
 * comma), iterates the third and renders the fourth, if any, as the loop's body in place of the
 * block. With two arguments it iterates the block's value, which is null; a string, number or
 * boolean cannot be iterated: either way, the loop never runs.
 */
export function foreachHeader(args: string, hoist: (literal: string) => string): string {
  const parts = directiveArguments(args);
  if (parts.length < 2) return `#${FAIL_MACRO}('#foreach without a list to iterate: Velocity fails when it reaches it')#if(false)`;
  const variable = parts[0].startsWith('$') ? parts[0] : '$cdkIntegrationResponsesUnused';
  // velocityjs iterates no map literal: it is set to a variable first.
  const iterated = parts[2]?.startsWith('{') ? hoist(parts[2]) : parts[2];
  if (iterated === undefined || !/^[$[]/.test(iterated)) return '#if(false)';
  if (parts.length === 3) return `#foreach(${variable} in ${iterated})`;
  const body = parts[3].startsWith('$') ? parts[3] : '';
  // The block is never rendered: the `#end` that closes it closes this `#if`.
  return `#foreach(${variable} in ${iterated})${body}#end#if(false)`;
}

/**
 * The arguments of a directive written as `args` (with their parentheses), each as it is written.
 * Velocity separates them by spaces or commas, or by nothing where one token ends and the next
 * begins (`$n''` is `$n` and `''`).
 */
export function directiveArguments(args: string): string[] {
  const inner = args.slice(1, -1);
  const parts: string[] = [];
  let i = 0;
  while (i < inner.length) {
    const c = inner[i];
    let end: number;
    if (/[\s,]/.test(c)) {
      i++;
      continue;
    } else if (c === '"' || c === "'") {
      end = stringEnd(inner, i);
    } else if (c === '[' || c === '{' || c === '(') {
      end = argumentsEnd(inner, i);
    } else if (c === '$') {
      const start = inner[i + 1] === '!' ? i + 2 : i + 1;
      end = scanReference(inner, start)?.end ?? start;
    } else {
      end = i + /^[^\s,'"[{($]*/.exec(inner.slice(i))![0].length;
    }
    const stop = end <= i ? inner.length : end;
    parts.push(inner.slice(i, stop));
    i = stop;
  }
  return parts;
}
