import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;

/**
 * Renders API Gateway mapping templates with Apache Velocity 1.7, in batches: reads a JSON array of
 * cases `{template, body, params, context, stageVariables}` on stdin and writes a JSON array of
 * answers `{ok: true, output}` or `{ok: false, error}` on stdout, so one JVM start serves
 * thousands of cases.
 */
public final class VtlOracle {
  private VtlOracle() {
  }

  static VelocityEngine engine() {
    VelocityEngine ve = new VelocityEngine();
    ve.setProperty("runtime.log.logsystem.class", "org.apache.velocity.runtime.log.NullLogChute");
    // API Gateway stops a #foreach after 1,000 iterations (REST API quotas, "Iterations in a
    // #foreach ... #end loop in mapping templates": 1,000).
    ve.setProperty("directive.foreach.maxloops", "1000");
    ve.setProperty("eventhandler.referenceinsertion.class", NullAsEmpty.class.getName());
    // Each case is its own template: a macro it defines must not leak into the next case.
    ve.setProperty("velocimacro.permissions.allow.inline.local.scope", "true");
    ve.init();
    return ve;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> answer(VelocityEngine ve, Map<String, Object> c, int n) {
    Map<String, Object> result = new LinkedHashMap<>();
    try {
      VelocityContext context = new VelocityContext();
      Object params = c.get("params");
      context.put("input", new Input((String) c.get("body"), params == null ? new LinkedHashMap<>() : (Map<String, Map<String, String>>) params));
      context.put("util", new Util());
      context.put("context", c.get("context") == null ? new LinkedHashMap<>() : c.get("context"));
      context.put("stageVariables", c.get("stageVariables") == null ? new LinkedHashMap<>() : c.get("stageVariables"));
      StringWriter out = new StringWriter();
      ve.evaluate(context, out, "case" + n, (String) c.get("template"));
      result.put("ok", Boolean.TRUE);
      result.put("output", out.toString());
    } catch (Throwable e) {
      result.put("ok", Boolean.FALSE);
      result.put("error", e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).split("\n")[0]);
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    InputStream in = System.in;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[65536];
    for (int r; (r = in.read(chunk)) > 0;) buffer.write(chunk, 0, r);
    List<Object> cases = (List<Object>) Json.parse(buffer.toString("UTF-8"));
    VelocityEngine ve = engine();
    Json.JsonArray answers = new Json.JsonArray();
    int n = 0;
    for (Object c : cases) answers.add(answer(ve, (Map<String, Object>) c, n++));
    PrintStream out = new PrintStream(System.out, false, "UTF-8");
    out.print(Json.write(answers));
    out.flush();
  }
}
