// `npm run robustness`: the long seeded robustness run (at least 100,000 cases), for CI.
// ROBUSTNESS_SEED and ROBUSTNESS_CASES override the random seed and the number of cases.
import { performance } from 'perf_hooks';
import { runCases } from './run-cases';

const seed = process.env.ROBUSTNESS_SEED ? Number(process.env.ROBUSTNESS_SEED) : Math.floor(Math.random() * 2 ** 31);
const cases = process.env.ROBUSTNESS_CASES ? Number(process.env.ROBUSTNESS_CASES) : 100_000;
console.log(`robustness: seed ${seed}, ${cases} cases (reproduce with ROBUSTNESS_SEED=${seed})`);
const started = performance.now();
const result = runCases({ seed, cases, cliEvery: 50, maxMillis: 1000 });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
for (const [target, count] of Object.entries(result.counts)) {
  console.log(`  ${target}: ${count.answer} answers, ${count['documented-error']} documented errors, ${(count.millis / 1000).toFixed(1)} s`);
}
if (result.failure) {
  console.error(`robustness: seed ${seed}: a case broke a property after ${result.cases} cases (${seconds} s)`);
  for (const v of result.failure.violations) console.error(`  ${v.target}: ${v.problem}`);
  console.error(`  counterexample: ${result.failure.counterexample}`);
  process.exitCode = 1;
} else {
  console.log(`robustness: seed ${seed}: ${result.cases} cases, no internal error, no malformed answer, no call of 1 s or more (${seconds} s)`);
}
