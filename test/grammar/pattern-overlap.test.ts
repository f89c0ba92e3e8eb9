import { CompiledPattern, compileJavaPattern } from '../../src/grammar/java-pattern';
import { findOverlap } from '../../src/grammar/pattern-overlap';

const p = (source: string) => compileJavaPattern(source) as CompiledPattern;

describe('status patterns', () => {
  test('overlap when they share a status code', () => {
    expect(findOverlap(p('4\\d\\d'), p('404'), 'status')).toEqual({ witness: '404', firstInSecond: false, secondInFirst: true });
  });

  test('do not overlap when disjoint', () => {
    expect(findOverlap(p('4\\d\\d'), p('5\\d\\d'), 'status')).toBeUndefined();
  });
});

describe('error message patterns', () => {
  test('a pattern contained in another overlaps, with a witness both match', () => {
    const overlap = findOverlap(p('.*Error.*'), p('.*NotFoundError.*'), 'lambda');
    expect(overlap).toEqual({ witness: 'NotFoundError', firstInSecond: false, secondInFirst: true });
    expect(p('.*Error.*').matches(overlap!.witness) && p('.*NotFoundError.*').matches(overlap!.witness)).toBe(true);
  });

  test('equal languages overlap both ways', () => {
    expect(findOverlap(p('(a)\\1'), p('aa'), 'lambda')).toEqual({ witness: 'aa', firstInSecond: true, secondInFirst: true });
  });

  test('case-insensitive patterns are compared by what they match', () => {
    expect(findOverlap(p('(?i).*notfound.*'), p('.*NotFound.*'), 'lambda')?.secondInFirst).toBe(true);
  });

  test('tag patterns that only share contrived messages are not reported', () => {
    expect(findOverlap(p('.*\\[NotFound\\].*'), p('.*\\[BadRequest\\].*'), 'lambda')).toBeUndefined();
  });

  test('disjoint patterns do not overlap', () => {
    expect(findOverlap(p('NotFound'), p('Invalid'), 'lambda')).toBeUndefined();
  });

  test('edge anchors do not prevent the analysis', () => {
    expect(findOverlap(p('^.*\\$$'), p('.*price\\$'), 'lambda')?.secondInFirst).toBe(true);
  });

  test('look-arounds are skipped rather than guessed', () => {
    expect(findOverlap(p('(?!a).*'), p('.*'), 'lambda')).toBeUndefined();
  });
});
