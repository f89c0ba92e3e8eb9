/**
 * `npm run example`: synthesizes examples/app.ts with the real CDK CLI (`cdk synth`, offline) and
 * prints the integration and method responses it emitted.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { summarizeTemplate } from './summarize';
import { checkPaths, formatText } from '../src/checks/check-command';
import { RestSimulator } from '../src/simulator/rest-simulator';
import { formatSimulation } from '../src/simulator/simulate-command';

const examples = path.join(__dirname, '..', 'examples');
const outdir = path.join(examples, 'cdk.out');
fs.rmSync(outdir, { recursive: true, force: true });

const cdk = spawnSync('npx', ['cdk', 'synth', '--quiet', '--no-notices', '--output', outdir], {
  cwd: examples,
  stdio: ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
  env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true' },
});
// Keep warnings and errors; drop the CLI's chatter about where it wrote the assembly. With CI=true the
// CLI writes that chatter to stdout instead of stderr, so both streams are filtered.
const chatter = /^(Successfully synthesized to |Supply a stack id |npm warn Unknown (user|env) config "nodedir")/;
const withoutChatter = (text: string) => text.split('\n').filter(line => line && !chatter.test(line)).map(line => `${line}\n`).join('');
process.stdout.write(withoutChatter(cdk.stdout));
process.stderr.write(withoutChatter(cdk.stderr));
if (cdk.status !== 0) {
  console.error(`cdk synth failed (exit ${cdk.status ?? cdk.signal})`);
  process.exit(1);
}

const templates = fs.readdirSync(outdir).filter(f => f.endsWith('.template.json')).sort();
for (const file of templates) {
  const template = JSON.parse(fs.readFileSync(path.join(outdir, file), 'utf8'));
  console.log(summarizeTemplate(`${path.relative(process.cwd(), path.join(outdir, file))}`, template));
}

// The same rules, run by the template checker over what the CDK CLI wrote.
console.log(`\ncdk-integration-responses check ${path.relative(process.cwd(), outdir)}:\n${formatText(checkPaths([outdir]))}`);

// And what GET /items/{id} answers when the handler throws "[NotFound] ...", without deploying.
const rest = JSON.parse(fs.readFileSync(path.join(outdir, 'IntegrationResponsesExample.template.json'), 'utf8'));
const getItem = Object.keys(rest.Resources).find(id => rest.Resources[id].Type === 'AWS::ApiGateway::Method'
  && rest.Resources[id].Properties.HttpMethod === 'GET' && rest.Resources[id].Properties.Integration?.Type === 'AWS')!;
const notFound = RestSimulator.fromTemplate(rest, getItem).simulate({ backend: { errorMessage: "[NotFound] item 'missing' does not exist" } });
console.log(`\ncdk-integration-responses simulate --resource ${getItem} (the handler throws "[NotFound] ..."):\n${formatSimulation(notFound)}`);

// And a success whose fields hold quotes and a backslash: the JsonBody template keeps the body valid JSON.
const found = RestSimulator.fromTemplate(rest, getItem).simulate({ backend: { body: JSON.stringify({ id: 'a1', name: 'the "big" one \\ 12\'', tags: ['new', 'x"y'] }) } });
console.log(`\ncdk-integration-responses simulate --resource ${getItem} (the handler returns a name with quotes):\n${formatSimulation(found)}`);
