/**
 * `npm run bench`: synth overhead, template checker speed and simulator throughput, as ratios
 * measured side by side in one run. See docs/performance.md for the method.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { HTTP_VARIANTS, VARIANTS, Variant, WEBSOCKET_VARIANTS } from './apps';
import { CONTRACT_SIZES, measureContract } from './contract';
import { measureLargeTemplates, TEMPLATE_SIZES } from './large-template';
import { writeSynthPlot } from './plot';
import { measureSimulator } from './simulator';
import { checkPaths } from '../src/checks/check-command';

const SIZES = [250, 1000, 2000];
/** Routes of the WebSocket API (each has three integration responses, a route response and an integration). */
const WEBSOCKET_SIZES = [250, 500, 1000];
/** Routes of the HTTP API (each integration maps three status codes). */
const HTTP_SIZES = [250, 500, 1000];
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 3);
/** The ratios are taken at the largest N, so it gets more samples. */
const LARGEST_SAMPLES = SAMPLES + 2;
const RESULTS = path.join(__dirname, 'results');

interface Sample { readonly ms: number; readonly maxRssMb: number }
type SynthResults = Record<string, Record<number, Sample[]>>;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** One sample in a fresh process, so no variant inherits another's warmed-up heap or JIT state. */
function synthSample(variant: Variant, n: number, keep?: string): Sample {
  // aws-cdk-lib's own default template validation (CloudFormation Validate) runs in every variant
  // alike and would only dilute the ratios: it is turned off, so the overhead measured is ours.
  const child = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'synth-child.ts'), variant, String(n), ...keep ? [keep] : []],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, CDK_VALIDATION: 'false' } });
  if (child.status !== 0) throw new Error(`synth of ${variant} with ${n} methods failed:\n${child.stderr}`);
  return JSON.parse(child.stdout);
}

function measureSynth(variants: readonly Variant[], sizes: readonly number[], largest?: string): SynthResults {
  const results = Object.fromEntries(variants.map(v => [v, Object.fromEntries(sizes.map(n => [n, [] as Sample[]]))])) as SynthResults;
  // Round robin: the variants of a size alternate, so a slow phase of the machine hits them all alike.
  for (let round = 0; round < LARGEST_SAMPLES; round++) {
    for (const n of sizes) {
      if (round >= SAMPLES && n !== sizes[sizes.length - 1]) continue;
      for (const variant of variants) {
        const keep = largest && round === 0 && n === sizes[sizes.length - 1] && variant === 'builders' ? largest : undefined;
        results[variant][n].push(synthSample(variant, n, keep));
        process.stderr.write('.');
      }
    }
  }
  process.stderr.write('\n');
  return results;
}

/** Reads, parses and visits every value of a template: the least any checker must do. */
function parseAndWalk(file: string): number {
  let count = 0;
  const walk = (value: unknown): void => {
    count++;
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(JSON.parse(fs.readFileSync(file, 'utf8')));
  return count;
}

function timeOnce(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * The checker and the parse alternate, round by round, so a slow phase (or a garbage collection of
 * the 5 MB template) hits both sides of a round's ratio alike; the ratio is the median of the rounds'.
 */
function measureChecker(file: string): { checkerMs: number; parseMs: number; ratio: number; findings: number } {
  const findings = checkPaths([file]).findings.length;
  parseAndWalk(file);
  // Which side goes first alternates too, so neither always inherits the other's garbage.
  const rounds = Array.from({ length: 21 }, (_, round) => {
    if (round % 2 === 0) {
      const checkerMs = timeOnce(() => checkPaths([file]));
      return { checkerMs, parseMs: timeOnce(() => parseAndWalk(file)) };
    }
    const parseMs = timeOnce(() => parseAndWalk(file));
    return { parseMs, checkerMs: timeOnce(() => checkPaths([file])) };
  });
  return {
    checkerMs: median(rounds.map(r => r.checkerMs)),
    parseMs: median(rounds.map(r => r.parseMs)),
    ratio: median(rounds.map(r => r.checkerMs / r.parseMs)),
    findings,
  };
}

function pad(text: string | number, width: number): string {
  return String(text).padStart(width);
}

/**
 * The table of an API measured by routes (median ms per N, ms per route and peak memory at the
 * largest N) and its linearity line: the time per route at the largest N over that at the smallest.
 */
function routeTable(title: string, variants: readonly Variant[], sizes: readonly number[], results: SynthResults): string[] {
  const medianOf = (v: Variant, n: number) => median(results[v][n].map(s => s.ms));
  const [small, big] = [sizes[0], sizes[sizes.length - 1]];
  return [
    title,
    `${'variant'.padEnd(20)}${sizes.map(n => pad(`N=${n} ms`, 13)).join('')}${pad('ms/route', 11)}${pad('peak RSS MB', 13)}`,
    ...variants.map(v => `${v.padEnd(20)}${sizes.map(n => pad(medianOf(v, n).toFixed(0), 13)).join('')}` +
      `${pad((medianOf(v, big) / big).toFixed(2), 11)}${pad(Math.max(...results[v][big].map(s => s.maxRssMb)).toFixed(0), 13)}`),
    `linearity (ms per route at N=${big} / at N=${small}): ` +
      variants.map(v => `${v} ${((medianOf(v, big) / big) / (medianOf(v, small) / small)).toFixed(2)}`).join(', '),
    '',
  ];
}

function main(): void {
  const started = performance.now();
  fs.mkdirSync(RESULTS, { recursive: true });
  const largest = path.join(RESULTS, `Bench-${SIZES[SIZES.length - 1]}.template.json`);

  const synth = measureSynth(VARIANTS, SIZES, largest);
  const webSocket = measureSynth(WEBSOCKET_VARIANTS, WEBSOCKET_SIZES);
  const http = measureSynth(HTTP_VARIANTS, HTTP_SIZES);
  const checker = measureChecker(largest);
  const simulator = measureSimulator();
  const contract = measureContract();
  const largeTemplates = measureLargeTemplates();

  const medianMs = (v: Variant, n: number) => median(synth[v][n].map(s => s.ms));
  const peakMb = (v: Variant, n: number) => Math.max(...synth[v][n].map(s => s.maxRssMb));
  const lines: string[] = [];
  lines.push(`cdk-integration-responses benchmark: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown cpu'}, node ${process.version}, ` +
    `${SAMPLES} samples per cell (${LARGEST_SAMPLES} at N=${SIZES[SIZES.length - 1]}), median, each in a fresh process after a warm-up synth`);
  lines.push('');
  lines.push('synth (construct + app.synth), REST API with N methods x 4 integration responses');
  lines.push(`${'variant'.padEnd(20)}${SIZES.map(n => pad(`N=${n} ms`, 13)).join('')}${pad('ms/method', 11)}${pad('peak RSS MB', 13)}`);
  for (const v of VARIANTS) {
    const largestN = SIZES[SIZES.length - 1];
    lines.push(`${v.padEnd(20)}${SIZES.map(n => pad(medianMs(v, n).toFixed(0), 13)).join('')}` +
      `${pad((medianMs(v, largestN) / largestN).toFixed(2), 11)}${pad(peakMb(v, largestN).toFixed(0), 13)}`);
  }
  const [small, , big] = SIZES;
  lines.push('linearity (ms per method at N=' + big + ' / at N=' + small + '): ' +
    VARIANTS.map(v => `${v} ${((medianMs(v, big) / big) / (medianMs(v, small) / small)).toFixed(2)}`).join(', '));
  lines.push('');
  lines.push(...routeTable('synth, WebSocket API with N routes x 3 integration responses (plain aws-cdk-lib), without and with the checks',
    WEBSOCKET_VARIANTS, WEBSOCKET_SIZES, webSocket));
  lines.push(...routeTable('synth, HTTP API with N routes, each integration mapping 3 status codes (plain aws-cdk-lib), without and with the checks',
    HTTP_VARIANTS, HTTP_SIZES, http));
  lines.push(`template checker on the N=${big} template (${(fs.statSync(largest).size / 1024 / 1024).toFixed(1)} MB, ${checker.findings} findings): ` +
    `check ${checker.checkerMs.toFixed(1)} ms, read + JSON.parse + walk ${checker.parseMs.toFixed(1)} ms`);
  lines.push(`simulator, ${simulator.calls} calls (Lambda error mapping + VTL): ${simulator.simulatorMs.toFixed(1)} ms; ` +
    `velocityjs parse + render on every call ${simulator.naiveMs.toFixed(1)} ms`);
  lines.push(`contract (ResponseContract.fromTemplate + toText), REST API with N methods x 4 integration responses (${contract.rows} rows at ` +
    `N=${CONTRACT_SIZES[CONTRACT_SIZES.length - 1]}): ${CONTRACT_SIZES.map(n => `N=${n} ${contract.ms[n].toFixed(0)} ms`).join(', ')}; ` +
    `linearity (ms per method at N=${CONTRACT_SIZES[CONTRACT_SIZES.length - 1]} / at N=${CONTRACT_SIZES[0]}) ${contract.linearity.toFixed(2)}`);
  lines.push('large mapping templates (parse + render once, simulator\'s VTL engine): ' +
    `${TEMPLATE_SIZES.map(n => `${(n / 1000).toFixed(0)} KB ${largeTemplates.ms[n].toFixed(0)} ms`).join(', ')}; ` +
    `linearity (ms per byte at ${(TEMPLATE_SIZES[TEMPLATE_SIZES.length - 1] / 1000).toFixed(0)} KB / at ${(TEMPLATE_SIZES[0] / 1000).toFixed(0)} KB) ${largeTemplates.linearity.toFixed(2)}`);
  lines.push(`whole benchmark: ${((performance.now() - started) / 1000).toFixed(0)} s`);

  // The variants of a round run one after the other, so a slow phase of a shared machine tends to hit
  // both sides of a round's ratio alike: the median of the rounds' ratios is steadier than a ratio
  // of medians.
  const pairedRatio = (a: Variant, b: Variant) => median(synth[a][big].map((sample, round) => sample.ms / synth[b][big][round].ms));
  const x = pairedRatio('builders', 'l2');
  const y = pairedRatio('builders+checks', 'builders');
  const z = checker.ratio;
  const u = pairedRatio('builders+checks', 'builders+framework');
  const w = simulator.naiveMs / simulator.simulatorMs;
  const withAndWithout = (results: SynthResults, sizes: readonly number[], without: Variant, withChecks: Variant) => {
    const n = sizes[sizes.length - 1];
    return median(results[withChecks][n].map((sample, round) => sample.ms / results[without][n][round].ms));
  };
  const v = withAndWithout(webSocket, WEBSOCKET_SIZES, 'ws', 'ws+checks');
  const h = withAndWithout(http, HTTP_SIZES, 'http', 'http+checks');
  lines.push('');
  lines.push(`bench: builders_vs_l2=${x.toFixed(3)} checks_overhead=${y.toFixed(3)} cli_vs_parse=${z.toFixed(2)} simulator_vs_naive=${w.toFixed(2)} ws_checks_overhead=${v.toFixed(3)} http_checks_overhead=${h.toFixed(3)} checks_vs_framework=${u.toFixed(3)} contract_linearity=${contract.linearity.toFixed(2)} template_linearity=${largeTemplates.linearity.toFixed(2)}`);

  fs.writeFileSync(path.join(RESULTS, 'latest.json'), JSON.stringify({ sizes: SIZES, synth, webSocketSizes: WEBSOCKET_SIZES, webSocket, httpSizes: HTTP_SIZES, http, checker, simulator, contract, largeTemplates, ratios: { x, y, z, w, v, h, u, contractLinearity: contract.linearity, templateLinearity: largeTemplates.linearity } }, undefined, 2));
  writeSynthPlot(path.join(RESULTS, 'latest.json'), path.join(RESULTS, 'synth-time.svg'));
  console.log(lines.join('\n'));
}

main();
