import { CompiledPattern, compileJavaPattern } from '../../src/grammar/java-pattern';
import { searchOverlaps } from '../../src/grammar/overlap-search';
import { findOverlap } from '../../src/grammar/pattern-overlap';
import { checkIntegrationResponses } from '../../src/rules/rest-integration-responses';
import { checkWebSocketIntegration } from '../../src/rules/websocket-integration';
import { cpuTime } from '../support/cpu-time';

// Overlaps are found without comparing every pair of automata: these sets used to take seconds.
const LAMBDA = { IntegrationType: 'AWS', IntegrationUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations' };

function timed<T>(run: () => T): T {
  const { millis, result } = cpuTime(run);
  // A guard against quadratic blow-ups, not a benchmark: each case takes under 0.6 s alone, and took
  // 3 s or more when it was quadratic. The process's CPU time includes its garbage collector's
  // threads, which work harder in a busy jest worker (1.6 s seen in a full run), hence 2 s.
  expect(millis).toBeLessThan(2000);
  return result;
}

const compiled = (source: string) => compileJavaPattern(source) as CompiledPattern;
const restResponses = (patterns: readonly string[]) => [{ StatusCode: '200' }, ...patterns.map((p, i) => ({ StatusCode: String(300 + i), SelectionPattern: p }))];
const tagPatterns = (n: number) => Array.from({ length: n }, (_, i) => `.*E${i}.*`);

/** Every pair the old way: what the search must reproduce. */
function pairwise(patterns: readonly string[], target: 'lambda' | 'status') {
  const all = patterns.map(compiled);
  const found = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const overlap = findOverlap(all[i], all[j], target);
      if (overlap) found.push({ first: i, second: j, overlap });
    }
  }
  return found;
}

describe('the search finds exactly the pairs the pairwise comparison finds', () => {
  test.each([
    ['tag patterns', tagPatterns(40), 'lambda'],
    ['mixed message patterns', [
      '.*Error.*', '.*NotFoundError.*', '\\[NotFound\\].*', '.*\\[NotFound\\].*', '(?i).*error.*', 'Task timed out.*', '.+', 'x', '(?!a).*', 'a|b', 'b',
    ], 'lambda'],
    ['status patterns', ['4\\d{2}', '404', '40[0-4]', '5\\d\\d', '502|503', '.*', '[45]0[0-9]', '200', '2\\d\\d', 'NotFound'], 'status'],
  ] as const)('%s', (_, patterns, target) => {
    const total = patterns.length * (patterns.length - 1) / 2;
    expect(searchOverlaps(patterns.map(compiled), target)).toEqual({ overlaps: pairwise(patterns, target), skipped: 0, total });
  });
});

describe('large sets finish at once', () => {
  test('150 REST Lambda patterns .*E0.* to .*E149.*', () => {
    const findings = timed(() => checkIntegrationResponses(restResponses(tagPatterns(150)), 'lambda', 'R'));
    // .*E1.* contains .*E10.* to .*E19.* and .*E100.* to .*E149.*, and so on.
    expect(findings.filter(f => f.ruleId === 'rest-pattern-overlap')).toHaveLength(190);
    expect(findings.filter(f => f.ruleId !== 'rest-pattern-overlap')).toEqual([]);
  });

  test.each([150, 200])('%i REST status patterns that all overlap', n => {
    const patterns = Array.from({ length: n }, (_, i) => `4\\d{2}|${100 + i}`);
    const findings = timed(() => checkIntegrationResponses(restResponses(patterns), 'status', 'R'));
    expect(findings).toHaveLength(n * (n - 1) / 2);
    expect(findings[0].message).toMatch(/^selection patterns '4\\d\{2\}\|100' \(300\) and '4\\d\{2\}\|101' \(301\) both match status 400 /);
  });

  test.each([100, 400])('%i WebSocket keys /.*E{i}.*/ on one Lambda integration', n => {
    const responses = [{ IntegrationResponseKey: '$default' }, ...tagPatterns(n).map(p => ({ IntegrationResponseKey: `/${p}/` }))];
    const result = timed(() => checkWebSocketIntegration(LAMBDA, responses, []));
    expect(result.responses.flat().every(f => f.ruleId === 'ws-key-overlap')).toBe(true);
  });

  test.each(['lambda', 'status'] as const)('a 100,000-branch alternation (%s)', target => {
    const alternation = Array.from({ length: 100000 }, (_, i) => `E${i}`).join('|');
    expect(timed(() => checkIntegrationResponses(restResponses([alternation, 'x']), target, 'R')).map(f => f.ruleId))
      // Too large for an automaton, so not compared with 'x' for overlaps, and said so.
      .toEqual(target === 'status' ? ['rest-status-pattern-unreachable', 'rest-status-pattern-unreachable'] : ['rest-selection-pattern-unchecked']);
  });

  test('past the comparison budget, the pairs not compared are reported once', () => {
    // Each pattern's shortest word ('a') matches every other pattern: every pair needs the full comparison.
    const patterns = Array.from({ length: 70 }, (_, i) => `.*a.*|E${i}`);
    const findings = timed(() => checkIntegrationResponses(restResponses(patterns), 'lambda', 'R'));
    const unchecked = findings.filter(f => f.ruleId === 'rest-selection-pattern-unchecked');
    expect(unchecked).toEqual([{
      ruleId: 'rest-selection-pattern-unchecked',
      severity: 'info',
      message: '415 of the 2415 pairs of these 70 selection patterns were not compared for overlaps (too many for this checker); ' +
        'API Gateway does not define which response it selects when two patterns match, so make sure those pairs are mutually exclusive, or use fewer patterns',
      path: expect.stringMatching(/^R\[\d+\]\.SelectionPattern$/),
    }]);
  });
});
