/**
 * How serious a finding is.
 */
export enum Severity {
  /** API Gateway rejects the deployment, or the template can never do what it says. */
  ERROR = 'error',
  /** Deploys, but misbehaves at run time (a 500, a response that is never selected, ...). */
  WARNING = 'warning',
  /** Worth knowing; nothing is wrong. */
  INFO = 'info',
}

/**
 * One result of a rule: what is wrong, where, and how to fix it.
 */
export interface Finding {
  /**
   * The stable ID of the rule that produced this finding (see docs/rules.md).
   */
  readonly ruleId: string;

  /**
   * How serious the finding is.
   */
  readonly severity: Severity;

  /**
   * What is wrong, naming the bad value, what API Gateway does with it and how to fix it.
   */
  readonly message: string;

  /**
   * Where the bad value is, as a CloudFormation property path
   * (e.g. `Integration.IntegrationResponses[1].SelectionPattern`).
   *
   * @default - the finding concerns the whole resource or a value outside a template
   */
  readonly path?: string;
}
