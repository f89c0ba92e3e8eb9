import * as fc from 'fast-check';

/**
 * Values the mutations put into templates: what the fuzzer of issue #20 found crashing or hanging
 * the checks and the simulator, and the grammar's edge cases around it.
 */

const STATUS_CODES = ['200', '204', '404', '500', '599', '100', '２００', 'abc', '99', '-200', '2000', '600', '', ' 200', '2\u0000'];

const PATTERNS = [
  '(.+)+x', '(x+x+)+y', '(a|b|ab)*c', '(\\d+)*\\D', '.*.*.*.*.*.*=', '(.*){1,32000}[bc]', '(a+)+$', '((a|aa)+)+b', '(?=a)(a+)+b',
  '.*\\[NotFound\\].*', '4\\d{2}', '5\\d\\d', '.*', '.+', '', '(', '[', '\\', '*', '(?<n>a)\\k<n>', '\\p{L}+', '(?i)error', '(?s).*',
  '\\Qa.b\\E', 'a{1001}', '[\\w&&[^\\d]]', '^$', '$default', '\\$default', '\u0000', '2\\d\\d|4\\d\\d',
];

const TEMPLATES = [
  "$input.json('$')", "$input.path('$')", "$input.json('$.a')", "$input.path('$.a.b')", "$input.json('$[?(@.a)]')", '$input.body',
  '$util.parseJson($input.body)', '#set($x = $util.parseJson($input.body))$x.a', "$util.escapeJavaScript($input.path('$'))",
  '$util.base64Decode($input.body)', '$util.urlDecode($input.body)', '#foreach($i in [1..100000])x#end', '#foreach($i in $input.path(\'$\'))$i#end',
  '#set($context.responseOverride.status = 99)', '#set($context.responseOverride.status = "abc")', '#set($context.responseOverride.status = 404)',
  '#set($context.responseOverride.header.X = $input.body)', "$input.params('x')", '$input.params()', '#if(', '$!{', '#macro(m)#m()#end#m()',
  '$input.body.replaceAll("(a+)+$", "")', '$input.body.matches("(x+x+)+y")', '$input.body.split("(a|aa)+")', '${', '#set($a = [1..2000000])',
  '$context.requestId', '$stageVariables.x', '$util.toJson($input.json(\'$\'))', '#set($m = {})$m.put("a", $m)$m',
];

const MAPPING_VALUES = [
  'integration.response.body', 'integration.response.body.a', 'integration.response.body.a[0].b', 'integration.response.header.X',
  'integration.response.multivalueheader.X', 'context.requestId', 'context.nope', 'stageVariables.x', "'literal'", "'", 'bare', '',
  'method.request.header.X', 'integration.response.body.$', 'integration.response.body..a', "integration.response.body['a']",
];

const KEYS = [
  'method.response.header.X', 'method.response.header.Access-Control-Allow-Origin', 'method.response.header.', 'method.response.body',
  'application/json', 'text/html', 'application/xml', '*/*', 'bad', '', '__proto__', 'constructor', 'toString', '$default',
  'integration.response.header.X', 'StatusCode', 'SelectionPattern', 'ResponseTemplates', 'ResponseParameters', 'IntegrationResponseKey',
];

const CONTENT_HANDLING = ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY', 'convert_to_text', 'PASSTHROUGH', ''];

const RESPONSE_KEYS = ['$default', '/4\\d\\d/', '/5\\d\\d/', '/.*E1.*/', '/(a+)+$/', '/(/', '/.*/', 'default', '/', '//', '\\$default'];

const SELECTION_EXPRESSIONS = [
  '$default', '\\$default', '${integration.response.statuscode}', '${request.body.action}', '$request.body.action',
  '${integration.response.header.X}', '${', '$', '', 'static',
];

/** A nested value `depth` JSON levels deep: lists, or `Fn::Join`s. */
function nested(depth: number, join: boolean): unknown {
  let value: unknown = 'x';
  // A Fn::Join level is three JSON levels (object, list, list): the depth counts JSON levels.
  for (let i = 0; i < (join ? Math.ceil(depth / 3) : depth); i++) value = join ? { 'Fn::Join': ['', [value]] } : [value];
  return value;
}

const intrinsic = fc.oneof(
  fc.constantFrom({ Ref: 'AWS::Region' }, { Ref: 'Nope' }, { 'Fn::GetAtt': ['Fn', 'Arn'] }, { 'Fn::Sub': '${AWS::Region}' },
    { 'Fn::If': ['C', '200', '500'] }, { 'Fn::ImportValue': 'x' }, { Ref: 42 }, { 'Fn::Join': [1, 2] }),
  fc.string({ maxLength: 20 }).map(s => ({ 'Fn::Join': ['', ['arn:aws:apigateway:', { Ref: 'AWS::Region' }, `:lambda:path/${s}`]] })),
);

/** A leaf value for a template: strings of every grammar, numbers, intrinsics, odd JSON. */
export const templateValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...STATUS_CODES) },
  { weight: 4, arbitrary: fc.constantFrom(...PATTERNS) },
  { weight: 3, arbitrary: fc.constantFrom(...TEMPLATES) },
  { weight: 3, arbitrary: fc.constantFrom(...MAPPING_VALUES) },
  { weight: 1, arbitrary: fc.constantFrom(...CONTENT_HANDLING) },
  { weight: 2, arbitrary: fc.constantFrom(...RESPONSE_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom(...SELECTION_EXPRESSIONS) },
  { weight: 2, arbitrary: intrinsic },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, 0, -1, 200, 1e308, NaN, [], {}, [[]], [{}]) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('(a)', '[a-z]', 'a|', '(?:a)?', '.*'), fc.integer({ min: 100, max: 1000 })).map(([p, n]) => p.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 1000 }).map(n => Array.from({ length: n }, (_, i) => `E${i}`).join('|')) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 400, max: 700 }), fc.boolean()).map(([d, join]) => nested(d, join)) },
);

/** A key to add to an object of the template. */
export const templateKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
