import { CompiledPattern } from './java-pattern';
import { ALL_STATUS_CODES, matchedStatusCodes, MatchTarget } from './match-target';
import { findOverlap, mayContainEachOther, Overlap } from './pattern-overlap';

/**
 * Overlaps among all the patterns of a response set, without comparing every pair the expensive
 * way: status patterns are compared through the set of status codes each one matches (computed
 * once per pattern); error-message patterns first through a cheap test (`mayContainEachOther`).
 * Both within a work budget, past which the remaining pairs are counted as not compared.
 */

/** Pairs given the cheap test at most; 200,000 is about 630 patterns. */
const MAX_PAIRS = 200000;
/** Pairs given the full automaton comparison at most. */
const MAX_COMPARISONS = 2000;
/** The first status code (a constant: this module and selection-pattern.ts import each other). */
const FIRST_CODE = 100;

/** Two patterns of the set (by index, `first` < `second`) that overlap. */
export interface PairOverlap {
  readonly first: number;
  readonly second: number;
  readonly overlap: Overlap;
}

/** The overlaps found, in pair order, and the pairs left out past the budget. */
export interface OverlapSearch {
  readonly overlaps: PairOverlap[];
  /** Pairs not compared; 0 when every pair was. */
  readonly skipped: number;
  readonly total: number;
  /** The first pair not compared. */
  readonly firstSkipped?: readonly [number, number];
}

/**
 * The pairs of `patterns` a backend result can match at once, as `findOverlap` tells them, in the
 * order `first`, then `second`.
 */
export function searchOverlaps(patterns: readonly CompiledPattern[], target: MatchTarget): OverlapSearch {
  const total = patterns.length * (patterns.length - 1) / 2;
  return target === 'status' ? statusOverlaps(patterns, total) : messageOverlaps(patterns, target, total);
}

function statusOverlaps(patterns: readonly CompiledPattern[], total: number): OverlapSearch {
  // Each pattern's codes, as indexes into ALL_STATUS_CODES (ascending) and as a membership table.
  const codes = patterns.map(p => matchedStatusCodes(p).map(code => Number(code) - FIRST_CODE));
  const members = codes.map(list => {
    const table = new Uint8Array(ALL_STATUS_CODES.length);
    for (const c of list) table[c] = 1;
    return table;
  });
  const overlaps: PairOverlap[] = [];
  let pairs = 0;
  for (let i = 0; i < patterns.length; i++) {
    for (let j = i + 1; j < patterns.length; j++) {
      if (pairs >= MAX_PAIRS) return { overlaps, skipped: total - pairs, total, firstSkipped: [i, j] };
      pairs++;
      const [small, other] = codes[i].length <= codes[j].length ? [codes[i], members[j]] : [codes[j], members[i]];
      let common = 0;
      let lowest = -1;
      for (const c of small) {
        if (other[c] === 1) {
          common++;
          if (lowest < 0) lowest = c;
        }
      }
      if (common === 0) continue;
      overlaps.push({
        first: i,
        second: j,
        overlap: { witness: ALL_STATUS_CODES[lowest], firstInSecond: common === codes[i].length, secondInFirst: common === codes[j].length },
      });
    }
  }
  return { overlaps, skipped: 0, total };
}

function messageOverlaps(patterns: readonly CompiledPattern[], target: MatchTarget, total: number): OverlapSearch {
  const overlaps: PairOverlap[] = [];
  let pairs = 0;
  let comparisons = 0;
  for (let i = 0; i < patterns.length; i++) {
    for (let j = i + 1; j < patterns.length; j++) {
      if (pairs >= MAX_PAIRS || comparisons >= MAX_COMPARISONS) return { overlaps, skipped: total - pairs, total, firstSkipped: [i, j] };
      pairs++;
      if (!mayContainEachOther(patterns[i], patterns[j])) continue;
      comparisons++;
      const overlap = findOverlap(patterns[i], patterns[j], target);
      if (overlap) overlaps.push({ first: i, second: j, overlap });
    }
  }
  return { overlaps, skipped: 0, total };
}
