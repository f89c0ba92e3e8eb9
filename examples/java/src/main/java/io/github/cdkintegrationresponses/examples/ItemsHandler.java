package io.github.cdkintegrationresponses.examples;

import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;

/** The handler both stacks call. It reports failures as errors whose message starts with a tag API Gateway can match. */
final class ItemsHandler {
    private static final String CODE = String.join("\n",
        "",
        "exports.handler = async (event) => {",
        "  if (!event.id) throw new Error('[BadRequest] id is required');",
        "  if (event.id === 'missing') throw new Error(\"[NotFound] item '\" + event.id + \"' does not exist\");",
        "  return { id: event.id, name: 'example' };",
        "};",
        "");

    private ItemsHandler() {
    }

    static Function create(final Construct scope) {
        return Function.Builder.create(scope, "ItemsHandler")
            .runtime(Runtime.NODEJS_20_X)
            .handler("index.handler")
            .code(Code.fromInline(CODE))
            .build();
    }
}
