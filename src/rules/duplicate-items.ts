import { childPath, finding, RULES } from './catalog';
import { Finding } from './finding';
import { knownObject } from '../grammar/unknown';

/** Copies reported one by one; the others are counted in one more finding. */
const MAX_REPORTED = 20;

/**
 * The items of a list that are exact copies of an earlier item, and a finding for each (the first
 * twenty, then one finding that counts the others):
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
  const signatures = list.map(item => {
    const object = knownObject(item);
    if (object === undefined) return undefined;
    const sig = signature(object);
    alike.set(sig, (alike.get(sig) ?? 0) + 1);
    return sig;
  });
  list.forEach((item, index) => {
    const sig = signatures[index];
    if (sig === undefined || alike.get(sig)! < 2) return;
    const key = canonicalJson(item);
    const original = first.get(key);
    if (original === undefined) {
      first.set(key, index);
      return;
    }
    copies.add(index);
    if (copies.size > MAX_REPORTED) return;
    findings.push(finding(RULES.restDuplicateItems,
      `item #${index} of ${listName} is an exact copy of item #${original}: CloudFormation rejects a list with identical items ` +
      `("Property ${listName} contains duplicate values."); remove the copy`, childPath(path, index)));
  });
  if (copies.size > MAX_REPORTED) {
    const unreported = [...copies].slice(MAX_REPORTED);
    findings.push(finding(RULES.restDuplicateItems,
      `${unreported.length} more items of ${listName} (from #${unreported[0]} on) are exact copies of earlier items: CloudFormation ` +
      `rejects a list with identical items ("Property ${listName} contains duplicate values."); remove the copies`, childPath(path, unreported[0])));
  }
  return { copies, findings };
}

/**
 * What copies share for certain: the status code, the keys, and the keys of the values that are
 * objects (maps such as ResponseParameters). Items with different signatures are never serialized.
 */
function signature(item: Record<string, unknown>): string {
  const code = typeof item.StatusCode === 'string' || typeof item.StatusCode === 'number' ? String(item.StatusCode) : typeof item.StatusCode;
  const parts = [code];
  for (const key of Object.keys(item).sort()) {
    const value = item[key];
    const inner = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
    parts.push(inner.length === 0 || inner.length > 50 ? key : `${key}:${inner.sort().join('\u0001')}`);
  }
  return parts.join('\u0000');
}

/**
 * JSON with object keys sorted, so items that differ only in key order compare equal (as
 * `JSON.stringify` spells values: `undefined` and functions left out of objects, `null` in lists).
 * It recurses: the checks only read input no deeper than their nesting limit.
 */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON(): unknown }).toJSON());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    entries.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${entries.join(',')}}`;
}
