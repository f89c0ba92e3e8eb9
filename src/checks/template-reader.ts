import * as fs from 'fs';
import * as path from 'path';
import { parse, YAMLMap, YAMLSeq } from 'yaml';

/** A template larger than this is refused rather than read (CloudFormation itself stops at 1 MB). */
export const MAX_TEMPLATE_BYTES = 50 * 1024 * 1024;

/**
 * Input the checker cannot read: a missing file, malformed JSON or YAML, not a template, too large.
 * The CLI turns it into a one-line message and exit code 2.
 */
export class InputError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'InputError';
  }
}

/**
 * A template read from disk.
 */
export interface TemplateFile {
  readonly file: string;
  readonly template: { Resources: Record<string, unknown> };
}

const INTRINSICS = ['And', 'Base64', 'Cidr', 'Equals', 'FindInMap', 'GetAZs', 'If', 'ImportValue', 'Join', 'Length',
  'Not', 'Or', 'Select', 'Split', 'Sub', 'ToJsonString', 'Transform'];

type Tag = { tag: string; collection?: 'map' | 'seq'; resolve: (value: any) => unknown };

// CloudFormation's short-form YAML tags (`!Ref X`, `!Sub ...`, `!GetAtt A.B`, ...) as their long forms.
const CLOUDFORMATION_TAGS: Tag[] = [
  { tag: '!Ref', resolve: (value: string) => ({ Ref: value }) },
  { tag: '!Condition', resolve: (value: string) => ({ Condition: value }) },
  { tag: '!GetAtt', resolve: (value: string) => ({ 'Fn::GetAtt': splitGetAtt(value) }) },
  { tag: '!GetAtt', collection: 'seq', resolve: (seq: YAMLSeq) => ({ 'Fn::GetAtt': seq.toJSON() }) },
  ...INTRINSICS.flatMap((name): Tag[] => [
    { tag: `!${name}`, resolve: (value: string) => ({ [`Fn::${name}`]: value }) },
    { tag: `!${name}`, collection: 'seq', resolve: (seq: YAMLSeq) => ({ [`Fn::${name}`]: seq.toJSON() }) },
    { tag: `!${name}`, collection: 'map', resolve: (map: YAMLMap) => ({ [`Fn::${name}`]: map.toJSON() }) },
  ]),
];

function splitGetAtt(value: string): string[] {
  const dot = value.indexOf('.');
  return dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
}

/**
 * Parses a template (JSON, or YAML with CloudFormation's short-form tags).
 */
export function parseTemplate(source: string, file: string): TemplateFile {
  const text = source.replace(/^\uFEFF/, '');
  let parsed: unknown;
  const looksLikeJson = /^\s*[{[]/.test(text);
  try {
    parsed = looksLikeJson && !/\.ya?ml$/i.test(file)
      ? JSON.parse(text)
      : parse(text, { customTags: CLOUDFORMATION_TAGS as any, maxAliasCount: 100, prettyErrors: false, logLevel: 'error' });
  } catch (e) {
    const kind = looksLikeJson && !/\.ya?ml$/i.test(file) ? 'malformed JSON' : 'malformed YAML';
    throw new InputError(file, `${kind}: ${firstLine(e)}`);
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
  if (depthOver(parsed, MAX_DEPTH)) throw new InputError(file, `nested more than ${MAX_DEPTH} levels deep, which no CloudFormation template needs`);
  return { file, template: parsed as TemplateFile['template'] };
}

const MAX_DEPTH = 500;

const TEMPLATE_SECTIONS = ['AWSTemplateFormatVersion', 'Parameters', 'Rules', 'Conditions', 'Mappings', 'Outputs', 'Transform'];

/** Whether a parsed value nests deeper than `limit` (walked without recursion). */
function depthOver(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * Reads a template file, or every template of a cloud assembly directory (such as `cdk.out`),
 * nested assemblies and nested stacks included.
 */
export function readTemplates(target: string): TemplateFile[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new InputError(target, 'no such file or directory');
  }
  return stat.isDirectory() ? readAssembly(target) : [readTemplateFile(target)];
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

function readAssembly(dir: string, seen = new Set<string>()): TemplateFile[] {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new InputError(dir, 'not a cloud assembly (no manifest.json); give a template file or a cdk.out directory');
  if (seen.has(path.resolve(dir))) return [];
  seen.add(path.resolve(dir));
  let manifest: { artifacts?: Record<string, { type?: string; properties?: { templateFile?: string; directoryName?: string } }> };
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  } catch (e) {
    throw new InputError(manifestFile, `malformed JSON: ${firstLine(e)}`);
  }
  const templates: TemplateFile[] = [];
  for (const artifact of Object.values(manifest.artifacts ?? {})) {
    if (artifact.type === 'aws:cloudformation:stack' && artifact.properties?.templateFile) {
      templates.push(readTemplateFile(path.join(dir, artifact.properties.templateFile)));
    } else if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      templates.push(...readAssembly(path.join(dir, artifact.properties.directoryName), seen));
    }
  }
  // Nested stacks are assets of their parent stack, written next to it as *.nested.template.json.
  const nested = fs.readdirSync(dir).filter(f => f.endsWith('.nested.template.json')).sort();
  return [...templates, ...nested.map(f => readTemplateFile(path.join(dir, f)))];
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}
