import { runCases } from './run-cases';

// A quick run of the robustness suite (npm run robustness runs 100,000 cases with a random seed).
// Inside the parallel test suite a call may be slowed by the other workers: the time property is
// 1 s in the long run, 3 s here, so that load cannot fail it.
test('a few hundred mutated templates and backend answers: no internal error, no malformed answer', () => {
  const result = runCases({ seed: 20, cases: 300, cliEvery: 10, maxMillis: 3000 });
  expect(result.failure).toBeUndefined();
  expect(result.counts['TemplateChecker.check'].answer + result.counts['TemplateChecker.check']['documented-error']).toBe(300);
  expect(result.counts.ResponseContract.answer + result.counts.ResponseContract['documented-error']).toBe(300);
}, 120_000);
