/**
 * An app that uses every feature of cdk-integration-responses. `npm run example` synthesizes it
 * with the CDK CLI and prints the responses it emits.
 */
import { App, Stack, StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketAwsIntegration, WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import {
  GatewayResponses,
  IntegrationResponseChecks,
  JsonBody,
  ResponseKey,
  ResponseTemplate,
  ResponseValue,
  RestResponse,
  RestResponses,
  TemplateSelection,
  WebSocketResponses,
  WhenMissing,
} from '../src';

// The handler reports failures as errors whose message starts with a tag API Gateway can match.
const HANDLER = `
exports.handler = async (event) => {
  if (!event.id) throw new Error('[BadRequest] id is required');
  if (event.id === 'missing') throw new Error("[NotFound] item '" + event.id + "' does not exist");
  return { id: event.id, name: 'example' };
};
`;

export class ItemsApiStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const api = new apigw.RestApi(this, 'ItemsApi', {
      defaultCorsPreflightOptions: { allowOrigins: apigw.Cors.ALL_ORIGINS },
    });
    // API Gateway's own 4XX and 5XX answers (throttled, missing token, timeouts) carry the CORS
    // headers of the preflight too, so browsers see them rather than a CORS error.
    GatewayResponses.addCors(api);
    const handler = new lambda.Function(this, 'ItemsHandler', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(HANDLER),
    });

    // A Lambda custom integration: errors are told apart by their message.
    const itemResponses = RestResponses.of([
      // The item as JSON that stays valid whatever the handler puts in its fields.
      RestResponse.forStatus('200')
        .withHeader('X-Request-Id', ResponseValue.contextVariable('requestId'))
        .withTemplate('application/json', ResponseTemplate.fromJsonBody(JsonBody.objectOf({
          id: JsonBody.stringAt('$.id'),
          name: JsonBody.stringAt('$.name', { whenMissing: WhenMissing.useDefault(JsonBody.stringValue('unnamed')) }),
          tags: JsonBody.listAt('$.tags', JsonBody.stringAt('$'), { whenMissing: WhenMissing.omit() }),
        }))),
      RestResponse.forStatus('400')
        .whenLambdaErrorMatches('\\[BadRequest\\].*')
        .withTemplate('application/json', ResponseTemplate.lambdaErrorMessageJson()),
      RestResponse.forStatus('404')
        .whenLambdaErrorMatches('\\[NotFound\\].*')
        .withTemplate('application/json', ResponseTemplate.lambdaErrorMessageJson()),
      // Every other error: anything non-empty that carries neither tag.
      RestResponse.forStatus('500')
        .whenLambdaErrorMatches('(?!\\[BadRequest\\]|\\[NotFound\\]).+')
        .withTemplate('application/json', ResponseTemplate.fromString('{"message": "internal error"}')),
    ]).withHeaderOnAll('Access-Control-Allow-Origin', ResponseValue.literal('*'));

    // addMethod renders both sides and checks the whole method at synth.
    itemResponses.addMethod(api.root.addResource('items').addResource('{id}'), 'GET', new apigw.LambdaIntegration(handler, {
      proxy: false,
      requestTemplates: { 'application/json': '{"id": "$util.escapeJavaScript($input.params(\'id\'))"}' },
    }));

    // A MOCK endpoint, attached with applyTo so the whole method is checked at synth.
    const health = api.root.addResource('health').addMethod('GET', new apigw.MockIntegration({
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
    }));
    RestResponses.of([
      RestResponse.forStatus('200')
        .withHeader('Cache-Control', ResponseValue.literal('no-store'))
        .withHeader('Access-Control-Allow-Origin', ResponseValue.literal('*'))
        .withTemplate('application/json', ResponseTemplate.fromString('{"status": "ok", "stage": "$context.stage"}')),
    ]).applyTo(health);
  }
}

export class ItemsWebSocketStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const api = new apigwv2.WebSocketApi(this, 'ItemsSocket');
    new apigwv2.WebSocketStage(this, 'Live', { webSocketApi: api, stageName: 'live', autoDeploy: true });

    // `{"action": "ping"}` is answered with `{"message": "pong"}` by API Gateway itself.
    const ping = api.addRoute('ping', {
      integration: new WebSocketMockIntegration('Ping', {
        requestTemplates: { $default: '{"statusCode": 200}' },
        templateSelectionExpression: '\\$default',
      }),
    });
    WebSocketResponses.forRoute(ping).addResponse(ResponseKey.DEFAULT, {
      templateSelection: TemplateSelection.DEFAULT,
      responseTemplates: { $default: '{"message": "pong"}' },
    });

    // `{"action": "get", "id": "..."}` calls the same handler as the REST API, as a Lambda custom
    // integration: errors are told apart by their message.
    const handler = new lambda.Function(this, 'ItemsHandler', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(HANDLER),
    });
    const role = new iam.Role(this, 'InvokeRole', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
    handler.grantInvoke(role);
    const get = api.addRoute('get', {
      integration: new WebSocketAwsIntegration('Get', {
        integrationUri: `arn:${this.partition}:apigateway:${this.region}:lambda:path/2015-03-31/functions/${handler.functionArn}/invocations`,
        integrationMethod: 'POST',
        credentialsRole: role,
        templateSelectionExpression: '\\$default',
        requestTemplates: { $default: '{"id": $input.json(\'$.id\')}' },
      }),
    });
    // escapeJavaScript escapes ' as \' (not valid in JSON): the preset template undoes that.
    const errorMessage = { $default: ResponseTemplate.lambdaErrorMessageJson().template };
    const getResponses = WebSocketResponses.forRoute(get);
    getResponses.addResponse(ResponseKey.DEFAULT, { templateSelection: TemplateSelection.DEFAULT, responseTemplates: { $default: "$input.json('$')" } });
    getResponses.addResponse(ResponseKey.whenLambdaErrorMatches('\\[BadRequest\\].*'), { templateSelection: TemplateSelection.DEFAULT, responseTemplates: errorMessage });
    getResponses.addResponse(ResponseKey.whenLambdaErrorMatches('\\[NotFound\\].*'), { templateSelection: TemplateSelection.DEFAULT, responseTemplates: errorMessage });
  }
}

// Synthesized only when run as the CDK app (cdk.json), not when a test imports the stacks.
if (require.main === module) {
  const app = new App();
  // Every integration response of the app, including aws-cdk-lib's own CORS preflight methods, goes
  // through the rule table at synth. On aws-cdk-lib with `Validations`, addTo registers the library's
  // validation plugin: its findings land in aws-cdk-lib's report (cdk.out/validation-report.json),
  // acknowledged with Validations.of(scope).acknowledge({ id: 'cdk-integration-responses::<rule-id>', ... }).
  IntegrationResponseChecks.addTo(app);
  new ItemsApiStack(app, 'IntegrationResponsesExample');
  new ItemsWebSocketStack(app, 'IntegrationResponsesWebSocketExample');
  app.synth();
}
