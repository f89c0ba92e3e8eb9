import { Compile, Helper } from 'velocityjs';
import { foldText } from './fold-text';
import { javaMethod, javaToString, renderedValue } from './java-methods';
import { parseLeniently, ParsedTemplate } from './lenient-parse';
import { JsonBodyError } from '../json-body';
import { javaArithmetic, javaCompare, javaEquals, numberOf } from './java-operators';
import { JavaChar, JavaDouble, JavaEntry } from './java-values';
import { TemplateError } from './template-error';
import { FAIL_MACRO } from './velocity-arguments';
import { BREAK_MACRO, ESCAPED_REFERENCE_MACRO, INCLUDE_MACRO, LITERAL_VARIABLE_PREFIX } from './velocity-lexer';
import { textVariables } from './velocity-text';
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

/** Where `setValue` hands velocityjs a value it has already computed. */
const SET_VALUE = '__cdkIntegrationResponsesSetValue';

const ALWAYS_BLOCKED = new Set(['__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);
const PROTOTYPE_KEYS = new Set(['constructor', 'prototype']);

/** A macro call as `lenient-parse.ts` leaves it. */
interface MacroCall {
  readonly id?: string;
  readonly args?: unknown[];
  readonly source?: string;
  readonly argumentSources?: string[];
  readonly escapedSource?: string;
  readonly macroParameter?: number;
}

/**
 * Marks the objects whose own functions templates may call (`$input`, `$util`); everything else
 * gets Java methods only. The mark is a symbol on the object itself, not a module-level registry,
 * so the sandbox holds no state between renderings, and no template can name a symbol.
 */
const EXPOSED = Symbol('cdk-integration-responses.exposed-methods');

/**
 * Marks `object` as one whose own function properties templates may call.
 */
export function exposeMethods<T extends object>(object: T): T {
  Object.defineProperty(object, EXPOSED, { value: true, enumerable: false });
  return object;
}

function isCallable(value: unknown): boolean {
  return value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, EXPOSED);
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
/** The body of a block macro call, which `$bodyContent` renders (see `getMacroBody`). */
class MacroBody {
  constructor(public readonly asts: unknown[]) {}
}

class SandboxCompile extends (Compile as any) {
  private iterations = 0;
  private loopVariables = 0;
  private macroDepth = 0;
  /** The arguments of the macro calls under way, as written. */
  private readonly macroArguments: string[][] = [];
  /** A `#break` is under way: rendering is stopped until its loop or macro ends. */
  private breaking = false;

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
    if (property.type === 'property' && baseRef !== null && baseRef !== undefined && (typeof baseRef !== 'object' || Array.isArray(baseRef) || isJavaValue(baseRef))) {
      const name = property.id.charAt(0).toUpperCase() + property.id.slice(1);
      const getter = javaMethod(baseRef, `get${name}`) ?? javaMethod(baseRef, `is${name}`);
      return getter ? this.guard(ast, () => getter()) : undefined;
    }
    return super.getAttributes(property, baseRef, ast);
  }

  /** `$foreach` also answers `first` and `last`, as in Velocity 1.7. */
  public getLocal(ast: { id: string }): { value: unknown; isLocal: boolean } {
    const local = super.getLocal(ast) as { value: unknown; isLocal: boolean };
    const loop = local.value as { index?: number; hasNext?: boolean } | undefined;
    if (ast.id !== 'foreach' || !local.isLocal || loop === null || typeof loop !== 'object' || typeof loop.index !== 'number') return local;
    return { isLocal: true, value: { ...loop, first: loop.index === 0, last: loop.hasNext === false } };
  }

  public hasBlockedUnknownPath(keys: string[], startIndex: number): boolean {
    return keys.slice(startIndex).some(key => ALWAYS_BLOCKED.has(key) || PROTOTYPE_KEYS.has(key));
  }

  public getPropMethod(property: { id: string; args?: unknown }, baseRef: unknown, ast: Position): unknown {
    const args = Array.isArray(property.args) ? property.args.map((exp: unknown) => (this as any).getLiteral(exp)) : [];
    const name = property.id;
    if (isCallable(baseRef) && isOwn(baseRef, name) && typeof (baseRef as any)[name] === 'function') {
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
    if (value instanceof MacroBody) return isVal ? this.renderBody(value) : value;
    if (typeof value === 'function') return isVal ? '' : undefined;
    return isVal ? renderedValue(value) : value;
  }

  /**
   * A macro call. Velocity stops macros that call macros more than 20 deep
   * (`velocimacro.max.depth`), and writes a call of a macro that does not exist as the text it was
   * written as. An escaped reference (`\\$ref`) is written as its source, after a `\\` when the
   * reference is null.
   */
  public getMacro(ast: Position & MacroCall, bodyContent?: unknown): unknown {
    if (ast.id === BREAK_MACRO) {
      // Stops everything until the innermost loop or macro takes it back (`endBreak`).
      (this as any).runState.stop = true;
      this.breaking = true;
      return '';
    }
    if (ast.id === FAIL_MACRO) {
      throw new TemplateError(String((this as any).getLiteral((ast.args ?? [])[0])), lineOf(ast));
    }
    if (ast.id === INCLUDE_MACRO) {
      throw new TemplateError('#include and #parse cannot be rendered: an API Gateway mapping template has no other templates to read', lineOf(ast));
    }
    if (ast.id === ESCAPED_REFERENCE_MACRO) {
      const value = (this as any).getLiteral((ast.args ?? [])[0]);
      const call = this.macroArguments[this.macroArguments.length - 1];
      // Velocity passes macro arguments by name: `\$p` writes what the caller wrote for `$p`
      // (but for a number or boolean literal), after a `\` when it is null.
      const argument = ast.macroParameter !== undefined && call !== undefined ? call[ast.macroParameter] : undefined;
      if (argument !== undefined && !/^(?:-?\d+(?:\.\d+)?|true|false)$/.test(argument)) {
        return value === undefined || value === null ? `\\${argument}` : argument;
      }
      return value === undefined || value === null ? `\\${ast.escapedSource}` : ast.escapedSource;
    }
    const known = ast.id !== undefined && (Object.prototype.hasOwnProperty.call((this as any).macrosStore, ast.id)
      || typeof (this as any).macros[ast.id] === 'function');
    if (!known) return ast.source ?? '';
    if (this.macroDepth >= MAX_MACRO_DEPTH) throw new TemplateError(`macros call each other more than ${MAX_MACRO_DEPTH} deep`, lineOf(ast));
    this.macroDepth++;
    this.macroArguments.push(ast.argumentSources ?? []);
    try {
      return super.getMacro(ast, bodyContent);
    } finally {
      this.macroDepth--;
      this.macroArguments.pop();
      this.endBreak();
    }
  }

  /**
   * `#@m()body#end`: Velocity renders the body where the macro writes `$bodyContent`, each time it
   * does, with the macro's variables (velocityjs renders it once, before the call, with the caller's).
   */
  public getMacroBody(asts: unknown[]): unknown {
    return this.getMacro(asts[0] as Position & MacroCall, new MacroBody(asts.slice(1)));
  }

  private renderBody(body: MacroBody): string {
    const self = this as any;
    const contextId = self.contextId;
    try {
      return self.renderAstList(body.asts, contextId);
    } finally {
      self.contextId = contextId;
    }
  }

  /** Velocity defines macros while it parses (`ParsedTemplate.macros`); `#macro` does nothing when rendered. */
  public setBlockMacro(): void {
  }

  /**
   * `#set($a.b = value)`: Velocity evaluates the value first (so its errors surface), then puts it
   * into `$a` when `$a` is a map (`$context.responseOverride`, a map the template built); `$input`,
   * `$util` and other values are left alone, and a null value sets nothing.
   */
  public setValue(ast: any): void {
    const [target, valueAst] = ast.equal as [any, any];
    const value = checkSize(this.getExpression(valueAst));
    if (!Array.isArray(target.path) || target.path.length === 0) {
      // Velocity leaves the variable as it was when the value is null.
      if (value === undefined || value === null) return;
      const context = (this as any).context;
      context[SET_VALUE] = value;
      try {
        super.setValue({ ...ast, equal: [target, { type: 'references', id: SET_VALUE, leader: '$', prue: true, pos: valueAst?.pos }] });
      } finally {
        delete context[SET_VALUE];
      }
      return;
    }
    const last = target.path[target.path.length - 1];
    const base = (this as any).getReferences({ ...target, path: target.path.slice(0, -1) });
    const key = last.type === 'property' ? last.id : last.type === 'index' ? (this as any).getLiteral(last.id) : undefined;
    if (value === undefined || value === null || key === undefined || base === null || typeof base !== 'object') return;
    if (Array.isArray(base) || isJavaValue(base) || isCallable(base)) return;
    const name = String(key);
    if (ALWAYS_BLOCKED.has(name) || PROTOTYPE_KEYS.has(name)) return;
    Object.defineProperty(base, name, { value, writable: true, enumerable: true, configurable: true });
  }

  /** An expression as Velocity 1.7 evaluates it (`java-operators.ts`). */
  public getExpression(ast: any): unknown {
    if (ast?.type !== 'math') return (this as any).getLiteral(ast);
    const [a, b] = ast.expression as any[];
    switch (ast.operator) {
      case '||': return this.isTrue(a) || this.isTrue(b);
      case '&&': return this.isTrue(a) && this.isTrue(b);
      case 'not': return !this.isTrue(a);
      case '==': return javaEquals(this.getExpression(a), this.getExpression(b));
      case '!=': return !javaEquals(this.getExpression(a), this.getExpression(b));
      case '<': case '>': case '<=': case '>=': return javaCompare(ast.operator, this.getExpression(a), this.getExpression(b));
      case 'parenthesis': return this.getExpression(a);
      case 'minus': {
        const value = this.getExpression(a);
        const n = numberOf(value);
        if (n === undefined) return undefined;
        return value instanceof JavaDouble ? new JavaDouble(-n) : -n;
      }
      default:
        return javaArithmetic(ast.operator, this.operand(a), this.operand(b));
    }
  }

  /**
   * Whether a condition holds, as Velocity decides: `true`, a reference that is neither null nor
   * false, a comparison or logical operation that holds. Literals and arithmetic never hold.
   */
  public isTrue(ast: any): boolean {
    if (ast?.type === 'math') {
      if (ast.operator === 'parenthesis') return this.isTrue(ast.expression[0]);
      if (['||', '&&', 'not', '==', '!=', '<', '>', '<=', '>='].includes(ast.operator)) return this.getExpression(ast) === true;
      return false;
    }
    if (ast?.type === 'bool') return ast.value === 'true';
    if (ast?.type !== 'references' || String(ast.id).startsWith(LITERAL_VARIABLE_PREFIX)) return false;
    const value = (this as any).getReferences(ast);
    return value !== undefined && value !== null && value !== false;
  }

  public getBlockIf(block: any[]): string {
    let taken = false;
    const body: unknown[] = [];
    for (const ast of block) {
      const branch = ast?.type === 'if' || ast?.type === 'elseif' || ast?.type === 'else';
      if (!branch) {
        if (taken) body.push(ast);
        continue;
      }
      if (taken) break;
      taken = ast.type === 'else' || this.isTrue(ast.condition);
    }
    return (this as any).renderAstList(body, (this as any).contextId);
  }

  private operand(ast: any): { value: unknown; decimal: boolean; text: string } {
    return { value: this.getExpression(ast), decimal: ast?.type === 'decimal', text: ast?.type === 'references' ? Helper.getRefText(ast) : '' };
  }

  public getBlockEach(block: any[]): string {
    const ast = block[0];
    const from = (this as any).getLiteral({ ...ast.from, pos: ast.pos });
    const items = Array.isArray(from) ? from : from !== null && typeof from === 'object' && !isJavaValue(from) ? Object.values(from) : [];
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
      this.endBreak();
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

  /** The loop or macro a `#break` stopped has ended: rendering goes on after it. */
  private endBreak(): void {
    if (!this.breaking) return;
    this.breaking = false;
    (this as any).runState.stop = false;
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

/** A Java value the simulator models as an object (`java-values.ts`): not a map, nothing to iterate. */
function isJavaValue(value: unknown): boolean {
  return value instanceof JavaChar || value instanceof JavaDouble || value instanceof JavaEntry;
}

function checkSize(value: unknown): unknown {
  if (typeof value === 'string' && value.length > MAX_TEXT_LENGTH) {
    throw new TemplateError(`the template builds a string of more than ${MAX_TEXT_LENGTH} characters`);
  }
  return value;
}

/** Parsed templates: a simulator renders the same few templates over and over. */
const asts = new BoundedCache<string, ParsedTemplate>(500);

function parsed(template: string): ParsedTemplate {
  return asts.get(template, () => parseTemplate(template));
}

/**
 * A template parsed for `renderParsed`, uncached; a syntax error is a `TemplateError`.
 * `statementsPerChunk` is how many top-level statements velocityjs reads at a time (`parseLeniently`).
 */
export function parseTemplate(template: string, statementsPerChunk?: number): ParsedTemplate {
  try {
    return foldText(parseLeniently(template, statementsPerChunk));
  } catch (e) {
    if (e instanceof TemplateError) throw e;
    // The parsers recurse once per level of nesting; JavaScript's stack runs out before Java's does.
    if (e instanceof RangeError) {
      throw new TemplateError('the template nests parentheses, brackets, maps or directives too deeply for the simulator to read; nest them less deeply');
    }
    const message = e instanceof Error ? e.message : String(e);
    const line = /line (\d+)/.exec(message);
    throw new TemplateError(`syntax error: ${message.split('\n').slice(-1)[0]}`, line ? Number(line[1]) : undefined);
  }
}

/**
 * Renders a mapping template against `context` (the `$input`, `$util`, `$context`... variables).
 * Templates are parsed once and cached; every rendering is sandboxed and bounded. Errors are
 * `TemplateError`s that point at the line.
 */
export function renderTemplate(template: string, context: Record<string, unknown>): string {
  return renderParsed(parsed(template), context);
}

/** Renders a template `parseTemplate` has parsed, as `renderTemplate` does. */
export function renderParsed({ asts: tree, macros }: ParsedTemplate, context: Record<string, unknown>): string {
  const compile = new SandboxCompile(tree, { escape: false });
  (compile as any).macrosStore = { ...macros };
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
