import { OracleCase } from '../../../scripts/oracle/cases';
import { Answer, simulatorAnswer } from '../../../scripts/oracle/simulator-answer';

/**
 * The classes of difference from Apache Velocity 1.7 that remain (docs/simulator.md, "Measured
 * against Apache Velocity 1.7"), one example each. Each test pins what the simulator answers today
 * and records what Velocity 1.7 answered (the oracle in oracle/, 2026-12-02): a change to either
 * shows up here, and a fix moves the example to velocity-rules.test.ts.
 */
interface Difference {
  readonly template: string;
  readonly body: string;
  readonly simulator: Answer;
  /** Velocity 1.7's answer, for the reader: its output, or that it refuses the template. */
  readonly velocity: string;
}

const DIFFERENCES: Record<string, Difference> = {
  'a block macro body that sets `$bodyContent` and then writes it': {
    template: "#macro(m)[$bodyContent]#end#@m()#set($bodyContent = 'k')$bodyContent#end",
    body: '{}',
    simulator: { ok: false, error: 'the template recurses too deeply (a macro that calls itself?)' },
    velocity: '[k]',
  },
  'whole-number doubles written as such (`1.0`) read as JavaScript numbers': {
    template: '#set($x = 1.0)$x$input.path("$.d")', body: '{"d": 2.0}', simulator: { ok: true, output: '12' }, velocity: '1.02.0',
  },
  'integers beyond 2^53': {
    template: '$input.json("$.n")',
    body: '{"n": 12345678901234567890}',
    simulator: { ok: true, output: '12345678901234567000' },
    velocity: '12345678901234567890',
  },
  "subnormal numbers, which Java's Double.toString does not write in the shortest form": {
    template: '$input.json("$.x")', body: '{"x": 5e-324}', simulator: { ok: true, output: '5.0E-324' }, velocity: '4.9E-324',
  },
  'the order of map keys (JavaScript puts integer-like keys first)': {
    template: '$input.path("$")', body: '{"b": 1, "1": 2}', simulator: { ok: true, output: '{1=2, b=1}' }, velocity: '{b=1, 1=2}',
  },
  "a regular expression's `.` over a character outside the Basic Multilingual Plane (Java matches the whole code point)": {
    // Recorded from the oracle on 2026-12-07.
    template: '$input.path("$.s").replaceAll("(.)", "$1-")',
    body: '{"s": "a\u{1F600}"}',
    simulator: { ok: true, output: 'a-\ud83d-\ude00-' },
    velocity: 'a-\u{1F600}-',
  },
  "the simulator's own bound on the loop work of one rendering": {
    template: '#foreach($i in [1..1000])#foreach($j in [1..101])#end#end',
    body: '{}',
    simulator: { ok: false, error: "the template's loops run more than 100000 iterations in total" },
    velocity: '(nothing)',
  },
};

describe.each(Object.entries(DIFFERENCES))('%s', (_, difference) => {
  test(`${JSON.stringify(difference.template)}: the simulator answers as pinned (Velocity 1.7: ${difference.velocity})`, () => {
    const c: OracleCase = {
      template: difference.template, body: difference.body, params: { path: {}, querystring: {}, header: {} }, stageVariables: {},
    };
    expect(simulatorAnswer(c)).toEqual(difference.simulator);
  });
});
