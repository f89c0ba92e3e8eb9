import { javaMethod, javaToString } from '../../../src/simulator/vtl/java-methods';

const call = (target: unknown, name: string, ...args: unknown[]) => {
  const method = javaMethod(target, name);
  if (!method) throw new Error(`no ${name}`);
  return method(...args);
};

describe('strings', () => {
  test.each([
    ['equals', 'FAILED', ['FAILED'], true],
    ['equals', '5', [5], false],
    ['equalsIgnoreCase', 'Failed', ['FAILED'], true],
    ['length', 'héllo', [], 5],
    ['isEmpty', '', [], true],
    ['contains', 'NotFound: x', ['Found'], true],
    ['startsWith', '[NotFound] x', ['[NotFound]'], true],
    ['endsWith', 'a.json', ['.json'], true],
    ['indexOf', 'abcabc', ['c'], 2],
    ['lastIndexOf', 'abcabc', ['c'], 5],
    ['substring', 'abcdef', [2], 'cdef'],
    ['substring', 'abcdef', [1, 3], 'bc'],
    ['toUpperCase', 'abc', [], 'ABC'],
    ['trim', '\t abc \n', [], 'abc'],
    ['replace', 'a.b.c', ['.', '/'], 'a/b/c'],
    ['replaceAll', "it\\'s", ["\\\\'", "'"], "it's"],
    ['replaceAll', 'a1b22c', ['\\d+', '#'], 'a#b#c'],
    ['replaceAll', 'john smith', ['(\\w+) (\\w+)', '$2, $1'], 'smith, john'],
    ['replaceAll', 'price', ['p', '\\$'], '$rice'],
    ['replaceFirst', 'aaa', ['a', 'b'], 'baa'],
    ['matches', '404', ['4\\d\\d'], true],
    ['matches', '404 x', ['4\\d\\d'], false],
    ['split', 'a,b,,c,,', [','], ['a', 'b', '', 'c']],
    ['concat', 'a', ['b'], 'ab'],
    ['toString', 'x', [], 'x'],
  ])('%s on %j', (name, target, args, expected) => {
    expect(call(target, name, ...args)).toEqual(expected);
  });

  test('out-of-range indexes fail like Java, not silently like JavaScript', () => {
    expect(() => call('abc', 'substring', 2, 5)).toThrow('substring(2, 5) is out of range for a string of length 3');
    expect(() => call('abc', 'charAt', 3)).toThrow('index 3 is out of range for a string of length 3');
  });

  test('charAt gives a Java char: it renders as its character but has no String methods', () => {
    const char = call('abc', 'charAt', 1);
    expect(javaToString(char)).toBe('b');
    expect(javaMethod(char, 'startsWith')).toBeUndefined();
    expect(call(char, 'equals', call('xbx', 'charAt', 1))).toBe(true);
    expect(call(char, 'equals', 'b')).toBe(false);
    // An argument of the wrong type is a method Velocity does not find.
    expect(call('abc', 'charAt', 'a')).toBeUndefined();
  });

  test('Java-only regex syntax is refused rather than misread', () => {
    expect(() => call('aaa', 'replaceAll', 'a*+', '')).toThrow("regular expression 'a*+' is not supported here (possessive quantifiers)");
  });

  test('JavaScript-only methods do not exist', () => {
    expect(javaMethod('abc', 'padStart')).toBeUndefined();
    expect(javaMethod('abc', 'constructor')).toBeUndefined();
    expect(javaMethod({}, '__proto__')).toBeUndefined();
  });
});

describe('numbers, booleans, lists and maps', () => {
  test('numbers and booleans', () => {
    expect(call(3, 'toString')).toBe('3');
    expect(call(2.5, 'intValue')).toBe(2);
    expect(call(true, 'equals', true)).toBe(true);
  });

  test('lists', () => {
    expect(call([1, 2, 3], 'size')).toBe(3);
    expect(call([1, 2, 3], 'count')).toBe(3);
    expect(call([1, 2], 'get', 1)).toBe(2);
    expect(call([1, 2], 'contains', 2)).toBe(true);
    expect(() => call([1], 'get', 4)).toThrow('index 4 is out of range for a list of length 1');
  });

  test('maps', () => {
    const map: Record<string, unknown> = { a: 1, b: { c: 2 } };
    expect(call(map, 'get', 'a')).toBe(1);
    expect(call(map, 'get', 'toString')).toBeNull();
    expect(call(map, 'containsKey', 'b')).toBe(true);
    expect(call(map, 'keySet')).toEqual(['a', 'b']);
    expect(call(map, 'size')).toBe(2);
    expect(call(map, 'put', 'd', 4)).toBeNull();
    expect(map.d).toBe(4);
    expect(() => call(map, 'put', '__proto__', { polluted: true })).toThrow("'__proto__' cannot be used as a key");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('toString renders like Java', () => {
    expect(javaToString({ a: 1, b: [1, 'x'], c: { d: true } })).toBe('{a=1, b=[1, x], c={d=true}}');
    expect(javaToString(null)).toBe('');
  });
});
