package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/jsii-runtime-go"
	cir "github.com/cdk-integration-responses/cdk-integration-responses-go/cdkintegrationresponses"
)

// The resources whose Properties must be identical. Logical IDs come from construct paths, so the
// same construct tree gives the same IDs in every language and resources are matched by ID. Only
// Properties are compared: Metadata, the Lambda function, its role and the deployment (whose logical
// ID hashes the whole API) may differ with the aws-cdk-lib release each language resolves, and none
// of them are what this library emits.
var comparedTypes = map[string]bool{
	"AWS::ApiGateway::Method":                true,
	"AWS::ApiGatewayV2::Integration":         true,
	"AWS::ApiGatewayV2::IntegrationResponse": true,
	"AWS::ApiGatewayV2::Route":               true,
	"AWS::ApiGatewayV2::RouteResponse":       true,
}

type template struct {
	Resources map[string]struct {
		Type       string
		Properties interface{}
	}
}

func compared(t template) map[string]interface{} {
	properties := map[string]interface{}{}
	for id, resource := range t.Resources {
		if comparedTypes[resource.Type] {
			properties[id] = resource.Properties
		}
	}
	return properties
}

// decode turns what the jsii runtime returns (or a file's bytes) into plain JSON values, so both
// sides of a comparison have the same Go types.
func decode(t *testing.T, value interface{}) template {
	t.Helper()
	data, ok := value.([]byte)
	if !ok {
		var err error
		if data, err = json.Marshal(value); err != nil {
			t.Fatal(err)
		}
	}
	var decoded template
	if err := json.Unmarshal(data, &decoded); err != nil {
		t.Fatal(err)
	}
	return decoded
}

func TestSameResponsesAsTheTypeScriptExample(t *testing.T) {
	out := os.Getenv("CDK_REFERENCE_OUT")
	if out == "" {
		t.Fatal("CDK_REFERENCE_OUT must name the TypeScript example's cdk.out (npm run test:languages sets it)")
	}
	assembly := NewApp(&awscdk.AppProps{Outdir: jsii.String(t.TempDir())}).Synth(nil)
	for _, stack := range []string{"IntegrationResponsesExample", "IntegrationResponsesWebSocketExample"} {
		data, err := os.ReadFile(filepath.Join(out, stack+".template.json"))
		if err != nil {
			t.Fatal(err)
		}
		theirs := compared(decode(t, data))
		// An empty comparison would pass for the wrong reason: the TypeScript app has these resources.
		if len(theirs) < 4 {
			t.Fatalf("%s: the TypeScript template has only %d compared resources", stack, len(theirs))
		}
		ours := compared(decode(t, assembly.GetStackByName(jsii.String(stack)).Template()))
		if !reflect.DeepEqual(ours, theirs) {
			for id := range theirs {
				if !reflect.DeepEqual(ours[id], theirs[id]) {
					t.Errorf("%s %s:\n  go:         %v\n  typescript: %v", stack, id, ours[id], theirs[id])
				}
			}
			t.Errorf("%s: %d compared resources in Go, %d in TypeScript", stack, len(ours), len(theirs))
		}
	}
}

func TestTheSimulatorAnswersANotFoundErrorOfTheGoStack(t *testing.T) {
	api := NewItemsApiStack(awscdk.NewApp(nil), "IntegrationResponsesExample", nil)
	answer := cir.RestSimulator_FromMethod(api.GetItem, nil).Simulate(&cir.SimulationInput{
		Backend: &cir.BackendResult{ErrorMessage: jsii.String("[NotFound] item 'missing' does not exist")},
	})
	if *answer.StatusCode != 404 {
		t.Errorf("status %v, want 404", *answer.StatusCode)
	}
	if got := *(*answer.Headers)["Access-Control-Allow-Origin"]; got != "*" || len(*answer.Headers) != 1 {
		t.Errorf("headers %v, want only Access-Control-Allow-Origin: *", *answer.Headers)
	}
	var body map[string]string
	if err := json.Unmarshal([]byte(*answer.Body), &body); err != nil || body["message"] != "[NotFound] item 'missing' does not exist" {
		t.Errorf("body %q (%v)", *answer.Body, err)
	}
}

// panicMessage runs f and returns what it panicked with: the jsii runtime turns an error thrown in
// the library into a panic whose value is a Go error with the same message.
func panicMessage(t *testing.T, f func()) (message string) {
	t.Helper()
	defer func() {
		recovered := recover()
		if recovered == nil {
			t.Fatal("expected a panic")
		}
		err, ok := recovered.(error)
		if !ok {
			t.Fatalf("panicked with %T, not an error", recovered)
		}
		message = err.Error()
	}()
	f()
	return ""
}

func TestABadStatusCodePanicsAtTheCall(t *testing.T) {
	message := panicMessage(t, func() { cir.RestResponse_ForStatus(jsii.String("2000")) })
	if !strings.Contains(message, "[rest-status-code] status code '2000' is not a valid HTTP status") {
		t.Errorf("message %q", message)
	}
	findings := *cir.IntegrationResponseErrors_FindingsOf(jsii.String(message))
	if len(findings) != 1 || *findings[0].RuleId != "rest-status-code" {
		t.Errorf("findings of %q: %v", message, findings)
	}
}

func TestAnUnquotedStaticHeaderPanicsAtTheCall(t *testing.T) {
	message := panicMessage(t, func() { cir.ResponseValue_FromExpression(jsii.String("no-store")) })
	if !strings.Contains(message, "[rest-parameter-value] 'no-store' is not a valid mapping expression") {
		t.Errorf("message %q", message)
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	jsii.Close()
	os.Exit(code)
}

func TestTheWholeAppChecksFailTheSynthOfPlainAwsCdkLibCode(t *testing.T) {
	// Written without the library's builders, as most existing apps are: only the checks see it.
	// In-memory app mode: aws-cdk-lib puts its validation report in the panic, as in a TypeScript test.
	app := awscdk.NewApp(&awscdk.AppProps{Context: &map[string]interface{}{"@aws-cdk/core:appMode": "inmemory"}})
	cir.IntegrationResponseChecks_AddTo(app, nil)
	stack := awscdk.NewStack(app, jsii.String("Plain"), nil)
	api := awsapigateway.NewRestApi(stack, jsii.String("Api"), nil)
	api.Root().AddMethod(jsii.String("GET"), awsapigateway.NewMockIntegration(&awsapigateway.IntegrationOptions{
		RequestTemplates: &map[string]*string{"application/json": jsii.String(`{"statusCode": 200}`)},
		IntegrationResponses: &[]*awsapigateway.IntegrationResponse{{
			StatusCode:         jsii.String("200"),
			ResponseParameters: &map[string]*string{"method.response.header.Cache-Control": jsii.String("no-store")},
		}},
	}), &awsapigateway.MethodOptions{
		MethodResponses: &[]*awsapigateway.MethodResponse{{
			StatusCode:         jsii.String("200"),
			ResponseParameters: &map[string]*bool{"method.response.header.Cache-Control": jsii.Bool(true)},
		}},
	})
	message := panicMessage(t, func() { app.Synth(nil) })
	// In aws-cdk-lib's validation report (releases with Validations) or as the construct's validation error.
	for _, want := range []string{"[rest-parameter-value]", "Plain/Api/Default/GET/Resource", "'no-store' is not a valid mapping expression"} {
		if !strings.Contains(message, want) {
			t.Errorf("message %q lacks %q", message, want)
		}
	}
}
