import * as fs from 'fs';
import * as path from 'path';
import {
  CfnResource, IPolicyValidationContextBeta1, IPolicyValidationPluginBeta1, PolicyValidationPluginReportBeta1,
  PolicyViolationBeta1, Stack, Stage,
} from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { engineChecksSchemaOf } from './default-validation';
import { PLUGIN_NAME } from './plugin-registration';
import { Suppression, suppressionsInScopes } from './suppressions';
import { STRICT_CONTEXT_KEY } from './synth-validation';
import { checkResources, TemplateResource } from './template-resources';
import { formatFinding } from '../errors/integration-response-error';
import { knownObject } from '../grammar/unknown';
import { Severity } from '../rules/finding';


/**
 * Options of the validation plugin.
 */
export interface IntegrationResponseValidationPluginProps {
  /**
   * Report warnings as errors, so that they fail synthesis unless acknowledged. The context value
   * `cdk-integration-responses:strict` (`true`) does the same for the whole app; aws-cdk-lib's own
   * strict modes (`cdk synth --strict`) fail on the warnings as they are.
   *
   * @default false
   */
  readonly strict?: boolean;
}

/**
 * The rule table as a policy-validation plugin of aws-cdk-lib: its findings appear in aws-cdk-lib's
 * validation report (`validation-report.json`, `cdk validate`) with the construct path and the
 * property of each, and are acknowledged the aws-cdk-lib way:
 *
 * ```ts
 * declare const method: apigw.Method;
 *
 * Validations.of(method).acknowledge({ id: 'cdk-integration-responses::rest-no-default', reason: 'why' });
 * ```
 *
 * `IntegrationResponseChecks.addTo(app)` registers it on aws-cdk-lib releases that have
 * `Validations` (the way to use it from Java, whose types are nominal); register it yourself with
 * `Validations.of(app).addPlugins(new IntegrationResponseValidationPlugin())`, or with
 * `new App({ policyValidationBeta1: [...] })` on older releases. Errors make the plugin fail (and
 * synthesis with it); warnings are listed, and fail `cdk synth --strict`. Suppressions made with
 * `IntegrationResponseChecks.suppress` or in CloudFormation `Metadata` still apply. Mistakes that
 * aws-cdk-lib's default engine already reports against the CloudFormation schemas (in stack
 * templates, when it runs) are left to it.
 *
 * @see https://docs.aws.amazon.com/cdk/v2/guide/policy-validation-synthesis.html
 */
export class IntegrationResponseValidationPlugin implements IPolicyValidationPluginBeta1 {
  /** The plugin's name in aws-cdk-lib's report, and the namespace of its acknowledgment IDs. */
  public readonly name: string = PLUGIN_NAME;

  private readonly strict: boolean;

  /**
   * @param props options of the plugin
   */
  constructor(props: IntegrationResponseValidationPluginProps = {}) {
    this.strict = props.strict ?? false;
  }

  /**
   * Checks the templates of the stacks aws-cdk-lib hands over, and the templates of their nested
   * stacks.
   *
   * @param context the templates, and the app they come from
   */
  public validate(context: IPolicyValidationContextBeta1): PolicyValidationPluginReportBeta1 {
    const app = (context as { readonly appConstruct?: IConstruct }).appConstruct;
    const strict = this.strict || isTrue(app?.node.tryGetContext(STRICT_CONTEXT_KEY));
    const violations: PolicyViolationBeta1[] = [];
    for (const template of templatesToCheck(context.templatePaths, app)) {
      const resources = knownObject(knownObject(template.template)?.Resources) ?? {};
      const findings = checkResources(resources as Record<string, TemplateResource>,
        id => template.suppressions(id), { engineReportsSchema: () => template.engineChecksSchema });
      for (const f of findings) {
        if (f.severity === Severity.INFO) continue;
        const error = f.severity === Severity.ERROR || strict;
        violations.push({
          ruleName: f.ruleId,
          // The finding's own line, as errors and the CLI show it, so that `findingsOf` reads it back.
          description: formatFinding(error && f.severity === Severity.WARNING
            ? { ...f, message: `${f.message} (a warning, failing because the checks are strict)` } : f),
          severity: error ? 'error' : 'warning',
          violatingResources: [{
            resourceLogicalId: f.resource,
            templatePath: template.path,
            locations: [f.path === undefined ? 'Properties' : `Properties.${f.path}`],
            ...(template.constructPath(f.resource) !== undefined ? { constructPath: template.constructPath(f.resource) } : {}),
          }],
        });
      }
    }
    return { success: !violations.some(v => v.severity === 'error'), violations };
  }
}

/** A template to check, with what the construct tree tells about its resources. */
interface TemplateToCheck {
  readonly path: string;
  /** The parsed template (`undefined` when it cannot be read). */
  readonly template: unknown;
  readonly engineChecksSchema: boolean;
  constructPath(logicalId: string): string | undefined;
  suppressions(logicalId: string): readonly Suppression[];
}

/**
 * The stack templates, and the templates of the nested stacks inside them (written next to their
 * parent's, as assets), each with its resources' constructs when the app's tree is at hand.
 */
function templatesToCheck(templatePaths: readonly string[], app: IConstruct | undefined): TemplateToCheck[] {
  const byTemplate = new Map<string, Stack>();
  for (const stack of app === undefined ? [] : topLevelStacks(app)) {
    const outdir = Stage.of(stack)?.outdir;
    if (outdir !== undefined) byTemplate.set(path.resolve(outdir, stack.templateFile), stack);
  }
  const result: TemplateToCheck[] = [];
  for (const templatePath of templatePaths) {
    const stack = byTemplate.get(path.resolve(templatePath));
    const template = readJson(templatePath);
    result.push(templateOf(templatePath, template, stack));
    // Nested stacks are looked for only in a template that has one: walking every construct of a
    // large stack costs more than checking its template.
    if (stack === undefined || !hasNestedStack(template)) continue;
    for (const nested of stack.node.findAll().filter((c): c is Stack => Stack.isStack(c) && c.nested && topLevelStackOf(c) === stack)) {
      const nestedPath = path.join(path.dirname(templatePath), nested.templateFile);
      if (fs.existsSync(nestedPath)) result.push(templateOf(nestedPath, readJson(nestedPath), nested));
    }
  }
  return result;
}

/** The stacks of the app and of its stages, not the constructs inside them. */
function topLevelStacks(app: IConstruct): Stack[] {
  const stacks: Stack[] = [];
  const queue: IConstruct[] = [app];
  while (queue.length > 0) {
    const construct = queue.pop()!;
    if (Stack.isStack(construct)) {
      if (!construct.nested) stacks.push(construct);
      continue;
    }
    queue.push(...construct.node.children);
  }
  return stacks;
}

function hasNestedStack(template: unknown): boolean {
  const resources = knownObject(knownObject(template)?.Resources) ?? {};
  return Object.values(resources).some(r => knownObject(r)?.Type === 'AWS::CloudFormation::Stack');
}

function templateOf(templatePath: string, template: unknown, stack: Stack | undefined): TemplateToCheck {
  // Resolving every logical ID costs more than checking the template: done once a finding asks.
  let resources: Map<string, CfnResource> | undefined;
  const resourceOf = (logicalId: string) => {
    resources ??= stack === undefined ? new Map() : resourcesByLogicalId(stack);
    return resources.get(logicalId);
  };
  return {
    path: templatePath,
    template,
    engineChecksSchema: stack !== undefined && engineChecksSchemaOf(stack),
    constructPath: id => resourceOf(id)?.node.path,
    suppressions: id => {
      const resource = resourceOf(id);
      return resource === undefined ? [] : suppressionsInScopes(resource);
    },
  };
}

function resourcesByLogicalId(stack: Stack): Map<string, CfnResource> {
  const resources = new Map<string, CfnResource>();
  for (const c of stack.node.findAll()) {
    if (CfnResource.isCfnResource(c) && Stack.of(c) === stack) resources.set(stack.resolve(c.logicalId), c);
  }
  return resources;
}

function topLevelStackOf(stack: Stack): Stack {
  let current = stack;
  while (current.nestedStackParent !== undefined) current = current.nestedStackParent;
  return current;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}
