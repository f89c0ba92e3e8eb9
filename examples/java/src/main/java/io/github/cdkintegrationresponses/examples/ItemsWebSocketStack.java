package io.github.cdkintegrationresponses.examples;

import java.util.List;
import java.util.Map;

import io.github.cdkintegrationresponses.ResponseKey;
import io.github.cdkintegrationresponses.ResponseTemplate;
import io.github.cdkintegrationresponses.TemplateSelection;
import io.github.cdkintegrationresponses.WebSocketResponseOptions;
import io.github.cdkintegrationresponses.WebSocketResponses;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.WebSocketAwsIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.WebSocketMockIntegration;
import software.amazon.awscdk.services.apigatewayv2.WebSocketApi;
import software.amazon.awscdk.services.apigatewayv2.WebSocketRoute;
import software.amazon.awscdk.services.apigatewayv2.WebSocketRouteOptions;
import software.amazon.awscdk.services.apigatewayv2.WebSocketStage;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

/** The WebSocket API: a MOCK ping/pong route and a Lambda custom integration that maps errors by message. */
public class ItemsWebSocketStack extends Stack {
    public ItemsWebSocketStack(final Construct scope, final String id) {
        this(scope, id, null);
    }

    public ItemsWebSocketStack(final Construct scope, final String id, final StackProps props) {
        super(scope, id, props);

        WebSocketApi api = new WebSocketApi(this, "ItemsSocket");
        WebSocketStage.Builder.create(this, "Live").webSocketApi(api).stageName("live").autoDeploy(true).build();

        // {"action": "ping"} is answered with {"message": "pong"} by API Gateway itself.
        WebSocketRoute ping = api.addRoute("ping", WebSocketRouteOptions.builder()
            .integration(WebSocketMockIntegration.Builder.create("Ping")
                .requestTemplates(Map.of("$default", "{\"statusCode\": 200}"))
                .templateSelectionExpression("\\$default")
                .build())
            .build());
        WebSocketResponses.forRoute(ping).addResponse(ResponseKey.DEFAULT, WebSocketResponseOptions.builder()
            .templateSelection(TemplateSelection.DEFAULT)
            .responseTemplates(Map.of("$default", "{\"message\": \"pong\"}"))
            .build());

        // {"action": "get", "id": "..."} calls the same handler as the REST API, as a Lambda custom
        // integration: errors are told apart by their message.
        Function handler = ItemsHandler.create(this);
        Role role = Role.Builder.create(this, "InvokeRole").assumedBy(new ServicePrincipal("apigateway.amazonaws.com")).build();
        handler.grantInvoke(role);
        WebSocketRoute get = api.addRoute("get", WebSocketRouteOptions.builder()
            .integration(WebSocketAwsIntegration.Builder.create("Get")
                .integrationUri("arn:" + getPartition() + ":apigateway:" + getRegion()
                    + ":lambda:path/2015-03-31/functions/" + handler.getFunctionArn() + "/invocations")
                .integrationMethod("POST")
                .credentialsRole(role)
                .templateSelectionExpression("\\$default")
                .requestTemplates(Map.of("$default", "{\"id\": $input.json('$.id')}"))
                .build())
            .build());
        WebSocketResponses getResponses = WebSocketResponses.forRoute(get);
        getResponses.addResponse(ResponseKey.DEFAULT, WebSocketResponseOptions.builder()
            .templateSelection(TemplateSelection.DEFAULT)
            .responseTemplates(Map.of("$default", "$input.json('$')"))
            .build());
        // escapeJavaScript escapes ' as \' (not valid in JSON): the preset template undoes that.
        WebSocketResponseOptions errorMessage = WebSocketResponseOptions.builder()
            .templateSelection(TemplateSelection.DEFAULT)
            .responseTemplates(Map.of("$default", ResponseTemplate.lambdaErrorMessageJson().getTemplate()))
            .build();
        for (String tag : List.of("\\[BadRequest\\].*", "\\[NotFound\\].*")) {
            getResponses.addResponse(ResponseKey.whenLambdaErrorMatches(tag), errorMessage);
        }
    }
}
