import { headerNameProblem } from './header-name';
import { parseBodyPath } from './json-path';

/**
 * A WebSocket selection expression is text with `$variable` / `${variable}` references; `\$` is a
 * literal dollar (as in `\$default`).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-selection-expressions.html
 */
export type ExpressionPart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'variable'; readonly name: string };

const BARE_VARIABLE = /^[A-Za-z][A-Za-z0-9_.]*/;

/**
 * The parts of a selection expression, or why it does not parse.
 */
export function parseSelectionExpression(expression: string): { parts?: ExpressionPart[]; problem?: string } {
  const parts: ExpressionPart[] = [];
  let text = '';
  const flush = () => {
    if (text) parts.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < expression.length;) {
    if (expression.startsWith('\\$', i)) {
      text += '$';
      i += 2;
    } else if (expression.startsWith('${', i)) {
      const close = expression.indexOf('}', i + 2);
      if (close < 0) return { problem: `'\${' at position ${i + 1} is never closed with '}'` };
      const name = expression.slice(i + 2, close);
      if (name === '' || name.includes('$') || name.includes('{')) return { problem: `'\${${name}}' is not a variable name` };
      flush();
      parts.push({ kind: 'variable', name });
      i = close + 1;
    } else if (expression[i] === '$') {
      const name = BARE_VARIABLE.exec(expression.slice(i + 1))?.[0];
      if (!name) return { problem: `the '$' at position ${i + 1} starts no variable (write \\$ for a literal dollar)` };
      flush();
      parts.push({ kind: 'variable', name: name.replace(/\.+$/, '') });
      i += 1 + name.replace(/\.+$/, '').length;
    } else {
      text += expression[i];
      i += 1;
    }
  }
  flush();
  return { parts };
}

/**
 * Why `name` is not a variable of an integration response's template selection expression, or
 * `undefined` when it is one.
 */
export function templateSelectionVariableProblem(name: string): string | undefined {
  if (name === 'integration.response.statuscode' || name === 'request.body') return undefined;
  if (name === 'default') return "'$default' reads as a variable here; write '\\$default' for the static $default key";
  for (const prefix of ['integration.response.header.', 'integration.response.multivalueheader.']) {
    if (name.startsWith(prefix)) {
      const problem = headerNameProblem(name.slice(prefix.length));
      return problem ? `in '${name}': ${problem}` : undefined;
    }
  }
  if (name.startsWith('request.body.')) {
    const parsed = parseBodyPath(name.slice('request.body.'.length));
    return parsed.problem ? `in '${name}': ${parsed.problem}` : undefined;
  }
  return `'${name}' is not a variable integration responses can select templates by; use ` +
    'integration.response.statuscode, integration.response.header.{name}, ' +
    'integration.response.multivalueheader.{name} or request.body.{path}';
}

/**
 * The template keys an expression can produce: a set for static expressions and the status code,
 * `undefined` when it depends on data.
 */
export function possibleTemplateKeys(parts: readonly ExpressionPart[]): { keys?: ReadonlySet<string>; statusCodes?: boolean } {
  if (parts.every(p => p.kind === 'text')) return { keys: new Set([parts.map(p => (p as { text: string }).text).join('')]) };
  if (parts.length === 1 && parts[0].kind === 'variable' && parts[0].name === 'integration.response.statuscode') return { statusCodes: true };
  return {};
}
