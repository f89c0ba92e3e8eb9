/**
 * One benchmark sample in a fresh process: a warm-up synth, then the measured one (construction
 * and synthesis). Prints {"ms", "maxRssMb"} as JSON.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { buildApp, Variant } from './apps';

const [variant, n, keep] = [process.argv[2] as Variant, Number(process.argv[3]), process.argv[4]];

function synth(count: number): { ms: number; outdir: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const start = performance.now();
  buildApp(variant, count, outdir).synth();
  return { ms: performance.now() - start, outdir };
}

const warm = synth(50);
fs.rmSync(warm.outdir, { recursive: true, force: true });
const measured = synth(n);
if (keep) fs.copyFileSync(path.join(measured.outdir, 'Bench.template.json'), keep);
fs.rmSync(measured.outdir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ ms: measured.ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
