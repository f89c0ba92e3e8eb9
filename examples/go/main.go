// The example app of examples/app.ts as a Go CDK user writes it: `go run .` (or
// `cdk synth --app "go run ."`) synthesizes it. go.mod points the library's module at the one
// `npx projen package:go` builds into dist/go, with a replace directive.
package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2integrations"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	cir "github.com/cdk-integration-responses/cdk-integration-responses-go/cdkintegrationresponses"
)

// The handler reports failures as errors whose message starts with a tag API Gateway can match.
const handlerCode = `
exports.handler = async (event) => {
  if (!event.id) throw new Error('[BadRequest] id is required');
  if (event.id === 'missing') throw new Error("[NotFound] item '" + event.id + "' does not exist");
  return { id: event.id, name: 'example' };
};
`

func newItemsHandler(scope constructs.Construct) awslambda.Function {
	return awslambda.NewFunction(scope, jsii.String("ItemsHandler"), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_NODEJS_20_X(),
		Handler: jsii.String("index.handler"),
		Code:    awslambda.Code_FromInline(jsii.String(handlerCode)),
	})
}

// ItemsApi is the REST API stack, with its two methods for tests and the simulator.
type ItemsApi struct {
	Stack   awscdk.Stack
	GetItem awsapigateway.Method
	Health  awsapigateway.Method
}

// NewItemsApiStack adds a Lambda custom integration that maps errors by message and a MOCK health check.
func NewItemsApiStack(scope constructs.Construct, id string, props *awscdk.StackProps) *ItemsApi {
	stack := awscdk.NewStack(scope, jsii.String(id), props)
	api := awsapigateway.NewRestApi(stack, jsii.String("ItemsApi"), &awsapigateway.RestApiProps{
		DefaultCorsPreflightOptions: &awsapigateway.CorsOptions{AllowOrigins: awsapigateway.Cors_ALL_ORIGINS()},
	})
	// API Gateway's own 4XX and 5XX answers carry the preflight's CORS headers too.
	cir.GatewayResponses_AddCors(api)
	handler := newItemsHandler(stack)
	json := jsii.String("application/json")

	// A Lambda custom integration: errors are told apart by their message.
	itemResponses := cir.RestResponses_Of(&[]cir.RestResponse{
		cir.RestResponse_ForStatus(jsii.String("200")).
			WithHeader(jsii.String("X-Request-Id"), cir.ResponseValue_ContextVariable(jsii.String("requestId"))).
			// The item as JSON that stays valid whatever the handler puts in its fields.
			WithTemplate(json, cir.ResponseTemplate_FromJsonBody(cir.JsonBody_ObjectOf(&map[string]cir.JsonBody{
				"id": cir.JsonBody_StringAt(jsii.String("$.id"), nil),
				"name": cir.JsonBody_StringAt(jsii.String("$.name"), &cir.JsonValueOptions{
					WhenMissing: cir.WhenMissing_UseDefault(cir.JsonBody_StringValue(jsii.String("unnamed"))),
				}),
				"tags": cir.JsonBody_ListAt(jsii.String("$.tags"), cir.JsonBody_StringAt(jsii.String("$"), nil), &cir.JsonValueOptions{
					WhenMissing: cir.WhenMissing_Omit(),
				}),
			}))),
		cir.RestResponse_ForStatus(jsii.String("400")).
			WhenLambdaErrorMatches(jsii.String(`\[BadRequest\].*`)).
			WithTemplate(json, cir.ResponseTemplate_LambdaErrorMessageJson()),
		cir.RestResponse_ForStatus(jsii.String("404")).
			WhenLambdaErrorMatches(jsii.String(`\[NotFound\].*`)).
			WithTemplate(json, cir.ResponseTemplate_LambdaErrorMessageJson()),
		// Every other error: anything non-empty that carries neither tag.
		cir.RestResponse_ForStatus(jsii.String("500")).
			WhenLambdaErrorMatches(jsii.String(`(?!\[BadRequest\]|\[NotFound\]).+`)).
			WithTemplate(json, cir.ResponseTemplate_FromString(jsii.String(`{"message": "internal error"}`))),
	}).WithHeaderOnAll(jsii.String("Access-Control-Allow-Origin"), cir.ResponseValue_Literal(jsii.String("*")))

	// AddMethod renders both sides and checks the whole method at synth.
	getItem := itemResponses.AddMethod(api.Root().AddResource(jsii.String("items"), nil).AddResource(jsii.String("{id}"), nil),
		jsii.String("GET"),
		awsapigateway.NewLambdaIntegration(handler, &awsapigateway.LambdaIntegrationOptions{
			Proxy:            jsii.Bool(false),
			RequestTemplates: &map[string]*string{"application/json": jsii.String(`{"id": "$util.escapeJavaScript($input.params('id'))"}`)},
		}), nil)

	// A MOCK endpoint, attached with ApplyTo so the whole method is checked at synth.
	health := api.Root().AddResource(jsii.String("health"), nil).AddMethod(jsii.String("GET"),
		awsapigateway.NewMockIntegration(&awsapigateway.IntegrationOptions{
			RequestTemplates: &map[string]*string{"application/json": jsii.String(`{"statusCode": 200}`)},
		}), nil)
	cir.RestResponses_Of(&[]cir.RestResponse{
		cir.RestResponse_ForStatus(jsii.String("200")).
			WithHeader(jsii.String("Cache-Control"), cir.ResponseValue_Literal(jsii.String("no-store"))).
			WithHeader(jsii.String("Access-Control-Allow-Origin"), cir.ResponseValue_Literal(jsii.String("*"))).
			WithTemplate(json, cir.ResponseTemplate_FromString(jsii.String(`{"status": "ok", "stage": "$context.stage"}`))),
	}).ApplyTo(health)

	return &ItemsApi{Stack: stack, GetItem: getItem, Health: health}
}

// NewItemsWebSocketStack adds a MOCK ping/pong route and a Lambda custom integration that maps errors by message.
func NewItemsWebSocketStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, jsii.String(id), props)
	api := awsapigatewayv2.NewWebSocketApi(stack, jsii.String("ItemsSocket"), nil)
	awsapigatewayv2.NewWebSocketStage(stack, jsii.String("Live"), &awsapigatewayv2.WebSocketStageProps{
		WebSocketApi: api, StageName: jsii.String("live"), AutoDeploy: jsii.Bool(true),
	})

	// {"action": "ping"} is answered with {"message": "pong"} by API Gateway itself.
	ping := api.AddRoute(jsii.String("ping"), &awsapigatewayv2.WebSocketRouteOptions{
		Integration: awsapigatewayv2integrations.NewWebSocketMockIntegration(jsii.String("Ping"),
			&awsapigatewayv2integrations.WebSocketMockIntegrationProps{
				RequestTemplates:            &map[string]*string{"$default": jsii.String(`{"statusCode": 200}`)},
				TemplateSelectionExpression: jsii.String(`\$default`),
			}),
	})
	cir.WebSocketResponses_ForRoute(ping).AddResponse(cir.ResponseKey_DEFAULT(), &cir.WebSocketResponseOptions{
		TemplateSelection: cir.TemplateSelection_DEFAULT(),
		ResponseTemplates: &map[string]*string{"$default": jsii.String(`{"message": "pong"}`)},
	})

	// {"action": "get", "id": "..."} calls the same handler as the REST API, as a Lambda custom
	// integration: errors are told apart by their message.
	handler := newItemsHandler(stack)
	role := awsiam.NewRole(stack, jsii.String("InvokeRole"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("apigateway.amazonaws.com"), nil),
	})
	handler.GrantInvoke(role)
	get := api.AddRoute(jsii.String("get"), &awsapigatewayv2.WebSocketRouteOptions{
		Integration: awsapigatewayv2integrations.NewWebSocketAwsIntegration(jsii.String("Get"),
			&awsapigatewayv2integrations.WebSocketAwsIntegrationProps{
				IntegrationUri: jsii.String("arn:" + *stack.Partition() + ":apigateway:" + *stack.Region() +
					":lambda:path/2015-03-31/functions/" + *handler.FunctionArn() + "/invocations"),
				IntegrationMethod:           jsii.String("POST"),
				CredentialsRole:             role,
				TemplateSelectionExpression: jsii.String(`\$default`),
				RequestTemplates:            &map[string]*string{"$default": jsii.String(`{"id": $input.json('$.id')}`)},
			}),
	})
	getResponses := cir.WebSocketResponses_ForRoute(get)
	getResponses.AddResponse(cir.ResponseKey_DEFAULT(), &cir.WebSocketResponseOptions{
		TemplateSelection: cir.TemplateSelection_DEFAULT(),
		ResponseTemplates: &map[string]*string{"$default": jsii.String(`$input.json('$')`)},
	})
	// escapeJavaScript escapes ' as \' (not valid in JSON): the preset template undoes that.
	errorMessage := &cir.WebSocketResponseOptions{
		TemplateSelection: cir.TemplateSelection_DEFAULT(),
		ResponseTemplates: &map[string]*string{"$default": cir.ResponseTemplate_LambdaErrorMessageJson().Template()},
	}
	for _, tag := range []string{`\[BadRequest\].*`, `\[NotFound\].*`} {
		getResponses.AddResponse(cir.ResponseKey_WhenLambdaErrorMatches(jsii.String(tag)), errorMessage)
	}
	return stack
}

// NewApp builds the whole app, unsynthesized, so tests can synthesize it into a directory of their own.
func NewApp(props *awscdk.AppProps) awscdk.App {
	app := awscdk.NewApp(props)
	// Every integration response of the app, including aws-cdk-lib's own CORS preflight methods, goes
	// through the rule table at synth.
	cir.IntegrationResponseChecks_AddTo(app, nil)
	NewItemsApiStack(app, "IntegrationResponsesExample", nil)
	NewItemsWebSocketStack(app, "IntegrationResponsesWebSocketExample", nil)
	return app
}

func main() {
	defer jsii.Close()
	NewApp(nil).Synth(nil)
}
