"""The example app of examples/app.ts, written as a Python CDK user writes it.

Run it with `python app.py` (or `cdk synth --app "python app.py"`) in a virtualenv that has the
cdk-integration-responses wheel, aws-cdk-lib and constructs installed (requirements.txt).
"""

from typing import Optional

from aws_cdk import App, Stack
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_apigatewayv2 as apigwv2
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk.aws_apigatewayv2_integrations import (
    WebSocketAwsIntegration,
    WebSocketMockIntegration,
)
from constructs import Construct

from cdk_integration_responses import (
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
)

# The handler reports failures as errors whose message starts with a tag API Gateway can match.
HANDLER = """
exports.handler = async (event) => {
  if (!event.id) throw new Error('[BadRequest] id is required');
  if (event.id === 'missing') throw new Error("[NotFound] item '" + event.id + "' does not exist");
  return { id: event.id, name: 'example' };
};
"""


def items_handler(scope: Construct) -> lambda_.Function:
    return lambda_.Function(
        scope,
        "ItemsHandler",
        runtime=lambda_.Runtime.NODEJS_20_X,
        handler="index.handler",
        code=lambda_.Code.from_inline(HANDLER),
    )


class ItemsApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        api = apigw.RestApi(
            self,
            "ItemsApi",
            default_cors_preflight_options=apigw.CorsOptions(allow_origins=apigw.Cors.ALL_ORIGINS),
        )
        # API Gateway's own 4XX and 5XX answers carry the preflight's CORS headers too.
        GatewayResponses.add_cors(api)
        handler = items_handler(self)

        # A Lambda custom integration: errors are told apart by their message.
        item_responses = RestResponses.of([
            RestResponse.for_status("200")
            .with_header("X-Request-Id", ResponseValue.context_variable("requestId"))
            # The item as JSON that stays valid whatever the handler puts in its fields.
            .with_template("application/json", ResponseTemplate.from_json_body(JsonBody.object_of({
                "id": JsonBody.string_at("$.id"),
                "name": JsonBody.string_at("$.name", when_missing=WhenMissing.use_default(JsonBody.string_value("unnamed"))),
                "tags": JsonBody.list_at("$.tags", JsonBody.string_at("$"), when_missing=WhenMissing.omit()),
            }))),
            RestResponse.for_status("400")
            .when_lambda_error_matches(r"\[BadRequest\].*")
            .with_template("application/json", ResponseTemplate.lambda_error_message_json()),
            RestResponse.for_status("404")
            .when_lambda_error_matches(r"\[NotFound\].*")
            .with_template("application/json", ResponseTemplate.lambda_error_message_json()),
            # Every other error: anything non-empty that carries neither tag.
            RestResponse.for_status("500")
            .when_lambda_error_matches(r"(?!\[BadRequest\]|\[NotFound\]).+")
            .with_template("application/json", ResponseTemplate.from_string('{"message": "internal error"}')),
        ]).with_header_on_all("Access-Control-Allow-Origin", ResponseValue.literal("*"))

        # add_method renders both sides and checks the whole method at synth.
        self.get_item = item_responses.add_method(
            api.root.add_resource("items").add_resource("{id}"),
            "GET",
            apigw.LambdaIntegration(
                handler,
                proxy=False,
                request_templates={"application/json": '{"id": "$util.escapeJavaScript($input.params(\'id\'))"}'},
            ),
        )

        # A MOCK endpoint, attached with apply_to so the whole method is checked at synth.
        self.health = api.root.add_resource("health").add_method(
            "GET",
            apigw.MockIntegration(request_templates={"application/json": '{"statusCode": 200}'}),
        )
        RestResponses.of([
            RestResponse.for_status("200")
            .with_header("Cache-Control", ResponseValue.literal("no-store"))
            .with_header("Access-Control-Allow-Origin", ResponseValue.literal("*"))
            .with_template(
                "application/json",
                ResponseTemplate.from_string('{"status": "ok", "stage": "$context.stage"}'),
            ),
        ]).apply_to(self.health)


class ItemsWebSocketStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        api = apigwv2.WebSocketApi(self, "ItemsSocket")
        apigwv2.WebSocketStage(self, "Live", web_socket_api=api, stage_name="live", auto_deploy=True)

        # `{"action": "ping"}` is answered with `{"message": "pong"}` by API Gateway itself.
        ping = api.add_route(
            "ping",
            integration=WebSocketMockIntegration(
                "Ping",
                request_templates={"$default": '{"statusCode": 200}'},
                template_selection_expression="\\$default",
            ),
        )
        WebSocketResponses.for_route(ping).add_response(
            ResponseKey.DEFAULT,
            template_selection=TemplateSelection.DEFAULT,
            response_templates={"$default": '{"message": "pong"}'},
        )

        # `{"action": "get", "id": "..."}` calls the same handler as the REST API, as a Lambda custom
        # integration: errors are told apart by their message.
        handler = items_handler(self)
        role = iam.Role(self, "InvokeRole", assumed_by=iam.ServicePrincipal("apigateway.amazonaws.com"))
        handler.grant_invoke(role)
        get = api.add_route(
            "get",
            integration=WebSocketAwsIntegration(
                "Get",
                integration_uri=f"arn:{self.partition}:apigateway:{self.region}:lambda:path/2015-03-31/functions/{handler.function_arn}/invocations",
                integration_method="POST",
                credentials_role=role,
                template_selection_expression="\\$default",
                request_templates={"$default": "{\"id\": $input.json('$.id')}"},
            ),
        )
        # escapeJavaScript escapes ' as \' (not valid in JSON): the preset template undoes that.
        error_message = {"$default": ResponseTemplate.lambda_error_message_json().template}
        get_responses = WebSocketResponses.for_route(get)
        get_responses.add_response(
            ResponseKey.DEFAULT,
            template_selection=TemplateSelection.DEFAULT,
            response_templates={"$default": "$input.json('$')"},
        )
        for tag in (r"\[BadRequest\].*", r"\[NotFound\].*"):
            get_responses.add_response(
                ResponseKey.when_lambda_error_matches(tag),
                template_selection=TemplateSelection.DEFAULT,
                response_templates=error_message,
            )


def create_app(outdir: Optional[str] = None) -> App:
    """The whole app, unsynthesized, so tests can synthesize it into a directory of their own."""
    app = App(outdir=outdir)
    # Every integration response of the app, including aws-cdk-lib's own CORS preflight methods,
    # goes through the rule table at synth.
    IntegrationResponseChecks.add_to(app)
    ItemsApiStack(app, "IntegrationResponsesExample")
    ItemsWebSocketStack(app, "IntegrationResponsesWebSocketExample")
    return app


if __name__ == "__main__":
    create_app().synth()
