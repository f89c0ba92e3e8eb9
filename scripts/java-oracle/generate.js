#!/usr/bin/env node
// Regenerates test/fixtures/java-pattern-oracle.json: what java.util.regex (the engine API Gateway
// uses for selection patterns) says about each case. Needs a JDK; the fixture is committed so the
// test suite does not.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const INPUTS = ['', '200', '404', '500', '503', 'NotFound', 'Error: NotFound', 'not found', 'NOT FOUND',
  'a\nb', '[NotFound] x', '{"errorType":"NotFound"}', 'price $5', 'ab', 'aa', '.*', 'x{y}', 'é', '\t'];
const PATTERNS = [
  '.*', '.+', '', '200', '2\\d{2}', '4\\d\\d', '5\\d{2}', '(4|5)\\d\\d', '[45]\\d\\d', '40[0-4]',
  '.*NotFound.*', '.*Not.*', '(?i).*not found.*', '(?s).+', '.+\\n.+', '(\\n|.)*', '\\[NotFound\\].*',
  '.*\\[NotFound\\].*', '.*"errorType":"NotFound".*', '{"errorType".*', '.*{.*', 'x{y}', 'x\\{y\\}',
  'a|ab', '^a|ab$', '^.*Found$', '\\QNotFound\\E', '\\Q.*\\E', '(?<x>a)\\k<x>', '(a)\\1', 'a*+',
  '(?>a|ab)', '\\p{Alpha}+', '[a-z&&[^b]]+', '[]a]+', '\\y', '\\', '(', ')', '[a-', 'a**', '*a',
  '\\x41\\x{42}', '\\u00e9', '\\0101', '\\h', '\\v', '\\t', '\\e', '\\a', '\\cA', '\\Aab\\z',
  '.*price \\$\\d+', 'a{2}', 'a{2,}', 'a{,2}', 'a{2,1}', '(?i)notfound', '(?x) a b', '(?u)x',
  '(?m)^ab$', '(?:a|b)+', '(?=a)ab', '(?!a).b', '(?<=a)b', 'a(?i)b', '\\w+', '\\s', '\\d+',
  '\\b404\\b', '[\\d]+', '[^0-9]+', '\\-', '\\"', '\\/', '\\.', '\\\\',
];

function encode(s) {
  return Buffer.from(s, 'utf8').toString('base64');
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'java-oracle-'));
execFileSync('javac', ['-d', work, path.join(__dirname, 'PatternOracle.java')]);
const request = PATTERNS.flatMap(p => [`P ${encode(p)}`, ...INPUTS.map(i => `I ${encode(i)}`)]).join('\n') + '\n';
const answer = execFileSync('java', ['-cp', work, 'PatternOracle'], { input: request }).toString().trim().split('\n');

const cases = PATTERNS.map((pattern, p) => {
  const base = p * (INPUTS.length + 1);
  const valid = answer[base] === 'OK';
  return {
    pattern,
    valid,
    matches: valid ? INPUTS.filter((_, i) => answer[base + 1 + i] === 'true') : [],
  };
});
const out = path.join(__dirname, '..', '..', 'test', 'fixtures', 'java-pattern-oracle.json');
fs.writeFileSync(out, JSON.stringify({ inputs: INPUTS, cases }, null, 2) + '\n');
console.log(`wrote ${cases.length} cases to ${path.relative(process.cwd(), out)}`);
