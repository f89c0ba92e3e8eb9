import { IConstruct } from 'constructs';
import { ALL_RULES, finding, RULES } from '../rules/catalog';
import { Finding } from '../rules/finding';
import { knownArray, knownObject, knownString } from '../rules/unknown';

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
 * Why a suppression cannot be used, or `undefined` when it can.
 */
export function suppressionProblem(ruleId: unknown, reason: unknown): string | undefined {
  if (ruleId === undefined || ruleId === null) return 'a suppression without a ruleId names no rule of cdk-integration-responses (see docs/rules.md)';
  const id = typeof ruleId === 'string' ? ruleId : undefined;
  if (id === undefined) return `a suppression's ruleId must be a rule ID string, not ${describeValue(ruleId)}`;
  if (!ALL_RULES.some(r => r.id === id)) return `suppression of '${id}' names no rule of cdk-integration-responses (see docs/rules.md)`;
  const text = knownString(reason);
  if (text === undefined || text.trim() === '') return `suppression of '${id}' gives no reason`;
  return undefined;
}

/** A short description of a value that is not a string, never its (possibly huge) contents. */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${String(value).slice(0, 40)}`;
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
    const problem = suppressionProblem(object?.ruleId, object?.reason);
    if (problem) {
      problems.push(finding(RULES.suppressionInvalid, `${problem}; it is ignored`, `Metadata.${METADATA_KEY}.suppress[${i}]`));
    } else {
      suppressions.push({ ruleId: object!.ruleId as string, reason: object!.reason as string });
    }
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
