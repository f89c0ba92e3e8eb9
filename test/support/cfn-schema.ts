import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';
import { Property, PropertyType, SpecDatabase, TypeDefinition } from '@aws-cdk/service-spec-types';

let db: SpecDatabase | undefined;
function database(): SpecDatabase {
  db ??= loadAwsServiceSpecSync();
  return db;
}

const INTRINSIC = /^(Ref|Fn::[A-Za-z]+)$/;

function isIntrinsic(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && INTRINSIC.test(keys[0]);
}

/**
 * Problems of a resource against the official CloudFormation resource schema
 * (@aws-cdk/aws-service-spec): unknown properties, missing required ones, wrong types,
 * values outside `allowedValues`. Intrinsic functions are accepted wherever a value is.
 */
export function schemaProblems(type: string, properties: Record<string, unknown>): string[] {
  const resource = database().lookup('resource', 'cloudFormationType', 'equals', type).only();
  return checkObject(resource.properties, properties, type);
}

type TemplateResources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

/**
 * Schema problems of every resource of the given types in a synthesized template.
 */
export function templateSchemaProblems(template: { Resources?: TemplateResources }, typePrefix: string): string[] {
  return Object.entries(template.Resources ?? {})
    .filter(([, r]) => r.Type.startsWith(typePrefix))
    .flatMap(([id, r]) => schemaProblems(r.Type, r.Properties ?? {}).map(p => `${id}: ${p}`));
}

function checkObject(spec: Record<string, Property>, value: Record<string, unknown>, path: string): string[] {
  const problems: string[] = [];
  for (const [name, property] of Object.entries(spec)) {
    if (property.required && value[name] === undefined) problems.push(`${path}.${name} is required`);
  }
  for (const [name, v] of Object.entries(value)) {
    const property = spec[name];
    if (!property) {
      problems.push(`${path}.${name} is not a property`);
      continue;
    }
    problems.push(...checkType(property.type, v, `${path}.${name}`));
  }
  return problems;
}

function checkType(type: PropertyType, value: unknown, path: string): string[] {
  if (isIntrinsic(value)) return [];
  switch (type.type) {
    case 'string':
      if (typeof value !== 'string') return [`${path} must be a string, got ${JSON.stringify(value)}`];
      return type.allowedValues && !type.allowedValues.includes(value) ? [`${path} '${value}' is not one of ${type.allowedValues.join(', ')}`] : [];
    case 'integer':
    case 'number':
      return typeof value === 'number' ? [] : [`${path} must be a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path} must be a boolean`];
    case 'json':
      return [];
    case 'array':
      if (!Array.isArray(value)) return [`${path} must be an array`];
      return value.flatMap((item, i) => checkType(type.element, item, `${path}[${i}]`));
    case 'map':
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${path} must be a map`];
      return Object.entries(value).flatMap(([k, v]) => checkType(type.element, v, `${path}.${k}`));
    case 'ref': {
      const definition = database().get('typeDefinition', type.reference.$ref) as TypeDefinition;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${path} must be an object`];
      return checkObject(definition.properties, value as Record<string, unknown>, path);
    }
    case 'union':
      return type.types.some(t => checkType(t, value, path).length === 0) ? [] : [`${path} matches none of the allowed types`];
    default:
      return [];
  }
}
