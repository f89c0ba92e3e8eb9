/**
 * inputSelecting: the backend answer that selects a response (the rows of the behaviour contract, #18).
 * Every found input is checked with the real matchers; "none" is claimed only when it is proven.
 */
import { compileJavaPattern, CompiledPattern } from '../../src/grammar/java-pattern';
import { inputSelecting } from '../../src/grammar/pattern-witness';

function compiled(source: string): CompiledPattern {
  const result = compileJavaPattern(source);
  if (!result.ok) throw new Error(`${source}: ${result.detail}`);
  return result;
}

describe('error messages (Lambda)', () => {
  test('a message for a tagged pattern is the shortest readable one it matches', () => {
    expect(inputSelecting(compiled('\\[NotFound\\].*'), [], 'lambda')).toEqual({ kind: 'found', input: '[NotFound]' });
  });

  test('the message avoids every earlier pattern, and the real matcher agrees', () => {
    const before = [compiled('.*Error.*')];
    const witness = inputSelecting(compiled('.*r.*'), before, 'lambda');
    expect(witness.kind).toBe('found');
    const input = (witness as { input: string }).input;
    expect(compiled('.*r.*').matches(input)).toBe(true);
    expect(before[0].matches(input)).toBe(false);
  });

  test('a pattern an earlier one swallows is proven unselectable', () => {
    expect(inputSelecting(compiled('.*NotFound.*'), [compiled('.*Not.*')], 'lambda')).toEqual({ kind: 'none' });
  });

  test('a catch-all with a look-ahead gets a message found through its assertion-free superset', () => {
    const before = [compiled('\\[BadRequest\\].*'), compiled('\\[NotFound\\].*')];
    const catchAll = compiled('(?!\\[BadRequest\\]|\\[NotFound\\]).+');
    const witness = inputSelecting(catchAll, before, 'lambda');
    expect(witness.kind).toBe('found');
    expect(catchAll.matches((witness as { input: string }).input)).toBe(true);
  });

  test('a tag anywhere in the message is found: the words that loop before it do not crowd it out', () => {
    const badRequest = compiled('.*\\[BadRequest\\].*');
    expect(inputSelecting(badRequest, [], 'lambda')).toEqual({ kind: 'found', input: '[BadRequest]' });
    expect(inputSelecting(compiled('.*\\[NotFound\\].*'), [badRequest], 'lambda')).toEqual({ kind: 'found', input: '[NotFound]' });
  });

  test('a dot is spelled with a letter, not the control character its first range starts at', () => {
    // `.` leaves out line terminators, so its automaton's first range is U+0000 to U+0009.
    expect(inputSelecting(compiled('.+'), [], 'lambda')).toEqual({ kind: 'found', input: 'a' });
    const catchAll = compiled('(?!\\[BadRequest\\]|\\[NotFound\\]).+');
    expect(inputSelecting(catchAll, [compiled('\\[BadRequest\\].*')], 'lambda')).toEqual({ kind: 'found', input: expect.stringMatching(/^[A-Za-z]$/) });
  });

  test('with no pattern, the message is one no earlier pattern matches', () => {
    const notFound = compiled('\\[NotFound\\].*');
    const witness = inputSelecting(undefined, [notFound], 'lambda');
    expect(witness).toEqual({ kind: 'found', input: expect.stringMatching(/^[A-Za-z]$/) });
    expect(notFound.matches((witness as { input: string }).input)).toBe(false);
    expect(inputSelecting(undefined, [compiled('(?s).+')], 'lambda')).toEqual({ kind: 'none' });
  });

  test('an earlier pattern with a look-around leaves a miss unproven rather than claimed', () => {
    // (?!a).+ and a.+ together take every message, but only one of them has an exact automaton.
    expect(inputSelecting(undefined, [compiled('(?s)(?!a).+'), compiled('(?s)a.*')], 'lambda')).toEqual({ kind: 'unknown' });
  });
});

describe('status codes', () => {
  test('the lowest code the pattern matches that no earlier one takes', () => {
    expect(inputSelecting(compiled('4\\d{2}'), [compiled('40[0-3]')], 'status')).toEqual({ kind: 'found', input: '404' });
  });

  test('preferred codes come first, and a shadowed pattern is proven unselectable', () => {
    expect(inputSelecting(undefined, [compiled('2\\d{2}')], 'status', ['500', '502'])).toEqual({ kind: 'found', input: '500' });
    expect(inputSelecting(compiled('404'), [compiled('4\\d{2}')], 'status')).toEqual({ kind: 'none' });
  });
});
