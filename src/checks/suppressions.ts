import { IConstruct } from 'constructs';
import { knownArray, knownObject } from '../grammar/unknown';
import { Finding } from '../rules/finding';
import { checkSuppression } from '../rules/suppression';

/**
 * The CloudFormation `Metadata` key that holds suppressions:
 * `{ "cdk-integration-responses": { "suppress": [{ "ruleId": "...", "reason": "..." }] } }`.
 */
export const METADATA_KEY = 'cdk-integration-responses';

/** The construct metadata type `IntegrationResponseChecks.suppress` records. */
export const CONSTRUCT_METADATA_TYPE = 'cdk-integration-responses:suppress';

export interface Suppression {
  readonly ruleId: string;
  readonly reason: string;
}

/**
 * The suppressions in a resource's CloudFormation `Metadata`, and findings for malformed ones
 * (which are ignored).
 */
export function suppressionsInMetadata(metadata: unknown): { suppressions: Suppression[]; problems: Finding[] } {
  const entry = knownObject(knownObject(metadata)?.[METADATA_KEY]);
  const list = entry === undefined ? [] : knownArray(entry.suppress) ?? [];
  const suppressions: Suppression[] = [];
  const problems: Finding[] = [];
  list.forEach((item, i) => {
    const object = knownObject(item);
    const invalid = checkSuppression(object?.ruleId, object?.reason, `Metadata.${METADATA_KEY}.suppress[${i}]`);
    if (invalid.length > 0) problems.push(...invalid);
    else suppressions.push({ ruleId: object!.ruleId as string, reason: object!.reason as string });
  });
  return { suppressions, problems };
}

/**
 * The suppressions recorded with `IntegrationResponseChecks.suppress` on `construct` and its scopes.
 */
export function suppressionsInScopes(construct: IConstruct): Suppression[] {
  return construct.node.scopes.flatMap(scope => scope.node.metadata
    .filter(entry => entry.type === CONSTRUCT_METADATA_TYPE)
    .map(entry => entry.data as Suppression));
}

/**
 * `findings` without those a suppression covers.
 */
export function withoutSuppressed<T extends Finding>(findings: readonly T[], suppressions: readonly Suppression[]): T[] {
  if (suppressions.length === 0) return [...findings];
  const suppressed = new Set(suppressions.map(s => s.ruleId));
  return findings.filter(f => !suppressed.has(f.ruleId));
}

/**
 * The findings of a resource that remain once the suppressions in its `Metadata` and `extra` are
 * applied, with findings for malformed suppressions (which are ignored).
 */
export function applySuppressions(findings: readonly Finding[], metadata: unknown, extra: readonly Suppression[]): Finding[] {
  const recorded = suppressionsInMetadata(metadata);
  return [...recorded.problems, ...withoutSuppressed(findings, [...recorded.suppressions, ...extra])];
}
