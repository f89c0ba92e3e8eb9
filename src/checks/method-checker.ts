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
    const input = checkedInput(properties);
    return this.memo.get(input, () => checkRestMethod(properties), fingerprint(input));
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

/** A short summary equal for equal inputs: the kind of integration, status codes and patterns. */
function fingerprint(input: unknown): string {
  const [integration, methodResponses] = input as [unknown, unknown];
  const object = knownObject(integration);
  const responses = Array.isArray(object?.IntegrationResponses) ? object!.IntegrationResponses as unknown[] : [];
  const label = (value: unknown) => typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : typeof value;
  const parts = [label(object?.Type), label(object?.MatchTarget), label(object?.MockStatusCodes), String(responses.length),
    Array.isArray(methodResponses) ? String(methodResponses.length) : typeof methodResponses];
  for (const response of responses) {
    const r = knownObject(response);
    parts.push(typeof r?.StatusCode === 'string' ? r.StatusCode : '?', typeof r?.SelectionPattern === 'string' ? r.SelectionPattern : '-');
  }
  return parts.join('\u0000');
}
