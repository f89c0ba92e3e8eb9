import * as fs from 'fs';
import * as path from 'path';
import { checkPaths } from '../../src/checks/check-command';

// Templates written by others and known to have deployed (test/fixtures/public/SOURCES.md has each
// one's source, licence and evidence). A check that fails a template which deployed breaks users'
// builds, so none of them may get an error; every warning and info they get is listed here with
// what AWS documents that justifies it. Anything not listed must not be reported.

const ROOT = path.join(__dirname, '..', 'fixtures', 'public');

/** Lambda custom and AWS integrations without a method response for a status code: a request that
 * selects it fails with 500 "Output mapping refers to an invalid method response" (serverless-
 * operations/serverless-apigateway-service-proxy issue 179); the template deploys. */
const missingMethodResponse = (resource: string, ...indexes: number[]) =>
  indexes.map(i => `warning rest-method-response-missing ${resource} Integration.IntegrationResponses[${i}].StatusCode`);

/** Methods that send Access-Control-Allow-Origin, and no gateway response that does: API Gateway's own
 * 4XX and 5XX answers (an authorizer's 401, a throttled 429, a timeout's 504) reach browsers as CORS
 * errors. Each of these templates deploys. */
const corsGatewayResponses = (api: string) => `warning gateway-response-cors ${api}`;

const EXPECTED: Record<string, string[]> = {
  'aws-cdk/cors-mock-options-and-proxy.template.json': [corsGatewayResponses('corsapitest8682546E')],
  'localstack/apigateway-mock-cors-deployment.json': [corsGatewayResponses('Api')],
  'serverless-patterns/rest-cognito-vpclink.yml': [corsGatewayResponses('rApiGateway')],
  'serverless-patterns/rest-cors-nonproxy.yaml': [corsGatewayResponses('ApiGatewayRestApi')],
  'serverless-patterns/rest-cors-proxy.yaml': [corsGatewayResponses('ApiGatewayRestApi')],
  'serverless-patterns/rest-lambda-tenant-isolation.yaml': [corsGatewayResponses('ApiGateway')],
  'aws-cdk/lambda-api-nonproxy.template.json': [
    ...missingMethodResponse('lambdarestapiproxyANYC900233F', 0),
    ...missingMethodResponse('lambdarestapiANYB9BB3FB2', 0),
  ],
  'aws-cdk/stepfunctions-api-without-default-method-responses.template.json': [
    // aws-cdk-lib's default templates write the execution's error and cause between JSON quotes
    // unescaped: an error whose text holds a " makes the body invalid JSON (test/rules/json-template.test.ts
    // renders the answer the message gives and shows it).
    'warning rest-template-invalid-json StepFunctionsRestApiANY7699CA92 Integration.IntegrationResponses[0].ResponseTemplates.application/json',
    'warning rest-template-invalid-json StepFunctionsRestApiANY7699CA92 Integration.IntegrationResponses[2].ResponseTemplates.application/json',
    ...missingMethodResponse('StepFunctionsRestApiANY7699CA92', 0, 1, 2),
  ],
  'aws-solutions-constructs/apigateway-dynamodb-custom-method-response.template.json': [
    // A 200 and a 400 response, neither with a selection pattern: it deployed, but API Gateway keeps
    // one default per method (the API refuses a second: "Integration response with selection
    // pattern default already exists"), so one of them is missing (aws-cdk issue 23758).
    'warning rest-duplicate-default testapigatewaydynamodbadditionalrequesttemplatesRestApiidDELETEF6A7D04D Integration.IntegrationResponses[1]',
  ],
  'aws-solutions-constructs/apigateway-kinesis-method-responses.template.json': [
    ...missingMethodResponse('testapigatewaykinesisdefaultRestApirecordsPOST165BE933', 1),
  ],
  'localstack/apigateway-integration-http-proxy-no-authorizer.yml': [
    // CORS headers mapped on an HTTP_PROXY integration: stored, never applied ("to use parameter
    // mapping for an integration response, you need a non-proxy integration").
    corsGatewayResponses('ApiGatewayRestApi'),
    'warning rest-proxy-integration-responses ProxyMethod Integration.IntegrationResponses[0]',
  ],
  'localstack/template35-mock-integration-responses.yaml': [
    // Patterns 2\d{2}, 5\d{2} and 404 but no default: any other status (its MOCK's request template
    // is a Ref, so the status is not known here) reaches the client as 500.
    'warning rest-no-default CreateAccount Integration.IntegrationResponses',
    ...missingMethodResponse('CreateAccount', 2),
  ],
  'serverless-patterns/rest-dynamodb.yml': [
    // Each item's DynamoDB string attributes ($field.id.S, ...) written between JSON quotes unescaped:
    // an attribute holding a " breaks the body (shown in test/rules/json-template.test.ts).
    'warning rest-template-invalid-json MusicArtistMethodGet Integration.IntegrationResponses[0].ResponseTemplates.application/json',
  ],
  'serverless-patterns/rest-ec2-http-proxy-duplicate-mapping-key.yaml': [
    // CloudFormation keeps the last of two eu-west-3 entries and ignores the first.
    'warning template-duplicate-key Mappings RegionMap.eu-west-3',
  ],
  'serverless-patterns/rest-nlb-alb-private-api-duplicate-key.yaml': [
    'warning template-duplicate-key ApplicationLoadBalancerTargetGroup Properties.HealthCheckEnabled',
  ],
  'serverless-patterns/rest-ses-transformation.yaml': [
    // Six responses (200, 400, 403, 404, 429, 500), none with a selection pattern: API Gateway keeps
    // one default, so the other five are never selected; and only 200 has a method response.
    'warning rest-duplicate-default ApiGatewayRootMethod Integration.IntegrationResponses[1]',
    ...missingMethodResponse('ApiGatewayRootMethod', 1, 2, 3, 4, 5),
  ],
  'serverless-patterns/sam-openapi-multi-account-private-central-duplicate-key.yaml': [
    'warning template-duplicate-key FetchVPCEndpointIPsFunction Properties.Handler',
  ],
  'serverless-patterns/websocket-connection-dynamodb.yaml': [
    // A $default route response without RouteResponseSelectionExpression: AWS says the expression
    // "should be provided to initiate two-way communication"; nothing documents harm, so an info.
    'info ws-route-response-selection-unset ConnectRoute RouteResponseSelectionExpression',
    // DynamoDB PutItem behind $connect with only a /200/ key: a DynamoDB error matches no key and
    // fails with "No match for output mapping and no default output mapping configured" (AWS re:Post).
    'warning ws-no-default-key ConnectRouteIntegration',
  ],
  'serverless-patterns/websocket-sfn-async.yaml': [
    'info ws-route-response-selection-unset DefaultRoute RouteResponseSelectionExpression',
  ],
  'aws-samples/modern-application-workshop-api-swagger.json': [
    // CORS headers mapped on HTTP_PROXY integrations: stored, never applied (see localstack's above).
    ...['/.get', '/mysfits.get', '/mysfits/{mysfitId}.get', '/mysfits/{mysfitId}/adopt.post', '/mysfits/{mysfitId}/like.post']
      .map(op => `warning rest-proxy-integration-responses definition paths.${op}.x-amazon-apigateway-integration.responses.default`),
  ],
  'aws-samples/sessions-with-aws-sam-s12d-api.yaml': [
    // DynamoDB integrations with responses for 200 (and 400) only: a throttled or failed call (500)
    // matches none and reaches the client as 500 "Internal server error".
    'warning rest-no-default definition paths./{linkId}.get.x-amazon-apigateway-integration.responses',
    // Stored link URLs and names written between JSON quotes unescaped: a value with a " breaks the body.
    'warning rest-template-invalid-json definition paths./app.get.x-amazon-apigateway-integration.responses.200.responseTemplates.application/json',
    'warning rest-no-default definition paths./app.get.x-amazon-apigateway-integration.responses',
    'warning rest-template-invalid-json definition paths./app.post.x-amazon-apigateway-integration.responses.200.responseTemplates.application/json',
    'warning rest-no-default definition paths./app.post.x-amazon-apigateway-integration.responses',
    'warning rest-template-invalid-json definition paths./app/{linkId}.put.x-amazon-apigateway-integration.responses.200.responseTemplates.application/json',
    'warning rest-no-default definition paths./app/{linkId}.put.x-amazon-apigateway-integration.responses',
    'warning rest-no-default definition paths./app/{linkId}.delete.x-amazon-apigateway-integration.responses',
  ],
  'serverless-patterns/websocket-sfn-sync.yaml': [
    'info ws-route-response-selection-unset DefaultRoute RouteResponseSelectionExpression',
  ],
  'serverless-patterns/websocket-sns.yaml': [
    // The template `{"statusCode":, "message":"order initiated"}` is not JSON (a value is missing).
    'warning ws-template-invalid-json ConnectRouteIntegrationResponse ResponseTemplates.200',
    // TemplateSelectionExpression \$default always selects the '$default' template, but the only
    // template is keyed '200': it is never used and the body passes through unmapped.
    'warning ws-template-key ConnectRouteIntegrationResponse ResponseTemplates.200',
    'warning ws-template-key ConnectRouteIntegrationResponse ResponseTemplates',
    'info ws-route-response-selection-unset sendOrder RouteResponseSelectionExpression',
  ],
};

const templates = fs.readdirSync(ROOT)
  .filter(dir => fs.statSync(path.join(ROOT, dir)).isDirectory())
  .flatMap(dir => fs.readdirSync(path.join(ROOT, dir)).map(file => `${dir}/${file}`))
  .sort();

test('the corpus has at least 50 templates, each with its source in SOURCES.md', () => {
  expect(templates.length).toBeGreaterThanOrEqual(50);
  const sources = fs.readFileSync(path.join(ROOT, 'SOURCES.md'), 'utf8');
  expect(templates.filter(t => !sources.includes(`\`${t}\``))).toEqual([]);
});

test('every expectation names a template of the corpus', () => {
  expect(Object.keys(EXPECTED).filter(t => !templates.includes(t))).toEqual([]);
});

test.each(templates)('%s: read, no error, and only the findings AWS documentation justifies', template => {
  const result = checkPaths([path.join(ROOT, template)]);
  expect(result.unreadable.map(e => e.message)).toEqual([]);
  const findings = result.findings.map(f => `${f.severity} ${f.ruleId} ${f.resource}${f.path ? ` ${f.path}` : ''}`);
  expect(findings.filter(f => f.startsWith('error'))).toEqual([]);
  expect(findings).toEqual(EXPECTED[template] ?? []);
});
