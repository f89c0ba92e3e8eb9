import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../../src/rules/catalog';
import { RuleIds } from '../../src/rules/rule-ids';

const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
const sections = new Map(doc.split(/^### /m).slice(1).map(s => [s.split('\n')[0].trim(), s]));

test('rule IDs are unique and kebab-case', () => {
  const ids = ALL_RULES.map(r => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)+$/);
});

test.each(ALL_RULES.map(r => [r.id, r.severity]))('docs/rules.md documents %s with severity %s', (id, severity) => {
  const section = sections.get(id);
  expect(section).toBeDefined();
  expect(section).toContain(`- Severity: ${severity}`);
  expect(section).toMatch(/- AWS: /);
  expect(section).toMatch(/- Source: /);
  expect(section).toMatch(/- Fix: /);
});

// A rule may say that AWS rejects the deployment only where AWS's words back it: such entries quote
// the error or the documentation under Source.
test.each(ALL_RULES.map(r => [r.id]))('docs/rules.md backs a rejection claimed for %s with a quote', id => {
  const section = sections.get(id)!;
  const aws = /- AWS: (.*)/.exec(section)?.[1] ?? '';
  if (!/rejects/.test(aws)) return;
  const source = /- Source: ([\s\S]*?)\n- Fix:/.exec(section)?.[1] ?? '';
  expect(source).toMatch(/`[^`]{12,}`|"[^"]{12,}"/);
});

test('docs/rules.md documents no rule that does not exist', () => {
  expect([...sections.keys()].filter(id => !ALL_RULES.some(r => r.id === id))).toEqual([]);
});

test('RuleIds has one constant per rule, named after its ID', () => {
  const constants = Object.entries(RuleIds).filter(([, value]) => typeof value === 'string');
  expect(Object.fromEntries(constants)).toEqual(Object.fromEntries(ALL_RULES.map(r => [r.id.toUpperCase().replace(/-/g, '_'), r.id])));
});
