package io.github.cdkintegrationresponses.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cdkintegrationresponses.BackendResult;
import io.github.cdkintegrationresponses.ContractOperation;
import io.github.cdkintegrationresponses.ContractRow;
import io.github.cdkintegrationresponses.ResponseContract;
import io.github.cdkintegrationresponses.RestSimulator;
import io.github.cdkintegrationresponses.SimulatedResponse;
import io.github.cdkintegrationresponses.SimulationInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.CloudAssembly;

/** The Java port synthesizes the same integration responses as the TypeScript example. */
class ItemsAppTest {
    @TempDir
    static Path outdir;

    private static CloudAssembly assembly;

    @BeforeAll
    static void synthesize() {
        assembly = ItemsApp.createApp(outdir.toString()).synth();
    }

    private static JsonNode template(final String stack) {
        return TemplateComparison.JSON.valueToTree(assembly.getStackByName(stack).getTemplate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"IntegrationResponsesExample", "IntegrationResponsesWebSocketExample"})
    void sameResponsesAsTheTypeScriptExample(final String stack) throws IOException {
        ObjectNode theirs = TemplateComparison.compared(TemplateComparison.reference(stack));
        // An empty comparison would pass for the wrong reason: the TypeScript app has these resources.
        assertTrue(theirs.size() >= 4, "the TypeScript template has " + theirs.size() + " compared resources");
        assertEquals(theirs, TemplateComparison.compared(template(stack)));
    }

    @Test
    void sameContractAsTheTypeScriptExample() {
        // What every method and route answers, read from both cloud assemblies: equal text, no change.
        ResponseContract ours = ResponseContract.fromAssembly(outdir.toString());
        ResponseContract theirs = ResponseContract.fromAssembly(System.getenv("CDK_REFERENCE_OUT"));
        assertEquals(List.of(), ResponseContract.compare(theirs, ours));
        assertEquals(theirs.toText(), ours.toText());
        ContractOperation getItem = ours.getOperations().stream()
            .filter(o -> o.getName().equals("REST API ItemsApi GET /items/{id}")).findFirst().orElseThrow();
        ContractRow notFound = getItem.getRows().stream()
            .filter(r -> r.getBackend().equals("Lambda error \"[NotFound]\"")).findFirst().orElseThrow();
        assertEquals("404 (pattern \\[NotFound\\].*)", notFound.getResponse());
        assertEquals(404, notFound.getClient().getStatusCode().intValue());
        assertEquals(Map.of("Access-Control-Allow-Origin", "*"), notFound.getClient().getHeaders());
    }

    @Test
    void theLambdaMethodMapsErrorsByMessage() {
        JsonNode methods = template("IntegrationResponsesExample").get("Resources");
        JsonNode get = null;
        for (JsonNode resource : methods) {
            if (resource.get("Type").asText().equals("AWS::ApiGateway::Method")
                && resource.at("/Properties/Integration/Type").asText().equals("AWS")) {
                get = resource.get("Properties");
            }
        }
        List<String> patterns = new java.util.ArrayList<>();
        for (JsonNode response : get.at("/Integration/IntegrationResponses")) {
            patterns.add(response.get("StatusCode").asText() + " " + response.path("SelectionPattern").asText("(default)"));
        }
        assertEquals(List.of("200 (default)", "400 \\[BadRequest\\].*", "404 \\[NotFound\\].*",
            "500 (?!\\[BadRequest\\]|\\[NotFound\\]).+"), patterns);
    }

    @Test
    void theSimulatorAnswersANotFoundErrorOfTheJavaStack() throws IOException {
        ItemsApiStack stack = new ItemsApiStack(new App(), "IntegrationResponsesExample");
        SimulatedResponse answer = RestSimulator.fromMethod(stack.getGetItem()).simulate(SimulationInput.builder()
            .backend(BackendResult.builder().errorMessage("[NotFound] item 'missing' does not exist").build())
            .build());
        assertEquals(404, answer.getStatusCode().intValue());
        assertEquals(Map.of("Access-Control-Allow-Origin", "*"), answer.getHeaders());
        assertEquals(Map.of("message", "[NotFound] item 'missing' does not exist"),
            TemplateComparison.JSON.readValue(answer.getBody(), Map.class));
    }
}
