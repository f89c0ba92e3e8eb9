import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { ItemsApiStack, ItemsWebSocketStack } from '../../examples/app';
import { IntegrationResponseChecks } from '../../src';

/**
 * The example app (examples/app.ts) synthesized into a fresh cloud assembly, as `cdk synth` writes
 * examples/cdk.out: both stacks, with the library's checks on.
 */
export function synthesizeExample(): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-example-'));
  const app = new App({ outdir });
  IntegrationResponseChecks.addTo(app);
  new ItemsApiStack(app, 'IntegrationResponsesExample');
  new ItemsWebSocketStack(app, 'IntegrationResponsesWebSocketExample');
  app.synth();
  return outdir;
}

export const REST_STACK = 'IntegrationResponsesExample';
export const WEBSOCKET_STACK = 'IntegrationResponsesWebSocketExample';

export function readStack(outdir: string, stack: string): { Resources: Record<string, any> } {
  return JSON.parse(fs.readFileSync(path.join(outdir, `${stack}.template.json`), 'utf8'));
}

export function writeStack(outdir: string, stack: string, template: unknown): void {
  fs.writeFileSync(path.join(outdir, `${stack}.template.json`), JSON.stringify(template, null, 1));
}

/** A copy of a cloud assembly to change. */
export function copyAssembly(outdir: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-copy-'));
  fs.cpSync(outdir, copy, { recursive: true });
  return copy;
}

/**
 * The template with every logical ID renamed (wherever a reference names it: `Ref`, `Fn::GetAtt`,
 * `DependsOn`, `Fn::Sub`) and its resources in reverse order: a pure refactor, as far as behaviour goes.
 */
export function renamedAndReordered(template: { Resources: Record<string, any> }): { Resources: Record<string, any> } {
  const ids = Object.keys(template.Resources);
  const renamed = new Map(ids.map((id, i) => [id, `Renamed${i}${id.split('').reverse().join('')}`]));
  const rename = (id: unknown) => (typeof id === 'string' && renamed.has(id) ? renamed.get(id)! : id);
  const walk = (value: any, key?: string): any => {
    if (Array.isArray(value)) return value.map(v => (key === 'DependsOn' ? rename(v) : walk(v)));
    if (value === null || typeof value !== 'object') {
      return key === 'DependsOn' ? rename(value) : value;
    }
    const out: Record<string, any> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'Ref') out[k] = rename(v);
      else if (k === 'Fn::GetAtt' && Array.isArray(v)) out[k] = [rename(v[0]), ...v.slice(1)];
      else if (k === 'Fn::Sub' && typeof v === 'string') out[k] = v.replace(/\$\{([^}.]+)/g, (_, id) => `\${${rename(id)}`);
      else out[k] = walk(v, k);
    }
    return out;
  };
  const resources: Record<string, any> = {};
  for (const id of [...ids].reverse()) resources[renamed.get(id)!] = walk(template.Resources[id]);
  return { ...walk(template), Resources: resources };
}
