import { childPath, finding, RULES } from './catalog';
import { Finding } from './finding';
import { isContextVariableShape, isKnownContextVariable } from '../grammar/context-variables';
import { parseResponseParameterKey, parseResponseParameterValue } from '../grammar/mapping-expression';
import { isUnknown, knownString } from '../grammar/unknown';

/**
 * Checks one REST response parameter mapping (`method.response.header.X` → expression).
 */
export function checkResponseParameter(key: string, value: unknown, path?: string): Finding[] {
  const findings: Finding[] = [];
  if (!isUnknown(key)) {
    const parsedKey = parseResponseParameterKey(key);
    if (parsedKey.problem) {
      findings.push(finding(RULES.restParameterKey,
        `response parameter '${key}' is not valid: ${parsedKey.problem}; API Gateway requires the key to match ` +
        'method.response.header.{name} and rejects the deployment ("Invalid mapping expression ..."); use method.response.header.{name}', path));
    }
  }
  findings.push(...checkResponseValue(value, `response parameter '${key}': `, path));
  return findings;
}

/**
 * Checks the value side of a REST response parameter mapping. `prefix` starts each message
 * (e.g. "response parameter 'method.response.header.X': ").
 */
export function checkResponseValue(value: unknown, prefix: string, path?: string): Finding[] {
  const expression = knownString(value);
  if (expression === undefined) {
    return value === undefined || isUnknown(value) ? [] : [finding(RULES.restParameterValue,
      `${prefix}${describeKind(value)} is not a valid value: API Gateway expects a ` +
      "string; give a mapping expression or a single-quoted static value such as '*'", path)];
  }
  const parsed = parseResponseParameterValue(expression);
  if (parsed.problem) {
    return [finding(RULES.restParameterValue,
      `${prefix}'${expression}' is not a valid mapping expression: ${parsed.problem}; ` +
      `API Gateway rejects the deployment ("Invalid mapping expression specified: ${expression}")`, path)];
  }
  const source = parsed.value!;
  if (source.kind === 'context') {
    if (!isContextVariableShape(source.name)) {
      return [finding(RULES.restParameterValue,
        `${prefix}'${expression}' is not a context variable: their names are letters, digits and ` +
        'underscores separated by dots, so this mapping can never name one; fix the name', path)];
    }
    if (!isKnownContextVariable(source.name)) {
      return [finding(RULES.restParameterContext,
        `${prefix}'${expression}' is not a documented context variable: API Gateway documents that the name must be ` +
        'one of the supported context variables, so the header may be empty or the deployment may fail (this list can lag ' +
        'behind new variables); check the spelling against the $context reference', path)];
    }
  }
  return [];
}

/**
 * Checks every mapping of a REST `ResponseParameters` map.
 */
export function checkResponseParameters(parameters: Record<string, unknown>, path?: string): Finding[] {
  return Object.entries(parameters).flatMap(([key, value]) => checkResponseParameter(key, value, childPath(path, key)));
}

function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
