package io.github.cdkintegrationresponses.examples;

import io.github.cdkintegrationresponses.IntegrationResponseChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/** The example app of examples/app.ts in Java: `mvn compile exec:java` (or `cdk synth --app ...`) synthesizes it. */
public final class ItemsApp {
    private ItemsApp() {
    }

    /** The whole app, unsynthesized, so tests can synthesize it into a directory of their own. */
    public static App createApp(final String outdir) {
        App app = new App(AppProps.builder().outdir(outdir).build());
        // Every integration response of the app, including aws-cdk-lib's own CORS preflight methods,
        // goes through the rule table at synth.
        IntegrationResponseChecks.addTo(app);
        new ItemsApiStack(app, "IntegrationResponsesExample");
        new ItemsWebSocketStack(app, "IntegrationResponsesWebSocketExample");
        return app;
    }

    public static void main(final String[] args) {
        createApp(null).synth();
    }
}
