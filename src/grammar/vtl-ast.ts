import { parse } from 'velocityjs';
import { BoundedCache } from '../util/bounded-cache';

/**
 * A mapping template as velocityjs parses it, for rules that read what a template writes where.
 * Only the node shapes the rules look at are typed; anything else is passed over.
 */

/** One step after a reference's name: `.name`, `.name(args)` or `[index]`. */
export interface VtlPathStep {
  readonly type: 'property' | 'method' | 'index' | string;
  readonly id?: string;
  readonly args?: readonly VtlExpression[];
}

/** A reference such as `$input.path('$.a')` or `$util.escapeJavaScript($x).replaceAll(...)`. */
export interface VtlReference {
  readonly type: 'references';
  readonly id: string;
  readonly path?: readonly VtlPathStep[];
}

/** A value in a directive or an argument: a reference, a string, a number, ... */
export type VtlExpression = VtlReference | { readonly type: string; readonly value?: unknown };

/** A node of the template: text, a reference written out, a directive, or a block (`#if`/`#foreach` ... `#end`). */
export type VtlNode = string | VtlReference | VtlDirective | VtlNode[];

/** `#set`, `#foreach`, `#if`, `#else`, `#macro`, a comment, ... */
export interface VtlDirective {
  readonly type: string;
  /** `#set`: the variable, then the value. */
  readonly equal?: readonly [VtlReference, VtlExpression];
  /** `#foreach`: the loop variable's name, and what it iterates over. */
  readonly to?: string;
  readonly from?: VtlExpression;
}

/** Templates parsed, by text: an app repeats the same templates on many methods. */
const PARSED = new BoundedCache<string, readonly VtlNode[] | undefined>(2_000);

/**
 * The nodes of `template`, or `undefined` when velocityjs cannot parse it (a rule then says nothing:
 * Velocity itself reads some templates that velocityjs refuses).
 */
export function parseVtl(template: string): readonly VtlNode[] | undefined {
  return PARSED.get(template, () => {
    try {
      return parse(template) as unknown as VtlNode[];
    } catch {
      return undefined;
    }
  });
}

/** Whether `node` is a reference written out. */
export function isReference(node: unknown): node is VtlReference {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && (node as { type?: unknown }).type === 'references';
}

/** The reference as it reads in a template (`$input.path('$.a')`), for messages. */
export function referenceText(ref: VtlReference): string {
  return `$${ref.id}${(ref.path ?? []).map(stepText).join('')}`;
}

function stepText(step: VtlPathStep): string {
  if (step.type === 'method') return `.${step.id}(${argsOf(step).map(expressionText).join(', ')})`;
  if (step.type === 'property') return `.${step.id}`;
  return '[...]';
}

/** The arguments of a method step (velocityjs gives `false` for none). */
export function argsOf(step: VtlPathStep): readonly VtlExpression[] {
  return Array.isArray(step.args) ? step.args : [];
}

function expressionText(e: VtlExpression): string {
  if (isReference(e)) return referenceText(e);
  if (e.type === 'string') return `'${String(e.value)}'`;
  return e.value === undefined ? '...' : String(e.value);
}
