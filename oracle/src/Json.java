import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader and writer, so the harness needs nothing beyond Velocity's own jars.
 *
 * Objects read as LinkedHashMap (key order kept; Java's toString renders `{a=1, b=x}`), arrays as
 * JsonArray (see there), integers as Integer, Long or BigInteger by size and decimals as Double,
 * the types Jayway JsonPath's default json-smart provider gives API Gateway's `$input.path`.
 */
public final class Json {
  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  /** A list read from JSON. */
  public static final class JsonArray extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;

    /**
     * API Gateway renders a list from `$input.path` as JSON (`[{"c":5}]`), not as Java's `[{c=5}]`:
     * json-smart's JSONArray, which Jayway JsonPath builds for arrays, prints itself as JSON (the
     * behaviour LocalStack reproduces in its VTLJsonList, validated against AWS). Maps are
     * LinkedHashMaps and print the Java way.
     */
    @Override
    public String toString() {
      return write(this);
    }
  }

  public static Object parse(String text) {
    Json p = new Json(text);
    p.skip();
    Object v = p.value(0);
    p.skip();
    if (p.pos != text.length()) throw p.error("trailing characters");
    return v;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("invalid JSON at " + pos + ": " + what);
  }

  private void skip() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) pos++;
  }

  private Object value(int depth) {
    if (depth > 500) throw error("too deep");
    if (pos >= text.length()) throw error("unexpected end");
    char c = text.charAt(pos);
    if (c == '{') {
      pos++;
      Map<String, Object> map = new LinkedHashMap<>();
      skip();
      if (peek('}')) return map;
      while (true) {
        skip();
        if (pos >= text.length() || text.charAt(pos) != '"') throw error("expected a key");
        String key = string();
        skip();
        expect(':');
        skip();
        map.put(key, value(depth + 1));
        skip();
        if (peek('}')) return map;
        expect(',');
      }
    }
    if (c == '[') {
      pos++;
      JsonArray list = new JsonArray();
      skip();
      if (peek(']')) return list;
      while (true) {
        skip();
        list.add(value(depth + 1));
        skip();
        if (peek(']')) return list;
        expect(',');
      }
    }
    if (c == '"') return string();
    if (text.startsWith("true", pos)) { pos += 4; return Boolean.TRUE; }
    if (text.startsWith("false", pos)) { pos += 5; return Boolean.FALSE; }
    if (text.startsWith("null", pos)) { pos += 4; return null; }
    return number();
  }

  private boolean peek(char c) {
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!peek(c)) throw error("expected '" + c + "'");
  }

  private String string() {
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) throw error("unterminated string");
      char c = text.charAt(pos++);
      if (c == '"') return out.toString();
      if (c < 0x20) throw error("control character in string");
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= text.length()) throw error("unterminated escape");
      char e = text.charAt(pos++);
      switch (e) {
        case '"': out.append('"'); break;
        case '\\': out.append('\\'); break;
        case '/': out.append('/'); break;
        case 'b': out.append('\b'); break;
        case 'f': out.append('\f'); break;
        case 'n': out.append('\n'); break;
        case 'r': out.append('\r'); break;
        case 't': out.append('\t'); break;
        case 'u':
          if (pos + 4 > text.length()) throw error("bad unicode escape");
          out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
          break;
        default: throw error("bad escape");
      }
    }
  }

  private Object number() {
    int start = pos;
    if (peek('-')) { /* sign */ }
    while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) pos++;
    String n = text.substring(start, pos);
    if (!n.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) throw error("bad value");
    if (n.indexOf('.') < 0 && n.indexOf('e') < 0 && n.indexOf('E') < 0) {
      BigInteger big = new BigInteger(n);
      if (big.bitLength() < 32) return big.intValue();
      if (big.bitLength() < 64) return big.longValue();
      return big;
    }
    return Double.valueOf(n);
  }

  /** Compact JSON, escaped as JavaScript's JSON.stringify escapes. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String) {
      quote((String) value, out);
    } else if (value instanceof Map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<Object, Object> e : ((Map<Object, Object>) value).entrySet()) {
        if (!first) out.append(',');
        first = false;
        quote(String.valueOf(e.getKey()), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List) {
      out.append('[');
      boolean first = true;
      for (Object item : (List<Object>) value) {
        if (!first) out.append(',');
        first = false;
        write(item, out);
      }
      out.append(']');
    } else if (value instanceof Double && (((Double) value).isNaN() || ((Double) value).isInfinite())) {
      out.append("null");
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value.toString());
    } else {
      quote(value.toString(), out);
    }
  }

  private static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        default:
          if (c < 0x20 || (c >= 0xd800 && c <= 0xdfff && !validSurrogate(s, i))) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
      }
    }
    out.append('"');
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
