import { CST, isMap, isScalar, isSeq, LineCounter, Pair, parseDocument, Parser, Scalar, YAMLError, YAMLMap, YAMLSeq } from 'yaml';
import { firstLine, InputError } from './input-error';
import { TemplateFinding } from './template-finding';
import { childPath } from '../rules/catalog';
import { duplicateKeyFinding } from '../rules/duplicate-key';

/**
 * Reading a CloudFormation YAML template as CloudFormation and the tools that produce its input
 * (PyYAML, used by SAM and the AWS CLI) read it: short-form tags (`!Ref`, `!Sub`, ...), repeated
 * mapping keys (the last value wins, each reported), and flow collections whose continuation lines
 * are not indented past their key.
 */

const INTRINSICS = ['And', 'Base64', 'Cidr', 'Equals', 'FindInMap', 'GetAZs', 'If', 'ImportValue', 'Join', 'Length',
  'Not', 'Or', 'Select', 'Split', 'Sub', 'ToJsonString', 'Transform'];

type Tag = { tag: string; collection?: 'map' | 'seq'; resolve: (value: any) => unknown };

// CloudFormation's short-form YAML tags (`!Ref X`, `!Sub ...`, `!GetAtt A.B`, ...) as their long forms.
const CLOUDFORMATION_TAGS: Tag[] = [
  { tag: '!Ref', resolve: (value: string) => ({ Ref: value }) },
  { tag: '!Condition', resolve: (value: string) => ({ Condition: value }) },
  { tag: '!GetAtt', resolve: (value: string) => ({ 'Fn::GetAtt': splitGetAtt(value) }) },
  { tag: '!GetAtt', collection: 'seq', resolve: (seq: YAMLSeq) => intrinsic('Fn::GetAtt', seq) },
  ...INTRINSICS.flatMap((name): Tag[] => [
    { tag: `!${name}`, resolve: (value: string) => ({ [`Fn::${name}`]: value }) },
    { tag: `!${name}`, collection: 'seq', resolve: (seq: YAMLSeq) => intrinsic(`Fn::${name}`, seq) },
    { tag: `!${name}`, collection: 'map', resolve: (map: YAMLMap) => intrinsic(`Fn::${name}`, map) },
  ]),
];

// A tagged collection stays a node of the document, so that its keys can be checked for duplicates.
function intrinsic(name: string, value: YAMLMap | YAMLSeq): YAMLMap {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(name), value));
  return map;
}

function splitGetAtt(value: string): string[] {
  const dot = value.indexOf('.');
  return dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
}

/**
 * Parses YAML text; throws `InputError` (with a one-line reason) for text that is not YAML.
 */
export function parseYaml(text: string, file: string): { parsed: unknown; findings: TemplateFinding[] } {
  let source = text;
  for (let repairs = 0; ; repairs++) {
    const lines = new LineCounter();
    // Repeated keys are allowed, as CloudFormation allows them, and reported below.
    const doc = parseDocument(source, { customTags: CLOUDFORMATION_TAGS as any, uniqueKeys: false, lineCounter: lines, prettyErrors: false, logLevel: 'error' });
    const error = doc.errors[0];
    const repaired = error && repairs < MAX_FLOW_REPAIRS ? reindentFlowCollection(source, error) ?? reindentQuotedScalar(source, error) : undefined;
    if (repaired !== undefined) {
      source = repaired;
      continue;
    }
    try {
      if (error) throw error;
      return { parsed: doc.toJS({ maxAliasCount: 100 }), findings: duplicateKeys(doc.contents, lines) };
    } catch (e) {
      const at = e instanceof YAMLError ? lines.linePos(e.pos[0]) : undefined;
      throw new InputError(file, `malformed YAML: ${firstLine(e)}${at ? ` (line ${at.line}, column ${at.col})` : ''}`);
    }
  }
}

/** How many under-indented flow collections and quoted scalars one template may have (each costs a parse). */
const MAX_FLOW_REPAIRS = 20;

/**
 * PyYAML, which SAM reads templates with, ignores indentation inside a flow collection (`{...}`,
 * `[...]`); the `yaml` library ends a flow collection at a line that is not indented past the block
 * the collection is in (`Flow map in block collection must be sufficiently indented`), or fails on
 * such a line of a quoted scalar in it. For the first flow collection the library could not read to
 * its bracket, before `error`, this indents the lines up to its closing bracket past the opening one
 * and returns the new text. That changes no value: the leading spaces of a line in a flow collection
 * are never content. Lines starting with a tab are left alone, as PyYAML refuses them. Returns
 * `undefined` unless the closing bracket is found and the library then reads the collection exactly
 * to it.
 */
function reindentFlowCollection(text: string, error: YAMLError): string | undefined {
  const start = flowCollections(text).find(c => c.end === undefined)?.start;
  const end = start === undefined || start > error.pos[0] ? undefined : closingBracket(text, start);
  if (start === undefined || end === undefined) return undefined;
  const indent = start - text.lastIndexOf('\n', start);
  const inside = text.slice(start, end + 1).replace(/\n( *)(?=[^ \t\r\n])/g, (line, spaces: string) => spaces.length >= indent ? line : `\n${' '.repeat(indent)}`);
  const repaired = text.slice(0, start) + inside + text.slice(end + 1);
  const after = flowCollections(repaired).find(c => c.start === start);
  return after?.end === end + repaired.length - text.length ? repaired : undefined;
}

/**
 * PyYAML also reads a quoted scalar whose continuation lines are not indented past the key it is the
 * value of (`application/json: "#set(...) \` then a line at the key's column), where the `yaml`
 * library reports `Missing closing "quote`. When `error` is that, at the quote opening a scalar that
 * does close, this indents the scalar's continuation lines past the opening quote and returns the
 * new text. That changes no value: a quoted scalar's line breaks fold, and the leading spaces of its
 * continuation lines are never content. Lines starting with a tab are left alone.
 */
function reindentQuotedScalar(text: string, error: YAMLError): string | undefined {
  const start = error.code === 'MISSING_CHAR' ? quotedScalarAt(text, error.pos[0]) : undefined;
  if (start === undefined) return undefined;
  const end = quotedScalarEnd(text, start);
  if (end < 0) return undefined;
  const indent = start - text.lastIndexOf('\n', start);
  const inside = text.slice(start, end + 1).replace(/\n( *)(?=[^ \t\r\n])/g, (line, spaces: string) => spaces.length >= indent ? line : `\n${' '.repeat(indent)}`);
  return inside === text.slice(start, end + 1) ? undefined : text.slice(0, start) + inside + text.slice(end + 1);
}

/** The offset of the quote opening the quoted scalar the library read up to `offset`, if there is one. */
function quotedScalarAt(text: string, offset: number): number | undefined {
  let start: number | undefined;
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    CST.visit(token, item => {
      for (const t of [item.key, item.value]) {
        if ((t?.type === 'double-quoted-scalar' || t?.type === 'single-quoted-scalar') && t.offset <= offset && offset <= t.offset + t.source.length) {
          start = t.offset;
          return CST.visit.BREAK;
        }
      }
      return undefined;
    });
  }
  return start;
}

/** Each flow collection of the text, in document order, with the offset of its closing bracket if it has one. */
function flowCollections(text: string): Array<{ start: number; end?: number }> {
  const found: Array<{ start: number; end?: number }> = [];
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    CST.visit(token, item => {
      for (const t of [item.key, item.value]) {
        if (t?.type !== 'flow-collection') continue;
        const close = t.end[0]?.source === (t.start.source === '{' ? '}' : ']') ? t.end[0] : undefined;
        found.push({ start: t.start.offset, end: close?.offset });
      }
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The offset of the bracket closing the flow collection opened at `start`, past quoted scalars and comments. */
function closingBracket(text: string, start: number): number | undefined {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '[') {
      depth++;
    } else if (c === '}' || c === ']') {
      if (--depth === 0) return i;
    } else if ((c === '"' || c === "'") && /[\s{[,:]/.test(text[i - 1])) {
      i = quotedScalarEnd(text, i);
    } else if (c === '#' && /\s/.test(text[i - 1])) {
      i = text.indexOf('\n', i);
    }
    if (i < 0) return undefined;
  }
  return undefined;
}

/** The offset of the quote closing the quoted scalar opened at `start`, or -1. */
function quotedScalarEnd(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote && quote === "'" && text[i + 1] === "'") i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}

interface Walked {
  readonly node: unknown;
  readonly parent?: Walked;
  readonly key?: string | number;
}

/**
 * A `template-duplicate-key` finding for every key repeated in a mapping of the document (walked
 * without recursion), in the order of the keys' first lines.
 */
function duplicateKeys(root: unknown, lines: LineCounter): TemplateFinding[] {
  const found: Array<{ line: number; finding: TemplateFinding }> = [];
  const pending: Walked[] = [{ node: root }];
  while (pending.length > 0) {
    const walked = pending.pop()!;
    const { node } = walked;
    if (isSeq(node)) node.items.forEach((item, i) => pending.push({ node: item, parent: walked, key: i }));
    if (!isMap(node)) continue;
    const keyLines = new Map<string, number[]>();
    for (const pair of node.items) {
      const keyNode = pair.key;
      const key = isScalar(keyNode) ? keyOf(keyNode.value) : undefined;
      if (key === undefined || !isScalar(keyNode)) continue;
      // Keys made here (the Fn:: of a short-form tag) have no range, and are never repeated.
      const line = keyNode.range ? lines.linePos(keyNode.range[0]).line : 0;
      const seen = keyLines.get(key);
      if (seen) seen.push(line);
      else keyLines.set(key, [line]);
      pending.push({ node: pair.value, parent: walked, key });
    }
    for (const [key, at] of keyLines) {
      if (at.length > 1) found.push({ line: at[0], finding: duplicateKey([...pathOf(walked), key], at) });
    }
  }
  return found.sort((a, b) => a.line - b.line).map(f => f.finding);
}

/** The property name a scalar key has in the parsed template, as the `yaml` library spells it. */
function keyOf(value: unknown): string | undefined {
  if (value === null) return '';
  return typeof value === 'object' ? undefined : String(value);
}

function pathOf(walked: Walked): Array<string | number> {
  const keys: Array<string | number> = [];
  for (let w: Walked | undefined = walked; w?.key !== undefined; w = w.parent) keys.push(w.key);
  return keys.reverse();
}

// In `Resources`, a finding is about the resource (path relative to it, such as `Properties.X`);
// elsewhere, about the top-level section (`Mappings`, `Outputs`, ...), path relative to the section.
function duplicateKey(keyPath: Array<string | number>, at: number[]): TemplateFinding {
  const inResources = keyPath[0] === 'Resources' && keyPath.length > 1;
  const resource = String(keyPath[inResources ? 1 : 0]);
  const inside = keyPath.slice(inResources ? 2 : 1);
  const key = keyPath[keyPath.length - 1];
  const where = keyPath.length === 1 ? 'at the top level of the template' : `in ${joinPath(keyPath.slice(0, -1))}`;
  return { ...duplicateKeyFinding(key, where, at, inside.length === 0 ? undefined : joinPath(inside)), resource };
}

function joinPath(keys: Array<string | number>): string {
  return keys.reduce<string>((joined, key) => childPath(joined, key), '');
}

