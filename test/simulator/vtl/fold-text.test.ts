import { parseTemplate, renderParsed } from '../../../src/simulator/vtl/sandbox';
import { TEXT_VARIABLE_PREFIX } from '../../../src/simulator/vtl/velocity-text';

/** Every reference to a text variable left in a tree, wherever it is. */
function textReferences(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) {value.forEach(v => textReferences(v, found));} else if (value !== null && typeof value === 'object') {
    const node = value as { type?: unknown; id?: unknown };
    if (node.type === 'references' && typeof node.id === 'string' && node.id.startsWith(TEXT_VARIABLE_PREFIX)) found.push(node.id);
    // String literals keep theirs: only the statement lists are folded.
    if (node.type !== 'string') Object.values(value).forEach(v => textReferences(v, found));
  }
  return found;
}

const render = (template: string, context: Record<string, unknown> = {}) => renderParsed(parseTemplate(template), context);

test('the punctuation of a JSON template is plain text in the parsed tree, one string per run', () => {
  const parsed = parseTemplate('{"id": "$id", "tags": [$tags]}');
  expect(textReferences(parsed.asts)).toEqual([]);
  expect(parsed.asts[0]).toBe('{"id": "');
  expect(render('{"id": "$id", "tags": [$tags]}', { id: 'a', tags: '1,2' })).toBe('{"id": "a", "tags": [1,2]}');
});

test('text inside directive bodies and macros is folded too, and renders as before', () => {
  const template = '#macro(pair $k $v)"$k": "$v"#end{#foreach($i in [1, 2])#pair("k$i", $i)#if($foreach.hasNext), #end#end}';
  const parsed = parseTemplate(template);
  expect(textReferences(parsed.asts)).toEqual([]);
  expect(textReferences(Object.values(parsed.macros).map(m => m.asts))).toEqual([]);
  expect(render(template)).toBe('{"k1": "1", "k2": "2"}');
});

test('the empty #if(false) blocks the rewrite ends lines with are gone, and the newlines stay', () => {
  const parsed = parseTemplate('#set($a = 1)\n{\n"a": $a\n}');
  const emptyIfs = parsed.asts.filter(node => Array.isArray(node) && node.length === 1);
  expect(emptyIfs).toEqual([]);
  expect(render('#set($a = 1)\n{\n"a": $a\n}')).toBe('{\n"a": 1\n}');
});

test('punctuation in string literals still renders: their text variables stay defined', () => {
  expect(render('#set($s = "{\'x\': $x}")$s', { x: 5 })).toBe("{'x': 5}");
  expect(render("#set($s = \"[$x, '#']\")$s.length()", { x: 5 })).toBe('8');
});

test('a user variable that looks like a text variable is not folded away', () => {
  expect(render(`#set($${TEXT_VARIABLE_PREFIX}X = 'mine')$${TEXT_VARIABLE_PREFIX}X`)).toBe('mine');
});
