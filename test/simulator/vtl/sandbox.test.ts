import { FOREACH_LIMIT, MAX_RANGE_LENGTH, renderTemplate, TOTAL_ITERATION_LIMIT } from '../../../src/simulator/vtl/sandbox';
import { TemplateError } from '../../../src/simulator/vtl/template-error';
import { inputVariable, utilVariable } from '../../../src/simulator/vtl/variables';

const variables = (body = '{}') => ({ input: inputVariable(body, { params: {} }), util: utilVariable(), context: { stage: 'test' }, stageVariables: {} });
const render = (template: string, body?: string) => renderTemplate(template, variables(body));

function renderError(template: string, body?: string): TemplateError {
  try {
    render(template, body);
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw new Error(`expected a TemplateError, got ${String(e)}`);
  }
  throw new Error('expected the template to fail');
}

describe('templates never reach Node', () => {
  test.each([
    ["$input.body.constructor.constructor('return process')()", '{}'],
    ["$input.path('$').constructor.constructor('return process')()", '{}'],
    ["#set($f = $input.json.constructor)$f('return process')()", '{}'],
    ["$util.escapeJavaScript.constructor('return process')()", '{}'],
    ['$input.__proto__.constructor', '{}'],
    ["$input.path('$.a').getClass().forName('java.lang.Runtime')", '{"a": "x"}'],
  ])('%s renders no Node object and runs nothing', (template, body) => {
    let output: string;
    try {
      output = render(template, body);
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
      return;
    }
    expect(output).not.toMatch(/\[object process\]|function|native code|Function/);
  });

  test('no attempt runs code', () => {
    const attempts = [
      "$input.body.constructor.constructor('globalThis.pwned = 1')()",
      "$input.path('$').constructor.constructor('globalThis.pwned = 1')()",
      "$input.path('$[?(@.constructor.constructor(\"globalThis.pwned = 1\")())]')",
      "$input.json('$[?(@.__proto__.constructor.constructor(\"globalThis.pwned = 1\")())]')",
    ];
    for (const template of attempts) {
      try {
        render(template, '{"a": [1]}');
      } catch {
        // refusing is fine too
      }
    }
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });

  test('process and require are not variables', () => {
    expect(render('[$process$require$global$globalThis]')).toBe('[]');
  });

  test('a __proto__ key in the body pollutes nothing', () => {
    const body = '{"__proto__": {"polluted": "yes"}, "a": {"__proto__": {"polluted": "yes"}}}';
    expect(render("$input.path('$.__proto__.polluted')|#set($x = $input.path('$'))$x.a.polluted", body)).toBe('yes|');
    expect(render("#set($m = $util.parseJson('{\"__proto__\": {\"polluted\": 1}}'))[$m.polluted]", body)).toBe('[]');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('#set cannot reach a prototype', () => {
    render("#set($x = $input.path('$'))#set($x['__proto__'].polluted = 'yes')#set($x.constructor.prototype.polluted = 'yes')", '{}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Velocity 1.7 has no token for `.` before `_`: it fails to parse `$x.__proto__` in a directive.
    expect(() => render("#set($x = $input.path('$'))#set($x.__proto__.polluted = 'yes')", '{}')).toThrow(/syntax error/);
  });
});

describe('work is bounded', () => {
  test(`#foreach stops after ${FOREACH_LIMIT} iterations`, () => {
    expect(render('#foreach($i in [1..1500])x#end').length).toBe(FOREACH_LIMIT);
    const body = JSON.stringify({ items: Array.from({ length: 1200 }, (_, i) => i) });
    expect(render("#foreach($i in $input.path('$.items'))$i,#end", body).split(',').length - 1).toBe(FOREACH_LIMIT);
  });

  test('nested loops are bounded in total', () => {
    expect(renderError('#foreach($i in [1..1000])#foreach($j in [1..1000])#end#end').message)
      .toBe(`the template's loops run more than ${TOTAL_ITERATION_LIMIT} iterations in total`);
  });

  test('huge ranges are refused before they are allocated', () => {
    expect(renderError('#set($r = [1..1000000000])').message).toBe(`the range [1..1000000000] is longer than ${MAX_RANGE_LENGTH} items`);
  });

  test('a string that doubles itself is stopped', () => {
    const template = '#set($s = "xxxxxxxxxxxxxxxx")' + '#set($s = "$s$s")'.repeat(30) + '$s.length()';
    expect(renderError(template).message).toMatch(/^the template builds a string of more than \d+ characters$/);
  });

  test('a macro that calls itself is reported, not a crash', () => {
    expect(renderError('#macro(loop)#loop()#end#loop()').message).toBe('macros call each other more than 20 deep');
  });

  test.each([
    ['parentheses', '#if(' + '('.repeat(20000) + 'true' + ')'.repeat(20000) + ')y#end'],
    ['maps', '#set($x = ' + '{"a":'.repeat(20000) + '1' + '}'.repeat(20000) + ')'],
    ['directives', '#if(true)'.repeat(20000)],
  ])('nesting %s deeper than the stack holds is a clear error, not a crash', (_, template) => {
    expect(renderError(template).message).toMatch(/^the template nests parentheses, brackets, maps or directives too deeply for the simulator to read/);
  });
});

describe('errors point at the line', () => {
  test('a syntax error', () => {
    const error = renderError('{\n  "a": "#if($x"\n}');
    expect(error.describe()).toMatch(/^line 2: syntax error: /);
  });

  test('a method that does not exist is null, as in Velocity: it renders nothing', () => {
    expect(render("[$input.path('$.a').padStart(3)][$input.path('$.a').padStart(3).length()]", '{"a": "x"}')).toBe('[][]');
  });

  test('an exception inside a method', () => {
    expect(renderError("\n$input.path('$.a').substring(5)", '{"a": "x"}').describe()).toBe('line 2: substring(5) is out of range for a string of length 1');
  });
});
