package io.github.cdkintegrationresponses.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.github.cdkintegrationresponses.Finding;
import io.github.cdkintegrationresponses.IntegrationResponseChecks;
import io.github.cdkintegrationresponses.IntegrationResponseErrors;
import io.github.cdkintegrationresponses.ResponseValue;
import io.github.cdkintegrationresponses.RestResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.IntegrationResponse;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.MethodResponse;
import software.amazon.awscdk.services.apigateway.MockIntegration;
import software.amazon.awscdk.services.apigateway.RestApi;

/**
 * Mistakes reach a Java user as exceptions carrying the library's message and findings: the jsii runtime
 * turns an error thrown in the library into a {@link RuntimeException} with the same message.
 */
class ErrorsTest {
    @Test
    void aBadStatusCodeThrowsAtTheCall() {
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> RestResponse.forStatus("2000"));
        assertTrue(thrown.getMessage().contains("[rest-status-code] status code '2000' is not a valid HTTP status"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("(in RestResponse.forStatus)"), thrown.getMessage());
        List<Finding> findings = IntegrationResponseErrors.findingsOf(thrown.getMessage());
        assertEquals(1, findings.size());
        assertEquals("rest-status-code", findings.get(0).getRuleId());
    }

    @Test
    void anUnquotedStaticHeaderThrowsAtTheCall() {
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> ResponseValue.fromExpression("no-store"));
        assertTrue(thrown.getMessage().contains("[rest-parameter-value] 'no-store' is not a valid mapping expression"), thrown.getMessage());
    }

    @Test
    void theWholeAppChecksFailTheSynthOfPlainAwsCdkLibCode() {
        // Written without the library's builders, as most existing apps are: only the checks see it.
        // In-memory app mode: aws-cdk-lib puts its validation report in the exception, as in a TypeScript test.
        App app = new App(AppProps.builder().context(Map.of("@aws-cdk/core:appMode", "inmemory")).build());
        IntegrationResponseChecks.addTo(app);
        Stack stack = new Stack(app, "Plain");
        RestApi api = new RestApi(stack, "Api");
        api.getRoot().addMethod("GET", MockIntegration.Builder.create()
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}"))
                .integrationResponses(List.of(IntegrationResponse.builder()
                    .statusCode("200")
                    .responseParameters(Map.of("method.response.header.Cache-Control", "no-store"))
                    .build()))
                .build(),
            MethodOptions.builder().methodResponses(List.of(MethodResponse.builder()
                .statusCode("200")
                .responseParameters(Map.of("method.response.header.Cache-Control", true))
                .build())).build());
        RuntimeException thrown = assertThrows(RuntimeException.class, app::synth);
        // In aws-cdk-lib's validation report (releases with Validations) or as the construct's validation error.
        assertTrue(thrown.getMessage().contains("[rest-parameter-value]"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("Plain/Api/Default/GET/Resource"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("'no-store' is not a valid mapping expression"), thrown.getMessage());
    }
}
