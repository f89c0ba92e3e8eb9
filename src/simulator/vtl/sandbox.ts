import { Compile } from 'velocityjs';
import { javaMethod, javaToString, renderedValue } from './java-methods';
import { parseLeniently, textVariables } from './lenient-parse';
import { JsonBodyError } from '../json-body';
import { TemplateError } from './template-error';
import { BoundedCache } from '../../util/bounded-cache';

/** API Gateway stops a `#foreach` after 1,000 iterations (REST API quota). */
export const FOREACH_LIMIT = 1000;
/** All loops of one rendering together, so nested loops stay bounded too. */
export const TOTAL_ITERATION_LIMIT = 100_000;
/** No string a template builds, and no output, may exceed this. */
export const MAX_TEXT_LENGTH = 10 * 1024 * 1024;
/** Velocity's default `velocimacro.max.depth`: how deep macros may call macros. */
export const MAX_MACRO_DEPTH = 20;
/** `[a..b]` ranges longer than this are refused rather than allocated. */
export const MAX_RANGE_LENGTH = 100_000;

const ALWAYS_BLOCKED = new Set(['__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);
const PROTOTYPE_KEYS = new Set(['constructor', 'prototype']);

/** Objects whose own functions templates may call: `$input`, `$util`. Everything else gets Java methods only. */
const callable = new WeakSet<object>();

/**
 * Marks `object` as one whose own function properties templates may call.
 */
export function exposeMethods<T extends object>(object: T): T {
  callable.add(object);
  return object;
}

function isOwn(target: unknown, key: string): boolean {
  return target !== null && typeof target === 'object' && Object.prototype.hasOwnProperty.call(target, key);
}

interface Position {
  readonly pos?: { first_line?: number | string };
}

function lineOf(ast: Position | undefined): number | undefined {
  const line = ast?.pos?.first_line;
  return typeof line === 'number' ? line : undefined;
}

/**
 * velocityjs, locked down: templates read only own properties of plain data, call only the Java
 * methods of `java-methods.ts` and the functions of the objects the simulator exposes, never reach
 * a prototype or a constructor, and their work is bounded (loop iterations, ranges, string sizes).
 */
class SandboxCompile extends (Compile as any) {
  private iterations = 0;
  private loopVariables = 0;
  private macroDepth = 0;

  constructor(asts: unknown, config: object) {
    super(asts, { ...config, valueMapper: (value: unknown) => checkSize(value) });
  }

  public isBlockedPathKey(baseRef: unknown, key: string, isEnd = false): boolean {
    if (ALWAYS_BLOCKED.has(key)) return true;
    if (typeof baseRef === 'function' || baseRef === null || typeof baseRef !== 'object') return true;
    // Reading, or walking through, a key needs it to be the object's own; setting the last key of a
    // path may create it.
    return isEnd ? false : !isOwn(baseRef, key);
  }

  /**
   * `$s.empty` on a value that is not a map is Velocity's bean property: `getEmpty()`, else
   * `isEmpty()`; a map answers `get("empty")` instead.
   */
  public getAttributes(property: { type: string; id: string }, baseRef: unknown, ast: Position): unknown {
    if (property.type === 'property' && baseRef !== null && baseRef !== undefined && (typeof baseRef !== 'object' || Array.isArray(baseRef))) {
      const name = property.id.charAt(0).toUpperCase() + property.id.slice(1);
      const getter = javaMethod(baseRef, `get${name}`) ?? javaMethod(baseRef, `is${name}`);
      return getter ? this.guard(ast, () => getter()) : undefined;
    }
    return super.getAttributes(property, baseRef, ast);
  }

  public hasBlockedUnknownPath(keys: string[], startIndex: number): boolean {
    return keys.slice(startIndex).some(key => ALWAYS_BLOCKED.has(key) || PROTOTYPE_KEYS.has(key));
  }

  public getPropMethod(property: { id: string; args?: unknown }, baseRef: unknown, ast: Position): unknown {
    const args = Array.isArray(property.args) ? property.args.map((exp: unknown) => (this as any).getLiteral(exp)) : [];
    const name = property.id;
    if (callable.has(baseRef as object) && isOwn(baseRef, name) && typeof (baseRef as any)[name] === 'function') {
      return this.guard(ast, () => (baseRef as any)[name](...args));
    }
    const method = javaMethod(baseRef, name);
    // Velocity (not strict) answers a method the value does not have with null, a null reference
    // that API Gateway renders as nothing; so does the simulator.
    if (!method) return undefined;
    return this.guard(ast, () => method(...args));
  }

  /**
   * A reference as Velocity writes it: Java's toString of the value, nothing for null (an API
   * Gateway rule). A function of `$input` or `$util` named without a call (`$util.urlEncode`) is a
   * property Velocity does not find: null.
   */
  public getReferences(ast: unknown, isVal?: boolean): unknown {
    const value = super.getReferences(ast, isVal);
    if (typeof value === 'function') return isVal ? '' : undefined;
    return isVal ? renderedValue(value) : value;
  }

  /** Velocity stops a macro that calls macros more than 20 deep (`velocimacro.max.depth`). */
  public getMacro(ast: Position, bodyContent?: unknown): unknown {
    if (this.macroDepth >= MAX_MACRO_DEPTH) throw new TemplateError(`macros call each other more than ${MAX_MACRO_DEPTH} deep`, lineOf(ast));
    this.macroDepth++;
    try {
      return super.getMacro(ast, bodyContent);
    } finally {
      this.macroDepth--;
    }
  }

  public getBlockEach(block: any[]): string {
    const ast = block[0];
    const from = (this as any).getLiteral({ ...ast.from, pos: ast.pos });
    const items = Array.isArray(from) ? from : from !== null && typeof from === 'object' ? Object.values(from) : [];
    const capped = items.slice(0, FOREACH_LIMIT);
    this.iterations += capped.length;
    if (this.iterations > TOTAL_ITERATION_LIMIT) {
      throw new TemplateError(`the template's loops run more than ${TOTAL_ITERATION_LIMIT} iterations in total`, lineOf(ast));
    }
    const id = `__cdkIntegrationResponsesLoop${this.loopVariables++}`;
    (this as any).context[id] = capped;
    try {
      return super.getBlockEach([{ ...ast, from: { type: 'references', id, prue: true, leader: '$', pos: ast.pos } }, ...block.slice(1)]);
    } finally {
      delete (this as any).context[id];
    }
  }

  public getArray(literal: any): unknown[] {
    if (literal.isRange === true) {
      const [begin, end] = literal.value.map((exp: unknown) => typeof exp === 'string' ? parseInt(exp, 10)
        : typeof exp === 'number' ? exp : Number((this as any).getReferences(exp)));
      if (Math.abs(end - begin) + 1 > MAX_RANGE_LENGTH) {
        throw new TemplateError(`the range [${begin}..${end}] is longer than ${MAX_RANGE_LENGTH} items`, lineOf(literal));
      }
    }
    return super.getArray(literal);
  }

  public renderAstList(asts?: unknown[], contextId?: string): string {
    return checkSize(super.renderAstList(asts, contextId)) as string;
  }

  private guard(ast: Position, call: () => unknown): unknown {
    try {
      // Velocity treats a method that returns null as a null reference (shown as written, or as
      // nothing with `$!`); velocityjs would print "null".
      return checkSize(call() ?? undefined);
    } catch (e) {
      if (e instanceof TemplateError) throw e.line === undefined ? new TemplateError(e.message, lineOf(ast)) : e;
      // A body API Gateway cannot read as JSON is the request's failure, not the template's.
      if (e instanceof JsonBodyError) throw e;
      throw new TemplateError(e instanceof Error ? e.message : String(e), lineOf(ast));
    }
  }
}

function checkSize(value: unknown): unknown {
  if (typeof value === 'string' && value.length > MAX_TEXT_LENGTH) {
    throw new TemplateError(`the template builds a string of more than ${MAX_TEXT_LENGTH} characters`);
  }
  return value;
}

/** Parsed templates: a simulator renders the same few templates over and over. */
const asts = new BoundedCache<string, unknown>(500);

function parsed(template: string): unknown {
  return asts.get(template, () => {
    try {
      return parseLeniently(template);
    } catch (e) {
      if (e instanceof TemplateError) throw e;
      const message = e instanceof Error ? e.message : String(e);
      const line = /line (\d+)/.exec(message);
      throw new TemplateError(`syntax error: ${message.split('\n').slice(-1)[0]}`, line ? Number(line[1]) : undefined);
    }
  });
}

/**
 * Renders a mapping template against `context` (the `$input`, `$util`, `$context`... variables).
 * Templates are parsed once and cached; every rendering is sandboxed and bounded. Errors are
 * `TemplateError`s that point at the line.
 */
export function renderTemplate(template: string, context: Record<string, unknown>): string {
  const compile = new SandboxCompile(parsed(template), { escape: false });
  try {
    // `silence`: a null or undefined reference renders as the empty string, as in API Gateway
    // (docs/simulator.md, "Null references"), where plain Velocity would print it as written.
    const out = compile.render({ ...textVariables(), ...context }, undefined, true) as unknown;
    return typeof out === 'string' ? out : javaToString(out);
  } catch (e) {
    if (e instanceof TemplateError || e instanceof JsonBodyError) throw e;
    if (e instanceof RangeError) throw new TemplateError('the template recurses too deeply (a macro that calls itself?)');
    const message = e instanceof Error ? e.message : String(e);
    const line = /L\/N .*?(\d+):\d+/.exec(message);
    throw new TemplateError(message.split('\n')[0], line ? Number(line[1]) : undefined);
  }
}
