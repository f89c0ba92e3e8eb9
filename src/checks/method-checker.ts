import { Finding } from '../rules/finding';
import { checkRestMethod } from '../rules/rest-method';

/**
 * Checks REST methods, reusing the findings of a method with the same properties: the methods of
 * an API mostly share their integration and method responses, and the findings of a method depend
 * on its properties only (their paths are property paths).
 */
export class MethodChecker {
  private readonly findingsOf = new Map<string, readonly Finding[]>();

  /** The findings of an `AWS::ApiGateway::Method` with these properties. */
  public check(properties: Record<string, unknown>): readonly Finding[] {
    const key = JSON.stringify(properties);
    let findings = this.findingsOf.get(key);
    if (findings === undefined) {
      findings = checkRestMethod(properties);
      this.findingsOf.set(key, findings);
    }
    return findings;
  }
}
