/**
 * The REST API the benchmark synthesizes, built three ways that emit the same integration and
 * method responses: raw CfnMethod (L1), aws-cdk-lib Method with hand-written responses (L2), and
 * this library's builders, plus the builders with the whole-app checks on.
 */
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUrlIntegration, WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { GatewayResponses, IntegrationResponseChecks, ResponseTemplate, ResponseValue, RestResponse, RestResponses } from '../src';

export const VARIANTS = ['l1', 'l2', 'builders', 'builders+framework', 'builders+checks'] as const;
/** A WebSocket API with N routes, each with three integration responses, without and with the checks. */
export const WEBSOCKET_VARIANTS = ['ws', 'ws+checks'] as const;
/** An HTTP API with N routes, each integration mapping three status codes, without and with the checks. */
export const HTTP_VARIANTS = ['http', 'http+checks'] as const;
export type Variant = typeof VARIANTS[number] | typeof WEBSOCKET_VARIANTS[number] | typeof HTTP_VARIANTS[number];

const TEMPLATE = '{"items": $input.json(\'$.items\'), "requestId": "$context.requestId"}';
// Escaped for JSON (`\'` turned back), so the app has no findings and the checks' cost is measured on a clean app.
const ERROR_TEMPLATE = '{"message": "$util.escapeJavaScript($input.path(\'$.message\')).replaceAll("\\\\\'","\'")"}';

// Four integration responses per method: a default and three status patterns, with headers and templates.
const handWritten: apigw.IntegrationResponse[] = [
  {
    statusCode: '200',
    responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'", 'method.response.header.ETag': 'integration.response.header.ETag' },
    responseTemplates: { 'application/json': TEMPLATE },
  },
  { statusCode: '400', selectionPattern: '400', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" }, responseTemplates: { 'application/json': ERROR_TEMPLATE } },
  { statusCode: '404', selectionPattern: '404', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" }, responseTemplates: { 'application/json': ERROR_TEMPLATE } },
  { statusCode: '502', selectionPattern: '5\\d{2}', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" }, responseTemplates: { 'application/json': ERROR_TEMPLATE } },
];
const handWrittenMethodResponses: apigw.MethodResponse[] = handWritten.map(r => ({
  statusCode: r.statusCode,
  responseParameters: Object.fromEntries(Object.keys(r.responseParameters ?? {}).map(k => [k, true])),
}));

function builtResponses(): RestResponses {
  const error = (code: string, pattern: string) => RestResponse.forStatus(code).whenStatusMatches(pattern)
    .withTemplate('application/json', ResponseTemplate.fromString(ERROR_TEMPLATE));
  return RestResponses.of([
    RestResponse.forStatus('200')
      .withHeader('ETag', ResponseValue.integrationHeader('ETag'))
      .withTemplate('application/json', ResponseTemplate.fromString(TEMPLATE)),
    error('400', '400'),
    error('404', '404'),
    error('502', '5\\d{2}'),
  ]).withHeaderOnAll('Access-Control-Allow-Origin', ResponseValue.literal('*'));
}

function integrationUri(i: number): string {
  return `https://backend.example.com/items/${i}`;
}

/**
 * Builds the app for `variant` with `n` methods (one resource each).
 */
export function buildApp(variant: Variant, n: number, outdir: string): App {
  const app = new App({ outdir, context: { '@aws-cdk/core:stackResourceLimit': 0 } });
  const stack = new Stack(app, 'Bench');
  if (variant === 'ws' || variant === 'ws+checks') {
    buildWebSocketApi(stack, n);
    if (variant === 'ws+checks') IntegrationResponseChecks.addTo(app);
    return app;
  }
  if (variant === 'http' || variant === 'http+checks') {
    buildHttpApi(stack, n);
    if (variant === 'http+checks') IntegrationResponseChecks.addTo(app);
    return app;
  }
  if (variant === 'l1') {
    const api = new apigw.CfnRestApi(stack, 'Api', { name: 'bench' });
    const l1Responses = handWritten.map(r => ({ ...r })) as apigw.CfnMethod.IntegrationResponseProperty[];
    for (let i = 0; i < n; i++) {
      const resource = new apigw.CfnResource(stack, `R${i}`, { restApiId: api.ref, parentId: api.attrRootResourceId, pathPart: `r${i}` });
      new apigw.CfnMethod(stack, `M${i}`, {
        restApiId: api.ref,
        resourceId: resource.ref,
        httpMethod: 'GET',
        authorizationType: 'NONE',
        integration: { type: 'HTTP', integrationHttpMethod: 'GET', uri: integrationUri(i), integrationResponses: l1Responses },
        methodResponses: handWrittenMethodResponses.map(r => ({ statusCode: r.statusCode, responseParameters: r.responseParameters })),
      });
    }
    for (const responseType of ['DEFAULT_4XX', 'DEFAULT_5XX']) {
      new apigw.CfnGatewayResponse(stack, `G${responseType}`, { restApiId: api.ref, responseType, responseParameters: CORS_GATEWAY_PARAMETERS });
    }
    return app;
  }
  const api = new apigw.RestApi(stack, 'Api', { deploy: false });
  // Like for like: the hand-written variant shares its literal lists, the builders share one set.
  const responses = variant === 'l2' ? undefined : builtResponses();
  for (let i = 0; i < n; i++) {
    const resource = api.root.addResource(`r${i}`);
    resource.addMethod('GET', new apigw.HttpIntegration(integrationUri(i), {
      proxy: false,
      options: { integrationResponses: responses ? responses.integrationResponses() : handWritten },
    }), { methodResponses: responses ? responses.methodResponses() : handWrittenMethodResponses });
  }
  // The methods send Access-Control-Allow-Origin, so the 4XX and 5XX gateway responses do too (the
  // app stays free of findings): the builders' one call, or aws-cdk-lib's own for the L2.
  if (variant === 'l2') {
    for (const type of [apigw.ResponseType.DEFAULT_4XX, apigw.ResponseType.DEFAULT_5XX]) {
      api.addGatewayResponse(`G${type.responseType}`, { type, responseHeaders: CORS_GATEWAY_HEADERS });
    }
  } else {
    GatewayResponses.cors({ allowOrigin: '*', allowHeaders: ['Content-Type'], allowMethods: ['GET'] }).addTo(api);
  }
  if (variant === 'builders+checks') IntegrationResponseChecks.addTo(app);
  // What aws-cdk-lib's validation framework costs with any plugin registered (it builds a construct
  // tree for its report), without the library's checks: the share of the checks' overhead that is theirs.
  if (variant === 'builders+framework') Validations.of(app).addPlugins({ name: 'no-op', validate: () => ({ success: true, violations: [] }) });
  return app;
}

/** The CORS headers of the gateway responses, as `GatewayResponses.cors` writes them for the options above. */
const CORS_GATEWAY_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': "'*'",
  'Access-Control-Allow-Headers': "'Content-Type'",
  'Access-Control-Allow-Methods': "'GET'",
};
const CORS_GATEWAY_PARAMETERS = Object.fromEntries(Object.entries(CORS_GATEWAY_HEADERS).map(([k, v]) => [`gatewayresponse.header.${k}`, v]));

/**
 * N routes of an HTTP API, each an HTTP_PROXY integration whose answers with 200, 404 and 500 are
 * mapped (headers appended, overwritten and removed, a status code overwritten), written with plain
 * aws-cdk-lib (CloudFormation's shape on the L1): the checks variant adds only the whole-app checks.
 */
function buildHttpApi(stack: Stack, n: number): void {
  const api = new apigwv2.HttpApi(stack, 'Http', { createDefaultStage: false });
  const responseParameters = {
    200: { ResponseParameters: [{ Destination: 'append:header.X-Request-Id', Source: '$context.requestId' }, { Destination: 'remove:header.x-powered-by', Source: "''" }] },
    404: { ResponseParameters: [{ Destination: 'overwrite:statuscode', Source: '410' }, { Destination: 'overwrite:header.Cache-Control', Source: 'no-store' }] },
    500: { ResponseParameters: [{ Destination: 'overwrite:header.X-Error', Source: '$response.body.error.code' }] },
  };
  for (let i = 0; i < n; i++) {
    const [route] = api.addRoutes({ path: `/items${i}`, methods: [apigwv2.HttpMethod.GET], integration: new HttpUrlIntegration(`Items${i}`, integrationUri(i)) });
    const integration = route.node.findAll().find((c): c is apigwv2.CfnIntegration => c instanceof apigwv2.CfnIntegration)!;
    integration.responseParameters = responseParameters;
  }
}

/**
 * N routes, each a two-way MOCK integration with a $default, a 4xx and a 5xx integration response,
 * written with plain aws-cdk-lib (the L1 integration response): the checks variant adds only the
 * whole-app checks.
 */
function buildWebSocketApi(stack: Stack, n: number): void {
  const api = new apigwv2.WebSocketApi(stack, 'Socket');
  const keys: Array<[string, string]> = [['$default', '{"ok": true, "requestId": "$context.requestId"}'], ['/4\\d\\d/', '{"error": "bad request"}'], ['/5\\d\\d/', '{"error": "try again"}']];
  for (let i = 0; i < n; i++) {
    const route = api.addRoute(`action${i}`, {
      integration: new WebSocketMockIntegration(`Mock${i}`, { requestTemplates: { $default: '{"statusCode": 200}' }, templateSelectionExpression: '\\$default' }),
      returnResponse: true,
    });
    const integration = route.node.findAll().find((c): c is apigwv2.CfnIntegration => c instanceof apigwv2.CfnIntegration)!;
    keys.forEach(([key, body], k) => new apigwv2.CfnIntegrationResponse(stack, `R${i}x${k}`, {
      apiId: api.apiId,
      integrationId: integration.ref,
      integrationResponseKey: key,
      templateSelectionExpression: '\\$default',
      responseTemplates: { $default: body },
    }));
  }
}
