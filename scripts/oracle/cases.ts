import * as fc from 'fast-check';

/**
 * A differential case: a mapping template and what it renders against. The simulator and the
 * Velocity 1.7 oracle (oracle/) render the same case; `context` is `$context` as a nested object.
 */
export interface OracleCase {
  readonly template: string;
  readonly body: string;
  readonly params: Record<string, Record<string, string>>;
  readonly stageVariables: Record<string, string>;
}

/** Strings that make templates and JSON interesting: quotes, `$`, `#`, escapes, unicode. */
const STRINGS = ['a', 'x', 'Hello World', '', ' padded ', "it's", 'say "hi"', 'a/b', 'back\\slash', 'line\nbreak', 'tab\there',
  '$5', '#1', 'é', 'naïve café', '日本', '😀', 'a,b,c', 'A-B_c', '<b>&amp;</b>', '100%', 'x=1&y=2', 'SGVsbG8=', '%41+b', 'null', 'true', '0'];

const jsonString = fc.constantFrom(...STRINGS);
const jsonNumber = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0, 1, 1.5, -2.25, 1.0e21, 3.0, 0.1, 1e-7, 2147483648, 123456789012),
);

/** A JSON body: an object with fields of each kind (s string, n integer, d decimal, b, l list, m map, z null). */
const body: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      s: jsonString,
      n: fc.integer({ min: -100, max: 100 }),
      d: fc.constantFrom(1.5, 2.0, -0.25, 10.0, 0.1, 100.125),
      b: fc.boolean(),
      l: fc.array(fc.oneof(jsonString, fc.integer({ min: 0, max: 9 })), { maxLength: 4 }),
      m: fc.dictionary(fc.constantFrom('k', 'v', 'a b', 'x'), fc.oneof(jsonString, jsonNumber, fc.constant(null)), { maxKeys: 3 }),
      z: fc.constant(null),
      e: fc.constant(''),
      u: fc.constantFrom('é', '😀', 'naïve café', '日本'),
    }).map(o => JSON.stringify(o)),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map(v => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.constantFrom('', '[]', '{}', '[1, 2, 3]', '"text"', 'a=b', 'null', '42', '1.0', '{"a": {"b": {"c": [1, {"d": "x"}]}}}') },
);

const path = fc.constantFrom('$', '$.s', '$.n', '$.d', '$.b', '$.l', '$.m', '$.z', '$.e', '$.u', '$.missing', '$.l[0]', '$.l[1]',
  '$["s"]', '$.m.k', '$.l[*]', '$.m.*', '$.missing.deeper');

const quote = (s: string) => fc.constantFrom(`'${s}'`, `"${s}"`);
const strArg = fc.constantFrom('a', 'x', ',', '', ' ', 'é', 'A').chain(quote);
const intArg = fc.constantFrom('0', '1', '2', '-1', '10');

/** A method call on whatever a reference holds; Velocity answers the ones that do not apply as null. */
const call: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('.length()', '.toUpperCase()', '.toLowerCase()', '.trim()', '.isEmpty()', '.size()', '.keySet()', '.values()',
    '.toString()', '.intValue()', '.s', '.k', '.n', '.empty', '[0]', '[1]', '.entrySet()'),
  strArg.map(a => `.contains(${a})`),
  strArg.map(a => `.startsWith(${a})`),
  strArg.map(a => `.indexOf(${a})`),
  strArg.map(a => `.equals(${a})`),
  strArg.map(a => `.get(${a})`),
  strArg.map(a => `.containsKey(${a})`),
  strArg.map(a => `.split(${a}).size()`),
  strArg.chain(a => strArg.map(b => `.replace(${a}, ${b})`)),
  fc.constantFrom("'a'", "'[aeiou]'", "'\\\\s+'", "'(.)'").chain(r => fc.constantFrom("'-'", "'$1$1'", "''").map(s => `.replaceAll(${r}, ${s})`)),
  intArg.map(i => `.substring(${i})`),
  intArg.chain(i => intArg.map(j => `.substring(${i}, ${j})`)),
  intArg.map(i => `.charAt(${i})`),
  intArg.map(i => `.get(${i})`),
  fc.constantFrom("'.+'", "'a.*'", "'[0-9]+'").map(r => `.matches(${r})`),
);

const base: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: path.chain(p => fc.constantFrom(`input.path('${p}')`, `input.json('${p}')`)) },
  { weight: 1, arbitrary: fc.constant('input.body') },
  {
    weight: 1,
    arbitrary: fc.constantFrom("input.params('id')", "input.params('missing')", 'input.params()', 'input.params().path',
      "input.params().header.get('Accept')"),
  },
  { weight: 1, arbitrary: fc.constantFrom('context.stage', 'context.requestId', 'context.identity.sourceIp', 'context.nope', 'context.responseOverride') },
  { weight: 1, arbitrary: fc.constantFrom('stageVariables.env', 'stageVariables.missing', 'stageVariables') },
  { weight: 2, arbitrary: fc.constantFrom('nope', 'x', 'y', 'i', 'foreach.count', 'foreach.index', 'foreach.hasNext', 'velocityCount', 'foreach.first', 'foreach.last') },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('escapeJavaScript', 'urlEncode', 'urlDecode', 'base64Encode', 'base64Decode', 'parseJson'),
      fc.oneof(strArg, fc.constantFrom("$input.path('$.s')", "$input.json('$')", "$input.json('$.s')", "'{\"a\": [1, 2]}'", "'SGk='", "'a+b%20c'", '$nope')))
      .map(([f, a]) => `util.${f}(${a})`),
  },
);

const reference: fc.Arbitrary<string> = fc.tuple(base, fc.array(call, { maxLength: 2 }), fc.constantFrom('plain', 'quiet', 'braced', 'quietBraced'))
  .map(([b, calls, form]) => {
    const inner = b + calls.join('');
    switch (form) {
      case 'plain': return `$${inner}`;
      case 'quiet': return `$!${inner}`;
      case 'braced': return `\${${inner}}`;
      default: return `$!{${inner}}`;
    }
  });

const literal = fc.constantFrom('{', '}', '"a": ', ', ', '"', ' ', '\n', 'text', '$', '#', '$5', 'US$ 10', 'a#b', 'C#', '#1', '\\', '\\n',
  '\\$nope', '\\#if', '$.', '$$', '$1', '##', 'é', '😀', '日本', ':', '(', ')', '[', ']', '.', "'", '$)', '#)', '$-', '# x', '$ x',
  '{"price": "$10", "tag": "#new"}', '"$"', '"#"');

const value: fc.Arbitrary<string> = fc.oneof(
  reference,
  fc.constantFrom('1', '0', '-3', '2.5', 'true', 'false', '"str"', "'sq'", '"x$nope"', '"n=$input.path(\'$.n\')"', '[1, 2, 3]', '["a", "b"]',
    '{"k": "v", "n": 2}', '[1..3]', '[3..1]', '[]', '{}'),
  fc.tuple(fc.constantFrom("$input.path('$.n')", "$input.path('$.d')", '1', '7', '2.5', '$x', '-4'), fc.constantFrom('+', '-', '*', '/', '%'),
    fc.constantFrom('1', '2', '3', '0', '0.5', "$input.path('$.n')", '$x')).map(([a, op, b]) => `${a} ${op} ${b}`),
);

/** Velocity takes references and literals as macro arguments, not expressions. */
const macroArgument = fc.oneof(reference, fc.constantFrom('1', '2.5', '"s"', "'t'", 'true', '[1, 2]', '{"k": 1}'));

const condition: fc.Arbitrary<string> = fc.oneof(
  reference,
  fc.tuple(value, fc.constantFrom('==', '!=', '>', '<', '>=', '<='), value).map(([a, op, b]) => `${a} ${op} ${b}`),
  fc.tuple(reference, fc.constantFrom('&&', '||'), reference).map(([a, op, b]) => `${a} ${op} ${b}`),
  reference.map(r => `!${r}`),
  fc.constantFrom("$input.path('$.l').size() > 0", "$input.path('$.b')", '$nope', "$input.path('$.s') == 'a'", "$input.path('$.z') == ''"),
);

const iterable = fc.constantFrom("$input.path('$.l')", "$input.path('$.m')", "$input.path('$.m').keySet()", "$input.path('$')", '[1..3]',
  '["a", "b"]', '$nope', "$input.path('$.s')", '$input.params()', "$input.path('$.l[*]')", '[1..1200]', "$input.path('$.m').entrySet()");

const MALFORMED = ['#if(', '#if($x)', '#end', '#foreach($i)', '${', '${nope', '$input.path(', "$input.path('$'", '#set($x = )',
  '#set($x)', '$a.b(', '#macro(', '#else', "$input.path('$').constructor.constructor('return process')().pid", '#{', '#foreach(', '$!{',
  '#if($x', "$input.json('$')(", '$input.path("$")..x', '#set(', '#*', '$util.escapeJavaScript(', '#break', '#stop', '#[[raw $x]]#',
  '#@x', '#define($d)text#end$d', '#include("x")', '#parse("x")', '#evaluate("$x")', '$a[', '$a[0', '$a[]', '$a.()', '#macro(m $p)$p#end#m(1 + 2)', '###end', '#end'];

/** A template: a sequence of fragments, directives nested up to `depth`. */
function fragments(depth: number): fc.Arbitrary<string> {
  const leaf: Array<fc.WeightedArbitrary<string>> = [
    { weight: 20, arbitrary: literal },
    { weight: 32, arbitrary: reference },
    { weight: 12, arbitrary: fc.tuple(fc.constantFrom('x', 'y', 'context.responseOverride.status', 'x.k'), value).map(([v, e]) => `#set($${v} = ${e})`) },
    // Malformed syntax in about one template in eight.
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED) },
    { weight: 4, arbitrary: fc.constantFrom('## a comment\n', '#* block *#', '#[[ $raw #if ]]#', '\n#set($x = 1)\n', '  #set($y = "a")\n') },
  ];
  if (depth > 0) {
    const inner = fragments(depth - 1);
    leaf.push(
      { weight: 8, arbitrary: fc.tuple(condition, inner, fc.option(inner, { nil: undefined })).map(([c, a, b]) => `#if(${c})${a}${b === undefined ? '' : `#else${b}`}#end`) },
      { weight: 8, arbitrary: fc.tuple(iterable, inner).map(([l, a]) => `#foreach($i in ${l})${a}#end`) },
      { weight: 4, arbitrary: fc.tuple(inner, macroArgument).map(([a, v]) => `#macro(m $p)[${a}$p]#end#m(${v})`) },
      { weight: 4, arbitrary: fc.tuple(condition, inner, inner).map(([c, a, b]) => `#if(${c})${a}#elseif(${c})${b}#end`) },
    );
  }
  return fc.array(fc.oneof(...leaf), { minLength: 1, maxLength: 4 }).map(parts => parts.join(''));
}

type Params = Record<string, string>;
const params = fc.record({
  path: fc.constantFrom<Params>({}, { id: '42' }, { id: 'a b' }),
  querystring: fc.constantFrom<Params>({}, { q: 'x' }, { id: 'query' }),
  header: fc.constantFrom<Params>({}, { Accept: 'application/json' }),
});

/** The arbitrary of cases. */
export const oracleCase: fc.Arbitrary<OracleCase> = fc.record({
  template: fragments(2),
  body,
  params,
  stageVariables: fc.constantFrom<Params>({}, { env: 'prod' }, { env: 'a"b' }),
});

/** `count` cases, the same for the same seed. */
export function generateCases(seed: number, count: number): OracleCase[] {
  return fc.sample(oracleCase, { seed, numRuns: count });
}
