package io.github.cdkintegrationresponses.examples;

import java.util.List;
import java.util.Map;

import io.github.cdkintegrationresponses.GatewayResponses;
import io.github.cdkintegrationresponses.JsonBody;
import io.github.cdkintegrationresponses.JsonValueOptions;
import io.github.cdkintegrationresponses.ResponseTemplate;
import io.github.cdkintegrationresponses.ResponseValue;
import io.github.cdkintegrationresponses.RestResponse;
import io.github.cdkintegrationresponses.RestResponses;
import io.github.cdkintegrationresponses.WhenMissing;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigateway.Cors;
import software.amazon.awscdk.services.apigateway.CorsOptions;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.apigateway.MockIntegration;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

/** The REST API: a Lambda custom integration that maps errors by message, and a MOCK health check. */
public class ItemsApiStack extends Stack {
    private final Method getItem;
    private final Method health;

    public ItemsApiStack(final Construct scope, final String id) {
        this(scope, id, null);
    }

    public ItemsApiStack(final Construct scope, final String id, final StackProps props) {
        super(scope, id, props);

        RestApi api = RestApi.Builder.create(this, "ItemsApi")
            .defaultCorsPreflightOptions(CorsOptions.builder().allowOrigins(Cors.ALL_ORIGINS).build())
            .build();
        // API Gateway's own 4XX and 5XX answers carry the preflight's CORS headers too.
        GatewayResponses.addCors(api);
        Function handler = ItemsHandler.create(this);

        // A Lambda custom integration: errors are told apart by their message.
        RestResponses itemResponses = RestResponses.of(List.of(
            RestResponse.forStatus("200")
                .withHeader("X-Request-Id", ResponseValue.contextVariable("requestId"))
                // The item as JSON that stays valid whatever the handler puts in its fields.
                .withTemplate("application/json", ResponseTemplate.fromJsonBody(JsonBody.objectOf(Map.of(
                    "id", JsonBody.stringAt("$.id"),
                    "name", JsonBody.stringAt("$.name", JsonValueOptions.builder()
                        .whenMissing(WhenMissing.useDefault(JsonBody.stringValue("unnamed"))).build()),
                    "tags", JsonBody.listAt("$.tags", JsonBody.stringAt("$"), JsonValueOptions.builder()
                        .whenMissing(WhenMissing.omit()).build()))))),
            RestResponse.forStatus("400")
                .whenLambdaErrorMatches("\\[BadRequest\\].*")
                .withTemplate("application/json", ResponseTemplate.lambdaErrorMessageJson()),
            RestResponse.forStatus("404")
                .whenLambdaErrorMatches("\\[NotFound\\].*")
                .withTemplate("application/json", ResponseTemplate.lambdaErrorMessageJson()),
            // Every other error: anything non-empty that carries neither tag.
            RestResponse.forStatus("500")
                .whenLambdaErrorMatches("(?!\\[BadRequest\\]|\\[NotFound\\]).+")
                .withTemplate("application/json", ResponseTemplate.fromString("{\"message\": \"internal error\"}"))
        )).withHeaderOnAll("Access-Control-Allow-Origin", ResponseValue.literal("*"));

        // addMethod renders both sides and checks the whole method at synth.
        getItem = itemResponses.addMethod(api.getRoot().addResource("items").addResource("{id}"), "GET",
            LambdaIntegration.Builder.create(handler)
                .proxy(false)
                .requestTemplates(Map.of("application/json", "{\"id\": \"$util.escapeJavaScript($input.params('id'))\"}"))
                .build());

        // A MOCK endpoint, attached with applyTo so the whole method is checked at synth.
        health = api.getRoot().addResource("health").addMethod("GET", MockIntegration.Builder.create()
            .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}"))
            .build());
        RestResponses.of(List.of(
            RestResponse.forStatus("200")
                .withHeader("Cache-Control", ResponseValue.literal("no-store"))
                .withHeader("Access-Control-Allow-Origin", ResponseValue.literal("*"))
                .withTemplate("application/json", ResponseTemplate.fromString("{\"status\": \"ok\", \"stage\": \"$context.stage\"}"))
        )).applyTo(health);
    }

    /** GET /items/{id}, for tests and the simulator. */
    public Method getGetItem() {
        return getItem;
    }

    /** GET /health. */
    public Method getHealth() {
        return health;
    }
}
