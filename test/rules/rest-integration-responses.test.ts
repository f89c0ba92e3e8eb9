import { checkIntegrationResponses } from '../../src/rules/rest-integration-responses';
import { cpuTime } from '../support/cpu-time';
import { growth } from '../support/growth';

const PATH = 'Integration.IntegrationResponses';

test('a well-formed Lambda error mapping is clean', () => {
  expect(checkIntegrationResponses([
    { StatusCode: '200', ResponseTemplates: { 'application/json': "$input.json('$')" } },
    { StatusCode: '404', SelectionPattern: '.*\\[NotFound\\].*' },
    { StatusCode: '400', SelectionPattern: '.*\\[BadRequest\\].*' },
  ], 'lambda', PATH)).toEqual([]);
});

test('warns about two responses with one status code with the exact message', () => {
  expect(checkIntegrationResponses([
    { StatusCode: '200' },
    { StatusCode: '500', SelectionPattern: '5\\d\\d' },
    { StatusCode: '500', SelectionPattern: '4\\d\\d' },
  ], 'status', PATH)).toEqual([{
    ruleId: 'rest-duplicate-status-code',
    severity: 'warning',
    message: "status code '500' is used by 2 integration responses (#1, #2): API Gateway keeps one integration response per status code (a later one replaces an earlier one), so the others are never used; merge them into one, combining their selection patterns with '|'",
    path: 'Integration.IntegrationResponses[2].StatusCode',
  }]);
});

test('warns about two defaults with the exact message', () => {
  expect(checkIntegrationResponses([
    { StatusCode: '200' },
    { StatusCode: '500', SelectionPattern: '' },
  ], 'status', PATH)).toEqual([{
    ruleId: 'rest-duplicate-default',
    severity: 'warning',
    message: "integration responses '200', '500' all have no selection pattern: API Gateway keeps one default response per method, so CloudFormation deploys the method with some of them missing (the API itself refuses a second default: \"Integration response with selection pattern default already exists\"); give every response but one a selection pattern",
    path: 'Integration.IntegrationResponses[1]',
  }]);
});

test('fails identical integration responses once, as a duplicate item, not also as duplicate status codes or defaults', () => {
  // The shape aws-cdk issue 26586 deployed for method responses: the schema's uniqueItems fails it.
  const copy = { StatusCode: '200', ResponseTemplates: { 'application/json': '{}' } };
  expect(checkIntegrationResponses([copy, { ...copy }], 'status', PATH)).toEqual([{
    ruleId: 'rest-duplicate-items',
    severity: 'error',
    message: 'item #1 of IntegrationResponses is an exact copy of item #0: CloudFormation rejects a list with identical items ("Property IntegrationResponses contains duplicate values."); remove the copy',
    path: 'Integration.IntegrationResponses[1]',
  }]);
});

test('warns when there is no default, naming Lambda successes for Lambda integrations', () => {
  const [lambda] = checkIntegrationResponses([{ StatusCode: '500', SelectionPattern: '.+' }], 'lambda', PATH);
  expect(lambda).toEqual({
    ruleId: 'rest-no-default',
    severity: 'warning',
    message: 'no integration response is the default (one without a selection pattern): backend results that match no pattern, including every successful Lambda invocation, reach the client as 500 {"message": "Internal server error"}; add a default response',
    path: PATH,
  });
  const [status] = checkIntegrationResponses([{ StatusCode: '500', SelectionPattern: '5\\d\\d' }], 'status', PATH);
  expect(status.message).toBe('no integration response is the default (one without a selection pattern): backend results that match no pattern reach the client as 500 {"message": "Internal server error"}; add a default response');
});

test('no "no default" warning when a pattern is a token that might be empty', () => {
  expect(checkIntegrationResponses([{ StatusCode: '500', SelectionPattern: { Ref: 'Pattern' } }], 'status', PATH)).toEqual([]);
});

test('warns about overlapping status patterns with the exact message', () => {
  expect(checkIntegrationResponses([
    { StatusCode: '200' },
    { StatusCode: '400', SelectionPattern: '4\\d\\d' },
    { StatusCode: '404', SelectionPattern: '404' },
  ], 'status', PATH)).toEqual([{
    ruleId: 'rest-pattern-overlap',
    severity: 'warning',
    message: "selection patterns '4\\d\\d' (400) and '404' (404) both match status 404 (every input of '404' also matches '4\\d\\d'): API Gateway does not define which response it selects; make the patterns mutually exclusive",
    path: 'Integration.IntegrationResponses[2].SelectionPattern',
  }]);
});

test('warns about a Lambda pattern swallowing another', () => {
  const findings = checkIntegrationResponses([
    { StatusCode: '200' },
    { StatusCode: '500', SelectionPattern: '.*Error.*' },
    { StatusCode: '404', SelectionPattern: '.*NotFoundError.*' },
  ], 'lambda', PATH);
  expect(findings.map(f => f.message)).toEqual([
    "selection patterns '.*Error.*' (500) and '.*NotFoundError.*' (404) both match 'NotFoundError' (every input of '.*NotFoundError.*' also matches '.*Error.*'): API Gateway does not define which response it selects; make the patterns mutually exclusive",
  ]);
});

test('collects per-response findings with property paths', () => {
  const findings = checkIntegrationResponses([
    { StatusCode: '200', ResponseParameters: { 'method.response.header.X': 'nope' }, ResponseTemplates: { json: '' }, ContentHandling: 'TEXT' },
    { StatusCode: '2000', SelectionPattern: '(' },
  ], 'status', PATH);
  expect(findings.map(f => [f.ruleId, f.path])).toEqual([
    ['rest-parameter-value', 'Integration.IntegrationResponses[0].ResponseParameters.method.response.header.X'],
    ['rest-template-content-type', 'Integration.IntegrationResponses[0].ResponseTemplates.json'],
    ['rest-content-handling', 'Integration.IntegrationResponses[0].ContentHandling'],
    ['rest-status-code', 'Integration.IntegrationResponses[1].StatusCode'],
    ['rest-selection-pattern-syntax', 'Integration.IntegrationResponses[1].SelectionPattern'],
  ]);
});

test('intrinsics anywhere never crash and are skipped', () => {
  expect(checkIntegrationResponses({ 'Fn::If': ['C', [], []] }, 'status', PATH)).toEqual([]);
  expect(checkIntegrationResponses([
    { 'Fn::If': ['C', { StatusCode: '200' }, { Ref: 'AWS::NoValue' }] },
    { StatusCode: { Ref: 'Code' }, SelectionPattern: { 'Fn::Sub': '${P}' }, ResponseParameters: { Ref: 'X' }, ResponseTemplates: { 'Fn::GetAtt': ['A', 'B'] } },
  ], 'lambda', PATH)).toEqual([]);
});

test('a MOCK whose request templates fix the status codes it answers needs no default when a pattern matches each', () => {
  const responses = [{ StatusCode: '200', SelectionPattern: '200' }, { StatusCode: '404', SelectionPattern: '404' }];
  expect(checkIntegrationResponses(responses, 'status', PATH, ['200']).map(f => f.ruleId)).toEqual([]);
  expect(checkIntegrationResponses(responses, 'status', PATH, ['200', '500']).map(f => f.ruleId)).toEqual(['rest-no-default']);
  expect(checkIntegrationResponses(responses, 'status', PATH).map(f => f.ruleId)).toEqual(['rest-no-default']);
});

describe('many integration responses', () => {
  // Each is bounded by the CPU time it takes (a guard against quadratic work, not a benchmark).
  const bounded = <T>(run: () => T): T => {
    const { millis, result } = cpuTime(run);
    expect(millis).toBeLessThan(1000);
    return result;
  };

  test('20,000 responses with one status code: one finding that lists ten of them, in linear time', () => {
    const responses = (n: number) => Array.from({ length: n }, (_, i) => ({
      StatusCode: '200', SelectionPattern: String(100 + (i % 500)), ResponseTemplates: { [`a/x${i}`]: '' },
    }));
    const inputs = new Map([5_000, 20_000].map(n => [n, responses(n)]));
    // Four times the responses, about four times the work (it was quadratic once: sixteen times).
    const { ratio, result } = growth(n => checkIntegrationResponses(inputs.get(n)!, 'status', PATH), 5_000);
    expect(ratio).toBeLessThan(8);
    const duplicates = result.filter(f => f.ruleId === 'rest-duplicate-status-code');
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0].message).toMatch(/^status code '200' is used by 20000 integration responses \(#0, #1, #2, #3, #4, #5, #6, #7, #8, #9 and 19990 more\): /);
  });

  test('status patterns past the comparison budget are reported once, not compared pair by pair', () => {
    const responses = [{ StatusCode: '200' }, ...Array.from({ length: 1000 }, (_, i) => ({ StatusCode: String(100 + (i % 500)), SelectionPattern: `${100 + i % 500}|x${i}` }))];
    const unchecked = bounded(() => checkIntegrationResponses(responses, 'status', PATH)).filter(f => f.ruleId === 'rest-selection-pattern-unchecked');
    expect(unchecked).toEqual([expect.objectContaining({
      message: expect.stringMatching(/^299500 of the 499500 pairs of these 1000 selection patterns were not compared for overlaps \(too many for this checker\)/),
    })]);
  });
});

describe('patterns the overlap search cannot compare', () => {
  const responses = (...patterns: string[]) => [{ StatusCode: '200' }, ...patterns.map((p, i) => ({ StatusCode: String(400 + i), SelectionPattern: p }))];

  test('a pattern too large to compare, beside another Lambda pattern, is reported as not compared, with its path', () => {
    const findings = checkIntegrationResponses(responses('.*NotFound.*', '(?:a)?'.repeat(100) + '.+'), 'lambda', PATH);
    expect(findings.map(f => [f.ruleId, f.path])).toEqual([['rest-selection-pattern-unchecked', `${PATH}[2].SelectionPattern`]]);
    expect(findings[0].message).toMatch(/\(401\) was not compared with the other selection patterns for overlaps: its automaton would have more states/);
  });

  test('a look-around catch-all, written to exclude the others, is not reported', () => {
    expect(checkIntegrationResponses(responses('\\[NotFound\\].*', '(?!\\[NotFound\\]).+'), 'lambda', PATH)).toEqual([]);
  });

  test('alone, or matched against status codes, it needs no comparison', () => {
    expect(checkIntegrationResponses(responses('(?:a)?'.repeat(100) + '.+'), 'lambda', PATH)).toEqual([]);
    expect(checkIntegrationResponses(responses('4\\d\\d', '(?!404)4\\d\\d'), 'status', PATH).map(f => f.ruleId)).toEqual(['rest-pattern-overlap']);
  });
});
