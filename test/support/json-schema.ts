import Ajv from 'ajv';
import * as DRAFT_04 from 'ajv/lib/refs/json-schema-draft-04.json';

/** aws-cdk-lib's `JsonSchema` as the JSON Schema document a model holds: `schema` and `ref` are `$schema` and `$ref` there. */
function asDocument(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asDocument);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k === 'schema' || k === 'ref' ? `$${k}` : k, asDocument(v)]));
}

/**
 * A validator for the JSON Schema `schema` (aws-cdk-lib's form), which must itself be a valid
 * draft 4 schema, the version API Gateway models use.
 */
export function draft4Validator(schema: object): (value: unknown) => boolean {
  const ajv = new Ajv({ schemaId: 'id', meta: false });
  ajv.addMetaSchema(DRAFT_04);
  const document = asDocument(schema) as object;
  if (!ajv.validateSchema(document)) throw new Error(`not a draft 4 schema: ${ajv.errorsText()}`);
  const validate = ajv.compile(document);
  return value => validate(value) as boolean;
}
