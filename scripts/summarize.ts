/**
 * A readable summary of the integration and method responses in a CloudFormation template.
 */

type Json = any; // templates are untyped JSON

function text(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function resourcePaths(resources: Record<string, Json>): Map<string, string> {
  const paths = new Map<string, string>();
  const pathOf = (id: string, depth = 0): string => {
    if (paths.has(id)) return paths.get(id)!;
    const resource = resources[id];
    if (!resource || depth > 50) return `/<${id}>`;
    const parent = resource.Properties?.ParentId;
    const parentPath = parent?.Ref ? pathOf(parent.Ref, depth + 1) : '';
    const result = `${parentPath}/${text(resource.Properties?.PathPart)}`;
    paths.set(id, result);
    return result;
  };
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type === 'AWS::ApiGateway::Resource') pathOf(id);
  }
  return paths;
}

function describeIntegration(integration: Json): string {
  const uri = JSON.stringify(integration?.Uri ?? '');
  if (integration?.Type === 'AWS' && uri.includes(':lambda:path/')) return 'AWS (Lambda custom integration: patterns match errorMessage)';
  if (integration?.Type === 'AWS_PROXY' || integration?.Type === 'HTTP_PROXY') return `${integration.Type} (proxy: no integration responses)`;
  return `${integration?.Type ?? 'no integration'} (patterns match the status code)`;
}

export function summarizeTemplate(name: string, template: Json): string {
  const resources: Record<string, Json> = template.Resources ?? {};
  const paths = resourcePaths(resources);
  const lines = [name];
  const methods = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::ApiGateway::Method');
  for (const [id, method] of methods) {
    const p = method.Properties ?? {};
    const resourcePath = p.ResourceId?.Ref ? paths.get(p.ResourceId.Ref) ?? id : '/';
    lines.push('', `  ${p.HttpMethod} ${resourcePath}  [${id}]  ${describeIntegration(p.Integration)}`);
    const integrationResponses: Json[] = p.Integration?.IntegrationResponses ?? [];
    if (integrationResponses.length === 0) lines.push('    (no integration responses)');
    for (const r of integrationResponses) {
      const when = r.SelectionPattern ? `when ${text(r.SelectionPattern)}` : 'default';
      lines.push(`    ${text(r.StatusCode)}  ${when}`);
      for (const [key, value] of Object.entries(r.ResponseParameters ?? {})) {
        lines.push(`         header ${key.replace('method.response.header.', '')} <- ${text(value)}`);
      }
      for (const [type, body] of Object.entries(r.ResponseTemplates ?? {})) {
        lines.push(`         template ${type}: ${text(body).replace(/\s+/g, ' ').slice(0, 100)}`);
      }
      if (r.ContentHandling) lines.push(`         content handling ${text(r.ContentHandling)}`);
    }
    const methodResponses: Json[] = p.MethodResponses ?? [];
    const declared = methodResponses.map(m => {
      const headers = Object.keys(m.ResponseParameters ?? {}).map(k => k.replace('method.response.header.', ''));
      return headers.length > 0 ? `${text(m.StatusCode)} (${headers.join(', ')})` : text(m.StatusCode);
    });
    lines.push(`    method responses: ${declared.length > 0 ? declared.join('; ') : 'none'}`);
  }
  for (const [, response] of Object.entries(resources).filter(([, r]) => r.Type === 'AWS::ApiGateway::GatewayResponse')) {
    const p = response.Properties ?? {};
    const headers = Object.entries(p.ResponseParameters ?? {}).map(([key, value]) => `${key.replace('gatewayresponse.header.', '')} <- ${text(value)}`);
    lines.push('', `  gateway response ${text(p.ResponseType)}${p.StatusCode ? ` ${text(p.StatusCode)}` : ''}`, ...headers.map(h => `         header ${h}`));
  }
  lines.push(...summarizeWebSocket(resources));
  if (lines.length === 1) lines.push('  (no API Gateway methods or integrations)');
  return lines.join('\n');
}

function refOf(value: Json): string | undefined {
  if (value?.Ref) return value.Ref;
  const join = value?.['Fn::Join'];
  if (Array.isArray(join) && join[1]?.[0] === 'integrations/') return join[1][1]?.Ref;
  return undefined;
}

function summarizeWebSocket(resources: Record<string, Json>): string[] {
  const lines: string[] = [];
  const of = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const routeResponses = of('AWS::ApiGatewayV2::RouteResponse').map(([, r]) => refOf(r.Properties?.RouteId));
  for (const [id, integration] of of('AWS::ApiGatewayV2::Integration')) {
    const p = integration.Properties ?? {};
    const routes = of('AWS::ApiGatewayV2::Route').filter(([, r]) => refOf(r.Properties?.Target) === id).map(([routeId, r]) => {
      const twoWay = r.Properties?.RouteResponseSelectionExpression === '$default' && routeResponses.includes(routeId);
      return `${text(r.Properties?.RouteKey)} (${twoWay ? 'two-way' : 'one-way'})`;
    });
    const kind = p.IntegrationType === 'AWS' && JSON.stringify(p.IntegrationUri ?? '').includes(':lambda:path/')
      ? 'AWS (Lambda custom integration: keys match errorMessage)'
      : `${p.IntegrationType}${['AWS_PROXY', 'HTTP_PROXY'].includes(p.IntegrationType) ? ' (proxy: no integration responses)' : ' (keys match the status code)'}`;
    lines.push('', `  WebSocket integration [${id}]  ${kind}`, `    routes: ${routes.join(', ') || 'none'}`);
    const responses = of('AWS::ApiGatewayV2::IntegrationResponse').filter(([, r]) => refOf(r.Properties?.IntegrationId) === id);
    if (responses.length === 0) lines.push('    (no integration responses)');
    for (const [, r] of responses) {
      const rp = r.Properties ?? {};
      const selection = rp.TemplateSelectionExpression ? `  templates by ${text(rp.TemplateSelectionExpression)}` : '';
      lines.push(`    key ${text(rp.IntegrationResponseKey)}${selection}`);
      for (const [key, template] of Object.entries(rp.ResponseTemplates ?? {})) {
        lines.push(`         template ${key}: ${text(template).replace(/\s+/g, ' ').slice(0, 100)}`);
      }
    }
  }
  return lines;
}
