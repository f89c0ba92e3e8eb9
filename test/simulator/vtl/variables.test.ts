import { renderTemplate } from '../../../src/simulator/vtl/sandbox';
import { escapeJavaScript, inputVariable, urlDecode, urlEncode, utilVariable } from '../../../src/simulator/vtl/variables';

const render = (template: string, body = '{}', params: Record<string, Record<string, string>> = {}, stageVariables: Record<string, string> = {}) =>
  renderTemplate(template, { input: inputVariable(body, { params }), util: utilVariable(), context: { stage: 'test' }, stageVariables });

describe('$input', () => {
  const body = '{"pets": [{"id": 1, "type": "dog", "price": 249.99}, {"id": 2, "type": "cat", "price": 124.99}], "name": "x"}';

  test('$input.body is the raw string', () => {
    expect(render('$input.body', ' {"a" :1} ')).toBe(' {"a" :1} ');
  });

  test('$input.json returns JSON text, $input.path a value to work with', () => {
    expect(render("$input.json('$.pets[0]')", body)).toBe('{"id":1,"type":"dog","price":249.99}');
    expect(render("$input.json('$.name')", body)).toBe('"x"');
    expect(render("$input.path('$.pets').size()", body)).toBe('2');
    expect(render("$input.path('$.pets').count()", body)).toBe('2');
    expect(render("$input.path('$.pets[1].type')", body)).toBe('cat');
    expect(render("#foreach($p in $input.path('$.pets'))$p.type#if($foreach.hasNext),#end#end", body)).toBe('dog,cat');
    expect(render("$input.json('$.pets[*].id')", body)).toBe('[1,2]');
  });

  test('a missing path renders empty with $input.path and as a JSON empty string with $input.json', () => {
    // A deployed API rendered "FailedRecordCount": $input.json('$.FailedRecordCount') of a body
    // without that field as "FailedRecordCount": "" (guidance-for-game-analytics-pipeline-on-aws #98).
    expect(render("[$input.path('$.missing')][$input.json('$.missing')]", body)).toBe('[][""]');
    expect(render("[$input.path('$.n')][$input.json('$.n')]", '{"n": null}')).toBe('[][""]');
  });

  test('the mapping template reference example: counting the keys of a map', () => {
    expect(render("\"count\" : \"$input.path('$.things').size()\"", '{"things": {"1": {}, "2": {}, "3": {}}}')).toBe('"count" : "3"');
  });

  test('$input.params() finds path, then query string, then header', () => {
    const params = { path: { id: 'abc' }, querystring: { id: 'q', name: 'n' }, header: { 'name': 'h', 'X-Trace': 't' } };
    expect(render("$input.params('id')|$input.params('name')|$input.params('X-Trace')|[$input.params('none')]", '{}', params)).toBe('abc|n|t|[]');
    expect(render('#set($all = $input.params())#foreach($type in $all.keySet())$type=#set($p = $all.get($type))#foreach($n in $p.keySet())$n:$util.escapeJavaScript($p.get($n))#if($foreach.hasNext),#end#end;#end', '{}', params))
      .toBe('path=id:abc;querystring=id:q,name:n;header=name:h,X-Trace:t;');
  });

  test('$input.params() always has path, querystring and header, and is a copy', () => {
    const params = { querystring: { q: '1' } };
    expect(render('#set($all = $input.params())$all.keySet()|$all.path.size()|$!all.header.get(\'X\')|#set($ignored = $all.querystring.put(\'q\', \'2\'))$input.params(\'q\')', '{}', params))
      .toBe('[path, querystring, header]|0||1');
    expect(params.querystring.q).toBe('1');
  });

  test('a null reference renders nothing, with $! or without (API Gateway, not plain Velocity: docs/simulator.md)', () => {
    expect(render("#set($m = {})[$!m.get('x')][$m.get('x')][$nope][${nope}][$input.path('$.missing').length()]")).toBe('[][][][][]');
  });

  test('a body that is not JSON is a string to $input.path', () => {
    expect(render("$input.path('$')", 'plain text')).toBe('plain text');
  });
});

describe('$util', () => {
  test('escapeJavaScript escapes single quotes as \\\', which JSON does not allow, and the documented fix', () => {
    expect(escapeJavaScript('it\'s "x" \\ / \n\t é')).toBe('it\\\'s \\"x\\" \\\\ \\/ \\n\\t \\u00E9');
    expect(render('{"m": "$util.escapeJavaScript($input.path(\'$.m\')).replaceAll("\\\\\'","\'")"}', '{"m": "it\'s"}')).toBe('{"m": "it\'s"}');
  });

  test('parseJson, the mapping template reference example', () => {
    const body = JSON.stringify({ errorMessage: JSON.stringify({ key1: 'var1', key2: { arr: [1, 2, 3] } }) });
    expect(render("#set ($obj = $util.parseJson($input.path('$.errorMessage')))$obj.key2.arr[0]", body)).toBe('1');
  });

  test('urlEncode is form encoding: a space is +', () => {
    expect(urlEncode("a b&c=d/é*~'")).toBe('a+b%26c%3Dd%2F%C3%A9*%7E%27');
    expect(urlDecode('a+b%26c%3Dd%2F%C3%A9')).toBe('a b&c=d/é');
    expect(render("$util.urlEncode('a b')|$util.urlDecode('a+b')")).toBe('a+b|a b');
  });

  test('base64 in UTF-8', () => {
    expect(render("$util.base64Encode('héllo')|$util.base64Decode('aMOpbGxv')")).toBe('aMOpbGxv|héllo');
  });
});

test('stage variables by name and by index', () => {
  expect(render("$stageVariables.origin|$stageVariables['origin']|${stageVariables['origin']}", '{}', {}, { origin: 'https://a' }))
    .toBe('https://a|https://a|https://a');
});
