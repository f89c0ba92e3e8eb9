import { TemplateChecker } from '../../../src';
import { checkSchema, SchemaFinding } from '../../../src/rules/schema/schema-check';
import { SchemaMemo } from '../../../src/rules/schema/schema-memo';

const METHOD = 'AWS::ApiGateway::Method';

const responses = () => [
  { StatusCode: '200', ResponseTemplates: { 'application/json': '{}' } },
  { StatusCode: '404', SelectionPattern: '.*not found.*', ResponseParamters: { 'method.response.header.X': "'x'" } },
];

const method = (uri: string) => ({
  HttpMethod: 'GET',
  ResourceId: 'r',
  RestApiId: 'a',
  AuthorizationType: 'NONE',
  Integration: { Type: 'HTTP', IntegrationHttpMethod: 'GET', Uri: uri, IntegrationResponses: responses() },
  MethodResponses: [{ StatusCode: '200' }, { StatusCode: '404' }],
});

test('a list repeated at the same place is walked once and answers the same findings and the same object', () => {
  const memo = new SchemaMemo<SchemaFinding>();
  const first = checkSchema(METHOD, method('https://a.example'), { memo });
  const second = checkSchema(METHOD, method('https://b.example'), { memo });
  expect(first.findings.map(f => f.path)).toEqual(['Integration.IntegrationResponses[1].ResponseParamters']);
  expect(second.findings).toEqual(first.findings);
  const integrationResponses = (check: typeof first) => (check.properties.Integration as Record<string, unknown>).IntegrationResponses;
  // The masked list of the second method is the first one's: later comparisons end at identity.
  expect(integrationResponses(second)).toBe(integrationResponses(first));
  expect(second.properties.Integration).not.toBe(first.properties.Integration);
  expect((second.properties.Integration as Record<string, unknown>).Uri).toBe('https://b.example');
});

test('a different value at the same place, or the same value at another place, is checked on its own', () => {
  const memo = new SchemaMemo<SchemaFinding>();
  checkSchema(METHOD, method('u'), { memo });
  const changed = method('u');
  changed.Integration.IntegrationResponses[0] = { StatusCode: '200', ResponseTemplates: { 'application/json': '{}' }, Typo: 1 } as never;
  expect(checkSchema(METHOD, changed, { memo }).findings.map(f => f.path)).toEqual([
    'Integration.IntegrationResponses[0].Typo',
    'Integration.IntegrationResponses[1].ResponseParamters',
  ]);
  // The same list as method responses is a list of another type, with other mistakes.
  const swapped = { ...method('u'), MethodResponses: responses() };
  expect(checkSchema(METHOD, swapped, { memo }).findings.map(f => f.path)).toEqual([
    'Integration.IntegrationResponses[1].ResponseParamters',
    'MethodResponses[0].ResponseTemplates',
    'MethodResponses[1].SelectionPattern',
    'MethodResponses[1].ResponseParamters',
  ]);
});

test('the template checker reports a repeated mistake on every resource that has it', () => {
  const resources = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`M${i}`, { Type: METHOD, Properties: method(`https://${i}.example`) }]));
  const findings = TemplateChecker.check({ Resources: resources }).filter(f => f.ruleId === 'schema-unknown-property');
  expect(findings.map(f => `${f.resource} ${f.path}`)).toEqual([0, 1, 2].map(i => `M${i} Integration.IntegrationResponses[1].ResponseParamters`));
});
