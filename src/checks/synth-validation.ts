import { Annotations, CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { plainCfnProperties } from './cdk-internals';
import { CheckState, StackCheckGroup } from './check-state';
import { engineChecksSchemaOf } from './default-validation';
import { checkDefinition } from './definition-checker';
import { checkGatewayResponseResources, definitionGatewayResponses, definitionMethods, ResourceEntry } from './gateway-response-resources';
import { InputTooDeepError, MAX_NESTING_DEPTH, tooDeepAt } from './input-limits';
import { pluginCovers } from './plugin-registration';
import { RenderedResource, renderResource } from './render';
import { renderMethodForChecks } from './render-method';
import { applySuppressions, METADATA_KEY, suppressionsInScopes } from './suppressions';
import { checkResources, integrationOfTarget, referenceKey, TemplateResource } from './template-resources';
import { formatFinding } from '../errors/integration-response-error';
import { knownObject } from '../grammar/unknown';
import { Finding, Severity } from '../rules/finding';
import { checkSchema } from '../rules/schema/schema-check';

const WEBSOCKET_PREFIX = 'AWS::ApiGatewayV2::';
/** Checked per stack: the CORS rule needs an API's methods and gateway responses together. */
const GATEWAY_TYPES: ReadonlySet<string> = new Set(['AWS::ApiGateway::GatewayResponse', 'AWS::ApiGateway::RestApi']);

/** The context key that makes every check of an app strict (warnings fail synthesis). */
export const STRICT_CONTEXT_KEY = 'cdk-integration-responses:strict';

/**
 * How the synth-time checks of a resource report.
 */
export interface SynthCheckOptions {
  /** Warnings fail synthesis too. */
  readonly strict?: boolean;
}

/**
 * Checks `resource` with the rule table when the app is synthesized, after every construct has had
 * its say: errors fail `cdk synth` (and `app.synth()`) before a template is written, warnings become
 * annotations. Registering a resource twice checks it once.
 *
 * A REST method is checked on its own; a WebSocket resource together with the WebSocket resources
 * of its stack (its integration, the integration's other responses, the routes that target it).
 */
export function validateAtSynth(resource: CfnResource, options: SynthCheckOptions = {}): void {
  const state = CheckState.of(resource);
  if (options.strict) state.strict.add(resource);
  if (state.registered.has(resource)) return;
  state.registered.add(resource);
  const annotated = new Set<string>();
  resource.node.addValidation({
    validate: () => {
      // The plugin reports the resource's findings, in aws-cdk-lib's report.
      if (pluginCovers(resource)) return [];
      let findings: Finding[];
      try {
        findings = resource.cfnResourceType.startsWith(WEBSOCKET_PREFIX) ? stackFindings(resource, 'websocket', checkWebSocketResources)
          : GATEWAY_TYPES.has(resource.cfnResourceType) ? stackFindings(resource, 'gateway', checkGatewayResources)
            : restFindings(resource);
      } catch (e) {
        if (e instanceof InputTooDeepError) return [`[cdk-integration-responses] ${e.message}`];
        throw e;
      }
      const failing = failingSeverities(resource);
      for (const f of findings.filter(x => !failing.has(x.severity))) {
        const key = `${f.ruleId}\u0000${f.message}`;
        if (annotated.has(key)) continue;
        annotated.add(key);
        annotate(resource, f);
      }
      return findings.filter(f => failing.has(f.severity)).map(formatFinding);
    },
  });
}

/** Errors fail synthesis; warnings too when the checks are strict (by option or by context). */
function failingSeverities(resource: CfnResource): ReadonlySet<Severity> {
  const strict = CheckState.of(resource).strict.has(resource) || isTrue(resource.node.tryGetContext(STRICT_CONTEXT_KEY));
  return new Set(strict ? [Severity.ERROR, Severity.WARNING] : [Severity.ERROR]);
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

function restFindings(resource: CfnResource): Finding[] {
  const partial = renderMethodForChecks(resource);
  const own = partial ?? renderResource(resource);
  assertShallow(resource, own);
  // Method findings depend on the properties only, so the methods of a stack share them.
  const state = CheckState.of(resource);
  const checker = state.methodChecker(Stack.of(resource));
  const schema = checkSchema(resource.cfnResourceType, own.properties, {
    leaveOutEngineFindings: engineChecksSchemaOf(resource),
    complete: partial === undefined,
    memo: state.schemaMemo(Stack.of(resource)),
  });
  return applySuppressions([...schema.findings, ...checker.check(schema.properties)], own.metadata, suppressionsInScopes(resource));
}

/**
 * The findings of a resource checked with others of its stack (a WebSocket resource, a gateway
 * response, a REST API), from one check of the whole group: a validation per resource that
 * rendered the whole stack again would make synthesis quadratic. One synthesis validates each
 * resource once, so a resource asking again, or one the check has not seen, means a new synthesis
 * of a possibly changed app: the stack is checked again.
 */
function stackFindings(resource: CfnResource, group: StackCheckGroup, check: (stack: Stack) => Map<CfnResource, Finding[]>): Finding[] {
  const stack = Stack.of(resource);
  const state = CheckState.of(resource);
  let done = state.stackCheck(group, stack);
  if (done === undefined || done.served.has(resource) || !done.findings.has(resource)) {
    done = { findings: check(stack), served: new Set() };
    state.setStackCheck(group, stack, done);
  }
  done.served.add(resource);
  return done.findings.get(resource) ?? [];
}

function checkWebSocketResources(stack: Stack): Map<CfnResource, Finding[]> {
  const byLogicalId = new Map<string, CfnResource>();
  const resources: Record<string, TemplateResource> = {};
  const findings = new Map<CfnResource, Finding[]>();
  for (const construct of stack.node.findAll()) {
    if (!isWebSocketResource(construct) || Stack.of(construct) !== stack) continue;
    const rendered = renderResource(construct);
    assertShallow(construct, rendered);
    byLogicalId.set(rendered.logicalId, construct);
    resources[rendered.logicalId] = { Type: rendered.type, Properties: rendered.properties, Metadata: rendered.metadata };
    findings.set(construct, []);
  }
  const suppressions = (id: string) => suppressionsInScopes(byLogicalId.get(id)!);
  const engine = engineChecksSchemaOf(stack);
  for (const f of checkResources(resources, suppressions, { engineReportsSchema: () => engine })) findings.get(byLogicalId.get(f.resource)!)!.push(f);
  reportUncheckedRoutes(resources, byLogicalId, findings, CheckState.of(stack));
  return findings;
}

/**
 * The gateway responses and REST APIs of a stack: each response's own findings (with the schema's),
 * and on each API the CORS rule, which reads the API's methods as well.
 */
function checkGatewayResources(stack: Stack): Map<CfnResource, Finding[]> {
  const findings = new Map<CfnResource, Finding[]>();
  const byLogicalId = new Map<string, CfnResource>();
  const methods: ResourceEntry[] = [];
  const responses: ResourceEntry[] = [];
  const metadata = new Map<string, unknown>();
  const definitions = new Map<string, Array<Record<string, unknown>> | undefined>();
  const state = CheckState.of(stack);
  for (const construct of stack.node.findAll()) {
    if (!CfnResource.isCfnResource(construct) || Stack.of(construct) !== stack) continue;
    const type = construct.cfnResourceType;
    if (type === 'AWS::ApiGateway::Method') {
      const rendered = renderMethodForChecks(construct) ?? renderResource(construct);
      methods.push([stack.resolve(construct.logicalId) as string, knownObject(rendered.properties) ?? {}]);
    } else if (type === 'AWS::ApiGateway::GatewayResponse') {
      const rendered = renderResource(construct);
      assertShallow(construct, rendered);
      const schema = checkSchema(type, rendered.properties, {
        leaveOutEngineFindings: engineChecksSchemaOf(construct),
        memo: state.schemaMemo(stack),
      });
      byLogicalId.set(rendered.logicalId, construct);
      metadata.set(rendered.logicalId, rendered.metadata);
      findings.set(construct, [...schema.findings]);
      responses.push([rendered.logicalId, schema.properties]);
    } else if (type === 'AWS::ApiGateway::RestApi') {
      // Its Body can be a whole OpenAPI document (a SpecRestApi's inline definition), checked as the template checker does.
      const logicalId = stack.resolve(construct.logicalId) as string;
      const { body, bodyS3Location } = restApiDefinition(construct);
      definitions.set(logicalId, definitionGatewayResponses(body, bodyS3Location));
      byLogicalId.set(logicalId, construct);
      metadata.set(logicalId, { [METADATA_KEY]: construct.getMetadata(METADATA_KEY) });
      const definition = knownObject(body);
      if (definition !== undefined) assertShallow(construct, { properties: { Body: definition }, metadata: undefined });
      methods.push(...definitionMethods(logicalId, definition));
      findings.set(construct, definition === undefined ? [] : checkDefinition(definition, state.methodChecker(stack)).map(f => ({ ...f, path: `Body.${f.path}` })));
    }
  }
  const apiDefinition = (id: string) => definitions.has(id) ? definitions.get(id) : null;
  for (const [id, list] of checkGatewayResponseResources(methods, responses, apiDefinition, referenceKey)) {
    const construct = byLogicalId.get(id);
    if (construct !== undefined) findings.get(construct)!.push(...list);
  }
  for (const [id, construct] of byLogicalId) {
    findings.set(construct, applySuppressions(findings.get(construct)!, metadata.get(id), suppressionsInScopes(construct)));
  }
  return findings;
}

/**
 * A REST API's definition (`Body`, tokens resolved) or its location, read from the L1's own
 * properties when it has no overrides (rendering the whole resource would be slower).
 */
function restApiDefinition(api: CfnResource): { body: unknown; bodyS3Location: unknown } {
  const plain = plainCfnProperties(api);
  if (plain !== undefined) {
    return { body: plain.body === undefined ? undefined : Stack.of(api).resolve(plain.body), bodyS3Location: plain.bodyS3Location };
  }
  const properties = knownObject(renderResource(api).properties);
  return properties === undefined ? { body: null, bodyS3Location: undefined } : { body: properties.Body, bodyS3Location: properties.BodyS3Location };
}

/**
 * A route or an integration nobody registered for checks (aws-cdk-lib's, used with the L2 response
 * directly) would keep its findings to itself, such as a route being one-way or the integration
 * having no `$default` response: they are reported on a checked resource of the same integration.
 */
function reportUncheckedRoutes(resources: Record<string, TemplateResource>, byLogicalId: Map<string, CfnResource>,
  findings: Map<CfnResource, Finding[]>, state: CheckState): void {
  const checkedOfIntegration = new Map<string, CfnResource>();
  for (const [id, construct] of byLogicalId) {
    if (!state.registered.has(construct)) continue;
    const properties = knownObject(resources[id].Properties);
    const key = construct.cfnResourceType === 'AWS::ApiGatewayV2::Integration' ? `ref:${id}`
      : construct.cfnResourceType === 'AWS::ApiGatewayV2::IntegrationResponse' ? referenceKey(properties?.IntegrationId) : undefined;
    if (key !== undefined && !checkedOfIntegration.has(key)) checkedOfIntegration.set(key, construct);
  }
  for (const [id, construct] of byLogicalId) {
    if (state.registered.has(construct)) continue;
    const type = construct.cfnResourceType;
    const integration = type === 'AWS::ApiGatewayV2::Route' ? integrationOfTarget(knownObject(resources[id].Properties)?.Target)
      : type === 'AWS::ApiGatewayV2::Integration' ? `ref:${id}` : undefined;
    const owner = integration === undefined ? undefined : checkedOfIntegration.get(integration);
    if (owner === undefined) continue;
    const where = `${type === 'AWS::ApiGatewayV2::Route' ? 'route' : 'integration'} ${construct.node.path}`;
    const forwarded = findings.get(owner)!;
    for (const f of findings.get(construct)!) forwarded.push({ ...f, path: f.path === undefined ? where : `${f.path} of ${where}` });
  }
}

/** A resource whose properties or metadata nest deeper than the checks read is refused, by path. */
function assertShallow(resource: CfnResource, rendered: Pick<RenderedResource, 'properties' | 'metadata'>): void {
  const at = tooDeepAt(rendered.properties, MAX_NESTING_DEPTH, 'Properties') ?? tooDeepAt(rendered.metadata, MAX_NESTING_DEPTH, 'Metadata');
  if (at !== undefined) throw new InputTooDeepError(`resource ${resource.node.path}`, at);
}

function isWebSocketResource(construct: IConstruct): construct is CfnResource {
  return CfnResource.isCfnResource(construct) && construct.cfnResourceType.startsWith(WEBSOCKET_PREFIX);
}

function annotate(resource: CfnResource, f: Finding): void {
  if (f.severity === Severity.WARNING) {
    Annotations.of(resource).addWarningV2(`cdk-integration-responses:${f.ruleId}`, formatFinding(f));
  } else {
    Annotations.of(resource).addInfo(formatFinding(f));
  }
}
