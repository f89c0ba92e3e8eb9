import { childPath, finding, RULES } from './catalog';
import { Finding } from './finding';
import { checkJsonTemplate } from './json-template';
import { knownString } from '../grammar/unknown';

const MEDIA_TYPE_PART = '[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*';
/** A parameter after the type (RFC 9110 section 8.3.1): `; charset=UTF-8`, `;q="x"`. */
const PARAMETER = '[ \\t]*;[ \\t]*[A-Za-z0-9!#$%&\'*+.^_`|~-]+=([A-Za-z0-9!#$%&\'*+.^_`|~-]+|"([^"\\\\]|\\\\.)*")';
const MEDIA_TYPE = new RegExp(`^(${MEDIA_TYPE_PART}/(${MEDIA_TYPE_PART}|\\*)|\\*/\\*)(${PARAMETER})*$`);

/** REST API quota: "Mapping template size", 300 KB, not adjustable. */
export const REST_TEMPLATE_LIMIT_BYTES = 300 * 1024;

/**
 * Whether `contentType` is a media type (`type/subtype`, parameters allowed) API Gateway can key a
 * template or a model by. Keys with parameters deploy: Serverless Framework 0.5 gave every endpoint
 * `application/json;charset=UTF-8` templates and models (serverless/serverless issues 290 and 2046).
 */
export function isMediaType(contentType: string): boolean {
  return MEDIA_TYPE.test(contentType);
}

/**
 * Checks a REST response template: its key is a media type, its size within the quota, and a JSON
 * template does not write backend values into JSON strings unescaped.
 */
export function checkResponseTemplate(contentType: string, template: unknown, path?: string): Finding[] {
  const findings: Finding[] = [];
  if (knownString(contentType) !== undefined && !isMediaType(contentType)) {
    findings.push(finding(RULES.restTemplateContentType,
      `response template key '${contentType}' is not a media type: API Gateway keys templates by content type and ` +
      `rejects the deployment ("Invalid content type specified: ${contentType}"); use a type/subtype such as 'application/json'`, path));
  }
  findings.push(...checkTemplateSize(template, `response template for '${contentType}'`, path));
  findings.push(...checkJsonTemplate(contentType, template, path));
  return findings;
}

/**
 * A REST mapping template is at most 300 KB. `label` names the template in the message.
 */
export function checkTemplateSize(template: unknown, label: string, path?: string): Finding[] {
  const text = knownString(template);
  if (text === undefined) return [];
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= REST_TEMPLATE_LIMIT_BYTES) return [];
  return [finding(RULES.restTemplateSize,
    `${label} is ${bytes} bytes, over the 300 KB (${REST_TEMPLATE_LIMIT_BYTES} bytes) that API Gateway documents as ` +
    'the maximum size of a mapping template; shrink the template or move the work to the backend', path)];
}

/**
 * Checks every template of a REST `ResponseTemplates` map.
 */
export function checkResponseTemplates(templates: Record<string, unknown>, path?: string): Finding[] {
  return Object.entries(templates).flatMap(([type, template]) => checkResponseTemplate(type, template, childPath(path, type)));
}
