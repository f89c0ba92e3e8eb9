/**
 * Large templates: a mapping template of about 30 KB and one of about 300 KB (the largest API
 * Gateway takes), each parsed and rendered once per round by the simulator's VTL engine, to show
 * the time grows linearly with the template's length.
 */
import { performance } from 'perf_hooks';
import { renderTemplate } from '../src/simulator/vtl/sandbox';
import { inputVariable, utilVariable } from '../src/simulator/vtl/variables';

/** Bytes of the two templates. */
export const TEMPLATE_SIZES = [30_000, 300_000];
const ROUNDS = 5;

const LINES = [
  '  "name$i": "$util.escapeJavaScript($input.path(\'$.name\'))",',
  '#if($input.path(\'$.flag\'))  "flag$i": true,#else  "flag$i": false,#end',
  '#set($count = $input.path(\'$.items\').size())  "count$i": $count,',
  '  "first$i": #foreach($item in $input.path(\'$.items\'))#if($foreach.index == 0)"$item.id"#end#end,',
];
const BODY = JSON.stringify({ name: 'Ann "A"', flag: true, items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] });

/** A template of about `bytes` characters; `round` makes each one new to the parse cache. */
function largeTemplate(bytes: number, round: number): string {
  const lines = [`## round ${round}`, '{'];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const line = LINES[i % LINES.length].replace(/\$i\b/g, String(i));
    lines.push(line);
    length += line.length + 1;
  }
  lines.push('  "end": true', '}');
  return lines.join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Median milliseconds per size (the sizes interleaved, round by round, after a warm-up), and the
 * time per byte at the largest size over that at the smallest: 1 is linear.
 */
export function measureLargeTemplates(): { ms: Record<number, number>; linearity: number } {
  const variables = () => ({ input: inputVariable(BODY, { params: {} }), util: utilVariable(), context: {}, stageVariables: {} });
  for (const bytes of TEMPLATE_SIZES) JSON.parse(renderTemplate(largeTemplate(bytes, -1), variables()));
  const times: Record<number, number[]> = Object.fromEntries(TEMPLATE_SIZES.map(n => [n, [] as number[]]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const bytes of TEMPLATE_SIZES) {
      const template = largeTemplate(bytes, round);
      const start = performance.now();
      renderTemplate(template, variables());
      times[bytes].push(performance.now() - start);
    }
  }
  const ms = Object.fromEntries(TEMPLATE_SIZES.map(n => [n, median(times[n])]));
  const [small, big] = [TEMPLATE_SIZES[0], TEMPLATE_SIZES[TEMPLATE_SIZES.length - 1]];
  return { ms, linearity: (ms[big] / big) / (ms[small] / small) };
}
