/**
 * The version a document declares at its root as an OpenAPI 3.x (`openapi`) or 2.0 (`swagger`)
 * definition, or `undefined` when it declares none. A number counts: YAML reads `swagger: 2.0` as
 * one, JSON definitions write `"swagger": 2.0`, and API Gateway imports both (the Mythical Mysfits
 * workshop imports such a definition with `aws apigateway import-rest-api`).
 */
export function definitionVersion(document: unknown): string | undefined {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return undefined;
  const root = document as { openapi?: unknown; swagger?: unknown };
  return versionText(root.openapi) ?? versionText(root.swagger);
}

function versionText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  // `2.0` is read as the number 2: write it back as the definition spelt it.
  if (typeof value === 'number' && Number.isFinite(value)) return Number.isInteger(value) ? value.toFixed(1) : String(value);
  return undefined;
}
