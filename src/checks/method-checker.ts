import { matchTargetOf, mockStatusCodes } from '../grammar/match-target';
import { knownObject } from '../grammar/unknown';
import { Finding } from '../rules/finding';
import { FindingsMemo } from '../rules/findings-memo';
import { checkRestMethod } from '../rules/rest-method';

/**
 * Checks REST methods, reusing the findings of a method whose checked properties are the same: the
 * methods of an API mostly share their integration and method responses, and the findings of a
 * method depend on those only (their paths are property paths). The integration URI matters only
 * through what patterns are matched against, so methods with different backends share findings too.
 */
export class MethodChecker {
  private readonly memo = new FindingsMemo();

  /** The findings of an `AWS::ApiGateway::Method` with these properties. */
  public check(properties: Record<string, unknown>): readonly Finding[] {
    return this.memo.get(checkedInput(properties), () => checkRestMethod(properties));
  }
}

function checkedInput(properties: Record<string, unknown>): unknown {
  const integration = knownObject(properties.Integration);
  const checkedIntegration = integration === undefined ? properties.Integration : {
    Type: integration.Type,
    MatchTarget: matchTargetOf(integration.Type, integration.Uri),
    MockStatusCodes: mockStatusCodes(integration.Type, integration.RequestTemplates),
    IntegrationResponses: integration.IntegrationResponses,
  };
  return [checkedIntegration, properties.MethodResponses];
}
