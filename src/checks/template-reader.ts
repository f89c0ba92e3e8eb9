import * as fs from 'fs';
import * as path from 'path';
import { firstLine, InputError } from './input-error';
import { MAX_NESTING_DEPTH, tooDeepAt } from './input-limits';
import { TemplateFinding } from './template-finding';
import { parseYaml } from './yaml-template';
import { definitionVersion } from '../openapi/definition-version';

/** A template larger than this is refused rather than read (CloudFormation itself stops at 1 MB). */
export const MAX_TEMPLATE_BYTES = 50 * 1024 * 1024;

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
  /**
   * Set when the file is an OpenAPI definition (`openapi: 3.x` or `swagger: '2.0'` at its root) rather
   * than a template: the parsed definition. Its `template` then has no resources.
   */
  readonly definition?: Record<string, unknown>;
}

/**
 * Parses a template (JSON, or YAML with CloudFormation's short-form tags), or an OpenAPI definition
 * to import into API Gateway. A YAML template's mapping may repeat a key, as CloudFormation allows:
 * the last value is used and each repeated key is a `template-duplicate-key` finding.
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
    throw new InputError(file, NEITHER_MESSAGE);
  }
  const object = parsed as Record<string, unknown>;
  if (object.Resources === undefined && isDefinition(object)) {
    if (tooDeepAt(parsed) !== undefined) throw new InputError(file, `nested more than ${MAX_NESTING_DEPTH} levels deep, which no OpenAPI definition needs`);
    // What CloudFormation does with a repeated key is not what an import does: those findings are about templates.
    return { file, template: { Resources: {} }, findings: [], definition: object };
  }
  // A stack without resources (CDK synthesizes one for an empty stack) has other template sections.
  if (object.Resources === undefined && TEMPLATE_SECTIONS.some(section => section in object)) object.Resources = {};
  const resources = object.Resources;
  if (resources === null || typeof resources !== 'object' || Array.isArray(resources)) {
    throw new InputError(file, NEITHER_MESSAGE);
  }
  if (tooDeepAt(parsed) !== undefined) throw new InputError(file, `nested more than ${MAX_NESTING_DEPTH} levels deep, which no CloudFormation template needs`);
  return { file, template: parsed as TemplateFile['template'], findings };
}

/** Whether a document is an OpenAPI 3.x (`openapi`) or 2.0 (`swagger`) definition. */
function isDefinition(document: Record<string, unknown>): boolean {
  return definitionVersion(document) !== undefined;
}

const NEITHER_MESSAGE = 'not a CloudFormation template (no Resources section) or an OpenAPI definition (no openapi or swagger field)';

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
