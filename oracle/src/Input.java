import java.util.LinkedHashMap;
import java.util.Map;

/**
 * `$input` as the mapping template reference documents it:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#input-variable-reference
 */
public final class Input {
  private final String body;
  private final Map<String, Map<String, String>> params;
  private Object parsed;
  private boolean isParsed;

  public Input(String body, Map<String, Map<String, String>> params) {
    this.body = body;
    this.params = params;
  }

  /**
   * The raw payload. An empty payload reads as `{}` (a deployed API's output and LocalStack's
   * AWS-validated tests; docs/simulator.md, "Empty, null and non-JSON bodies").
   */
  public String getBody() {
    return body.trim().isEmpty() ? "{}" : body;
  }

  private Object root() {
    if (!isParsed) {
      String text = body.trim();
      if (text.isEmpty()) {
        parsed = new LinkedHashMap<String, Object>();
      } else {
        try {
          parsed = Json.parse(text);
        } catch (IllegalArgumentException e) {
          // Text that is not JSON reads as a JSON string, unless it starts like an object or a list
          // (API Gateway's parser then fails the request; docs/simulator.md).
          if (text.startsWith("{") || text.startsWith("[")) throw e;
          parsed = body;
        }
      }
      isParsed = true;
    }
    return parsed;
  }

  /** The JSON text at `path`; nothing there (or null) is `""`, as a deployed API rendered it (docs/simulator.md). */
  public String json(String path) {
    Object value = JsonPath.select(root(), path);
    return value == null ? "\"\"" : Json.write(value);
  }

  /**
   * The value at `path` as Java objects. Nothing there is null, which API Gateway renders as an
   * empty string (see NullAsEmpty).
   */
  public Object path(String path) {
    return JsonPath.select(root(), path);
  }

  /** All method request parameters: path, querystring and header maps. */
  public Map<String, Map<String, String>> params() {
    return params;
  }

  /** A parameter by name, searched in path, query string, then headers; a missing one is the empty string. */
  public String params(String name) {
    for (String location : new String[] {"path", "querystring", "header"}) {
      Map<String, String> values = params.get(location);
      if (values != null && values.containsKey(name)) return values.get(name);
    }
    return "";
  }
}
