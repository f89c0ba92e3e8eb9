import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli';

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: t => out.push(t), err: t => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function templateFile(name: string, pattern: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify({
    Resources: {
      Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'Shop' } },
      M: {
        Type: 'AWS::ApiGateway::Method',
        Properties: {
          RestApiId: { Ref: 'Api' },
          ResourceId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] },
          HttpMethod: 'GET',
          Integration: { Type: 'HTTP', Uri: 'https://example.com', IntegrationResponses: [{ StatusCode: '200' }, { StatusCode: '404', SelectionPattern: pattern }] },
          MethodResponses: [{ StatusCode: '200' }, { StatusCode: '404' }],
        },
      },
    },
  }));
  return file;
}

describe('cdk-integration-responses contract', () => {
  test('prints the contract of a template, with --sample-body for the success', () => {
    const result = run('contract', '--sample-body', '{"id": "a1"}', templateFile('one.json', '404'));
    expect(result.code).toBe(0);
    expect(result.out).toBe([
      'REST API Shop GET /',
      '  success (status 200)',
      '    selects 200 (default)',
      '    status  200',
      '    body    {"id": "a1"}',
      '  status 404',
      '    selects 404 (pattern 404)',
      '    status  404',
      '    body    {"id": "a1"}',
      '  status 500, which no pattern matches',
      '    selects 200 (default)',
      '    status  200',
      '    body    {"id": "a1"}',
    ].join('\n'));
  });

  test('several templates name their stacks', () => {
    const result = run('contract', '--format=json', templateFile('A.template.json', '404'), templateFile('B.template.json', '404'));
    expect(JSON.parse(result.out).operations.map((o: { stack: string; name: string }) => `${o.stack}: ${o.name}`)).toEqual([
      'A: REST API Shop GET /', 'B: REST API Shop GET /',
    ]);
  });

  test('usage errors and unreadable inputs exit 2 with one line', () => {
    expect(run('contract')).toMatchObject({ code: 2, err: expect.stringContaining('contract needs at least one template') });
    expect(run('contract', '--format', 'yaml', 'x.json')).toMatchObject({ code: 2, err: expect.stringContaining("--format takes 'text' or 'json'") });
    expect(run('contract', '--bogus')).toMatchObject({ code: 2, err: expect.stringContaining("unknown option '--bogus'") });
    expect(run('contract', path.join(dir, 'missing.json'))).toMatchObject({ code: 2, err: expect.stringContaining('missing.json: no such file or directory') });
    expect(run('nope').err).toContain("expected 'check', 'simulate', 'contract' or 'diff'");
  });
});

describe('cdk-integration-responses diff', () => {
  test('exits 0 when behaviour is the same, 1 when it changed', () => {
    const before = templateFile('before.json', '404');
    expect(run('diff', before, templateFile('same.json', '404'))).toEqual({ code: 0, out: 'no behaviour changes', err: '' });
    const after = templateFile('after.json', '40[34]');
    const changed = run('diff', '--format', 'json', before, after);
    expect(changed.code).toBe(1);
    // 403 is found on the new side only and checked on the old side too, where it fell to the default.
    expect(JSON.parse(changed.out).changes).toEqual([{
      operation: 'REST API Shop GET /',
      backend: 'status 403',
      before: 'selects 200 (default)\nstatus  200\nbody    {"message": "a sample backend body"}',
      after: 'selects 404 (pattern 40[34])\nstatus  404\nbody    {"message": "a sample backend body"}',
    }]);
  });

  test('needs exactly two inputs it can read', () => {
    const before = templateFile('two.json', '404');
    expect(run('diff', before)).toMatchObject({ code: 2, err: expect.stringContaining('diff needs two inputs') });
    expect(run('diff', before, path.join(dir, 'gone'))).toMatchObject({ code: 2, err: expect.stringContaining('no such file or directory') });
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"Resources": ');
    expect(run('diff', before, path.join(dir, 'broken.json'))).toMatchObject({ code: 2, err: expect.stringContaining('malformed JSON') });
  });
});
