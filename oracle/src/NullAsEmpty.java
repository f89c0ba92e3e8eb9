import org.apache.velocity.app.event.ReferenceInsertionEventHandler;

/**
 * API Gateway rule: a null or undefined reference (`$nope`, `$input.path('$.missing')`) renders as
 * the empty string, where plain Velocity prints the reference as written. Evidence in
 * docs/simulator.md ("Null references").
 */
public final class NullAsEmpty implements ReferenceInsertionEventHandler {
  @Override
  public Object referenceInsert(String reference, Object value) {
    return value == null ? "" : value;
  }
}
