import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.commons.lang.StringEscapeUtils;

/**
 * `$util` as the mapping template reference documents it:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#util-template-reference
 */
public final class Util {
  /** "Escapes the characters in a string using JavaScript string rules" (so `'` becomes `\'`): Commons Lang's escapeJavaScript. */
  public String escapeJavaScript(String s) {
    return StringEscapeUtils.escapeJavaScript(s);
  }

  /** "Takes stringified JSON and returns an object representation of the result." */
  public Object parseJson(String s) {
    return Json.parse(s.trim());
  }

  /** "Converts a string into application/x-www-form-urlencoded format." */
  public String urlEncode(String s) throws UnsupportedEncodingException {
    return URLEncoder.encode(s, "UTF-8");
  }

  /** "Decodes an application/x-www-form-urlencoded string." */
  public String urlDecode(String s) throws UnsupportedEncodingException {
    return URLDecoder.decode(s, "UTF-8");
  }

  /** "Encodes the data into a base64-encoded string." */
  public String base64Encode(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** "Decodes the data from a base64-encoded string." */
  public String base64Decode(String s) {
    return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
  }
}
