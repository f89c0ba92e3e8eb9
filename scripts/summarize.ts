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
      for (const [type, template] of Object.entries(r.ResponseTemplates ?? {})) {
        lines.push(`         template ${type}: ${text(template).replace(/\s+/g, ' ').slice(0, 100)}`);
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
  if (methods.length === 0) lines.push('  (no REST API methods)');
  return lines.join('\n');
}
