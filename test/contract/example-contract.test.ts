import * as fs from 'fs';
import * as path from 'path';
import { copyAssembly, readStack, renamedAndReordered, REST_STACK, synthesizeExample, WEBSOCKET_STACK, writeStack } from './example-assembly';
import { ContractOperation, ResponseContract, RestSimulator, WebSocketSimulator } from '../../src';
import { runCli } from '../../src/cli';

/**
 * The Done-when of behaviour snapshots, on the example app: its contract lists every method and
 * WebSocket route with a row per integration response and the forgotten rows, every row's backend
 * answer selects that row's response in the simulators, and `diff` reports exactly the behaviour
 * that changed, and nothing for a refactor.
 */

const outdir = synthesizeExample();
const contract = ResponseContract.fromAssembly(outdir);
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: t => out.push(t), err: t => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const restTemplate = readStack(outdir, REST_STACK);
const webSocketTemplate = readStack(outdir, WEBSOCKET_STACK);
const resources = (template: { Resources: Record<string, any> }, type: string) =>
  Object.entries(template.Resources).filter(([, r]) => r.Type === type) as Array<[string, any]>;

/** The path of a method's resource, found here by walking `ParentId` (independently of the library). */
function pathOf(resourceId: any): string {
  if (resourceId['Fn::GetAtt']) return '/';
  const resource = restTemplate.Resources[resourceId.Ref].Properties;
  const parent = pathOf(resource.ParentId);
  return `${parent === '/' ? '' : parent}/${resource.PathPart}`;
}

/** The logical ID of the method an operation names. */
function methodOf(operation: ContractOperation): string {
  const [, method, resourcePath] = /^REST API ItemsApi (\S+) (\S+)$/.exec(operation.name)!;
  return resources(restTemplate, 'AWS::ApiGateway::Method')
    .find(([, m]) => m.Properties.HttpMethod === method && pathOf(m.Properties.ResourceId) === resourcePath)![0];
}

/** The logical ID of the integration a route operation names. */
function integrationOf(operation: ContractOperation): string {
  const routeKey = /route (\S+)$/.exec(operation.name)![1];
  const route = resources(webSocketTemplate, 'AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties.RouteKey === routeKey)![1];
  return route.Properties.Target['Fn::Join'][1][1].Ref;
}

describe('the contract of the example app', () => {
  test('lists every REST method and WebSocket route, by stack, API, path and method', () => {
    expect(contract.operations.map(o => `${o.stack}: ${o.name}`)).toEqual([
      `${REST_STACK}: REST API ItemsApi GET /health`,
      `${REST_STACK}: REST API ItemsApi GET /items/{id}`,
      `${REST_STACK}: REST API ItemsApi OPTIONS /`,
      `${REST_STACK}: REST API ItemsApi OPTIONS /health`,
      `${REST_STACK}: REST API ItemsApi OPTIONS /items`,
      `${REST_STACK}: REST API ItemsApi OPTIONS /items/{id}`,
      `${WEBSOCKET_STACK}: WebSocket API ItemsSocket route get`,
      `${WEBSOCKET_STACK}: WebSocket API ItemsSocket route ping`,
    ]);
    // The template has exactly these methods and routes.
    expect(resources(restTemplate, 'AWS::ApiGateway::Method')).toHaveLength(6);
    expect(resources(webSocketTemplate, 'AWS::ApiGatewayV2::Route')).toHaveLength(2);
  });

  test('every REST row, simulated again from the template, selects its response and gives its client answer', () => {
    const rest = contract.operations.filter(o => o.stack === REST_STACK);
    for (const operation of rest) {
      const id = methodOf(operation);
      const simulator = RestSimulator.fromTemplate(restTemplate, id);
      const codes = restTemplate.Resources[id].Properties.Integration.IntegrationResponses.map((r: any) => r.StatusCode);
      const selected = new Set<string>();
      // The one row without a backend answer says none was found (checked below for GET /items/{id}).
      expect(operation.rows.filter(r => r.input === undefined).map(r => r.backend)).toEqual(
        operation.name.endsWith('GET /items/{id}') ? ['a Lambda error no pattern matches'] : []);
      for (const row of operation.rows.filter(r => r.input !== undefined)) {
        const answer = simulator.simulate({ backend: row.input! });
        expect(row.response).toMatch(new RegExp(`^${answer.selected} \\(`));
        const { statusCode, headers, body, isBase64Encoded } = answer;
        expect(row.client).toEqual({ statusCode, headers, body, isBase64Encoded });
        selected.add(answer.selected!);
      }
      // A row per integration response: each is selected by some row's backend answer.
      expect([...selected].sort()).toEqual([...codes].sort());
    }
  });

  test('the Lambda method has the forgotten rows: a success, and an error no pattern matches', () => {
    const getItem = contract.operations.find(o => o.name === 'REST API ItemsApi GET /items/{id}')!;
    expect(getItem.rows.map(r => r.backend)).toEqual([
      'Lambda success',
      'Lambda error "[BadRequest]"',
      'Lambda error "[NotFound]"',
      'Lambda error "A"',
      'a Lambda error no pattern matches',
    ]);
    // The catch-all's look-ahead leaves every non-empty error to some pattern, but that is not proven.
    expect(getItem.rows[4]).toEqual({ backend: 'a Lambda error no pattern matches', note: 'none found (not proven that there is none)' });
    expect(getItem.rows[2].client).toEqual({
      statusCode: 404, headers: { 'Access-Control-Allow-Origin': '*' }, body: '{"message": "[NotFound]"}', isBase64Encoded: false,
    });
  });

  test('the status-code methods have a success and a status code no pattern matches; the static MOCK its own answer', () => {
    const preflight = contract.operations.find(o => o.name === 'REST API ItemsApi OPTIONS /items')!;
    expect(preflight.rows.map(r => r.backend)).toEqual(['success (status 200)', 'status 500, which no pattern matches']);
    expect(preflight.rows[1].client?.statusCode).toBe(204);
    const health = contract.operations.find(o => o.name === 'REST API ItemsApi GET /health')!;
    expect(health.note).toBe('MOCK integration: its request templates answer with status 200');
    expect(health.rows.map(r => r.backend)).toEqual(["status 200 (the mock's answer)"]);
    expect(health.rows[0].client?.body).toBe('{"status": "ok", "stage": "test"}');
  });

  test('every WebSocket row, simulated again from the template, selects its response key', () => {
    const routes = contract.operations.filter(o => o.stack === WEBSOCKET_STACK);
    for (const operation of routes) {
      const integration = integrationOf(operation);
      const simulator = WebSocketSimulator.fromTemplate(webSocketTemplate, integration);
      const keys = resources(webSocketTemplate, 'AWS::ApiGatewayV2::IntegrationResponse')
        .filter(([, r]) => r.Properties.IntegrationId.Ref === integration).map(([, r]) => r.Properties.IntegrationResponseKey);
      const selected = new Set<string>();
      for (const row of operation.rows) {
        const answer = simulator.simulate({ backend: row.input! });
        expect(row.response).toBe(answer.selected);
        expect(row.client).toEqual({ headers: {}, body: answer.body, isBase64Encoded: answer.isBase64Encoded });
        selected.add(answer.selected!);
      }
      expect([...selected].sort()).toEqual([...keys].sort());
    }
    const get = routes.find(o => o.name.endsWith('route get'))!;
    expect(get.rows.map(r => r.backend)).toEqual(['Lambda success', 'Lambda error "[BadRequest]"', 'Lambda error "[NotFound]"',
      'Lambda error "A", which no pattern matches']);
  });

  test('the CLI prints the same text, and the JSON form holds the same operations', () => {
    const text = run('contract', outdir);
    expect(text).toEqual({ code: 0, out: contract.toText().trimEnd(), err: '' });
    expect(text.out).toContain(`${REST_STACK}: REST API ItemsApi GET /items/{id}\n  Lambda success\n    selects 200 (default)\n    status  200\n`);
    const json = run('contract', '--format', 'json', outdir);
    expect(JSON.parse(json.out)).toEqual(contract.toJson());
    expect(contract.toJson().operations).toHaveLength(8);
  });
});

describe('the README', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const blockAfter = (marker: string) => {
    const start = readme.indexOf('```text\n', readme.indexOf(marker)) + '```text\n'.length;
    return readme.slice(start, readme.indexOf('```', start));
  };

  test("shows the example's contract as the library writes it", () => {
    const excerpt = blockAfter("Part of the example app's contract");
    expect(excerpt).toContain('GET /items/{id}');
    expect(contract.toText()).toContain(excerpt);
  });

  test("shows the diff's first lines as the CLI writes them", () => {
    const shown = blockAfter('change nothing. Exit code 0').split('\n').slice(1).filter(l => l !== '            ...' && l !== '');
    const copy = copyAssembly(outdir);
    try {
      const template = readStack(copy, REST_STACK);
      const [, method] = resources(template, 'AWS::ApiGateway::Method').find(([, m]) => m.Properties.Integration.Type === 'AWS')!;
      method.Properties.Integration.IntegrationResponses.find((r: any) => r.StatusCode === '404').SelectionPattern = '\\[Missing\\].*';
      writeStack(copy, REST_STACK, template);
      expect(run('diff', outdir, copy).out.split('\n').slice(0, shown.length)).toEqual(shown);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('diff on the example app', () => {
  test('one changed selection pattern reports exactly that method\'s changed rows, and exits 1', () => {
    const copy = copyAssembly(outdir);
    try {
      const template = readStack(copy, REST_STACK);
      const [, method] = resources(template, 'AWS::ApiGateway::Method').find(([, m]) => m.Properties.Integration.Type === 'AWS')!;
      const notFound = method.Properties.Integration.IntegrationResponses.find((r: any) => r.StatusCode === '404');
      notFound.SelectionPattern = '\\[Missing\\].*';
      writeStack(copy, REST_STACK, template);

      const changes = ResponseContract.compare(contract, ResponseContract.fromAssembly(copy));
      expect(changes.map(c => [c.operation, c.backend])).toEqual([
        [`${REST_STACK}: REST API ItemsApi GET /items/{id}`, 'Lambda error "[NotFound]"'],
        [`${REST_STACK}: REST API ItemsApi GET /items/{id}`, 'Lambda error "[Missing]"'],
      ]);
      // The error that reached clients as 404 now falls through to the default 200.
      expect(changes[0].before).toContain('selects 404 (pattern \\[NotFound\\].*)\nstatus  404');
      expect(changes[0].after).toContain('selects 200 (default)\nstatus  200');

      const cli = run('diff', outdir, copy);
      expect(cli.code).toBe(1);
      expect(cli.out).toContain('Lambda error "[NotFound]"\n    before: selects 404');
      expect(cli.out).toMatch(/2 behaviour changes$/);
      expect(cli.out).not.toContain('OPTIONS');
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  test('renamed logical IDs and reordered resources change nothing, and exit 0', () => {
    const copy = copyAssembly(outdir);
    try {
      writeStack(copy, REST_STACK, renamedAndReordered(readStack(copy, REST_STACK)));
      writeStack(copy, WEBSOCKET_STACK, renamedAndReordered(readStack(copy, WEBSOCKET_STACK)));
      // The copy really differs: not one logical ID is left.
      expect(Object.keys(readStack(copy, REST_STACK).Resources).filter(id => id in restTemplate.Resources)).toEqual([]);

      const refactored = ResponseContract.fromAssembly(copy);
      expect(refactored.toText()).toBe(contract.toText());
      expect(ResponseContract.compare(contract, refactored)).toEqual([]);
      expect(run('diff', outdir, copy)).toEqual({ code: 0, out: 'no behaviour changes', err: '' });
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
