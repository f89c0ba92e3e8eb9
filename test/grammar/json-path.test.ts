import * as fc from 'fast-check';
import { parseBodyPath } from '../../src/grammar/json-path';

test.each([
  ['a', ['a']],
  ['a.b.c', ['a', 'b', 'c']],
  ['items[0].id', ['items', 0, 'id']],
  ["['odd key'].x", ['odd key', 'x']],
  ['a["b.c"]', ['a', 'b.c']],
  ['items[*].id', ['items', '*', 'id']],
  ['a-b', ['a-b']],
])('%j parses', (path, segments) => {
  expect(parseBodyPath(path)).toEqual({ segments });
});

test.each([
  ['', 'the path is empty'],
  ['$.a', "the path starts with '$': write it without the leading '$.'"],
  ['a.', 'the path ends with a dot'],
  ['.a', 'empty name before position 1'],
  ['a..b', "recursive descent '..' is not supported"],
  ['a[0', "unclosed '[' at position 2"],
  ['a[x]', "'[x]' is not an index, '*' or a quoted name"],
  ['a b', "'a b' is not a valid name (use ['...'] for unusual keys)"],
  ['a[0]b', "expected '.' or '[' at position 5"],
])('%j is refused: %s', (path, problem) => {
  expect(parseBodyPath(path)).toEqual({ problem });
});

test('random paths parse or are refused, never throw', () => {
  fc.assert(fc.property(fc.string({ maxLength: 30 }), path => {
    const result = parseBodyPath(path);
    expect((result.segments === undefined) !== (result.problem === undefined)).toBe(true);
  }), { numRuns: 2000 });
});
