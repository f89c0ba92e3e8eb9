import * as fs from 'fs';
import * as path from 'path';
import { OracleCase } from '../../../scripts/oracle/cases';
import { Answer, caseContext, simulatorAnswer } from '../../../scripts/oracle/simulator-answer';
import { templateVariables } from '../../../src/simulator/simulation-context';
import { parseTemplate, renderParsed, renderTemplate } from '../../../src/simulator/vtl/sandbox';
import { TemplateError } from '../../../src/simulator/vtl/template-error';
import { inputVariable, utilVariable } from '../../../src/simulator/vtl/variables';

/**
 * The simulator hands velocityjs a long template a few statements at a time (its grammar is
 * quadratic in the number of statements) and joins the pieces. Reading every template one
 * statement at a time, the most pieces there can be, must answer exactly as reading it whole does.
 */
const fixtures = ['vtl-oracle.json', 'vtl-lexer-stress.json'].flatMap(
  name => (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', name), 'utf8')) as { cases: OracleCase[] }).cases,
);

function answerInPieces(c: OracleCase): Answer {
  const input = { backend: {}, stageVariables: c.stageVariables, request: { parameters: c.params } };
  try {
    return { ok: true, output: renderParsed(parseTemplate(c.template, 1), templateVariables(c.body, input, caseContext(c))) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

test('every recorded template renders the same read one statement at a time as read whole', () => {
  expect(fixtures.length).toBeGreaterThan(2000);
  const different = fixtures
    .filter(c => JSON.stringify(answerInPieces(c)) !== JSON.stringify(simulatorAnswer(c)))
    .map(c => JSON.stringify(c.template));
  expect(different).toEqual([]);
});

const variables = (body: string) => ({ input: inputVariable(body, { params: {} }), util: utilVariable(), context: {}, stageVariables: {} });

function lineOfError(render: () => string): number | undefined {
  try {
    render();
  } catch (e) {
    if (e instanceof TemplateError) return e.line;
    throw e;
  }
  throw new Error('expected the template to fail');
}

test.each([
  ['on a line of its own', '#set($x = 1)\n', "$input.path('$.a').substring(5)"],
  ['after text on its line', 'x $a y #if($c)z#end\n', "x $input.path('$.a').substring(5)"],
])('an error far into a long template names its line, %s', (_, line, failing) => {
  const template = `${line.repeat(300)}${failing}\n`;
  expect(lineOfError(() => renderTemplate(template, variables('{"a": "x"}')))).toBe(301);
  expect(lineOfError(() => renderParsed(parseTemplate(template, 1), variables('{"a": "x"}')))).toBe(301);
});

test('macros defined in any piece are known in every piece, the last definition winning', () => {
  const template = '#m()\n#macro(m)first#end\nx\n#m()\n#macro(m)second#end\n#m()';
  expect(renderParsed(parseTemplate(template, 1), variables('{}'))).toBe(renderTemplate(template, variables('{}')));
  // What Apache Velocity 1.7 renders (oracle/): a line that holds only a directive or a macro call drops its line end.
  expect(renderTemplate(template, variables('{}'))).toBe('secondx\nsecondsecond');
});
