import { AST } from '@eslint-community/regexpp';
import { RE2JS } from 're2js';
import { CharSet, JS } from 'refa';
import { BoundedCache } from '../util/bounded-cache';

/**
 * Runs a JavaScript pattern on re2js (a port of RE2: linear time, no backtracking). RE2's own
 * syntax means other things than JavaScript's for `.`, `\s`, `\w` and case-insensitive classes, so
 * the pattern is rewritten from its parsed form: every character class becomes explicit code point
 * ranges computed by refa with the pattern's flags, and what RE2 cannot express the same way
 * (look-aheads, back-references, multi-line `$`, repetition counts over 1,000) is refused.
 */

/** RE2's largest repetition count. */
const MAX_REPEAT = 1000;
const MAX_AST_NODES = 20000;
const MAX_SOURCE = 100000;
const CACHE_LIMIT = 500;
const cache = new BoundedCache<string, RE2JS | undefined>(CACHE_LIMIT);
const LINE_TERMINATORS = '\\x{a}\\x{d}\\x{2028}\\x{2029}';
const SURROGATE = /[\uD800-\uDFFF]/;

class Untranslatable extends Error {}

/**
 * A JavaScript pattern compiled for re2js (cached), or `undefined` when it has no faithful RE2
 * equivalent (or is too large).
 */
export function re2Pattern(source: string, flags: string): RE2JS | undefined {
  const key = `${flags}/${source}`;
  return cache.get(key, () => translate(source, flags));
}

function translate(source: string, flags: string): RE2JS | undefined {
  if (source.length > MAX_SOURCE) return undefined;
  try {
    const parser = JS.Parser.fromLiteral({ source, flags });
    const emitter = new Emitter(parser.flags);
    const translated = emitter.alternatives(parser.ast.pattern.alternatives);
    return RE2JS.compile(translated, emitter.usesLookbehind ? RE2JS.LOOKBEHINDS : 0);
  } catch {
    return undefined;
  }
}

/**
 * Whether re2js sees `input` as the same characters a JavaScript pattern does: RE2 reads a
 * surrogate pair as one code point, JavaScript (without the `u` flag) as two code units.
 */
export function re2Compatible(input: string): boolean {
  return !SURROGATE.test(input);
}

class Emitter {
  usesLookbehind = false;
  private nodes = 0;

  constructor(private readonly flags: Required<JS.Flags>) {
    if (flags.unicode || flags.unicodeSets) throw new Untranslatable('unicode flags');
  }

  alternatives(alternatives: readonly AST.Alternative[]): string {
    return alternatives.map(a => a.elements.map(e => this.element(e)).join('')).join('|');
  }

  private element(element: AST.Element): string {
    if (++this.nodes > MAX_AST_NODES) throw new Untranslatable('too large');
    switch (element.type) {
      case 'Character':
      case 'CharacterSet':
      case 'CharacterClass':
        if (element.type === 'CharacterSet' && element.kind === 'property' && element.strings) throw new Untranslatable('string property');
        if (element.type === 'CharacterClass' && element.unicodeSets) throw new Untranslatable('class set');
        return charClass(JS.parseCharSet(element as Parameters<typeof JS.parseCharSet>[0], this.flags));
      case 'Group':
        if (element.modifiers) throw new Untranslatable('modifiers');
        return `(?:${this.alternatives(element.alternatives)})`;
      case 'CapturingGroup':
        return element.name === null ? `(${this.alternatives(element.alternatives)})` : `(?P<${element.name}>${this.alternatives(element.alternatives)})`;
      case 'Quantifier':
        return `(?:${this.element(element.element)})${quantifier(element)}`;
      case 'Assertion':
        return this.assertion(element);
      default:
        throw new Untranslatable(element.type);
    }
  }

  private assertion(assertion: AST.Assertion): string {
    switch (assertion.kind) {
      case 'start':
        // In multi-line mode `^` also follows \r, \u2028 and \u2029, which RE2's (?m) does not know.
        if (!this.flags.multiline) return '^';
        this.usesLookbehind = true;
        return `(?<![^${LINE_TERMINATORS}])`;
      case 'end':
        if (this.flags.multiline) throw new Untranslatable('multi-line $');
        return '$';
      case 'word':
        // Without the u flag both engines take \w as [A-Za-z0-9_].
        return assertion.negate ? '\\B' : '\\b';
      case 'lookbehind': {
        // re2js evaluates look-behinds without captures.
        if (assertion.alternatives.some(hasCapture)) throw new Untranslatable('capturing group in a look-behind');
        this.usesLookbehind = true;
        return `(?<${assertion.negate ? '!' : '='}${this.alternatives(assertion.alternatives)})`;
      }
      default:
        throw new Untranslatable('look-ahead');
    }
  }
}

function hasCapture(node: AST.Alternative | AST.Element): boolean {
  switch (node.type) {
    case 'CapturingGroup': return true;
    case 'Alternative': return node.elements.some(hasCapture);
    case 'Group': return node.alternatives.some(hasCapture);
    case 'Assertion': return (node.kind === 'lookahead' || node.kind === 'lookbehind') && node.alternatives.some(hasCapture);
    case 'Quantifier': return hasCapture(node.element);
    default: return false;
  }
}

function quantifier(q: AST.Quantifier): string {
  if (q.min > MAX_REPEAT || (q.max !== Infinity && q.max > MAX_REPEAT)) throw new Untranslatable('repetition count');
  const lazy = q.greedy ? '' : '?';
  if (q.max === Infinity) return `${q.min === 0 ? '*' : q.min === 1 ? '+' : `{${q.min},}`}${lazy}`;
  return `${q.min === q.max ? `{${q.min}}` : `{${q.min},${q.max}}`}${lazy}`;
}

function charClass(set: CharSet): string {
  if (set.isEmpty) return '[^\\x{0}-\\x{10ffff}]';
  const hex = (c: number) => `\\x{${c.toString(16)}}`;
  return `[${set.ranges.map(r => r.min === r.max ? hex(r.min) : `${hex(r.min)}-${hex(r.max)}`).join('')}]`;
}
