import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Scanner;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads "P <base64 pattern>" and "I <base64 input>" lines; answers each pattern with "OK" or
 * "ERR" and each input with whether Pattern.matches (a whole-string match, as API Gateway uses)
 * accepts it.
 */
public class PatternOracle {
  public static void main(String[] args) {
    Base64.Decoder decoder = Base64.getDecoder();
    Scanner in = new Scanner(System.in, StandardCharsets.UTF_8);
    Pattern current = null;
    while (in.hasNextLine()) {
      String line = in.nextLine();
      String text = new String(decoder.decode(line.substring(2)), StandardCharsets.UTF_8);
      if (line.startsWith("P ")) {
        try {
          current = Pattern.compile(text);
          System.out.println("OK");
        } catch (PatternSyntaxException e) {
          current = null;
          System.out.println("ERR");
        }
      } else {
        System.out.println(current != null && current.matcher(text).matches() ? "true" : "false");
      }
    }
  }
}
