// Renders the oracle's cases with serverless-offline's response-template code (its lambda
// integration path, HttpServer.js: VelocityContext + renderVelocityTemplateObject), for the
// comparison in `npm run oracle`. Reads the cases as JSON on stdin, writes answers as JSON.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// The package exports only its plugin entry points; the renderer is read from its file.
const events = join(here, 'node_modules', 'serverless-offline', 'src', 'events', 'http', 'lambda-events', 'index.js');
const { VelocityContext, renderVelocityTemplateObject } = await import(pathToFileURL(events).href);

function payloadOf(body) {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

function answer(c) {
  const header = c.params.header ?? {};
  const request = {
    method: 'get',
    params: c.params.path ?? {},
    query: c.params.querystring ?? {},
    headers: Object.fromEntries(Object.entries(header).map(([k, v]) => [k.toLowerCase(), v])),
    raw: { req: { rawHeaders: Object.entries(header).flat() } },
    info: { remoteAddress: '127.0.0.1' },
    auth: {},
  };
  try {
    const context = new VelocityContext(request, 'test', payloadOf(c.body)).getContext();
    // The same $context the oracle gets (serverless-offline would make up a request ID).
    context.context = c.context;
    const result = renderVelocityTemplateObject({ root: c.template }, context).root;
    // What the client receives: hapi writes a string as it is and anything else as JSON.
    return { ok: true, output: typeof result === 'string' ? result : result === undefined ? '' : JSON.stringify(result) };
  } catch (e) {
    return { ok: false, error: String(e?.message ?? e) };
  }
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
const cases = JSON.parse(input);
// serverless-offline logs through its own logger; keep stdout for the answers.
console.log = () => {};
process.stdout.write(JSON.stringify(cases.map(answer)));
