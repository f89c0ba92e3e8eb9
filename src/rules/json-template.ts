import { finding, RULES } from './catalog';
import { Finding } from './finding';
import { parseBodyPath } from '../grammar/json-path';
import { knownString } from '../grammar/unknown';
import { argsOf, isReference, parseVtl, referenceText, VtlExpression, VtlNode, VtlReference } from '../grammar/vtl-ast';

/**
 * Templates under a JSON content type that write a value of the backend's answer inside a JSON
 * string without escaping it for JSON: the first answer holding a `"` (or a `'`, after
 * `$util.escapeJavaScript`) makes the body text no JSON client can parse.
 */

/** `application/json`, `application/problem+json`, `*\/*+json`: what clients read as JSON. */
export function isJsonContentType(contentType: string): boolean {
  const type = contentType.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || /^[^/]+\/[^/]*\+json$/.test(type);
}

/** How a value written inside a JSON string can break it, and an answer that does. */
interface Breakage {
  /** What the template does wrong, for the message. */
  readonly how: string;
  /** A backend answer (or request), in words, that breaks the body. */
  readonly answer: string;
  /** How to write it instead. */
  readonly fix: string;
}

/**
 * What a value is, as far as the JSON string around it is concerned, and how to show an answer
 * that puts a given JSON value (as JSON text) where the value comes from.
 */
interface Taint {
  /** Text as it is, text escaped for JavaScript (not JSON), or JSON text with its own quotes. */
  readonly kind: 'text' | 'js-escaped' | 'json';
  /** Where the value comes from, for the message. */
  readonly source: string;
  /** The input (as JSON text, or a parameter's value) that puts `value` (JSON text) where the value is read. */
  readonly sample: (value: string) => string;
  /** That input in words: "a backend answer such as {...}". */
  readonly phrase: (input: string) => string;
}

const ANSWER = (input: string) => `a backend answer such as ${input}`;

const BUILDER = 'build the body with JsonBody (ResponseTemplate.fromJsonBody)';
const WEBSOCKET_BUILDER = 'build the template with JsonBody (body.toTemplate())';
const UNDO = '.replaceAll("\\\\\'","\'")';
/** String methods that keep a value's text as it is, for what matters here (its quotes). */
const TEXT_PRESERVING = new Set(['trim', 'toLowerCase', 'toUpperCase', 'substring', 'concat', 'replace', 'replaceAll', 'toString', 'strip', 'intern']);

/**
 * Checks a REST response template under a JSON content type: reports, once per template, the first
 * value of the backend's answer written inside a JSON string in a way some answer breaks, with that
 * answer in the message. Templates velocityjs cannot parse are not judged.
 */
export function checkJsonTemplate(contentType: string, template: unknown, path?: string): Finding[] {
  const text = knownString(template);
  if (text === undefined || knownString(contentType) === undefined || !isJsonContentType(contentType)) return [];
  if (isStaticInvalidJson(text)) {
    return [finding(RULES.restTemplateInvalidJson,
      `the '${contentType}' response template is fixed text that is not valid JSON (${excerpt(text)}), so every answer it ` +
      `maps sends a body no JSON client can parse; fix the JSON, or ${BUILDER}`, path)];
  }
  const nodes = parsedIfItCanBreak(text);
  const breakage = nodes === undefined ? undefined : firstBreakage(nodes);
  if (breakage === undefined) return [];
  return [finding(RULES.restTemplateInvalidJson,
    `the '${contentType}' response template ${breakage.how}, so ${breakage.answer} renders a body ` +
    `that is not valid JSON; ${breakage.fix}, or ${BUILDER}`, path)];
}

/** The start of a template, quoted for a message. */
function excerpt(template: string): string {
  const text = template.trim().replace(/\s+/g, ' ');
  return `'${text.length > 60 ? `${text.slice(0, 57)}...` : text}'`;
}

/**
 * Whether a template is fixed text (no `$`, no `#`: Velocity writes it as it is) that means to be
 * JSON (it starts with `{` or `[`) and is not.
 */
function isStaticInvalidJson(template: string): boolean {
  const text = template.trim();
  if (!/^[[{]/.test(text) || /[$#]/.test(text)) return false;
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

/**
 * Checks a WebSocket response template (keyed by the template selection expression's value, not by a
 * content type) the same way, when what it writes first is a JSON object or array: that is the body
 * it means to send.
 */
export function checkWebSocketJsonTemplate(key: string, template: unknown, path?: string): Finding[] {
  const text = knownString(template);
  if (text === undefined) return [];
  if (isStaticInvalidJson(text)) {
    return [finding(RULES.wsTemplateInvalidJson,
      `the response template '${key}' is fixed text that means to be JSON but is not valid JSON (${excerpt(text)}), so ` +
      `every answer it maps sends a message no JSON client can parse; fix the JSON, or ${WEBSOCKET_BUILDER}`, path)];
  }
  const nodes = parsedIfItCanBreak(text);
  if (nodes === undefined || !startsAsJson(nodes)) return [];
  const breakage = firstBreakage(nodes);
  if (breakage === undefined) return [];
  return [finding(RULES.wsTemplateInvalidJson,
    `the response template '${key}' writes JSON and ${breakage.how}, so ${breakage.answer} sends a message ` +
    `that is not valid JSON; ${breakage.fix}, or ${WEBSOCKET_BUILDER}`, path)];
}

/** The parsed template, when it has a quote and a reference (nothing else can break a JSON string). */
function parsedIfItCanBreak(text: string): readonly VtlNode[] | undefined {
  if (!text.includes('"') || !text.includes('$')) return undefined;
  return parseVtl(text);
}

/** Whether the first text the template writes, past blank space and directives, opens a JSON object or array. */
function startsAsJson(nodes: readonly VtlNode[]): boolean {
  for (const node of nodes) {
    if (typeof node === 'string') {
      const text = node.trimStart();
      if (text === '') continue;
      return text.startsWith('{') || text.startsWith('[');
    }
    if (isReference(node) || Array.isArray(node)) return false;
  }
  return false;
}

/** Walks the template in order, keeping track of whether the text written so far is inside a JSON string. */
function firstBreakage(nodes: readonly VtlNode[]): Breakage | undefined {
  const variables = new Map<string, Taint>();
  let inString = false;
  let escaped = false;
  let found: Breakage | undefined;

  const visit = (node: VtlNode): void => {
    if (found !== undefined) return;
    if (typeof node === 'string') {
      for (const c of node) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = inString;
        else if (c === '"') inString = !inString;
      }
      return;
    }
    if (Array.isArray(node)) {
      const [head, ...body] = node;
      // A macro's body is written where the macro is called, with arguments this walk does not follow.
      if (isDirective(head, 'macro')) return;
      if (isDirective(head, 'foreach')) {
        const from = taintOf((head as { from?: VtlExpression }).from, variables);
        const to = (head as { to?: string }).to;
        if (to !== undefined) {
          if (from?.kind === 'json') variables.delete(to);
          else if (from !== undefined) variables.set(to, { ...from, kind: 'text', source: `an item of ${from.source}`, sample: v => from.sample(`[${v}]`) });
          else variables.delete(to);
        }
        body.forEach(visit);
        return;
      }
      node.forEach(visit);
      return;
    }
    if (isReference(node)) {
      escaped = false;
      if (!inString) return;
      const taint = taintOf(node, variables);
      if (taint !== undefined) found = breakageOf(taint, node);
      return;
    }
    if (isDirective(node, 'set') && node.equal !== undefined) {
      const [target, value] = node.equal;
      if (!isReference(target) || (target.path ?? []).length > 0) return;
      const taint = taintOf(value, variables);
      if (taint !== undefined) variables.set(target.id, taint);
      else variables.delete(target.id);
    }
  };
  nodes.forEach(visit);
  return found;
}

function isDirective(node: unknown, type: string): node is { readonly type: string; readonly equal?: readonly [VtlExpression, VtlExpression] } {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && (node as { type?: unknown }).type === type;
}

function breakageOf(taint: Taint, ref: VtlReference): Breakage {
  const written = referenceText(ref);
  switch (taint.kind) {
    case 'text':
      return {
        how: `writes ${written} (${taint.source}) inside a JSON string without escaping it`,
        answer: taint.phrase(taint.sample(JSON.stringify('say "hi"'))),
        fix: `write "$util.escapeJavaScript(${written})${UNDO}" instead`,
      };
    case 'js-escaped':
      return {
        how: `writes ${written} inside a JSON string: $util.escapeJavaScript escapes ' as \\', which JSON does not allow`,
        answer: taint.phrase(taint.sample(JSON.stringify("it's"))),
        fix: `add ${UNDO} after it, as AWS's mapping template reference shows`,
      };
    case 'json':
      return {
        how: `writes ${written} (JSON text, with its own quotes) inside a JSON string`,
        answer: taint.phrase(taint.sample(JSON.stringify('text'))),
        fix: `remove the quotes around ${written}`,
      };
  }
}

/** What `e` writes, when it is text of the backend's answer (or the request) that can hold a quote. */
function taintOf(e: VtlExpression | undefined, variables: ReadonlyMap<string, Taint>): Taint | undefined {
  if (e === undefined || !isReference(e)) return undefined;
  const steps = e.path ?? [];
  let taint: Taint | undefined;
  let rest = steps;
  if (e.id === 'input' && steps.length > 0 && steps[0].type === 'method') {
    const [first, ...after] = steps;
    const arg = knownStringArg(argsOf(first)[0]);
    if (first.id === 'path' && arg !== undefined) {taint = { kind: 'text', source: 'a value of the backend answer', sample: sampleAt(arg), phrase: ANSWER };} else if (first.id === 'json' && arg !== undefined) {taint = { kind: 'json', source: 'a value of the backend answer', sample: sampleAt(arg), phrase: ANSWER };} else if (first.id === 'params') {
      taint = { kind: 'text', source: 'a request parameter', sample: v => v, phrase: v => `a request whose parameter '${arg ?? ''}' is ${textOf(v)}` };
    }
    rest = after;
  } else if (e.id === 'input' && steps.length === 1 && steps[0].type === 'property' && steps[0].id === 'body') {
    taint = { kind: 'text', source: 'the backend answer', sample: v => v, phrase: v => `a backend answer that is the text ${textOf(v)}` };
    rest = [];
  } else if (e.id === 'util' && steps.length > 0 && steps[0].type === 'method' && steps[0].id === 'escapeJavaScript') {
    const inner = taintOf(argsOf(steps[0])[0], variables);
    if (inner === undefined) return undefined;
    const after = steps.slice(1);
    // Anything replaced after escaping is taken as the fix (`.replaceAll("\\'", "'")` and its spellings).
    if (after.some(s => s.type === 'method' && (s.id === 'replaceAll' || s.id === 'replace'))) return undefined;
    return after.length === 0 ? { ...inner, kind: 'js-escaped' } : undefined;
  } else if (variables.has(e.id)) {
    taint = variables.get(e.id);
  }
  if (taint === undefined) return undefined;
  for (const step of rest) {
    // `$item.name` of a loop item, `.trim()` and the like keep the text; `.length()`, `.size()` do not.
    if (step.type === 'property' && taint.kind === 'text' && step.id !== undefined) {
      const inner: (value: string) => string = taint.sample;
      const name = step.id;
      taint = { ...taint, sample: v => inner(`{${JSON.stringify(name)}: ${v}}`) };
      continue;
    }
    if (step.type === 'method' && step.id !== undefined && TEXT_PRESERVING.has(step.id) && taint.kind === 'text') continue;
    return undefined;
  }
  return taint;
}

function knownStringArg(e: VtlExpression | undefined): string | undefined {
  return e !== undefined && !isReference(e) && e.type === 'string' && typeof e.value === 'string' ? e.value : undefined;
}

/** An answer with the JSON value `value` (JSON text) at the JSONPath `path`. */
function sampleAt(path: string): (value: string) => string {
  return value => {
    if (path === '$') return value;
    const parsed = parseBodyPath(path.startsWith('$.') ? path.slice(2) : path.startsWith('$[') ? path.slice(1) : path);
    const segments = parsed.segments?.filter(s => s !== '*');
    if (segments === undefined || segments.length === 0) return value;
    return segments.reduceRight<string>((inner, segment) => typeof segment === 'number'
      ? `[${Array(segment).fill('null').concat(inner).join(', ')}]`
      : `{${JSON.stringify(segment)}: ${inner}}`, value);
  };
}

/** The text a JSON string value holds (`"a"` is a). */
function textOf(json: string): string {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'string' ? value : json;
  } catch {
    return json;
  }
}
