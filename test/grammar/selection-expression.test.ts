import * as fc from 'fast-check';
import { parseSelectionExpression, possibleTemplateKeys, templateSelectionVariableProblem } from '../../src/grammar/selection-expression';

test.each([
  ['${integration.response.statuscode}', [{ kind: 'variable', name: 'integration.response.statuscode' }]],
  ['$integration.response.statuscode', [{ kind: 'variable', name: 'integration.response.statuscode' }]],
  ['\\$default', [{ kind: 'text', text: '$default' }]],
  ['200', [{ kind: 'text', text: '200' }]],
  ['${request.body.version}-beta', [{ kind: 'variable', name: 'request.body.version' }, { kind: 'text', text: '-beta' }]],
  ['v$request.body.action.', [{ kind: 'text', text: 'v' }, { kind: 'variable', name: 'request.body.action' }, { kind: 'text', text: '.' }]],
])('%j parses', (expression, parts) => {
  expect(parseSelectionExpression(expression)).toEqual({ parts });
});

test.each([
  ['${integration.response.statuscode', "'${' at position 1 is never closed with '}'"],
  ['${}', "'${}' is not a variable name"],
  ['$', "the '$' at position 1 starts no variable (write \\$ for a literal dollar)"],
  ['a$1', "the '$' at position 2 starts no variable (write \\$ for a literal dollar)"],
])('%j is refused: %s', (expression, problem) => {
  expect(parseSelectionExpression(expression)).toEqual({ problem });
});

test('known variables of a template selection expression', () => {
  for (const name of ['integration.response.statuscode', 'integration.response.header.X-Kind', 'integration.response.multivalueheader.Accept', 'request.body', 'request.body.action', 'request.body.items[0].kind']) {
    expect(templateSelectionVariableProblem(name)).toBeUndefined();
  }
  expect(templateSelectionVariableProblem('integration.response.body')).toBe(
    "'integration.response.body' is not a variable integration responses can select templates by; use integration.response.statuscode, integration.response.header.{name}, integration.response.multivalueheader.{name} or request.body.{path}");
  expect(templateSelectionVariableProblem('integration.response.header.')).toBe("in 'integration.response.header.': the header name is empty");
  expect(templateSelectionVariableProblem('request.body.a..b')).toBe("in 'request.body.a..b': recursive descent '..' is not supported");
  expect(templateSelectionVariableProblem('default')).toBe("'$default' reads as a variable here; write '\\$default' for the static $default key");
});

test('possible template keys', () => {
  expect(possibleTemplateKeys(parseSelectionExpression('\\$default').parts!)).toEqual({ keys: new Set(['$default']) });
  expect(possibleTemplateKeys(parseSelectionExpression('${integration.response.statuscode}').parts!)).toEqual({ statusCodes: true });
  expect(possibleTemplateKeys(parseSelectionExpression('${request.body.kind}').parts!)).toEqual({});
});

test('random expressions parse or are refused, never throw', () => {
  fc.assert(fc.property(fc.string({ maxLength: 40 }), expression => {
    const parsed = parseSelectionExpression(expression);
    expect((parsed.parts === undefined) !== (parsed.problem === undefined)).toBe(true);
  }), { numRuns: 3000 });
});

test('generated valid expressions are accepted', () => {
  const variable = fc.oneof(
    fc.constant('integration.response.statuscode'),
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,12}$/).map(h => `integration.response.header.${h}`),
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}(\.[A-Za-z_][A-Za-z0-9_]{0,8}){0,2}$/).map(p => `request.body.${p}`),
  );
  const part = fc.oneof(variable.map(v => `\${${v}}`), fc.stringMatching(/^[A-Za-z0-9 _-]{1,8}$/), fc.constant('\\$default'));
  fc.assert(fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), parts => {
    const parsed = parseSelectionExpression(parts.join(''));
    expect(parsed.problem).toBeUndefined();
    for (const p of parsed.parts!) {
      if (p.kind === 'variable') expect(templateSelectionVariableProblem(p.name)).toBeUndefined();
    }
  }), { numRuns: 1000 });
});
