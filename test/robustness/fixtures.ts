import * as fs from 'fs';
import * as path from 'path';
import { parseTemplate } from '../../src/checks/template-reader';

/** The checked resource types, whose properties the mutations aim at. */
export const API_TYPES: ReadonlySet<string> = new Set([
  'AWS::ApiGateway::Method',
  'AWS::ApiGateway::GatewayResponse',
  'AWS::ApiGateway::RestApi',
  'AWS::ApiGatewayV2::Api',
  'AWS::ApiGatewayV2::Integration',
  'AWS::ApiGatewayV2::IntegrationResponse',
  'AWS::ApiGatewayV2::Route',
  'AWS::ApiGatewayV2::RouteResponse',
]);

const ROOT = path.join(__dirname, '..', 'fixtures');

function templateFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return templateFiles(full);
    return /\.(json|ya?ml)$/.test(entry.name) && entry.name !== 'java-pattern-oracle.json' ? [full] : [];
  }).sort();
}

/**
 * Every template of test/fixtures (the rule fixtures and the public templates), parsed as the CLI
 * parses it, reduced to the resources the checks read (the others only cost time), serialized: each
 * case starts from a fresh copy.
 */
export function loadFixtures(): string[] {
  return [path.join(ROOT, 'templates'), path.join(ROOT, 'public')].flatMap(templateFiles).map(file => {
    const { template } = parseTemplate(fs.readFileSync(file, 'utf8'), file);
    const resources = Object.entries(template.Resources ?? {})
      .filter(([, r]) => API_TYPES.has(String((r as { Type?: unknown } | null)?.Type)));
    return JSON.stringify({ ...template, Resources: Object.fromEntries(resources) });
  });
}
