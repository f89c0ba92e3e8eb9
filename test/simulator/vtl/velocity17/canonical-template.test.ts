import { renderTemplate } from '../../../../src/simulator/vtl/sandbox';
import { TemplateError } from '../../../../src/simulator/vtl/template-error';
import { inputVariable, utilVariable } from '../../../../src/simulator/vtl/variables';
import { textVariables } from '../../../../src/simulator/vtl/velocity-text';
import { canonicalTemplate } from '../../../../src/simulator/vtl/velocity17/canonical-template';
import { parseVelocity } from '../../../../src/simulator/vtl/velocity17/parser';

/** The canonical template with its text variables written back as the characters they hold, to read. */
const readable = (template: string): string => {
  const values = textVariables();
  return canonicalTemplate(parseVelocity(template), template)
    .replace(/\$\{(__cdkIntegrationResponsesText\w+)\}/g, (_, name: string) => (values[name] === '' ? '·' : `«${values[name]}»`));
};

const variables = () => ({ input: inputVariable('{}', { params: {} }), util: utilVariable(), context: {}, stageVariables: {} });

describe('the canonical template', () => {
  test('writes text as text, references in full, and directives apart from what is around them', () => {
    expect(readable('a.b $x.y($z, "s") #if($a > 1)(t)#end')).toBe('a«.»b $x.y($z, "s")· ·#if(($a > 1))·«(»t«)»·#end·');
  });

  test('keeps quiet and formal references as written, since a null one in a string is written as it stands', () => {
    expect(readable('#set($s = "$!a ${b}")$!{c}')).toBe('·#set($s = "$!a ${b}")·$!{c}·');
  });

  test('writes what the lexer read before a reference in a call it gave up on', () => {
    expect(readable('$i.b(##$.c')).toBe('$i.b·«(»«.»c');
  });

  test('keeps each statement on its line, so that errors name the line they are on', () => {
    const template = '#if(true)\n#end\n#foreach($i in [1..1])\n#end\n$util.parseJson("{")';
    expect(readable(template)).toMatch(/#if\(false\n+\)#end/);
    let error: unknown;
    try {
      renderTemplate(template, variables());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).line).toBe(5);
  });
});
