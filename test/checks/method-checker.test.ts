import * as fs from 'fs';
import * as path from 'path';
import { MethodChecker } from '../../src/checks/method-checker';
import { checkRestMethod } from '../../src/rules/rest-method';

const templates = path.join(__dirname, '..', 'fixtures', 'templates');

function fixtureMethods(): Array<Record<string, unknown>> {
  return ['clean', 'failing'].flatMap(dir => fs.readdirSync(path.join(templates, dir))
    .filter(file => file.endsWith('.json'))
    .flatMap(file => Object.values<any>(JSON.parse(fs.readFileSync(path.join(templates, dir, file), 'utf8')).Resources)
      .filter(r => r.Type === 'AWS::ApiGateway::Method')
      .map(r => r.Properties ?? {})));
}

test('gives the findings of the rules for every method of the fixtures, checked with one shared cache', () => {
  const methods = fixtureMethods();
  expect(methods.length).toBeGreaterThan(20);
  const checker = new MethodChecker();
  for (const properties of [...methods, ...methods]) expect(checker.check(properties)).toEqual(checkRestMethod(properties));
});

test('methods that differ only in their backend URI share findings, unless the URI changes what patterns match', () => {
  const method = (uri: unknown) => ({
    Integration: { Type: 'AWS', Uri: uri, IntegrationResponses: [{ StatusCode: '200' }, { StatusCode: '404', SelectionPattern: '.*' }] },
    MethodResponses: [{ StatusCode: '200' }, { StatusCode: '404' }],
  });
  const lambda = (name: string) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:${name}/invocations`;
  const checker = new MethodChecker();
  const first = checker.check(method(lambda('a')));
  expect(checker.check(method(lambda('b')))).toBe(first);
  const service = checker.check(method('arn:aws:apigateway:us-east-1:states:action/StartExecution'));
  expect(service).not.toBe(first);
  expect(service.map(f => f.ruleId)).not.toEqual(first.map(f => f.ruleId));
});
