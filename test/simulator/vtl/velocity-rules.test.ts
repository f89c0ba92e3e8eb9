import { OracleCase } from '../../../scripts/oracle/cases';
import { simulatorAnswer } from '../../../scripts/oracle/simulator-answer';

/**
 * How Apache Velocity 1.7 reads templates where velocityjs, which the simulator renders with, reads
 * them differently; each rule is implemented in src/simulator/vtl (velocity-lexer.ts, sandbox.ts,
 * java-operators.ts, java-methods.ts). The expected answers are Apache Velocity 1.7's, with API
 * Gateway's $input and $util (the oracle in oracle/), recorded on 2026-12-02 with
 * `npm run oracle`'s harness; FAILS means Velocity refuses the template.
 */
const FAILS = undefined;

const BODY = '{"s":"x","n":3,"d":1e-7,"l":[1,2],"m":{"k":"v"},"z":null}';

const RULES: Record<string, Array<[string, string | undefined]>> = {
  'a template that ends inside a token fails': [
    ['$', FAILS],
    ['a#', FAILS],
    ['$!', FAILS],
    ['\\$', FAILS],
    ['## x $', FAILS],
    ['#* x #', FAILS],
    ['#[[a]]', FAILS],
  ],
  'comments and raw blocks': [
    ['x #* y', 'x '],
    ['x #* y *#z', 'x z'],
    ['#* c *#\ny', '\ny'],
    ['a## c\n\nb', 'a\nb'],
    ['$a#[[r]]#', 'r'],
    ['$#[[r]]#', '[r'],
    ['#if(false)#else#[[raw]]##end', 'raw'],
  ],
  'arguments must close and hold no directive': [
    ['#e(', FAILS],
    ['#if(#if(true)#end)#end', FAILS],
    ['#foreach(#if(', FAILS],
    ['$a.b(1', FAILS],
    ['$a[]', FAILS],
    ['$a.b(=)', FAILS],
    ['$a.b(é)x', FAILS],
    ['$a.b(#)x', 'x'],
    ['#m(é)', FAILS],
  ],
  'escapes': [
    ['\\$nope', '\\$nope'],
    ['\\$input.path("$.s")', '$input.path("$.s")'],
    ['\\\\\\$nope', '\\\\$nope'],
    ['\\\\$input.path("$.s")', '\\x'],
    ['\\#b', '\\#b'],
    ['\\#if', '#if'],
    ['$\\$input.path("$.s")', '$\\x'],
    ['#\\$nope', '#\\'],
  ],
  'what $ and # write when they start nothing': [
    ['$!)', '$)'],
    ['$!!a', '$!a'],
    ['$e()', '()'],
    ['$a.b## c\nd', '## c\nd'],
    ['$#set($x = 1)y', 'y'],
    ['a$ #set($x=1)b', 'ab'],
    ['$#foreach($i in [1])x', '$#foreach($i in [1])x'],
    ['#  #set($x=1)y', 'y'],
    ['$#if(true)x#end', 'x'],
  ],
  'indentation before #set': [
    ['a #set($x=1)b', 'a b'],
    ['x\n  #set($x=1)b', 'x\n  b'],
    ['  #set($x=1)b', 'b'],
    ['$input.path("$.s") #set($x=1)b', 'xb'],
    ['\\\\ #set($x=1)b', '\\\\b'],
    ['$.  #set($x=1)b', '$.b'],
    ['#1  #set($x=1)b', '#1b'],
    ['$-  #set($x=1)b', '$-  b'],
  ],
  'directives': [
    ['#stop x', ''],
    ['a#break b', 'a'],
    ['#foreach($i in [1, 2])$i#break x#end', '1'],
    ['#macro(m)a#break b#end#m()c', 'ac'],
    ['#if(true)#break#end x', ''],
    ['#s()', '#s()'],
    ['#macro(m)M#end#m', 'M'],
    ['#macro(m $p)[#macro(m $p)x#end#m(1)]#end#m(2)', FAILS],
    ['#if(true)#else#else#end', FAILS],
    ['#else', FAILS],
    ['#if', FAILS],
    ['#if x', FAILS],
    ['#include("x")', FAILS],
    ['#if(false)#include("x")#end', ''],
    ['#set($t = "x")#evaluate("$t")', 'x'],
    ['#@x', '#@x'],
    ['#foreach($i in [1, 2])$foreach.first$foreach.last,#end', 'truefalse,falsetrue,'],
  ],
  'operators': [
    ['#if(1)T#else F#end', ' F'],
    ['#set($s = "")#if($s)T#else F#end', 'T'],
    ['#set($x = 7 / 2)$x', '3'],
    ['#set($x = 2.5 * 2)$x', '5.0'],
    ['#set($x = 1 + $nope)$x|', '|'],
    ['#set($x = "a" + $nope)$x', 'a$nope'],
    ['#if("a" < "b")T#else F#end', ' F'],
    ['#set($x = 1 || 0)$x', 'false'],
    ['#if([1] == "[1]")T#else F#end', 'T'],
    ['#if([] > 7)T#else F#end', ' F'],
    ['#set($x = 7 % 0)$x|', '|'],
    ['#set($x = true + 1)$x|', '|'],
    ['#set($x = 0.0001 * 1)$x', '1.0E-4'],
  ],
  '#set': [
    ['#set($x.k = $util.parseJson(","))', FAILS],
    ['#set($input.k = 1)$input.k', ''],
    ['#set($y = 1)#set($y = $nope)$y', '1'],
    ['#set($x = {})#set($x.k = 1)$x.k', '1'],
  ],
  'Java values': [
    ['$input.path("$.s").charAt(0).startsWith("x")', ''],
    ['$input.path("$.s").charAt(0)', 'x'],
    ['$input.path("$.m").entrySet()', '[k=v]'],
    ['#set($a = "x")$a.split("x").size()', '0'],
    ['#set($a = "")$a.split(",").size()', '1'],
    ['$input.path("$.l").get("a")|', '|'],
    ['$input.path("$.m").equals({"k": "v"})', 'true'],
    ['#set($a = "abc")$a.replaceAll("b", "$1")', FAILS],
    ['$input.json("$.d")', '1.0E-7'],
  ],
  'lexer state Velocity leaves behind': [
    ['#$x#if(true)#end#set($y = 1)', FAILS],
    ['#${x}#set($y = 1)', FAILS],
    ['#$x#set($y = 1)', '#'],
    ['$i#set($x = 1)[', FAILS],
    ['$!{i}#set($x = 1)[', '['],
    ['$i#set($x = 1)x[', FAILS],
  ],
  'macro arguments are passed by name': [
    ['#macro(m $p)[\\$p]#end#m($input.json("$.s"))', '[$input.json("$.s")]'],
    ['#macro(m $p)[\\$p]#end#m(1)', '[$p]'],
    ['#macro(m $p)[\\$p]#end#m($nope)', '[\\$nope]'],
  ],
};

const render = (template: string) => {
  const c: OracleCase = { template, body: BODY, params: { path: {}, querystring: {}, header: {} }, stageVariables: {} };
  return simulatorAnswer(c);
};

describe.each(Object.entries(RULES))('%s', (_, cases) => {
  test.each(cases)('%j', (template, velocity) => {
    const answer = render(template);
    if (velocity === FAILS) {
      expect(answer.ok).toBe(false);
    } else {
      expect(answer).toEqual({ ok: true, output: velocity });
    }
  });
});
