/**
 * What cannot be known before deployment is never an error: CDK tokens (`${Token[...]}`), CDK
 * resolvables and CloudFormation intrinsics (`{ "Ref": ... }`, `{ "Fn::Sub": ... }`) are skipped.
 * These helpers turn raw property values into "known" values or `undefined`.
 */

const STRING_TOKEN = '${Token[';
const LIST_TOKEN = '#{Token[';
// aws-cdk-lib encodes number tokens as doubles whose upper 16 bits are 0xFBFF.
const NUMBER_TOKEN_MARKER = 0xFBFF;
const doubleView = new DataView(new ArrayBuffer(8));

function isNumberToken(n: number): boolean {
  doubleView.setFloat64(0, n);
  return doubleView.getUint16(0) === NUMBER_TOKEN_MARKER;
}

/**
 * Whether `value` is a CDK token, a resolvable, or a CloudFormation intrinsic function.
 */
export function isUnknown(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(STRING_TOKEN) || value.includes(LIST_TOKEN);
  if (typeof value === 'number') return isNumberToken(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if (typeof (value as { resolve?: unknown }).resolve === 'function') return true;
    // An intrinsic has exactly one key: counted without listing the keys of large maps.
    let only: string | undefined;
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      if (only !== undefined) return false;
      only = key;
    }
    return only !== undefined && (only === 'Ref' || only.startsWith('Fn::') || only === 'Condition');
  }
  return false;
}

/**
 * `value` as a string when it is fully known (a string, or a number or boolean that CloudFormation
 * turns into one); `undefined` when it is absent, a token or an intrinsic.
 */
export function knownString(value: unknown): string | undefined {
  if (isUnknown(value)) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * `value` as a plain object when it is one (not a token or intrinsic), else `undefined`.
 */
export function knownObject(value: unknown): Record<string, unknown> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || isUnknown(value)) return undefined;
  return value as Record<string, unknown>;
}

/**
 * `value` as an array when it is one (not a token or intrinsic), else `undefined`.
 */
export function knownArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/**
 * The plain-string fragments of a value that may be an intrinsic (`Fn::Join`, `Fn::Sub`) or a CDK
 * token string, for checks that only need to find a marker such as `:lambda:path/`.
 */
export function stringFragments(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringFragments);
  if (value !== null && typeof value === 'object') {
    return Object.values(value as Record<string, unknown>).flatMap(stringFragments);
  }
  return [];
}
