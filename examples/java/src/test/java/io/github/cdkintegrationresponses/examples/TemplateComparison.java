package io.github.cdkintegrationresponses.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The part of a template that must be the same in every language. Logical IDs come from construct
 * paths, so the same construct tree gives the same IDs in every language and resources are matched by
 * ID. Only Properties are compared: Metadata, the Lambda function, its role and the deployment (whose
 * logical ID hashes the whole API) may differ with the aws-cdk-lib release each language resolves
 * from its own registry, and none of them are what this library emits.
 */
final class TemplateComparison {
    // Jackson comes with the jsii runtime, which aws-cdk-lib depends on.
    static final ObjectMapper JSON = new ObjectMapper();

    private static final Set<String> COMPARED_TYPES = Set.of(
        "AWS::ApiGateway::Method",
        "AWS::ApiGatewayV2::Integration",
        "AWS::ApiGatewayV2::IntegrationResponse",
        "AWS::ApiGatewayV2::Route",
        "AWS::ApiGatewayV2::RouteResponse");

    private TemplateComparison() {
    }

    static ObjectNode compared(final JsonNode template) {
        ObjectNode properties = JSON.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> resources = template.get("Resources").fields();
        while (resources.hasNext()) {
            Map.Entry<String, JsonNode> resource = resources.next();
            if (COMPARED_TYPES.contains(resource.getValue().get("Type").asText())) {
                properties.set(resource.getKey(), resource.getValue().get("Properties"));
            }
        }
        return properties;
    }

    /** The TypeScript example's template, from the cloud assembly CDK_REFERENCE_OUT names. */
    static JsonNode reference(final String stack) throws IOException {
        String out = System.getenv("CDK_REFERENCE_OUT");
        if (out == null || out.isEmpty()) {
            throw new IllegalStateException("CDK_REFERENCE_OUT must name the TypeScript example's cdk.out (npm run test:languages sets it)");
        }
        return JSON.readTree(Files.readString(Path.of(out, stack + ".template.json")));
    }
}
