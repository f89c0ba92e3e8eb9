import { AST } from '@eslint-community/regexpp';
import { CharSet, JS } from 'refa';
import { Report } from 'scslre';
import { finding } from './catalog';
import { Finding } from './finding';
import type { PatternRules } from './pattern-rules';
import { compileJavaPattern, CompiledPattern } from '../grammar/java-pattern';
import type { MatchTarget } from '../grammar/match-target';
import { analyseBacktracking, mayRepeat } from '../grammar/pattern-safety';

/**
 * The backtracking rules (`rest-selection-pattern-backtracking`, `ws-response-key-backtracking`):
 * java.util.regex backtracks, so a pattern that can match some text in exponentially or
 * polynomially many ways takes that long to reject it. Error messages are what such a pattern is
 * matched against on a Lambda integration; status codes (3 characters) are too short to matter.
 */

const READABLE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-.:!#';
const SUFFIXES = ['!', '#', '\n', '\u0000', ' ', '0', 'a', 'A', '_'];
const EXPONENTIAL_REPEATS = 30;
const POLYNOMIAL_REPEATS = 10000;
const VERIFY_REPEATS = 20;
const MAX_FIX_GROWTH = 12;

/**
 * Warns about a pattern that can take a backtracking engine super-linear time on a long input, with
 * an attack string and a fix; an info when the pattern is too large to analyse.
 */
export function checkBacktracking(display: string, pattern: CompiledPattern, target: MatchTarget, rules: PatternRules, path?: string): Finding[] {
  if (target === 'status' || !mayRepeat(pattern.source)) return [];
  const analysis = analyseBacktracking(pattern.source, pattern.flags, 'whole');
  if (!analysis || (analysis.reports === undefined && !(analysis.simple && analysis.loops <= 1))) {
    return [finding(rules.unchecked,
      `${rules.subject} '${display.length > 80 ? `${display.slice(0, 40)}…` : display}' is too large for this checker to analyse ` +
      `for backtracking (${display.length} characters); API Gateway may accept it, but its matching time is not checked`, path)];
  }
  const report = analysis.reports?.[0];
  if (!report) return [];
  const flags = analysis.flags as unknown as Required<JS.Flags>;
  const attack = attackString(report, flags, pattern);
  const inputs = target === 'lambda' ? 'error messages' : 'inputs';
  return [finding(rules.backtracking,
    `${rules.subject} '${display}' can take ${report.exponential ? 'exponential' : 'polynomial'} time to reject some ${inputs}, ` +
    `such as ${attack}: API Gateway matches it with java.util.regex, a backtracking engine, so a long ${inputs.slice(0, -1)} can ` +
    `make the response slow or fail; ${fixHint(report, analysis.ast)}`, path)];
}

function attackString(report: Report, flags: Required<JS.Flags>, pattern: CompiledPattern): string {
  const start = report.type === 'Trade' ? report.startQuant : report.quant;
  let prefix: string;
  try {
    prefix = prefixTo(start, flags);
  } catch {
    // Too deeply nested to walk: the attack string starts with the repeated character.
    prefix = '';
  }
  const c = report.character.pick;
  const rejected = (suffix: string) => {
    try {
      return [VERIFY_REPEATS, VERIFY_REPEATS + 1].every(n => !pattern.matches(prefix + c.repeat(n) + suffix));
    } catch {
      return false;
    }
  };
  const suffix = SUFFIXES.find(s => s !== c && rejected(s)) ?? (rejected('') ? '' : '!');
  const repeats = report.exponential ? EXPONENTIAL_REPEATS : POLYNOMIAL_REPEATS;
  return [...prefix ? [quote(prefix)] : [], `${quote(c)} × ${repeats}`, ...suffix ? [quote(suffix)] : []].join(' + ');
}

function fixHint(report: Report, ast: AST.Pattern): string {
  const suggestion = suggestedFix(report, ast);
  if (report.type === 'Self') {
    return `'${report.quant.raw}' is repeated inside '${report.parentQuant.raw}', so the same text splits into many sequences of ` +
      `repetitions; make the repetition unambiguous (${suggestion ?? "e.g. '(a+)+' → 'a+'"})`;
  }
  const [a, b] = report.type === 'Trade' ? [report.startQuant.raw, report.endQuant.raw] : [report.quant.raw, report.quant.raw];
  return `'${a}' and '${b}' can both match ${quote(report.character.pick)}, so they can share it out in many ways; make them ` +
    `exclude each other or merge them (${suggestion ?? "e.g. '.*.*' → '.*', '\\d+\\w+' → '\\d\\w+'"})`;
}

/** scslre's fix, if it has one that is still a valid Java pattern and about as readable as the original. */
function suggestedFix(report: Report, ast: AST.Pattern): string | undefined {
  const fixed = report.fix()?.source;
  const wrapper = /^\(\?:([\s\S]*)\)\(\?!\[\\s\\S\]\)$/.exec(fixed ?? '');
  const original = ast.raw.replace(/^\(\?:|\)\(\?!\[\\s\\S\]\)$/g, '');
  if (!wrapper || wrapper[1] === original || wrapper[1].length > original.length + MAX_FIX_GROWTH) return undefined;
  return compileJavaPattern(wrapper[1]).ok ? `e.g. '${wrapper[1]}'` : undefined;
}

/** The shortest text that brings a match from the pattern's start to `node`. */
function prefixTo(node: AST.Node, flags: Required<JS.Flags>): string {
  let prefix = '';
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'Alternative') {
      const before = parent.elements.slice(0, parent.elements.indexOf(child as AST.Element));
      prefix = before.map(e => shortest(e, flags)).join('') + prefix;
    }
  }
  return prefix;
}

function shortest(node: AST.Node, flags: Required<JS.Flags>): string {
  switch (node.type) {
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass':
      return readable(JS.parseCharSet(node as Parameters<typeof JS.parseCharSet>[0], flags));
    case 'Alternative':
      return node.elements.map(e => shortest(e, flags)).join('');
    case 'Group':
    case 'CapturingGroup':
      return node.alternatives.map(a => shortest(a, flags)).reduce((a, b) => b.length < a.length ? b : a);
    case 'Quantifier':
      return shortest(node.element, flags).repeat(node.min);
    default:
      return '';
  }
}

function readable(set: CharSet): string {
  const preferred = [...READABLE].find(ch => set.has(ch.charCodeAt(0)));
  return preferred ?? (set.isEmpty ? '' : String.fromCharCode(set.ranges[0].min));
}

function quote(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1)}'`;
}
