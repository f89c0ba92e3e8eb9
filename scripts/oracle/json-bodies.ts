/**
 * `npm run oracle` (second part): bodies built with `JsonBody`, rendered by Apache Velocity 1.7 for
 * generated backend answers. Each rendered body must parse as JSON and equal the value its shape
 * declares, as it does in the simulator (test/bodies/json-body-properties.test.ts).
 *
 * A value that is not a string, asked for as one, is the JSON text API Gateway writes for it, with
 * numbers spelt the Java way in both. One spelling differs and is counted apart: Java's
 * `Double.toString` of a subnormal number (below 2.2E-308) is not the shortest form (`4.9E-324`
 * where the simulator writes `5.0E-324`); both texts read back as the same number.
 */
import * as fc from 'fast-check';
import { buildOracle, oracleAnswers } from './oracle-answer';
import { answerOf, build, specArb } from '../../test/support/json-body-shapes';

/** Deep equality of two JSON values, object fields in any order (the builder writes them sorted). */
function sameValue(a: unknown, b: unknown, spelling = false): boolean {
  // `spelling`: strings may differ in how they spell subnormal numbers.
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i], spelling));
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
    const keys = Object.keys(x);
    return keys.length === Object.keys(y).length && keys.every(k => Object.prototype.hasOwnProperty.call(y, k) && sameValue(x[k], y[k], spelling));
  }
  return Object.is(a, b) || a === b || (spelling && sameJsonText(a, b));
}

/** Whether two strings differ only in how subnormal numbers in them are spelt. */
function sameJsonText(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const subnormals = (text: string) => text.replace(/-?\d(?:\.\d+)?E-3\d\d/g, n => Math.abs(Number(n)) < 2.2250738585072014e-308 ? String(Number(n)) : n);
  return subnormals(a) === subnormals(b);
}

/** Where two values first differ, and how, for the report. */
function firstDifference(a: unknown, b: unknown, at = '$'): string {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const x = (a as Record<string, unknown>)[k];
      const y = (b as Record<string, unknown>)[k];
      if (!sameValue(x, y)) return firstDifference(x, y, `${at}[${JSON.stringify(k)}]`);
    }
  }
  return `${at}: velocity ${JSON.stringify(a)}, declared ${JSON.stringify(b)}`;
}

/** Runs `count` generated bodies and answers through the oracle; returns whether every body held. */
export function runJsonBodies(seed: number, count: number, classPath = buildOracle()): boolean {
  const cases = fc.sample(specArb.chain(spec => fc.tuple(fc.constant(spec), answerOf(build(spec, { next: 0 }).reads))), { seed, numRuns: count });
  const shapes = cases.map(([spec]) => build(spec, { next: 0 }));
  const answers = oracleAnswers(classPath, cases.map(([, answer], i) => ({
    template: shapes[i].body.toTemplate(), body: JSON.stringify(answer), params: {}, stageVariables: {},
  })));
  let valid = 0;
  let equal = 0;
  let spelling = 0;
  const failures: string[] = [];
  answers.forEach((a, i) => {
    const expected = JSON.parse(JSON.stringify(shapes[i].expected(cases[i][1])));
    let parsed: unknown;
    try {
      parsed = a.ok ? JSON.parse(a.output!) : undefined;
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined) {
      failures.push(`not JSON: ${JSON.stringify(cases[i])} -> ${a.ok ? JSON.stringify(a.output) : a.error}`);
      return;
    }
    valid++;
    if (sameValue(parsed, expected)) equal++;
    else if (sameValue(parsed, expected, true)) spelling++;
    else failures.push(`other value at ${firstDifference(parsed, expected)}, for ${JSON.stringify(cases[i])}`);
  });
  console.log(`oracle json bodies: seed=${seed} cases=${count}: valid JSON ${valid}/${count}, the declared value ${equal}/${count}, ` +
    `the declared value but for how Java spells a subnormal number ${spelling}`);
  for (const f of failures.slice(0, 10)) console.log(`--- ${f.length > 600 ? `${f.slice(0, 600)}...` : f}`);
  return failures.length === 0;
}
