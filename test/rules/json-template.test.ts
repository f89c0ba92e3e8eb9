import * as fs from 'fs';
import * as path from 'path';
import { JsonBody, TemplateChecker, WhenMissing } from '../../src';
import { checkPaths } from '../../src/checks/check-command';
import { parseTemplate } from '../../src/checks/template-reader';
import { checkJsonTemplate, checkWebSocketJsonTemplate, isJsonContentType } from '../../src/rules/json-template';
import { contextVariable, templateVariables } from '../../src/simulator/simulation-context';
import { renderTemplate } from '../../src/simulator/vtl/sandbox';

/** The body the simulator renders for `template` when the backend answers `body`. */
function render(template: string, body: string): string {
  const input = { backend: {}, stageVariables: {}, request: { parameters: {} } };
  return renderTemplate(template, templateVariables(body, input, contextVariable(input)));
}

/** The answer a finding's message gives (the JSON after "such as"), parsed back to the body text. */
function answerIn(message: string): string {
  const match = /such as (.*) (?:renders a body|sends a message)/.exec(message);
  expect(match).not.toBeNull();
  JSON.parse(match![1]);
  return match![1];
}

/** The template breaks on the answer its finding names: the simulator renders text JSON.parse refuses. */
function expectBrokenBy(template: string, message: string): void {
  const rendered = render(template, answerIn(message));
  expect(() => JSON.parse(rendered)).toThrow();
}

describe('templates that can render invalid JSON', () => {
  test.each([
    ['an unescaped string', '{"message": "$input.path(\'$.errorMessage\')"}', /without escaping it/],
    ["escapeJavaScript without turning \\' back", '{"message": "$util.escapeJavaScript($input.path(\'$.errorMessage\'))"}', /escapes ' as \\'/],
    ['a JSON text quoted again', '{"error": "$input.json(\'$.errorMessage\')"}', /JSON text, with its own quotes/],
    ['list items unescaped', '[#foreach($i in $input.path(\'$.items\'))"$i"#if($foreach.hasNext),#end#end]', /\$i \(an item of/],
    ['a #set variable', '#set($m = $input.path(\'$.a.b[2]\'))\n{"m": "$m.trim()"}', /\$m\.trim\(\)/],
    ['a property of the root', '#set($root = $input.path(\'$\'))\n{"name": "$root.name"}', /\$root\.name/],
    ['a field of each item', '[#foreach($f in $input.path(\'$.Items\')){"id": "$f.id.S"}#if($foreach.hasNext),#end#end]', /\$f\.id\.S/],
    ['a +json media type', '{"title": "$input.path(\'$.title\')"}', /without escaping it/],
  ])('%s is reported, with an answer that breaks it', (_, template, message) => {
    const findings = checkJsonTemplate(_ === 'a +json media type' ? 'application/problem+json' : 'application/json', template);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'rest-template-invalid-json', severity: 'warning' });
    expect(findings[0].message).toMatch(message);
    expect(findings[0].message).toMatch(/JsonBody/);
    expectBrokenBy(template, findings[0].message);
  });

  test('the raw answer and request parameters are named as what they are, and break the body too', () => {
    const [body] = checkJsonTemplate('application/json', '{"raw": "$input.body"}');
    expect(body.message).toContain('so a backend answer that is the text say "hi" renders a body that is not valid JSON');
    expect(() => JSON.parse(render('{"raw": "$input.body"}', 'say "hi"'))).toThrow();
    const [param] = checkJsonTemplate('application/json', '{"id": "$input.params(\'id\')"}');
    expect(param.message).toContain('writes $input.params(\'id\') (a request parameter) inside a JSON string without escaping it, ' +
      'so a request whose parameter \'id\' is say "hi" renders');
  });

  test('the fix the message gives for an unescaped string works on the same answer', () => {
    const [f] = checkJsonTemplate('application/json', '{"message": "$input.path(\'$.errorMessage\')"}');
    const fixed = '{"message": "$util.escapeJavaScript($input.path(\'$.errorMessage\')).replaceAll("\\\\\'","\'")"}';
    expect(f.message).toContain('write "$util.escapeJavaScript($input.path(\'$.errorMessage\')).replaceAll("\\\\\'","\'")" instead');
    expect(JSON.parse(render(fixed, answerIn(f.message)))).toEqual({ message: 'say "hi"' });
    expect(checkJsonTemplate('application/json', fixed)).toEqual([]);
  });
});

describe('templates that cannot break', () => {
  test.each([
    ['the answer as it is', "$input.json('$')"],
    ['a static body', '{"ok": true, "text": "fine"}'],
    ['escaped and fixed', '{"message": "$util.escapeJavaScript($input.path(\'$.errorMessage\')).replaceAll("\\\\\'","\'")"}'],
    ['JSON text outside quotes', '{"items": $input.json(\'$.items\'), "requestId": "$context.requestId"}'],
    ['a length', '{"len": "$input.path(\'$.s\').length()"}'],
    ['a URL-encoded value', '{"u": "$util.urlEncode($input.path(\'$.s\'))"}'],
    ['a built body', JsonBody.objectOf({ a: JsonBody.stringAt('$.a'), l: JsonBody.listAt('$.l', JsonBody.stringAt('$', { whenMissing: WhenMissing.omit() })) }).toTemplate()],
    ['a template velocityjs cannot parse', '{"m": "$input.path(\'$.m\')"}#if($a'],
  ])('%s is not reported', (_, template) => {
    expect(checkJsonTemplate('application/json', template)).toEqual([]);
  });

  test('templates under other content types are not judged', () => {
    expect(checkJsonTemplate('text/html', '<p>"$input.path(\'$.m\')"</p>')).toEqual([]);
    expect(checkJsonTemplate('application/xml', '<m a="$input.path(\'$.m\')"/>')).toEqual([]);
    expect(isJsonContentType('application/vnd.api+json; charset=utf-8')).toBe(true);
    expect(isJsonContentType('text/plain')).toBe(false);
  });
});

describe('WebSocket response templates (keyed by selection value, not content type)', () => {
  test.each([
    ['an unescaped string', '{"message": "$input.path(\'$.errorMessage\')"}', /without escaping it/],
    ["escapeJavaScript without turning \\' back", '{"message": "$util.escapeJavaScript($input.path(\'$.errorMessage\'))"}', /escapes ' as \\'/],
    ['a JSON text quoted again', '{"error": "$input.json(\'$.errorMessage\')"}', /JSON text, with its own quotes/],
    ['list items unescaped, after a #set', '#set($items = $input.path(\'$.items\'))\n[#foreach($i in $items)"$i"#if($foreach.hasNext),#end#end]', /\$i \(an item of/],
  ])('%s in a template that writes JSON is reported, with an answer that breaks it', (_, template, message) => {
    const findings = checkWebSocketJsonTemplate('$default', template, 'ResponseTemplates.$default');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'ws-template-invalid-json', severity: 'warning', path: 'ResponseTemplates.$default' });
    expect(findings[0].message).toMatch(/^the response template '\$default' writes JSON and /);
    expect(findings[0].message).toMatch(message);
    expect(findings[0].message).toMatch(/JsonBody \(body\.toTemplate\(\)\)$/);
    expectBrokenBy(template, findings[0].message);
  });

  test('the checks of a template report it on the integration response, with the path of the template', () => {
    const template = {
      Resources: {
        R: {
          Type: 'AWS::ApiGatewayV2::IntegrationResponse',
          Properties: { ApiId: 'a', IntegrationId: 'i', IntegrationResponseKey: '$default', ResponseTemplates: { $default: '{"m": "$input.path(\'$.m\')"}' } },
        },
      },
    };
    expect(TemplateChecker.check(template).filter(f => f.ruleId === 'ws-template-invalid-json').map(f => [f.resource, f.path]))
      .toEqual([['R', 'ResponseTemplates.$default']]);
  });

  test('text messages, JSON from the builder and escaped-and-fixed strings are not reported', () => {
    expect(checkWebSocketJsonTemplate('$default', 'Hello "$input.path(\'$.name\')"')).toEqual([]);
    expect(checkWebSocketJsonTemplate('$default', '#if($x)\n{"a": "$input.path(\'$.a\')"}#end')).toEqual([]);
    expect(checkWebSocketJsonTemplate('$default', JsonBody.objectOf({ message: JsonBody.lambdaErrorMessage() }).toTemplate())).toEqual([]);
    expect(checkWebSocketJsonTemplate('$default', '{"m": "$util.escapeJavaScript($input.path(\'$.m\')).replaceAll("\\\\\'","\'")"}')).toEqual([]);
    expect(checkWebSocketJsonTemplate('$default', { 'Fn::Sub': '{"m": "$input.path(\'$.m\')"}' })).toEqual([]);
  });
});

describe('fixed text under a JSON content type that is not JSON', () => {
  // Velocity writes text without `$` or `#` as it is: the body is this text for every answer.
  test.each([
    '{"statusCode":, "message":"order initiated"}',
    "{'message': 'single quotes'}",
    '{"a": 1,}',
    '  [1, 2  ',
  ])('%j is reported, REST and WebSocket', template => {
    expect(() => JSON.parse(template)).toThrow();
    expect(checkJsonTemplate('application/json', template, 'T')).toEqual([{
      ruleId: 'rest-template-invalid-json',
      severity: 'warning',
      message: `the 'application/json' response template is fixed text that is not valid JSON ('${template.trim()}'), so every answer it ` +
        'maps sends a body no JSON client can parse; fix the JSON, or build the body with JsonBody (ResponseTemplate.fromJsonBody)',
      path: 'T',
    }]);
    expect(checkWebSocketJsonTemplate('$default', template).map(f => f.ruleId)).toEqual(['ws-template-invalid-json']);
  });

  test.each([
    '{"message": "ok"}', '[]', ' {"nested": {"a": [1, 2.5, null, true]}} ', 'OK', '', 'not json {', '<p>html</p>',
    // VTL can make such text JSON when it renders: judged by what it writes instead.
    '{"a": $input.json(\'$.a\')}', '{"a": 1#if($x), "b": 2#end}',
  ])('%j is not reported', template => {
    expect(checkJsonTemplate('application/json', template)).toEqual([]);
    expect(checkWebSocketJsonTemplate('$default', template)).toEqual([]);
  });

  test('under a content type that is not JSON, fixed text is not judged', () => {
    expect(checkJsonTemplate('text/plain', '{"a":,}')).toEqual([]);
  });
});

describe('the public templates under test/fixtures', () => {
  const root = path.join(__dirname, '..', 'fixtures');
  const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap(e => e.isDirectory() ? files(path.join(dir, e.name)) : /\.(json|ya?ml)$/.test(e.name) ? [path.join(dir, e.name)] : []);
  const reported = files(path.join(root, 'public')).concat(files(path.join(root, 'templates', 'clean')))
    .flatMap(file => checkPaths([file]).findings.filter(f => f.ruleId === 'rest-template-invalid-json').map(f => ({ file: path.relative(root, file), f })));

  test('the rule reports only templates it can show broken', () => {
    // Reported, each with a breaking answer the simulator confirms below:
    // - aws-cdk's StepFunctionsRestApi default error template writes $input.path('$.error') between quotes;
    // - the serverless-patterns DynamoDB example writes each item's $field.id.S between quotes;
    // - the sessions-with-aws-sam link service writes each stored link's $elem.url.S between quotes;
    // - aws-cdk-lib's StepFunctionsRestApi, synthesized into this project's step-functions-defaults fixture.
    expect([...new Set(reported.map(r => r.file))].sort()).toEqual([
      'public/aws-cdk/stepfunctions-api-without-default-method-responses.template.json',
      'public/aws-samples/sessions-with-aws-sam-s12d-api.yaml',
      'public/serverless-patterns/rest-dynamodb.yml',
      'templates/clean/step-functions-defaults.json',
    ]);
  });

  // Two of them write JSON: the aws-cdk DynamoDB integration's error template writes $input.json('$.Message')
  // outside quotes, which cannot break a string; the SNS pattern's template is fixed text that is not
  // JSON (`{"statusCode":, ...}`, a value missing), and is reported as such.
  test('the only public WebSocket template reported is fixed text that is not JSON', () => {
    const websocket = files(path.join(root, 'public')).flatMap(file => checkPaths([file]).findings
      .filter(f => f.ruleId === 'ws-template-invalid-json').map(f => [path.relative(root, file), f.resource, f.path]));
    expect(websocket).toEqual([['public/serverless-patterns/websocket-sns.yaml', 'ConnectRouteIntegrationResponse', 'ResponseTemplates.200']]);
  });

  test('and the answer in each message breaks that template in the simulator', () => {
    for (const { file, f } of reported) {
      const template = templateAt(path.join(root, file), f.resource, f.path!);
      expectBrokenBy(template, f.message);
    }
  });
});

/** The template at a finding's path (`Integration.IntegrationResponses[1].ResponseTemplates.application/json`). */
function templateAt(file: string, resource: string, at: string): string {
  const parsed = parseTemplate(fs.readFileSync(file, 'utf8'), file);
  if (parsed.definition !== undefined) return definitionTemplateAt(parsed.definition, at);
  const doc = parsed.template as any;
  const match = /^(.*)\.ResponseTemplates\.(.+)$/.exec(at)!;
  let node: any = doc.Resources[resource].Properties;
  for (const part of match[1].split('.')) {
    const [, name, index] = /^([^[]+)(?:\[(\d+)\])?$/.exec(part)!;
    node = node[name];
    if (index !== undefined) node = node[Number(index)];
  }
  return node.ResponseTemplates[match[2]];
}

/** The template at a finding's path in an OpenAPI definition (`paths./app.get.x-amazon-apigateway-integration.responses.200.responseTemplates.application/json`). */
function definitionTemplateAt(definition: any, at: string): string {
  for (const [route, item] of Object.entries<any>(definition.paths)) {
    for (const [method, operation] of Object.entries<any>(item)) {
      for (const [key, response] of Object.entries<any>(operation['x-amazon-apigateway-integration']?.responses ?? {})) {
        for (const [type, template] of Object.entries<any>(response.responseTemplates ?? {})) {
          if (`paths.${route}.${method}.x-amazon-apigateway-integration.responses.${key}.responseTemplates.${type}` === at) return template;
        }
      }
    }
  }
  throw new Error(`no template at ${at}`);
}

test('a long fixed template is quoted by its start in the message', () => {
  const template = `{"items": [${'1, '.repeat(40)}]}`;
  const [f] = checkJsonTemplate('application/json', template);
  expect(f.message).toContain(`('${template.slice(0, 57)}...')`);
});
