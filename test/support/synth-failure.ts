import { App } from 'aws-cdk-lib';
import { hasValidations } from '../../src/checks/plugin-registration';

/** Whether this aws-cdk-lib reports the checks through its validation report (it has `Validations`). */
export const REPORTS_THROUGH_VALIDATIONS = hasValidations();

/** The message synthesis of `app` fails with; fails the test when synthesis succeeds. */
export function synthFailure(app: App): string {
  try {
    app.synth();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('synthesis succeeded');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern for a finding as synthesis reports it: in aws-cdk-lib's validation report (the message,
 * then the construct path, then the acknowledgment ID), or, on releases without `Validations`, as
 * the validation error of the construct (`[path] [rule-id] message`). `text` is a regular expression.
 */
export function reportedFinding(constructPath: string, ruleId: string, text: string): RegExp {
  return REPORTS_THROUGH_VALIDATIONS
    ? new RegExp(`${text}[^\\n]*\\n\\s+${escape(constructPath)} [\\s\\S]*?Acknowledge with 'cdk-integration-responses::${escape(ruleId)}'`)
    : new RegExp(`\\[${escape(constructPath)}\\] \\[${escape(ruleId)}\\] ${text}`);
}
