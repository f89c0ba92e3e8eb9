import { finding, RULES } from './catalog';
import { Finding } from './finding';

/**
 * `template-duplicate-key`: a key of a YAML mapping appears more than once (CloudFormation keeps
 * the last value).
 *
 * @param key the repeated key
 * @param where where the mapping is, phrased to follow the key ("in Resources.X.Properties")
 * @param lines the lines of its occurrences, in order
 * @param path the finding's path, relative to the resource or section it is about
 */
export function duplicateKeyFinding(key: string | number, where: string, lines: readonly number[], path?: string): Finding {
  const distinct = [...new Set(lines)];
  const lineList = distinct.length === 1 ? `line ${distinct[0]}` : `lines ${distinct.slice(0, -1).join(', ')} and ${distinct[distinct.length - 1]}`;
  const count = lines.length === 2 ? 'twice' : `${lines.length} times`;
  const earlier = lines.length === 2 ? 'earlier one' : 'earlier ones';
  return finding(RULES.templateDuplicateKey,
    `key '${key}' appears ${count} ${where}, at ${lineList}: CloudFormation uses the last value (line ${lines[lines.length - 1]}) ` +
    `and silently ignores the ${earlier}; remove all but one`, path);
}
