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
    ['$input.path("$.m").keySet().get(0)|$input.path("$.m").entrySet().indexOf(1)|$input.path("$.m").values().contains("v")', '||true'],
  ],
  'lexer state Velocity leaves behind': [
    ['#$x#if(true)#end#set($y = 1)', FAILS],
    ['#${x}#set($y = 1)', FAILS],
    ['#$x#set($y = 1)', '#'],
    ['$i#set($x = 1)[', FAILS],
    ['$!{i}#set($x = 1)[', '['],
    ['$i#set($x = 1)x[', FAILS],
  ],
  'a `$` or `#` that starts nothing in arguments is dropped': [
    ['#if(true $)x#end', 'x'],
    ['#set($x = 1$)[$x]', '[1]'],
    ['$input.path("$.s"$!)', 'x'],
    ["#h($ 'a')", "#h( 'a')"],
    ['$a.b($)|', '|'],
    ['$input.path(#"$.s")', 'x'],
    ['#if(true#)y#end', 'y'],
    ['#set($a = [1,#"b"])$a', '[1, b]'],
    ['#set($x = $)', FAILS],
    ['#if($ == $)x#end', FAILS],
    ['#if(true # )y#end', FAILS],
    ['#h(${)', FAILS],
  ],
  '#foreach reads its arguments as Velocity does': [
    ["#foreach($i 'in' $input.path('$.l'))$i#end", '12'],
    ['#foreach($i,in,$input.path("$.l"))$i#end', '12'],
    ["#foreach($n'')x#end|", '|'],
    ['#foreach($n in)x#end|', '|'],
    ["#foreach($i in 'abc')$i#end|", '|'],
    ["#foreach($i in {'a': 1, 'b': 2})$i#end", '12'],
    ['#foreach($i in $input.path("$.l") $input.path("$.s"))$i#end', 'xx'],
    ['#foreach($i)x#end', FAILS],
    ["#if(false)#foreach('')#end#end|", '|'],
  ],
  'names velocityjs reads as operators': [
    ["#set($in = 'v')$in|${in}|#if($in)y#end", 'v|v|y'],
    ['#set($gt = 2)#set($lt = $gt)$lt', '2'],
    ['#set($m = {"not": 1})#if($m.not)y#end', 'y'],
    ['#set($gt = 2)$gt|\\$gt|\\$in', '2|$gt|\\$in'],
  ],
  'lexer states after a reference, a call or a property': [
    ['$a.b("c")x.y|', 'x|'],
    ['$a[0]x.y|', 'x|'],
    ['$a.b()x.y##z\n|', 'x##z\n|'],
    ['$a.b()x##z\n|', 'x|'],
    ['$a.b() x.y|', ' x.y|'],
    ['$h.t$.h(1)|', '|'],
    ['$c.I${d}x##c', 'x##c'],
    ['$c.I${d}${e}#set($y = 1)[$y]', FAILS],
    ['#$s$c.I${d}#set($y = 1)|$y', '#|1'],
    ['#if(true)$c.d$x#{else}C##end|', '|'],
    ['#if(true)$i.b$t#foo##end|', '#foo|'],
    ['$i.b$t#foo##set($a = 1)|', FAILS],
    ['#if(false)#$a.b$c#elseif(true)${c}#set($y = 1)#end|$y', '|1'],
    ['#if(true)$c.d$x#{else}"C"##end|', FAILS],
    ['$u.e(#set($s = 1)C##x', '(C##x'],
    ['$u.e(#if(true)#{end}C##if(true)y#{end}', '(Cy'],
    ['$u.e(#if(true)#{end}C-D"a"$x', '(C-D"a"'],
    ['$u.e(#set($s = 1)$s}x', '(1}x'],
    ['$u.e(#set($s = 1)C D', FAILS],
    ['$u.e(#set($s = 1)C)', FAILS],
    ['$h.t$.h(1)}C##x\n|', '}C##x\n|'],
    ['$h.t$.h(1)C##x\n|', 'C|'],
    ['$h.t$.h[0]X|', 'X|'],
    ['$i.b$t#foo()C###x\n|', '#foo()C|'],
  ],
  '`##` where the lexer is a state behind': [
    ['$a.b##if(true)y#end', 'y'],
    ['$a.b###foreach($i in [1])x#end|', ''],
    ['#macro(m)z#end$a.b##m()', '##m()'],
    ['$a.b##stop x', '##stop x'],
    ['$a.b##x', '##x'],
    ['$a.b##set($x = 1)', FAILS],
    ['$i.b##m($s)x', '##m($s)x'],
    ['$i.b##m ( $s )x', '##m ( $s )x'],
    ['$u.e(#set($s = 1)C##m($s \'a\')x', "(C##m($s 'a')x"],
    ['$u.e(#set($s = 1)C##m(x', FAILS],
  ],
  'a comment or a `}` after `$a.b$c` ends in the property': [
    ['#if(true)$i.b$t##c\nC##end|', 'C|'],
    ['$i.b$t##c\nC##x|', 'C##x|'],
    ['$i.b$t##c\nC.d##x|', 'C##x|'],
    ['$i.b$t${d}##x|', '##x|'],
    ['$i.b$t##c\n C##y|', ' C'],
  ],
  'a block macro call after `$`, `$!` or `\\` is text': [
    ['#macro(m)z#end$#@m()', '$#@m()'],
    ['#macro(m)z#end$!#@m()}', '$!#@m()}'],
    ['#macro(m)z#end\\#@m()', '\\#@m()'],
  ],
  'a `(` before a `.` and a name opens no method call': [
    ['$u.e(.x', '(.x'],
    ['$u.e(.x.y()z', '(.xz'],
    ['$u.e(.x##y\n', '(.x##y\n'],
    ['$u.e(.x y)', '(.x y)'],
    ['#macro(m)z#end$i.b($.c#m()', '(.cz'],
    ['$u.e($.c.d##x', '(.c##x'],
    ['$u.e($.c)', FAILS],
  ],
  'a method call opened right before `$#word` or `$!#word`': [
    ['$i.b($#foreach', '($#foreach'],
    ['$i.b($!#foreach()x', '($!#foreach()x'],
    ['$a.b$$#set($x = 1)x', 'x'],
    ['#macro(m)z#end#if(true)$i.b($!#@m()#end', '($!#@m()'],
  ],
  'in a call opened right before a directive': [
    ['#macro(m)z#end$u.e(#m()$.c$u.e(#m()$i.b(', '(z.c(z('],
    ['$u.e(#set($s = 1)$u.e(', '(('],
    ['$u.e(##stop##', '(##stop'],
    ['#$i.b(##m()##', '#(##m()'],
    ['#macro(m)z#end(#*c*#$.c#[[r]]#$i.b(#set($s = 1)##@m()', '($.cr(##@m()'],
    ['$u.e(##x\n', FAILS],
    ['#$i.b(#set($s = 1)x', '#(x'],
    ['#$!{t}$i.b(#set($s = 1)\'a\'', "#('a'"],
  ],
  'in such a call, `##` right after an unbraced reference is a comment': [
    ['$u.e(#set($s = 1)$t##m()( $s.length()', '('],
    ['$u.e(#set($s = 1)${t}##m()x', '(##m()x'],
    ['$u.e(#set($s = 1)$t.x##m()x', '(##m()x'],
  ],
  'a `(` in a property opens a method call': [
    ['$i.b${c}(x', '(x'],
    ['$i.b${c}(x)y', FAILS],
    ['$i.b$.c}(x)', FAILS],
    ['$i.b$t##c\n(\'a\')z', FAILS],
    ['$i.b${c}(#if(true)a#end', '(a'],
  ],
  // Recorded on 2026-12-04.
  '`$.c` right after a property continues that reference': [
    ["#set($a={'b':{'c':5}})$a.b$.c", '5'],
    ["#set($a={'b':{'c':{'d':7}}})$a.b$.c$.d", '7'],
    ["#set($a={'b':'xy'})$a.b$.length()", '2'],
    ["#set($a={'b':{'c':5}})$a.b$!.c", '5'],
    ["#set($m = $input.path('$.m'))$m.k$.length()", '1'],
    ["#set($a={'b':{'c':5}})${a.b}$.c", '{c=5}$.c'],
    ["#set($a={'b':{'c':5}})\\$a.b$.c", '$a.b.c'],
    ['\\$a.b$.c(1).d', '\\$a.b.c(1).d'],
    ['\\$a.b$.c##x', '\\$a.b.c##x'],
  ],
  // Recorded on 2026-12-04.
  'an escaped reference leaves the lexer as the reference does': [
    ['\\$a.b##c\nX', '\\$a.b##c\nX'],
    ['\\$a.b()x.y', '\\$a.b()x'],
    ['\\$t#set($x = 1)[', FAILS],
    ['$u.e(###c\n\\$t##c\n', '(\\$t'],
  ],
  // Recorded on 2026-12-04.
  'a `(` before `#$.c` or `$!.c` opens no method call either': [
    ['$a.b(#$.c', '(.c'],
    ['$a.b(#$!.c', '(.c'],
    ['$a.b($!.c##x', '(.c##x'],
    ["#set($a={'b':'x'})$a.b($!.c", 'x(.c'],
    ['$a.b(#$!.c x', FAILS],
  ],
  // Recorded on 2026-12-04.
  'in a call opened before a directive, `.name` after `#` or a text `#word` leaves the call': [
    ['$a.b(#.c', '(#.c'],
    ['$a.b(#x.c y', '(#x.c y'],
    ['$a.b(#.c.d x', '(#.c x'],
    ['$a.b(#x.c.d\ny', '(#x.c\ny'],
    ['$a.b(#.c##x\ny', '(#.c##x\ny'],
    ['$a.b(#.c) y', '(#.c) y'],
    ['$a.b(#.c(1) y', FAILS],
    ['$a.b(#x y', FAILS],
  ],
  // Recorded on 2026-12-04.
  '`$!` before `}` keeps its `!`': [
    ['$!}', '$!}'],
    ['x$!}y', 'x$!}y'],
    ['$$!}', '$$!}'],
    ['$!]', '$]'],
  ],
  // Recorded on 2026-12-04.
  'in a call opened before a directive, braces after a `$` that starts nothing are text': [
    ['$u.e(#if(true)$!}#end', '($!}'],
    ['$u.e(#if(true)$}x.y#end', '($}x'],
    ["$u.e(#if(true)$}'q'#end", "($}'q'"],
    ['$u.e(#if(true)$!}.x y#end', '($!}.x y'],
    ['$u.e(#if(true)$!}.x.y#end', '($!}.x'],
    ['$u.e(#if(true)$!} y#end', FAILS],
    ['$u.e(#if(true)$}}#end', FAILS],
    ['$u.e(#if(true)$!{#end', '($!{'],
    ['$u.e(#if(true)${}#end', '(${}'],
    ['$u.e(#if(true)${.x.y}#end', '(${.x}'],
    ['$u.e(#if(true)$!{.x.y z#end', FAILS],
  ],
  // Recorded on 2026-12-06.
  'signs right before a raw block: one token, written without its first three characters': [
    ['$#[[r]]#', '[r'],
    ['$!#[[r]]#', '[[r'],
    ['$$!#[[r]]#', '#[[r'],
    ['\\$!#[[r]]#', '#[[r'],
    ['$!$!$!#[[r]]#', '!$!#[[r'],
    ['$!#[[]]#', '[['],
  ],
  // Recorded on 2026-12-06.
  '`$!` before more signs and a reference or a `.name` keeps its `!`': [
    ['$!$.c', '$!$.c'],
    ['$!$!$.c', '$!$!$.c'],
    ['a$!$b', 'a$!'],
    ['$!$!)', '$$)'],
  ],
  // Recorded on 2026-12-06.
  'a method call opened right before `$` signs and a comment or a raw block': [
    ['$i.b($##x', '($'],
    ['$i.b($!##x\nq', '($!q'],
    ['$i.b(\\$##end', '(\\$'],
    ['$i.b($$##end', '($$'],
    ['$i.b($!##x\n q', FAILS],
    ['$i.b($!##x\nx##y\nq', FAILS],
    ['$i.b($!##x\n.y.z q', '($!.y q'],
    ['$i.b($#*c*#x', '(x'],
    ['$i.b($#*c*#x##c\nq', '(xq'],
    ['$i.b($#*c*###y\nq', '(q'],
    ['$i.b($#*c*# x', FAILS],
    ['$i.b($!#[[r]]#x##c\nq', '([[rxq'],
    ['$i.b($!#[[r]]# x', FAILS],
  ],
  // Recorded on 2026-12-06.
  'in a call opened before a directive, `.name` after a directive, macro call or comment leaves the call': [
    ['$i.b(#set($s = 1).y.z q', '(.y q'],
    ['$i.b(#set($s = 1)x.y.z q', '(x q'],
    ['$i.b(#set($s = 1).y##c\nq', '(.y##c\nq'],
    ['$i.b(#if(true)x.y q#end', '(x q'],
    ['$i.b(#*c*#x.y(1) q', '(x q'],
    ['#macro(m)z#end$i.b(#m().y q', '(z.y q'],
    ['$i.b(#break.y q', '('],
    ['$i.b(##x.x.y q', '(##x.x q'],
    ['$i.b(#*c*#.y(1) q', FAILS],
  ],
  // Recorded on 2026-12-06.
  'in such a call, `##` after `$` signs, `$$.c` or `$#set(...)` is a comment': [
    ['$i.b(#set($s = 1)$##x\nq', '($q'],
    ['$i.b(#set($s = 1)\\$##x\nq', '(\\$q'],
    ['$i.b(#set($s = 1)x$##x\nq', '(x$q'],
    ['$i.b(#set($s = 1)$!$.c##c\nq', '($!$.cq'],
    ['$i.b(#set($s = 1)$$.c##c\nq', '($$.cq'],
    ['$i.b($#set($s = 1)x##c\nq', '(xq'],
    ['$i.b($#set($s = 1)## ', '('],
    ['$i.b($#if(true)##c\nq#end', FAILS],
  ],
  // Recorded on 2026-12-06.
  'block macro calls: `$bodyContent` renders the body, each time, with the macro\'s variables': [
    ['#macro(m)z#end#@m()x#end', 'z'],
    ['#macro(m)[$bodyContent]#end#@m()x#end', '[x]'],
    ['#macro(m)[$!bodyContent]#end#@m()x#end|$bodyContent|', '[x]||'],
    ["#macro(m $a)[$a $bodyContent]#end#@m('q')x$a#end", '[q xq]'],
    ['#macro(m)[$bodyContent]#end#@m()a#@m()b#end#end', '[a[b]]'],
    ['#macro(m)[$bodyContent$bodyContent]#end#set($n = 0)#@m()#set($n = $n + 1)$n#end', '[12]'],
    ['#macro(m)[$bodyContent]#end#@m()#stop#end', '['],
    ['#macro(m)[#break]#end#@m()x#end', '['],
    ['#macro(m)[$bodyContent]#end#@m()\nx\n#end\n|', '[x\n]|'],
    ['#macro(m)[$bodyContent]#end#@m ()x#end', '[x]'],
    ['#macro(m)[$bodyContent]#end#foreach($i in [1,2])#@m()$foreach.count#end#end', '[1][2]'],
    ['#macro(m)z#end$t#@m()#set($s = 1)#end', 'z'],
    ['#macro(m)z#end$i.b(#@m()#{end}x', '(zx'],
    ['#macro(m)[$bodyContent]#end#@m x#end', FAILS],
    ['#macro(m)[$bodyContent]#end#@m(x#end', FAILS],
    ['#macro(m)[$bodyContent]#end#@m()x', FAILS],
    ['#macro(m)[$bodyContent]#end#@m()x#else#end', FAILS],
  ],
  // Recorded on 2026-12-06.
  'a block call of a macro the template does not define is written as it stands': [
    ['#@n()$s.length()#end', '#@n()$s.length()#end'],
    ['#@n()#set($a = 1)$a#end$a', '#@n()#set($a = 1)$a#end'],
    ['#@n( $s )x#end', '#@n( $s )x#end'],
    ['#@n()x#{end}y', '#@n()x#{end}y'],
    ['#@n()x', FAILS],
    ['#@n x#end', FAILS],
  ],
  // Recorded on 2026-12-06.
  'indexes after a property leave the lexer in the property: `##` after them is text': [
    ['$a.b[0]##x\nq', '##x\nq'],
    ['$a.b[0][1]##x\nq', '##x\nq'],
    ['$a.b[0]x##x\nq', 'x##x\nq'],
    ['$!a.b[0]##x\nq', '##x\nq'],
    ['\\$a.b[0]##x\nq', '\\$a.b[0]##x\nq'],
    ['$a.b[0]##if(true)y#end', 'y'],
    ['$i.b$.c[0]##x\nq', '##x\nq'],
    ['$a[0]##x\nq', 'q'],
    ['$a.b()[0]##x\nq', 'q'],
  ],
  // Recorded on 2026-12-06.
  'a `#` before `$` signs that write nothing writes nothing': [
    ['#$#*c*#q', 'q'],
    ['#$!#*c*#q', 'q'],
    ['a#$#*c*#q', 'aq'],
    ['#$#if(true)y#end', 'y'],
    ['#$##c\nq', '#$q'],
    ['$u.e(#$##end\nq', '(#$q'],
    ['$u.e(#$#*c*#x##c\nq', '(xq'],
    ['$u.e(#$#*c*# q', FAILS],
  ],
  // Recorded on 2026-12-06.
  'in a leaked call, `##end` ends the block, and a `##` after it is a comment': [
    ['#if(true)$i.b(##end##x\nq', '(q'],
    ['#if(true)$i.b(##end##end#else ', '('],
    ['#if(true)$i.b(##end.x q', '(.x q'],
    ['#if(true)$i.b(##end x', FAILS],
    ['#if(true)$i.b(#end##x\nq', FAILS],
  ],
  // Recorded on 2026-12-06.
  'in a leaked call, indentation before `#set` is the #set\'s, and a `}` after `$.c` is text': [
    ['$u.e(#set($s = 1)x #set($s = 1)y', '(xy'],
    ['$u.e(#set($s = 1) #set($s = 1)', '('],
    ['$u.e($.c\t#set($s = 1)y', '(.cy'],
    ['$u.e($.c}y', '(.c}y'],
    ['$u.e($.c.d}y', '(.c}y'],
    ['$u.e(#set($s = 1)$.c}y', '(.c}y'],
    ['$u.e($.c} x', FAILS],
    ['$u.e($.c x', FAILS],
  ],
  // Recorded on 2026-12-06.
  'where `##` starts no comment, `#` and a raw block are one token': [
    ['$u.e(##[[r]]#', '([r'],
    ['$a.b##[[r]]#', '[r'],
    ['$u.e(##[[r]]# x', FAILS],
    ['##[[r]]#', FAILS],
  ],
  // Recorded on 2026-12-06.
  'a call opened before signs and a directive; `.name` after the text it becomes leaves the call': [
    ['$i.b($$#foreach($x in [1])', '($$#foreach($x in [1])'],
    ['$i.b($$!#break.x', '($$!#break.x'],
    ['$i.b(#$!#break', '(#$!#break'],
    ['$i.b($#foreach.x.y z', '($#foreach.x z'],
    ['$i.b($#foreach().x y', '($#foreach().x y'],
    ['$u.e(##m().x y', '(##m().x y'],
    ['$i.b(#$!#break x', FAILS],
    ['$i.b($#foreach() .x y', FAILS],
  ],
  // Recorded on 2026-12-06.
  '`\\$.c` writes `.c` and leaves the lexer in a property': [
    ['\\$.c x', '.c x'],
    ['\\\\$.c', '.c'],
    ['\\$!.c x', '.c x'],
    ['\\$.c.d x', '.c x'],
    ['\\$.c[0] x', '.c x'],
    ['\\$.c##x\nq', '.c##x\nq'],
    ['a\\$.c##if(true)y#end', 'a.cy'],
    ['#if(true)\\$.c##end', '.c'],
    ['\\$.c#if(true)##end', FAILS],
  ],
  // Recorded on 2026-12-06.
  'a run of `#` before `)`, `]`, `}`, a quote or `$` is stray in arguments too': [
    ['$u.e(##)x', 'x'],
    ['$u.e(##) x', ' x'],
    ["$u.e(##'a')x", 'x'],
    ['$u.e(#set($s = 1)#)x', FAILS],
  ],
  // Recorded on 2026-12-06.
  'in a leaked call, `##m(...)` keeps the spaces and newline after it': [
    ['$u.e(##m() \nx', '(##m() \nx'],
    ['$u.e(##m()\nx', '(##m()\nx'],
    ['$u.e(##m()\n x', FAILS],
    ['$u.e(##m()\n\n', FAILS],
  ],
  'braced directive names': [
    ['#{if}(true)y#end#{set}($a = 1)$a', 'y1'],
    ['#{macro}(m)z#end#m()', 'z'],
  ],
  // JavaScript reads U+2028 and U+2029 as line ends (velocityjs's lexer lost the #else branch here); Velocity reads them as text.
  'U+2028 and U+2029 are text': [
    ['\n\u2028#if($o.s(\'\'))$o.e(\'\')#{else}{ "code"#foreach($item in $input.path(\'0\'))#if($l)#end#end#end', '\n\u2028{ "code"'],
    ['\u2029#set($a = "\u2028")[$a]', '\u2029[\u2028]'],
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
