import { Annotations, CfnResource } from 'aws-cdk-lib';
import { renderResource } from './render';
import { checkResourceProperties } from './resource-rules';
import { Finding, Severity } from '../rules/finding';

const validated = new WeakSet<CfnResource>();

/**
 * Checks `resource` with the rule table when the app is synthesized, after every construct has had
 * its say: errors fail `cdk synth` (and `app.synth()`) before a template is written, warnings become
 * annotations. Registering a resource twice checks it once.
 */
export function validateAtSynth(resource: CfnResource): void {
  if (validated.has(resource)) return;
  validated.add(resource);
  const annotated = new Set<string>();
  resource.node.addValidation({
    validate: () => {
      const rendered = renderResource(resource);
      const findings = checkResourceProperties(rendered.type, rendered.properties);
      for (const f of findings.filter(x => x.severity !== Severity.ERROR)) {
        const key = `${f.ruleId}\u0000${f.message}`;
        if (annotated.has(key)) continue;
        annotated.add(key);
        annotate(resource, f);
      }
      return findings.filter(f => f.severity === Severity.ERROR).map(formatFinding);
    },
  });
}

/**
 * A finding as one line: `[rule-id] message (at Property.Path)`.
 */
export function formatFinding(f: Finding): string {
  return `[${f.ruleId}] ${f.message}${f.path ? ` (at ${f.path})` : ''}`;
}

function annotate(resource: CfnResource, f: Finding): void {
  if (f.severity === Severity.WARNING) {
    Annotations.of(resource).addWarningV2(`cdk-integration-responses:${f.ruleId}`, formatFinding(f));
  } else {
    Annotations.of(resource).addInfo(formatFinding(f));
  }
}
