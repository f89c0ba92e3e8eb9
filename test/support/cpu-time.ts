/**
 * The CPU time, in milliseconds, this process spends in `run` (user and system), and its result.
 * Guards against hangs and blow-ups measure CPU time rather than wall time: the test suite runs in
 * parallel workers, often beside other jobs, and waiting for a core is not work the code did.
 */
export function cpuTime<T>(run: () => T): { millis: number; result: T } {
  const start = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(start);
  return { millis: (used.user + used.system) / 1000, result };
}
