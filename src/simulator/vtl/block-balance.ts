import { TemplateError } from './template-error';

/**
 * velocityjs renders a template whose `#if`, `#foreach`, `#macro` or `#define` has no `#end` (or
 * an `#end` without a block) as if the template ended the block; Apache Velocity refuses it with a
 * parse error, and so does API Gateway. This counts blocks the way Velocity's lexer sees them:
 * not inside `##` and `#* *#` comments or `#[[ ]]#` raw text, not after an escaping backslash.
 */
const OPENER = /^#(?:\{(?:if|foreach|macro|define)\}|(?:if|foreach|macro|define)[ \t]*\(|@[A-Za-z])/;
const CLOSER = /^#(?:\{end\}|end(?![A-Za-z0-9_-]))/;

export function checkBlockBalance(template: string): void {
  const open: number[] = [];
  let i = 0;
  while (i < template.length) {
    const rest = template.slice(i, i + 12);
    if (template[i] !== '#') {
      i++;
      continue;
    }
    if (escaped(template, i)) {
      i++;
    } else if (rest.startsWith('##')) {
      const end = template.indexOf('\n', i);
      i = end < 0 ? template.length : end;
    } else if (rest.startsWith('#*')) {
      const end = template.indexOf('*#', i + 2);
      i = end < 0 ? template.length : end + 2;
    } else if (rest.startsWith('#[[')) {
      const end = template.indexOf(']]#', i + 3);
      i = end < 0 ? template.length : end + 3;
    } else if (OPENER.test(rest)) {
      open.push(i);
      i++;
    } else if (CLOSER.test(rest)) {
      if (open.pop() === undefined) throw new TemplateError('syntax error: #end without a block to end', lineAt(template, i));
      i++;
    } else {
      i++;
    }
  }
  const unclosed = open.pop();
  if (unclosed !== undefined) {
    throw new TemplateError('syntax error: a block (#if, #foreach, #macro or #define) without #end', lineAt(template, unclosed));
  }
}

function lineAt(template: string, i: number): number {
  return template.slice(0, i).split('\n').length;
}

/** Whether the character at `i` follows an odd number of backslashes. */
function escaped(template: string, i: number): boolean {
  let n = 0;
  while (i - n - 1 >= 0 && template[i - n - 1] === '\\') n++;
  return n % 2 === 1;
}
