import { Finding } from '../rules/finding';
import { matchTargetOf } from '../rules/match-target';
import { checkRestMethod } from '../rules/rest-method';
import { knownObject } from '../rules/unknown';

/**
 * Checks REST methods, reusing the findings of a method whose checked properties are the same: the
 * methods of an API mostly share their integration and method responses, and the findings of a
 * method depend on those only (their paths are property paths). The integration URI matters only
 * through what patterns are matched against, so methods with different backends share findings too.
 */
export class MethodChecker {
  private readonly findingsOf = new Map<string, readonly Finding[]>();

  /** The findings of an `AWS::ApiGateway::Method` with these properties. */
  public check(properties: Record<string, unknown>): readonly Finding[] {
    const key = cacheKey(properties);
    let findings = this.findingsOf.get(key);
    if (findings === undefined) {
      findings = checkRestMethod(properties);
      this.findingsOf.set(key, findings);
    }
    return findings;
  }
}

function cacheKey(properties: Record<string, unknown>): string {
  const integration = knownObject(properties.Integration);
  const checkedIntegration = integration === undefined ? properties.Integration : {
    Type: integration.Type,
    MatchTarget: matchTargetOf(integration.Type, integration.Uri),
    IntegrationResponses: integration.IntegrationResponses,
  };
  return JSON.stringify([checkedIntegration, properties.MethodResponses]);
}
