import { childPath, finding, RULES } from './catalog';
import { Finding } from './finding';
import { knownObject } from '../grammar/unknown';

/**
 * The items of a list that are exact copies of an earlier item, and a finding for each:
 * CloudFormation's resource schema marks `IntegrationResponses` and `MethodResponses` as
 * `uniqueItems`, and a template with two identical items fails ("Property MethodResponses contains
 * duplicate values.", aws-cdk issue 26586). Callers skip the copies in their own duplicate checks, so
 * one mistake is reported once.
 *
 * @param listName the property name, as messages show it (`MethodResponses`)
 */
export function duplicateItems(list: readonly unknown[], path: string, listName: string): { copies: Set<number>; findings: Finding[] } {
  const first = new Map<string, number>();
  const copies = new Set<number>();
  const findings: Finding[] = [];
  // Only items alike in their status code and keys can be copies: the rest are never serialized.
  const alike = new Map<string, number>();
  for (const item of list) {
    const object = knownObject(item);
    if (object !== undefined) alike.set(signature(object), (alike.get(signature(object)) ?? 0) + 1);
  }
  list.forEach((item, index) => {
    const object = knownObject(item);
    if (object === undefined || alike.get(signature(object))! < 2) return;
    const key = canonicalJson(item);
    const original = first.get(key);
    if (original === undefined) {
      first.set(key, index);
      return;
    }
    copies.add(index);
    findings.push(finding(RULES.restDuplicateItems,
      `item #${index} of ${listName} is an exact copy of item #${original}: CloudFormation rejects a list with identical items ` +
      `("Property ${listName} contains duplicate values."); remove the copy`, childPath(path, index)));
  });
  return { copies, findings };
}

function signature(item: Record<string, unknown>): string {
  const code = typeof item.StatusCode === 'string' || typeof item.StatusCode === 'number' ? String(item.StatusCode) : typeof item.StatusCode;
  return `${code}\u0000${Object.keys(item).sort().join('\u0000')}`;
}

/** JSON with object keys sorted, so items that differ only in key order compare equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    return Object.fromEntries(Object.keys(v).sort().map(k => [k, (v as Record<string, unknown>)[k]]));
  });
}
