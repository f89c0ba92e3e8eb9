/**
 * Generated JSON body shapes and backend answers for them, with the value each body must render:
 * used by the property tests (simulator) and by `npm run oracle` (Apache Velocity 1.7).
 */
import * as fc from 'fast-check';
import { JsonBody, WhenMissing } from '../../src';
import { javaJson } from '../../src/simulator/vtl/java-methods';

/** What a shape's expected value is where the body leaves the value out. */
export const OMIT = Symbol('omitted');

type ValueType = 'string' | 'number' | 'numberText' | 'boolean' | 'json';
type Missing = 'null' | 'omit' | 'default';
/** A body shape as plain data (what a counterexample prints). */
export type Spec =
  | { readonly t: 'literal'; readonly value: unknown }
  | { readonly t: 'value'; readonly type: ValueType; readonly missing: Missing; readonly oddKey: boolean }
  | { readonly t: 'object'; readonly fields: ReadonlyArray<readonly [string, Spec]> }
  | { readonly t: 'array'; readonly items: readonly Spec[] }
  | { readonly t: 'list'; readonly element: Spec | { readonly t: 'self'; readonly type: ValueType; readonly missing: Missing }; readonly missing: Missing; readonly oddKey: boolean };

/** A shape built: the body, what it reads in its scope, and the value it must render for an answer. */
export interface Shape {
  readonly body: JsonBody;
  readonly reads: ReadonlyArray<{ readonly key: string; readonly value: fc.Arbitrary<unknown> }>;
  expected(scope: unknown): unknown;
}

/** Strings that break hand-written JSON templates, alone and in combinations. */
const tricky = fc.constantFrom('', "'", '"', '\\', "\\'", '\n\r\t\b\f', '\u0000\u001f', '$x #set($a = 1)', '\u2028\u2029', '😀é', '</script>', '${x}', '#');
export const adversarialString = fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 12 }), fc.array(tricky).map(parts => parts.join('')));
const anyJson = fc.jsonValue({ maxDepth: 2 }).map(v => JSON.parse(JSON.stringify(v)));
const typed: Record<ValueType, fc.Arbitrary<unknown>> = {
  string: adversarialString,
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map(n => JSON.parse(JSON.stringify(n))),
  // Numbers as DynamoDB writes them (strings), strings that only look like numbers, and plain numbers.
  numberText: fc.oneof(
    fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map(n => JSON.stringify(n)),
    fc.constantFrom('12.50', '-0', '1E+3', '1e-7', '0.000000000000000000000000000000000001', '.5', '+1', '1,5', '01', 'NaN', ' 1', '1 '),
    adversarialString,
    fc.integer(),
  ),
  boolean: fc.boolean(),
  json: anyJson,
};
const MISSING_DEFAULT = { fallback: 'none', code: -1 };

const missingArb = fc.constantFrom<Missing>('null', 'omit', 'default');
const valueTypeArb = fc.constantFrom<ValueType>('string', 'number', 'numberText', 'boolean', 'json');
const fieldName = fc.oneof(fc.constantFrom('id', 'a b', "it's", '$ref', '#tag', 'ünï', ''), adversarialString);

/** Object bodies of literals, typed values, arrays and lists, each value with a missing-value choice. */
export const specArb: fc.Arbitrary<Spec> = fc.letrec<{ spec: Spec; object: Spec }>(tie => ({
  spec: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    fc.record({ t: fc.constant('value' as const), type: valueTypeArb, missing: missingArb, oddKey: fc.boolean() }),
    fc.record({ t: fc.constant('literal' as const), value: anyJson }),
    tie('object'),
    fc.record({ t: fc.constant('array' as const), items: fc.array(tie('spec'), { maxLength: 3 }) }),
    fc.record({
      t: fc.constant('list' as const),
      element: fc.oneof(fc.record({ t: fc.constant('self' as const), type: valueTypeArb, missing: missingArb }), tie('object')),
      missing: missingArb,
      oddKey: fc.boolean(),
    }),
  ),
  object: fc.record({ t: fc.constant('object' as const), fields: fc.uniqueArray(fc.tuple(fieldName, tie('spec')), { maxLength: 4, selector: ([name]) => name }) }),
})).object;

function whenMissing(missing: Missing): WhenMissing {
  if (missing === 'omit') return WhenMissing.omit();
  if (missing === 'default') return WhenMissing.useDefault(literal(MISSING_DEFAULT));
  return WhenMissing.nullValue();
}

function missingValue(missing: Missing): unknown {
  return missing === 'omit' ? OMIT : missing === 'default' ? MISSING_DEFAULT : null;
}

function literal(value: unknown): JsonBody {
  if (value === null) return JsonBody.nullValue();
  if (Array.isArray(value)) return JsonBody.arrayOf(value.map(literal));
  if (typeof value === 'object') return JsonBody.objectOf(Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, literal(v)])));
  if (typeof value === 'string') return JsonBody.stringValue(value);
  if (typeof value === 'number') return JsonBody.numberValue(value);
  return JsonBody.booleanValue(value as boolean);
}

/**
 * What `$input.json` and the builder make of a value read as `type`. A value that is not a string,
 * asked for as one, is its JSON text as API Gateway writes it, numbers spelt the Java way (`1.0E30`).
 */
function typedValue(type: ValueType, value: unknown, missing: Missing): unknown {
  if (value === null || value === undefined) return missingValue(missing);
  switch (type) {
    case 'string': return typeof value === 'string' ? value : javaJson(value);
    case 'number': return typeof value === 'number' ? value : missingValue(missing);
    case 'numberText':
      if (typeof value === 'number') return value;
      return typeof value === 'string' && JSON_NUMBER.test(value) ? Number(value) : missingValue(missing);
    case 'boolean': return typeof value === 'boolean' ? value : missingValue(missing);
    case 'json': return value;
  }
}

const JSON_NUMBER = /^-?(0|[1-9][0-9]*)([.][0-9]+)?([eE][+-]?[0-9]+)?$/;

function valueAt(scope: unknown, key: string): unknown {
  return scope !== null && typeof scope === 'object' && !Array.isArray(scope) ? (scope as Record<string, unknown>)[key] : undefined;
}

function bodyAt(type: ValueType, path: string, missing: Missing): JsonBody {
  const options = { whenMissing: whenMissing(missing) };
  switch (type) {
    case 'string': return JsonBody.stringAt(path, options);
    case 'number': return JsonBody.numberAt(path, options);
    case 'numberText': return JsonBody.numberFromStringAt(path, options);
    case 'boolean': return JsonBody.booleanAt(path, options);
    case 'json': return JsonBody.jsonAt(path, options);
  }
}

/** The body a spec describes, what it reads, and the value it must render. */
export function build(spec: Spec, keys: { next: number }): Shape {
  switch (spec.t) {
    case 'literal':
      return { body: literal(spec.value), reads: [], expected: () => spec.value };
    case 'value': {
      const key = spec.oddKey ? `odd key ${keys.next++}` : `k${keys.next++}`;
      const path = spec.oddKey ? `$['${key}']` : `$.${key}`;
      return {
        body: bodyAt(spec.type, path, spec.missing),
        reads: [{ key, value: fc.oneof(typed[spec.type], anyJson, fc.constant(null), fc.constant(undefined)) }],
        expected: scope => typedValue(spec.type, valueAt(scope, key), spec.missing),
      };
    }
    case 'object': {
      const fields = spec.fields.map(([name, s]) => [name, build(s, keys)] as const);
      return {
        body: JsonBody.objectOf(Object.fromEntries(fields.map(([name, s]) => [name, s.body]))),
        reads: fields.flatMap(([, s]) => s.reads),
        expected: scope => Object.fromEntries(fields.map(([name, s]) => [name, s.expected(scope)]).filter(([, v]) => v !== OMIT)),
      };
    }
    case 'array': {
      const items = spec.items.map(s => build(s, keys));
      return {
        body: JsonBody.arrayOf(items.map(s => s.body)),
        reads: items.flatMap(s => s.reads),
        expected: scope => items.map(s => s.expected(scope)).filter(v => v !== OMIT),
      };
    }
    case 'list': {
      const key = spec.oddKey ? `odd list ${keys.next++}` : `l${keys.next++}`;
      const path = spec.oddKey ? `$['${key}']` : `$.${key}`;
      const elementSpec = spec.element;
      const element: Shape = elementSpec.t === 'self'
        ? { body: bodyAt(elementSpec.type, '$', elementSpec.missing), reads: [], expected: item => typedValue(elementSpec.type, item, elementSpec.missing) }
        : build(elementSpec, { next: 0 });
      const item = elementSpec.t === 'self'
        ? fc.oneof(typed[elementSpec.type], anyJson, fc.constant(null))
        : answerOf(element.reads);
      return {
        body: JsonBody.listAt(path, element.body, { whenMissing: whenMissing(spec.missing) }),
        reads: [{ key, value: fc.oneof(fc.array(item, { maxLength: 4 }), anyJson, fc.constant(null), fc.constant(undefined)) }],
        expected: scope => {
          const list = valueAt(scope, key);
          return Array.isArray(list) ? list.map(i => element.expected(i)).filter(v => v !== OMIT) : missingValue(spec.missing);
        },
      };
    }
  }
}

/** An answer object with the keys a scope reads, each present or left out. */
export function answerOf(reads: Shape['reads']): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(...reads.map(r => r.value)).map(values =>
    Object.fromEntries(reads.map((r, i) => [r.key, values[i]]).filter(([, v]) => v !== undefined)));
}
