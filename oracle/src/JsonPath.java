import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSONPath subset the generated cases use: `$`, `.name`, `['name']`, `[n]`, `[*]` and `.*`.
 * A definite path gives one value or null (missing); a path with a wildcard gives a list, as Jayway
 * JsonPath (API Gateway's JSONPath) does.
 */
public final class JsonPath {
  private JsonPath() {
  }

  private static final Object MISSING = new Object();

  public static Object select(Object root, String path) {
    if (!path.startsWith("$")) path = "$." + path;
    List<Object> current = new ArrayList<>();
    current.add(root);
    boolean indefinite = false;
    int i = 1;
    while (i < path.length()) {
      char c = path.charAt(i);
      String key = null;
      Integer index = null;
      boolean wildcard = false;
      if (c == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') end++;
        key = path.substring(i + 1, end);
        if (key.isEmpty()) throw new IllegalArgumentException("unsupported JSONPath " + path);
        if (key.equals("*")) { wildcard = true; key = null; }
        i = end;
      } else if (c == '[') {
        int end = path.indexOf(']', i);
        if (end < 0) throw new IllegalArgumentException("unsupported JSONPath " + path);
        String inner = path.substring(i + 1, end);
        if (inner.equals("*")) wildcard = true;
        else if (inner.matches("'[^']*'|\"[^\"]*\"")) key = inner.substring(1, inner.length() - 1);
        else if (inner.matches("[0-9]+")) index = Integer.valueOf(inner);
        else throw new IllegalArgumentException("unsupported JSONPath " + path);
        i = end + 1;
      } else {
        throw new IllegalArgumentException("unsupported JSONPath " + path);
      }
      indefinite |= wildcard;
      List<Object> next = new ArrayList<>();
      for (Object node : current) {
        if (wildcard) {
          if (node instanceof Map) next.addAll(((Map<?, ?>) node).values());
          else if (node instanceof List) next.addAll((List<?>) node);
        } else if (key != null) {
          if (node instanceof Map && ((Map<?, ?>) node).containsKey(key)) next.add(((Map<?, ?>) node).get(key));
        } else if (node instanceof List && index < ((List<?>) node).size()) {
          next.add(((List<?>) node).get(index));
        }
      }
      current = next;
    }
    if (indefinite) {
      Json.JsonArray list = new Json.JsonArray();
      list.addAll(current);
      return list;
    }
    return current.isEmpty() ? null : current.get(0);
  }
}
