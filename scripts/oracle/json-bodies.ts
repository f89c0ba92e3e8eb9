/**
 * `npm run oracle` (second part): bodies built with `JsonBody`, rendered by Apache Velocity 1.7 for
 * generated backend answers. Each rendered body must parse as JSON and equal the value its shape
 * declares, as it does in the simulator (test/bodies/json-body-properties.test.ts).
 *
 * One difference is expected and counted apart: a number (or a list or an object holding numbers)
 * asked for as a string is written as the JSON text `$input.json` gives it, which spells numbers the
 * Java way (`1.0E30` where JavaScript writes `1e+30`); the body is still valid JSON, with a string there.
 */
import * as fc from 'fast-check';
import { buildOracle, oracleAnswers } from './oracle-answer';
import { answerOf, build, specArb } from '../../test/support/json-body-shapes';

/**
 * Whether `a` and `b` differ only in how numbers are spelt inside a value written as a string (the
 * JSON text of a number, a list or an object asked for as a string).
 */
function sameUpToNumberText(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') {
    if (a === b) return true;
    const [x, y] = [parsedOrUndefined(a), parsedOrUndefined(b)];
    return x !== undefined && y !== undefined && typeof x !== 'string' && JSON.stringify(x) === JSON.stringify(y);
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameUpToNumberText(x, b[i]));
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
    const keys = Object.keys(x);
    return keys.length === Object.keys(y).length && keys.every(k => sameUpToNumberText(x[k], y[k]));
  }
  return Object.is(a, b) || a === b;
}

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Where two values first differ, and how, for the report. */
function firstDifference(a: unknown, b: unknown, at = '$'): string {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const x = (a as Record<string, unknown>)[k];
      const y = (b as Record<string, unknown>)[k];
      if (!sameUpToNumberText(x, y)) return firstDifference(x, y, `${at}[${JSON.stringify(k)}]`);
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
  let numberText = 0;
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
    if (JSON.stringify(parsed) === JSON.stringify(expected)) equal++;
    else if (sameUpToNumberText(parsed, expected)) numberText++;
    else failures.push(`other value at ${firstDifference(parsed, expected)}, for ${JSON.stringify(cases[i])}`);
  });
  console.log(`oracle json bodies: seed=${seed} cases=${count}: valid JSON ${valid}/${count}, the declared value ${equal}, ` +
    `the declared value up to how Java spells a number written as a string ${numberText}`);
  for (const f of failures.slice(0, 10)) console.log(`--- ${f.length > 600 ? `${f.slice(0, 600)}...` : f}`);
  return failures.length === 0;
}
