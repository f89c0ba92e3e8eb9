import Ajv from 'ajv';
import * as DRAFT_04 from 'ajv/lib/refs/json-schema-draft-04.json';

/** Keywords whose children are names the user chose (a property named `ref` stays `ref`). */
const USER_NAMED_CHILDREN = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);

/**
 * aws-cdk-lib's `JsonSchema` as the JSON Schema document a model holds: the keywords `schema` and
 * `ref` are `$schema` and `$ref` there, but names under `properties` and the like are kept as they
 * are, as aws-cdk-lib's own mapping does.
 */
function asDocument(value: unknown, userNamed = false): unknown {
  if (Array.isArray(value)) return value.map(v => asDocument(v));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [
    !userNamed && (k === 'schema' || k === 'ref') ? `$${k}` : k,
    asDocument(v, !userNamed && USER_NAMED_CHILDREN.has(k)),
  ]));
}

/**
 * A validator for the JSON Schema `schema` (aws-cdk-lib's form), which must itself be a valid
 * draft 4 schema, the version API Gateway models use.
 */
export function draft4Validator(schema: object): (value: unknown) => boolean {
  // ownProperties: without it ajv 6 reads inherited members, so `{}` fails a schema whose optional
  // property is named toString (it sees Object.prototype.toString, a function, not an array).
  const ajv = new Ajv({ schemaId: 'id', meta: false, ownProperties: true });
  ajv.addMetaSchema(DRAFT_04);
  const document = asDocument(schema) as object;
  if (!ajv.validateSchema(document)) throw new Error(`not a draft 4 schema: ${ajv.errorsText()}`);
  const validate = ajv.compile(document);
  return value => validate(value) as boolean;
}
