/**
 * Draws synth time against N for each variant from a benchmark result, as an SVG.
 *
 * `ts-node --transpile-only bench/plot.ts bench/results/latest.json docs/performance-synth.svg`
 */
import * as fs from 'fs';

interface Results {
  readonly sizes: number[];
  readonly synth: Record<string, Record<number, Array<{ ms: number }>>>;
}

const COLORS: Record<string, string> = { 'l1': '#7f7f7f', 'l2': '#1f77b4', 'builders': '#ff7f0e', 'builders+framework': '#9467bd', 'builders+checks': '#2ca02c' };
const LABELS: Record<string, string> = {
  'l1': 'CfnMethod (L1)',
  'l2': 'aws-cdk-lib Method, hand-written responses',
  'builders': 'RestResponses builders',
  'builders+framework': 'builders + a no-op validation plugin',
  'builders+checks': 'builders + IntegrationResponseChecks',
};
const WIDTH = 640;
const HEIGHT = 400;
const MARGIN = { left: 70, right: 20, top: 30, bottom: 50 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A round step for axis ticks, about `count` of them up to `max`. */
function tickStep(max: number, count: number): number {
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map(m => m * magnitude).find(step => step >= raw)!;
}

export function synthPlotSvg(results: Results): string {
  const variants = Object.keys(results.synth);
  const points = variants.map(v => results.sizes.map(n => [n, median(results.synth[v][n].map(s => s.ms))] as const));
  const maxN = Math.max(...results.sizes);
  const yStep = tickStep(Math.max(...points.flat().map(([, ms]) => ms)), 6);
  const maxMs = yStep * Math.ceil(Math.max(...points.flat().map(([, ms]) => ms)) / yStep);
  const x = (n: number) => MARGIN.left + (n / maxN) * (WIDTH - MARGIN.left - MARGIN.right);
  const y = (ms: number) => HEIGHT - MARGIN.bottom - (ms / maxMs) * (HEIGHT - MARGIN.top - MARGIN.bottom);

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`);
  parts.push(`<text x="${WIDTH / 2}" y="18" text-anchor="middle" font-size="14">Synth time (construct + synth) vs number of methods</text>`);
  for (let ms = 0; ms <= maxMs; ms += yStep) {
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(ms)}" y2="${y(ms)}" stroke="#e0e0e0"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${y(ms) + 4}" text-anchor="end">${(ms / 1000).toFixed(1)} s</text>`);
  }
  for (const n of [0, ...results.sizes]) {
    parts.push(`<text x="${x(n)}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle">${n}</text>`);
  }
  parts.push(`<text x="${(MARGIN.left + WIDTH - MARGIN.right) / 2}" y="${HEIGHT - 10}" text-anchor="middle">methods (N), 4 integration responses each</text>`);
  parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${HEIGHT - MARGIN.bottom}" stroke="black"/>`);
  parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${HEIGHT - MARGIN.bottom}" y2="${HEIGHT - MARGIN.bottom}" stroke="black"/>`);
  variants.forEach((v, i) => {
    const color = COLORS[v] ?? 'black';
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${points[i].map(([n, ms]) => `${x(n).toFixed(1)},${y(ms).toFixed(1)}`).join(' ')}"/>`);
    points[i].forEach(([n, ms]) => parts.push(`<circle cx="${x(n).toFixed(1)}" cy="${y(ms).toFixed(1)}" r="3" fill="${color}"/>`));
    const legendY = MARGIN.top + 10 + i * 18;
    parts.push(`<line x1="${MARGIN.left + 15}" x2="${MARGIN.left + 35}" y1="${legendY}" y2="${legendY}" stroke="${color}" stroke-width="2"/>`);
    parts.push(`<text x="${MARGIN.left + 40}" y="${legendY + 4}">${LABELS[v] ?? v}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

export function writeSynthPlot(resultsFile: string, svgFile: string): void {
  fs.writeFileSync(svgFile, synthPlotSvg(JSON.parse(fs.readFileSync(resultsFile, 'utf8'))));
}

if (require.main === module) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: ts-node bench/plot.ts RESULTS.json OUTPUT.svg');
    process.exit(2);
  }
  writeSynthPlot(input, output);
}
