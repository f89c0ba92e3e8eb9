import { Annotations, CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { renderResource } from './render';
import { suppressionsInScopes } from './suppressions';
import { checkResources, TemplateResource } from './template-resources';
import { Finding, Severity } from '../rules/finding';

const validated = new WeakSet<CfnResource>();
const WEBSOCKET_PREFIX = 'AWS::ApiGatewayV2::';

/**
 * Checks `resource` with the rule table when the app is synthesized, after every construct has had
 * its say: errors fail `cdk synth` (and `app.synth()`) before a template is written, warnings become
 * annotations. Registering a resource twice checks it once.
 *
 * A REST method is checked on its own; a WebSocket resource together with the WebSocket resources
 * of its stack (its integration, the integration's other responses, the routes that target it).
 */
export function validateAtSynth(resource: CfnResource): void {
  if (validated.has(resource)) return;
  validated.add(resource);
  const annotated = new Set<string>();
  resource.node.addValidation({
    validate: () => {
      const own = renderResource(resource);
      const resources: Record<string, TemplateResource> = own.type.startsWith(WEBSOCKET_PREFIX)
        ? renderWebSocketResources(Stack.of(resource))
        : { [own.logicalId]: { Type: own.type, Properties: own.properties, Metadata: own.metadata } };
      const scopeSuppressions = suppressionsInScopes(resource);
      const findings = checkResources(resources, id => id === own.logicalId ? scopeSuppressions : [])
        .filter(f => f.resource === own.logicalId);
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

function renderWebSocketResources(stack: Stack): Record<string, TemplateResource> {
  const resources: Record<string, TemplateResource> = {};
  for (const construct of stack.node.findAll()) {
    if (!isWebSocketResource(construct) || Stack.of(construct) !== stack) continue;
    const rendered = renderResource(construct);
    resources[rendered.logicalId] = { Type: rendered.type, Properties: rendered.properties, Metadata: rendered.metadata };
  }
  return resources;
}

function isWebSocketResource(construct: IConstruct): construct is CfnResource {
  return CfnResource.isCfnResource(construct) && construct.cfnResourceType.startsWith(WEBSOCKET_PREFIX);
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
