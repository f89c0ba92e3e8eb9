import { isBacktrackingSafe, mayRepeat, searchCost } from '../../src/grammar/pattern-safety';

describe('which patterns a backtracking engine can run safely', () => {
  test.each([
    '.*NotFound.*', '\\[BadRequest\\].*', '(?!\\[BadRequest\\]|\\[NotFound\\]).+', '4\\d{2}', '.+', '.*(Error|Exception).*',
    '(?:(?!foo).)*bar', '[\\s\\S]*Foo[\\s\\S]*', 'E0|E1|E2',
    // bounded parts that split an input few ways
    '(foo)?(bar)?(baz)?', '\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}', 'a{0,100000}',
  ])('%j is safe for a whole-string match', source => {
    expect(isBacktrackingSafe(source, '', 'whole')).toBe(true);
  });

  test.each([
    // scslre's reports
    '(a+)+$', '(.*a){25}', '((a|aa)+)+b', '(.+)+x', '(x+x+)+y', '(\\d+)*\\D', '.*.*.*.*.*.*=', '(.*){1,32000}[bc]', 'a+a+',
    // what scslre does not see: repetitions of more than one character
    '(a|b|ab)*c', '(a|a)*b', '(ab)*(ab)*c',
    // nor bounded parts that split an input in more ways than a backtracking engine can try (2^26, 10^12)
    '(?:a)?'.repeat(26), '(a?){26}', 'a{0,1000}a{0,1000}a{0,1000}a{0,1000}',
  ])('%j is not', source => {
    expect(isBacktrackingSafe(source, '', 'whole')).toBe(false);
  });

  test('searches: linear, quadratic from moving the start, or worse', () => {
    expect(searchCost('"', '')).toBe('linear');
    expect(searchCost('\\[BadRequest\\]', '')).toBe('linear');
    expect(searchCost('\\s+x', '')).toBe('quadratic');
    expect(searchCost('(a+)+b', '')).toBe('super-linear');
  });

  test('only sources with a quantifier character can repeat', () => {
    expect(mayRepeat('E0|E1')).toBe(false);
    expect(mayRepeat('(?:a)')).toBe(false);
    expect(mayRepeat('a?')).toBe(true);
    expect(mayRepeat('\\*')).toBe(true);
  });
});
