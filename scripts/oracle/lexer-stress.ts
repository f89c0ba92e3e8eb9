import * as fc from 'fast-check';
import { OracleCase } from './cases';
import { agrees, Answer } from './simulator-answer';

/**
 * A harder corpus than `generateCases`: short templates glued from the pieces where Velocity 1.7's
 * lexer leaves a state behind (references right after properties, calls opened before a
 * directive, `##` after a reference, raw blocks, escapes, block macro calls). Velocity reads many
 * of them in ways no grammar documents, so this is where the simulator and Velocity part most.
 * The measure `npm run oracle` prints: how many Velocity renders that the simulator refuses to parse.
 */
const PIECES = [
  '$i.b', '$t', '${d}', '$!{t}', '$s.length()', '$i.b(', '$u.e(', '$.c', '\\$t', '$!', '$', '#', '##', '##c\n', '##x', '##end',
  '#if(true)', '#else', '#end', '#{end}', '#foreach($x in [1])', '#set($s = 1)', '#m()', '##m()', '#@m()', '#stop', '#break',
  '#*c*#', '#[[r]]#', '(', ')', '{', '}', '[0]', '.x', 'C', ' ', '\n', "'a'", '\\',
];

const template = fc.array(fc.constantFrom(...PIECES), { minLength: 2, maxLength: 9 }).map(pieces => `#macro(m)z#end${pieces.join('')}`);

export function lexerStressCases(seed: number, count: number): OracleCase[] {
  return fc.sample(template, { seed, numRuns: count })
    .map(t => ({ template: t, body: '{"s":"ab"}', params: { path: {}, querystring: {}, header: {} }, stageVariables: {} }));
}

/** How the simulator's answers compare with Velocity's on `lexerStressCases`. */
export interface StressSummary {
  readonly agree: number;
  /** Templates Velocity renders and the simulator refuses with a syntax error. */
  readonly refusedButRendered: ReadonlyArray<{ readonly template: string; readonly velocity: string; readonly simulator: string }>;
}

export function summarizeStress(cases: readonly OracleCase[], oracle: readonly Answer[], simulator: readonly Answer[]): StressSummary {
  const refusedButRendered: Array<{ template: string; velocity: string; simulator: string }> = [];
  let agree = 0;
  cases.forEach((c, i) => {
    const o = oracle[i];
    const s = simulator[i];
    if (agrees(o, s)) agree++;
    else if (o.ok && !s.ok && s.error?.startsWith('syntax error')) refusedButRendered.push({ template: c.template, velocity: o.output ?? '', simulator: s.error });
  });
  return { agree, refusedButRendered };
}

/** A lexer-stress case as recorded for the test suite: Velocity's answer, and the simulator's where they differed. */
export interface RecordedStressCase extends OracleCase {
  readonly oracle: Answer;
  readonly simulator?: Answer;
}

/** How many agreeing cases the fixture keeps; every case Velocity renders and the simulator refuses is kept too. */
const RECORDED_STRESS_AGREEMENTS = 1500;

/**
 * The cases `npm run oracle` records in test/fixtures/vtl-lexer-stress.json, so that `npm test` holds
 * what the simulator agrees on and pins the templates it still refuses, without a JDK.
 */
export function recordedStressCases(cases: readonly OracleCase[], oracle: readonly Answer[], simulator: readonly Answer[]): RecordedStressCase[] {
  const refused = cases.map((c, i) => ({ ...c, oracle: oracle[i], simulator: simulator[i] }))
    .filter(r => r.oracle.ok && !r.simulator.ok && r.simulator.error?.startsWith('syntax error'));
  const agreeing = cases.map((c, i) => ({ ...c, oracle: oracle[i] })).filter((_, i) => agrees(oracle[i], simulator[i]));
  return [...refused, ...agreeing.slice(0, RECORDED_STRESS_AGREEMENTS)];
}
