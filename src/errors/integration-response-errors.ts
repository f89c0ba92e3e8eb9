import { IntegrationResponseError } from './integration-response-error';
import { ALL_RULES } from '../rules/catalog';
import { Finding } from '../rules/finding';

const FINDING_LINE = /^\[([a-z]+(?:-[a-z]+)+)\] (.*)$/;

/**
 * Reads the errors this library throws: builders and constructs throw at the call that introduces a
 * mistake, synthesis fails with the same findings, and the simulator and the template reader throw
 * for what they cannot answer or read.
 *
 * In TypeScript and JavaScript the error object carries its findings. Python, Java, .NET and Go
 * receive a jsii error with the same message; `findingsOf` reads the findings back from that
 * message (`str(e)` in Python, `e.getMessage()` in Java).
 *
 * ```ts
 * declare const caught: any;   // what a call such as RestResponse.forStatus('2000') threw
 * IntegrationResponseErrors.findingsOf(caught);   // [{ ruleId: 'rest-status-code', severity: 'error', ... }]
 * ```
 */
export class IntegrationResponseErrors {
  /**
   * Whether `x` is an error thrown by this library (not by aws-cdk-lib, not a bug elsewhere).
   *
   * @param x the caught value
   */
  public static isIntegrationResponseError(x: any): boolean {
    return IntegrationResponseError.is(x);
  }

  /**
   * The findings of an error of this library: given the error object (TypeScript, JavaScript) or its
   * message (any language). Lines that are not findings (a usage error, another library's error) give
   * none.
   *
   * @param caught the caught error, or its message
   */
  public static findingsOf(caught: any): Finding[] {
    if (IntegrationResponseError.is(caught)) return [...caught.findings];
    const message = typeof caught === 'string' ? caught : caught instanceof Error ? caught.message : undefined;
    if (message === undefined) return [];
    return message.split('\n').map(parseLine).filter((f): f is Finding => f !== undefined);
  }

  private constructor() {}
}

/** A `[rule-id] message (at path) (in where)` line as a finding, when the rule ID is one of ours. */
function parseLine(line: string): Finding | undefined {
  // aws-cdk-lib prefixes the lines of a failed synthesis with the construct path (`  [Stack/Api/...] [rule] ...`),
  // and its validation report with the severity and suffixes them with the plugin (`ERROR [rule] ... (cdk-integration-responses)`);
  // jsii hands Python and Java the message behind the error's name: `IntegrationResponseError: [rule] ...`.
  const match = FINDING_LINE.exec(line.trim().replace(/^[A-Za-z]*Error: (?=\[)/, '').replace(/^\[[^\]]*\] (?=\[)/, '')
    .replace(/^(ERROR|WARNING) (?=\[)/, '').replace(/ \(cdk-integration-responses\)$/, ''));
  const rule = match ? ALL_RULES.find(r => r.id === match[1]) : undefined;
  if (!match || !rule) return undefined;
  let text = match[2];
  const where = text.lastIndexOf(' (in ');
  if (where >= 0 && text.endsWith(')')) text = text.slice(0, where);
  const at = text.lastIndexOf(' (at ');
  const path = at >= 0 && text.endsWith(')') ? text.slice(at + ' (at '.length, -1) : undefined;
  if (path !== undefined) text = text.slice(0, at);
  return path === undefined
    ? { ruleId: rule.id, severity: rule.severity, message: text }
    : { ruleId: rule.id, severity: rule.severity, message: text, path };
}
