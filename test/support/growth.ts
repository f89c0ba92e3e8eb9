import { cpuTime } from './cpu-time';

/**
 * How the CPU time of `run` grows when its input grows `factor` times: the best of `rounds` paired
 * measurements of `run(small)` and `run(small * factor)`, as a ratio, with the larger run's result.
 *
 * A guard against quadratic work that no machine speed can fail: a linear `run` gives about
 * `factor`, a quadratic one about `factor` squared, whether the machine is fast or shared with
 * other jobs, since both sizes are measured side by side. Absolute speed belongs to `npm run bench`.
 */
export function growth<T>(run: (n: number) => T, small: number, factor = 4, rounds = 3): { ratio: number; result: T } {
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  let result: T | undefined;
  for (let round = 0; round < rounds; round++) {
    bestSmall = Math.min(bestSmall, cpuTime(() => run(small)).millis);
    const large = cpuTime(() => run(small * factor));
    bestLarge = Math.min(bestLarge, large.millis);
    result = large.result;
  }
  return { ratio: bestLarge / Math.max(bestSmall, 0.001), result: result as T };
}
