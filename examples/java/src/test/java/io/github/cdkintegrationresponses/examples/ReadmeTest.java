package io.github.cdkintegrationresponses.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

/** The README's Java first-use snippet compiles as written and synthesizes what it says. */
class ReadmeTest {
    private static final Path README = Path.of("..", "..", "README.md");

    /** The snippet inside a method that takes what it uses from "the rest of your app". */
    private static String wrapped(final String snippet) {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : snippet.split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        return "package readme;\n"
            + "import java.util.List;\n"
            + "import software.amazon.awscdk.App;\n"
            + "import software.amazon.awscdk.services.apigateway.*;\n"
            + "import software.amazon.awscdk.services.lambda.IFunction;\n"
            + imports
            + "public class Snippet {\n"
            + "  public static void run(App app, RestApi api, IFunction fn) {\n" + body + "  }\n"
            + "}\n";
    }

    private static String firstUseSnippet() throws IOException {
        String text = Files.readString(README);
        String section = text.substring(text.indexOf("## Install and first use"));
        int start = section.indexOf("```java\n") + "```java\n".length();
        return section.substring(start, section.indexOf("```", start));
    }

    @Test
    void theReadmeFirstUseSynthesizesItsResponses(@TempDir final Path dir) throws Exception {
        Path source = dir.resolve("readme/Snippet.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, wrapped(firstUseSnippet()));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        // Surefire's class path (useManifestOnlyJar=false in the pom) has the library and aws-cdk-lib.
        int status = javac.run(null, null, null, "-d", dir.toString(),
            "-cp", System.getProperty("java.class.path"), source.toString());
        assertEquals(0, status, "the README's Java snippet does not compile");

        App app = new App();
        Stack stack = new Stack(app, "Readme");
        RestApi api = new RestApi(stack, "Api");
        Function fn = Function.Builder.create(stack, "Fn").runtime(Runtime.NODEJS_20_X).handler("index.handler")
            .code(Code.fromInline("exports.handler = async () => ({})")).build();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            loader.loadClass("readme.Snippet").getMethod("run", App.class, RestApi.class, software.amazon.awscdk.services.lambda.IFunction.class)
                .invoke(null, app, api, fn);
        }

        JsonNode template = TemplateComparison.JSON.valueToTree(app.synth().getStackByName("Readme").getTemplate());
        List<String> responses = new ArrayList<>();
        for (JsonNode resource : template.get("Resources")) {
            if (resource.get("Type").asText().equals("AWS::ApiGateway::Method")) {
                for (JsonNode response : resource.at("/Properties/Integration/IntegrationResponses")) {
                    responses.add(response.get("StatusCode").asText() + " " + response.path("SelectionPattern").asText("(default)")
                        + " " + response.at("/ResponseParameters/method.response.header.Access-Control-Allow-Origin").asText());
                }
            }
        }
        assertEquals(List.of("200 (default) '*'", "404 \\[NotFound\\].* '*'"), responses);
    }
}
