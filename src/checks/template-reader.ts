import * as fs from 'fs';
import * as path from 'path';
import { CST, isMap, isScalar, isSeq, LineCounter, Pair, parseDocument, Parser, Scalar, YAMLError, YAMLMap, YAMLSeq } from 'yaml';
import { MAX_NESTING_DEPTH, tooDeepAt } from './input-limits';
import { TemplateFinding } from './template-finding';
import { IntegrationResponseError } from '../errors/integration-response-error';
import { childPath } from '../rules/catalog';
import { duplicateKeyFinding } from '../rules/duplicate-key';

/** A template larger than this is refused rather than read (CloudFormation itself stops at 1 MB). */
export const MAX_TEMPLATE_BYTES = 50 * 1024 * 1024;

/**
 * Input the checker cannot read: a missing file, malformed JSON or YAML, not a template, too large.
 * The CLI turns it into a one-line message and exit code 2.
 */
export class InputError extends IntegrationResponseError {
  constructor(readonly file: string, reason: string) {
    super('input', `${file}: ${reason}`);
  }
}

/**
 * A template read from disk.
 */
export interface TemplateFile {
  /** The file the template was read from. */
  readonly file: string;
  /** The parsed template, short-form tags turned into `Ref`/`Fn::*`. */
  readonly template: { Resources: Record<string, unknown> };
  /** What reading found: duplicate mapping keys of a YAML template (`template-duplicate-key`). */
  readonly findings: TemplateFinding[];
}

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
 * Parses a template (JSON, or YAML with CloudFormation's short-form tags). A YAML mapping may
 * repeat a key, as CloudFormation allows: the last value is used and each repeated key is a
 * `template-duplicate-key` finding.
 */
export function parseTemplate(source: string, file: string): TemplateFile {
  const text = source.replace(/^\uFEFF/, '');
  const json = /^\s*[{[]/.test(text) && !/\.ya?ml$/i.test(file);
  let parsed: unknown;
  let findings: TemplateFinding[] = [];
  if (json) {
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new InputError(file, `malformed JSON: ${firstLine(e)}`);
    }
  } else {
    ({ parsed, findings } = parseYaml(text, file));
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InputError(file, 'not a CloudFormation template (no Resources section)');
  }
  const object = parsed as Record<string, unknown>;
  // A stack without resources (CDK synthesizes one for an empty stack) has other template sections.
  if (object.Resources === undefined && TEMPLATE_SECTIONS.some(section => section in object)) object.Resources = {};
  const resources = object.Resources;
  if (resources === null || typeof resources !== 'object' || Array.isArray(resources)) {
    throw new InputError(file, 'not a CloudFormation template (no Resources section)');
  }
  if (tooDeepAt(parsed) !== undefined) throw new InputError(file, `nested more than ${MAX_NESTING_DEPTH} levels deep, which no CloudFormation template needs`);
  return { file, template: parsed as TemplateFile['template'], findings };
}

function parseYaml(text: string, file: string): { parsed: unknown; findings: TemplateFinding[] } {
  let source = text;
  for (let repairs = 0; ; repairs++) {
    const lines = new LineCounter();
    // Repeated keys are allowed, as CloudFormation allows them, and reported below.
    const doc = parseDocument(source, { customTags: CLOUDFORMATION_TAGS as any, uniqueKeys: false, lineCounter: lines, prettyErrors: false, logLevel: 'error' });
    const error = doc.errors[0];
    const repaired = error && repairs < MAX_FLOW_REPAIRS ? reindentFlowCollection(source, error) : undefined;
    if (repaired !== undefined) {
      source = repaired;
      continue;
    }
    try {
      if (error) throw error;
      return { parsed: doc.toJS({ maxAliasCount: 100 }), findings: duplicateKeys(doc.contents, lines) };
    } catch (e) {
      throw new InputError(file, `malformed YAML: ${firstLine(e)}`);
    }
  }
}

/** How many under-indented flow collections one template may have (each costs a parse). */
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

const TEMPLATE_SECTIONS = ['AWSTemplateFormatVersion', 'Parameters', 'Rules', 'Conditions', 'Mappings', 'Outputs', 'Transform'];

/**
 * The templates under one path, and the problem of each input under it that could not be read.
 */
export interface CollectedTemplates {
  /** The templates that were read. */
  readonly templates: TemplateFile[];
  /** One error per input that could not be read: the path itself, a template, a nested assembly. */
  readonly errors: InputError[];
}

/**
 * Reads a template file, or every template of a cloud assembly directory (such as `cdk.out`),
 * nested assemblies and nested stacks included. A template or nested assembly that cannot be read
 * is an error of its own; the others are still read.
 */
export function collectTemplates(target: string): CollectedTemplates {
  const collected = { templates: [] as TemplateFile[], errors: [] as InputError[] };
  attempt(collected, () => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch {
      throw new InputError(target, 'no such file or directory');
    }
    if (stat.isDirectory()) readAssembly(target, new Set(), collected);
    else collected.templates.push(readTemplateFile(target));
  });
  return collected;
}

/**
 * Like `collectTemplates`, but throws the first `InputError` if any input cannot be read.
 */
export function readTemplates(target: string): TemplateFile[] {
  const { templates, errors } = collectTemplates(target);
  if (errors.length > 0) throw errors[0];
  return templates;
}

/** Runs `read`, keeping an `InputError` it throws as an error of `collected`. */
function attempt(collected: CollectedTemplates, read: () => void): void {
  try {
    read();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    collected.errors.push(e);
  }
}

function readTemplateFile(file: string): TemplateFile {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new InputError(file, 'no such file');
  }
  if (size > MAX_TEMPLATE_BYTES) {
    throw new InputError(file, `${size} bytes, over the ${MAX_TEMPLATE_BYTES}-byte limit for a template`);
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(file, `cannot be read (${firstLine(e)})`);
  }
  return parseTemplate(text, file);
}

function readAssembly(dir: string, seen: Set<string>, collected: CollectedTemplates): void {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new InputError(dir, 'not a cloud assembly (no manifest.json); give a template file or a cdk.out directory');
  if (seen.has(path.resolve(dir))) return;
  seen.add(path.resolve(dir));
  let manifest: { artifacts?: Record<string, { type?: string; properties?: { templateFile?: string; directoryName?: string } }> };
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  } catch (e) {
    throw new InputError(manifestFile, `malformed JSON: ${firstLine(e)}`);
  }
  for (const artifact of Object.values(manifest.artifacts ?? {})) {
    const { templateFile, directoryName } = artifact.properties ?? {};
    if (artifact.type === 'aws:cloudformation:stack' && templateFile) {
      attempt(collected, () => collected.templates.push(readTemplateFile(path.join(dir, templateFile))));
    } else if (artifact.type === 'cdk:cloud-assembly' && directoryName) {
      attempt(collected, () => readAssembly(path.join(dir, directoryName), seen, collected));
    }
  }
  // Nested stacks are assets of their parent stack, written next to it as *.nested.template.json.
  for (const nested of fs.readdirSync(dir).filter(f => f.endsWith('.nested.template.json')).sort()) {
    attempt(collected, () => collected.templates.push(readTemplateFile(path.join(dir, nested))));
  }
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}
