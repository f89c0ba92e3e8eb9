import * as fc from 'fast-check';
import { simulationInput } from './backend';
import { loadFixtures } from './fixtures';
import { Mutation, mutate, mutation } from './mutations';
import { Counts, Oracle, Violation } from './oracle';
import { SimulationInput } from '../../src';

/** How a robustness run goes. */
export interface RunOptions {
  readonly seed: number;
  readonly cases: number;
  /** Every how many cases the CLI (check and simulate, through files) runs too. */
  readonly cliEvery: number;
  /** A call that takes this long breaks the time property. */
  readonly maxMillis: number;
}

/** What a run found. */
export interface RunResult {
  readonly seed: number;
  readonly cases: number;
  readonly counts: Counts;
  /** The first case that broke a property, with what it broke. */
  readonly failure?: { readonly violations: Violation[]; readonly counterexample: string };
}

/**
 * Runs `cases` seeded cases: a fixture template under a few structure-aware mutations, and a
 * backend answer, through every front end, checking the oracle's properties.
 */
export function runCases(options: RunOptions): RunResult {
  const fixtures = loadFixtures();
  const oracle = new Oracle(options.maxMillis);
  let index = 0;
  const arbitrary = fc.record({
    fixture: fc.nat({ max: fixtures.length - 1 }),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
    input: simulationInput,
  });
  try {
    type Case = { fixture: number; mutations: Mutation[]; input: SimulationInput };
    const violationsOf = ({ fixture, mutations, input }: Case, viaCli: boolean) => {
      const template = JSON.parse(fixtures[fixture]) as Record<string, unknown>;
      try {
        mutate(template, mutations);
      } catch (e) {
        // Stacked deep values can nest past what structuredClone copies: such a case is not generated.
        if (e instanceof RangeError) return [];
        throw e;
      }
      return oracle.check(template, input, viaCli);
    };
    let failing: Violation[] = [];
    const details = fc.check(fc.property(arbitrary, c => {
      const violations = violationsOf(c, index++ % options.cliEvery === 0);
      if (violations.length > 0) failing = violations;
      return violations.length === 0;
    // No shrinking: a failing case is reported at once, as generated (shrinking huge values takes minutes).
    }), { seed: options.seed, numRuns: options.cases, endOnFailure: true });
    if (!details.failed || details.counterexample === null) return { seed: options.seed, cases: options.cases, counts: oracle.counts };
    const [counterexample] = details.counterexample;
    return {
      seed: options.seed,
      cases: details.numRuns,
      counts: oracle.counts,
      failure: {
        // A property that threw (the harness itself failed) has no violations of its own: its error is reported.
        violations: failing.length > 0 ? failing : [{ target: 'harness', problem: String(details.errorInstance).slice(0, 500) }],
        counterexample: printed(counterexample),
      },
    };
  } finally {
    oracle.close();
  }
}

/** A counterexample as JSON, long strings abbreviated; a value too deep to print is said to be. */
function printed(counterexample: unknown): string {
  try {
    return JSON.stringify(counterexample, shortStrings).slice(0, 4000);
  } catch {
    return '(too deeply nested to print: rerun with the seed)';
  }
}

/** Long strings abbreviated in a printed counterexample. */
function shortStrings(_key: string, value: unknown): unknown {
  return typeof value === 'string' && value.length > 200 ? `${value.slice(0, 100)}… (${value.length} characters)` : value;
}
