import { parse } from 'velocityjs';
import { checkBlockBalance } from './block-balance';

/**
 * Parsing a template the way Apache Velocity reads it where velocityjs's grammar is stricter or
 * different. Velocity's lexer turns what cannot start a reference or a directive into text (`$-`,
 * `#@x`, the `().pid` after `$a.b('x')`), where velocityjs stops with a syntax error; a template
 * that Velocity renders must not fail here.
 */

/** How many unparsable spots are turned into text before the syntax error is given up on. */
const MAX_REPAIRS = 50;

interface JisonError {
  readonly hash?: { readonly loc?: { readonly first_line?: number; readonly last_column?: number }; readonly token?: string };
}

/**
 * Velocity 1.7 eats the spaces and tabs before a `#set` (its lexer reads them as part of the
 * directive), so `  #set($x = 1)` on a line leaves nothing; velocityjs keeps them.
 */
function gobbleSetIndent(template: string): string {
  return template.replace(/[ \t]+(?=#(?:set|\{set\})[ \t]*\()/g, '');
}

/** The offset in `template` of the token a syntax error points at. */
function errorOffset(template: string, e: unknown): number | undefined {
  const loc = (e as JisonError).hash?.loc;
  if (loc?.first_line === undefined || loc.last_column === undefined) return undefined;
  let offset = 0;
  for (let line = 1; line < loc.first_line; line++) {
    const next = template.indexOf('\n', offset);
    if (next < 0) return undefined;
    offset = next + 1;
  }
  return Math.min(offset + loc.last_column, template.length);
}

/**
 * Variables that hold one character each: a repair replaces an unparsable character by a reference
 * to the variable that renders it (a raw block `#[[...]]#` cannot follow a reference in velocityjs).
 */
export const TEXT_VARIABLE_PREFIX = '__cdkIntegrationResponsesText';

/** The variables a repaired template refers to, to render with it. */
export function textVariables(): Record<string, string> {
  return TEXT_VARIABLES;
}

const TEXT_VARIABLES: Record<string, string> = {};
for (const c of '$#()[]{}.!@*=%+-/<>,:;\'"|&^~?`') TEXT_VARIABLES[`${TEXT_VARIABLE_PREFIX}${c.charCodeAt(0)}`] = c;

/** `template` with the character at `i` made literal text, or `undefined` when it cannot be. */
function asText(template: string, i: number): string | undefined {
  const name = `${TEXT_VARIABLE_PREFIX}${template.charCodeAt(i)}`;
  if (!(name in TEXT_VARIABLES)) return undefined;
  return `${template.slice(0, i)}\${${name}}${template.slice(i + 1)}`;
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

/**
 * velocityjs's AST of `template`, repaired where Velocity would read text. Throws the first syntax
 * error when no repair helps (Velocity fails on such a template too, for example an `#if` without
 * `#end`).
 */
export function parseLeniently(template: string): unknown {
  checkBlockBalance(template);
  let source = gobbleSetIndent(template);
  let firstError: unknown;
  for (let repairs = 0; repairs <= MAX_REPAIRS; repairs++) {
    try {
      return parse(source);
    } catch (e) {
      firstError ??= e;
      const offset = errorOffset(source, e);
      if (offset === undefined || (e as JisonError).hash?.token === 'EOF') throw firstError;
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
