import { childPath, finding, RULES } from './catalog';
import { checkContentHandling } from './content-handling';
import { duplicateItems } from './duplicate-items';
import { Finding } from './finding';
import { REST_PATTERN_RULES } from './pattern-rules';
import { checkResponseParameters } from './response-parameters';
import { checkResponseTemplates } from './response-templates';
import { checkPatternForTarget, checkPatternOverlaps, compilePattern, PlacedPattern } from './selection-pattern';
import { shortList } from './short-list';
import { checkStatusCode } from './status-code';
import { MatchTarget } from '../grammar/match-target';
import { isUnknown, knownArray, knownObject, knownString } from '../grammar/unknown';

/**
 * Checks a REST method's `IntegrationResponses` (CloudFormation shape), each on its own and all
 * together: status codes, selection patterns for `target`, parameters, templates, content handling,
 * duplicate status codes, default responses and overlapping patterns. `answers`, when known, are
 * every result the backend can give (a MOCK's static status codes).
 */
export function checkIntegrationResponses(value: unknown, target: MatchTarget, path: string, answers?: readonly string[]): Finding[] {
  const responses = knownArray(value);
  if (!responses) return [];
  const findings: Finding[] = [];
  const patterns: PlacedPattern[] = [];
  const statusCodes = new Map<string, number[]>();
  const defaults: number[] = [];
  let everyPatternKnown = true;
  const duplicates = duplicateItems(responses, path, 'IntegrationResponses');
  findings.push(...duplicates.findings);

  responses.forEach((item, index) => {
    const response = knownObject(item);
    const at = childPath(path, index);
    if (!response) {
      everyPatternKnown = false;
      return;
    }
    // An exact copy of an earlier response is reported once, as a duplicate item.
    if (duplicates.copies.has(index)) return;
    findings.push(...checkStatusCode(response.StatusCode, childPath(at, 'StatusCode')));
    const statusCode = knownString(response.StatusCode);
    if (statusCode !== undefined) {
      const indexes = statusCodes.get(statusCode);
      if (indexes) indexes.push(index);
      else statusCodes.set(statusCode, [index]);
    }

    const rawPattern = response.SelectionPattern;
    const source = knownString(rawPattern);
    if (rawPattern === undefined || source === '') {
      defaults.push(index);
    } else if (source === undefined) {
      everyPatternKnown = false;
    } else {
      const patternPath = childPath(at, 'SelectionPattern');
      const compiled = compilePattern(source, REST_PATTERN_RULES, patternPath);
      findings.push(...compiled.findings);
      if (compiled.pattern) {
        findings.push(...checkPatternForTarget(source, compiled.pattern, target, REST_PATTERN_RULES, patternPath));
        patterns.push({ display: source, owner: statusCode ?? `#${index}`, compiled: compiled.pattern, path: patternPath });
      }
    }

    const parameters = knownObject(response.ResponseParameters);
    if (parameters) findings.push(...checkResponseParameters(parameters, childPath(at, 'ResponseParameters')));
    const templates = knownObject(response.ResponseTemplates);
    if (templates) findings.push(...checkResponseTemplates(templates, childPath(at, 'ResponseTemplates')));
    findings.push(...checkContentHandling(RULES.restContentHandling, response.ContentHandling, childPath(at, 'ContentHandling')));
  });

  for (const [code, indexes] of statusCodes) {
    if (indexes.length > 1) {
      findings.push(finding(RULES.restDuplicateStatusCode,
        `status code '${code}' is used by ${indexes.length} integration responses (${shortList(indexes.map(i => `#${i}`))}): ` +
        'API Gateway keeps one integration response per status code (a later one replaces an earlier one), so the others ' +
        "are never used; merge them into one, combining their selection patterns with '|'", childPath(childPath(path, indexes[1]), 'StatusCode')));
    }
  }
  if (defaults.length > 1) {
    const codes = shortList(defaults.map(i => describe(responses[i], i)));
    findings.push(finding(RULES.restDuplicateDefault,
      `integration responses ${codes} all have no selection pattern: API Gateway keeps one default response per method, ` +
      'so CloudFormation deploys the method with some of them missing (the API itself refuses a second default: ' +
      '"Integration response with selection pattern default already exists"); give every response but one a selection pattern',
      childPath(path, defaults[1])));
  }
  const everyAnswerMatched = answers !== undefined && answers.every(answer => patterns.some(p => p.compiled.matches(answer)));
  if (defaults.length === 0 && everyPatternKnown && responses.length > 0 && !everyAnswerMatched) {
    findings.push(finding(RULES.restNoDefault,
      'no integration response is the default (one without a selection pattern): backend results that match no ' +
      `pattern${target === 'lambda' ? ', including every successful Lambda invocation,' : ''} reach the client as ` +
      '500 {"message": "Internal server error"}; add a default response', path));
  }
  findings.push(...checkPatternOverlaps(patterns, target, REST_PATTERN_RULES));
  return findings;
}

function describe(response: unknown, index: number): string {
  const code = knownString(knownObject(response)?.StatusCode);
  return code !== undefined && !isUnknown(code) ? `'${code}'` : `#${index}`;
}
