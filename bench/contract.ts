/**
 * Behaviour snapshots: the contract of a template with N REST methods, built from the template as
 * `ResponseContract.fromTemplate` builds it, at several N, to show it grows linearly with the
 * template. Half the methods are Lambda custom integrations matched by error message, half HTTP
 * integrations matched by status code, each with four integration responses and a template.
 */
import { performance } from 'perf_hooks';
import { ResponseContract } from '../src';

export const CONTRACT_SIZES = [125, 250, 500];
const ROUNDS = 7;

const LAMBDA_URI = {
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':apigateway:eu-west-1:lambda:path/2015-03-31/functions/',
    { 'Fn::GetAtt': ['Handler', 'Arn'] }, '/invocations']],
};
const ERROR_TEMPLATE = '{"message": "$util.escapeJavaScript($input.path(\'$.errorMessage\'))", "requestId": "$context.requestId"}';
const ITEM_TEMPLATE = '{"id": "$input.path(\'$.id\')", "name": "$util.escapeJavaScript($input.path(\'$.name\'))"}';

function response(statusCode: string, pattern?: string): Record<string, unknown> {
  return {
    StatusCode: statusCode,
    ...(pattern === undefined ? {} : { SelectionPattern: pattern }),
    ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
    ResponseTemplates: { 'application/json': pattern === undefined ? ITEM_TEMPLATE : ERROR_TEMPLATE },
  };
}

/** A template with `n` methods, each on a resource of its own under `/items`. */
export function contractTemplate(n: number): Record<string, unknown> {
  const resources: Record<string, unknown> = {
    Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'Bench' } },
    Items: { Type: 'AWS::ApiGateway::Resource', Properties: { RestApiId: { Ref: 'Api' }, ParentId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] }, PathPart: 'items' } },
  };
  for (let i = 0; i < n; i++) {
    const lambda = i % 2 === 0;
    resources[`Resource${i}`] = { Type: 'AWS::ApiGateway::Resource', Properties: { RestApiId: { Ref: 'Api' }, ParentId: { Ref: 'Items' }, PathPart: `r${i}` } };
    const integrationResponses = lambda
      ? [response('200'), response('400', '\\[BadRequest\\].*'), response('404', '\\[NotFound\\].*'), response('500', '(?!\\[BadRequest\\]|\\[NotFound\\]).+')]
      : [response('200'), response('400', '400'), response('404', '404'), response('502', '5\\d{2}')];
    resources[`Method${i}`] = {
      Type: 'AWS::ApiGateway::Method',
      Properties: {
        RestApiId: { Ref: 'Api' },
        ResourceId: { Ref: `Resource${i}` },
        HttpMethod: 'GET',
        AuthorizationType: 'NONE',
        Integration: lambda
          ? { Type: 'AWS', IntegrationHttpMethod: 'POST', Uri: LAMBDA_URI, IntegrationResponses: integrationResponses }
          : { Type: 'HTTP', IntegrationHttpMethod: 'GET', Uri: `https://backend.example.com/items/${i}`, IntegrationResponses: integrationResponses },
        MethodResponses: integrationResponses.map(r => ({ StatusCode: r.StatusCode, ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': true } })),
      },
    };
  }
  return { Resources: resources };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export interface ContractBench {
  /** Median milliseconds to build the contract and its text, by N. */
  readonly ms: Record<number, number>;
  /** Rows of the largest contract. */
  readonly rows: number;
  /** Milliseconds per method at the largest N over at the smallest: 1 is linear. */
  readonly linearity: number;
}

/** The contract's cost at each size, sizes interleaved round by round so a slow phase hits them alike. */
export function measureContract(): ContractBench {
  const templates = CONTRACT_SIZES.map(contractTemplate);
  const build = (template: unknown) => ResponseContract.fromTemplate(template).toText();
  build(contractTemplate(20));
  const samples: Record<number, number[]> = Object.fromEntries(CONTRACT_SIZES.map(n => [n, [] as number[]]));
  for (let round = 0; round < ROUNDS; round++) {
    CONTRACT_SIZES.forEach((n, i) => {
      const started = performance.now();
      build(templates[i]);
      samples[n].push(performance.now() - started);
    });
  }
  const ms = Object.fromEntries(CONTRACT_SIZES.map(n => [n, median(samples[n])]));
  const small = CONTRACT_SIZES[0];
  const big = CONTRACT_SIZES[CONTRACT_SIZES.length - 1];
  const rows = ResponseContract.fromTemplate(templates[templates.length - 1]).operations.reduce((sum, o) => sum + o.rows.length, 0);
  return { ms, rows, linearity: (ms[big] / big) / (ms[small] / small) };
}

if (require.main === module) {
  const result = measureContract();
  console.log(JSON.stringify(result, undefined, 2));
}
