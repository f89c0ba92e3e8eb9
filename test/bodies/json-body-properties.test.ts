/**
 * Property tests of the JSON body builder: for generated body shapes and generated backend answers
 * (strings with quotes, backslashes, control characters, `'`, `$`, `#` and any unicode; missing
 * fields, nulls, values of the wrong type), the simulated body always parses as JSON and equals the
 * value the shape declares. Reproduce a failure with JSON_BODY_SEED=<seed printed by fast-check>.
 */
import * as fc from 'fast-check';
import { JsonBody, ResponseTemplate, RestResponse, RestResponses, RestSimulator, WhenMissing } from '../../src';

const RUNS = Number(process.env.JSON_BODY_RUNS ?? 10_000);
const SEED = process.env.JSON_BODY_SEED === undefined ? undefined : Number(process.env.JSON_BODY_SEED);
const OMIT = Symbol('omitted');

type ValueType = 'string' | 'number' | 'boolean' | 'json';
type Missing = 'null' | 'omit' | 'default';
type Spec =
  | { readonly t: 'literal'; readonly value: unknown }
  | { readonly t: 'value'; readonly type: ValueType; readonly missing: Missing; readonly oddKey: boolean }
  | { readonly t: 'object'; readonly fields: ReadonlyArray<readonly [string, Spec]> }
  | { readonly t: 'array'; readonly items: readonly Spec[] }
  | { readonly t: 'list'; readonly element: Spec | { readonly t: 'self'; readonly type: ValueType; readonly missing: Missing }; readonly missing: Missing; readonly oddKey: boolean };

/** A shape built: the body, what it reads in its scope, and the value it must render for an answer. */
interface Shape {
  readonly body: JsonBody;
  readonly reads: ReadonlyArray<{ readonly key: string; readonly value: fc.Arbitrary<unknown> }>;
  expected(scope: unknown): unknown;
}

const tricky = fc.constantFrom('', "'", '"', '\\', "\\'", '\n\r\t\b\f', '\u0000\u001f', '$x #set($a = 1)', '\u2028\u2029', '😀é', '</script>', '${x}', '#');
const adversarialString = fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 12 }), fc.array(tricky).map(parts => parts.join('')));
const anyJson = fc.jsonValue({ maxDepth: 2 }).map(v => JSON.parse(JSON.stringify(v)));
const typed: Record<ValueType, fc.Arbitrary<unknown>> = {
  string: adversarialString,
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map(n => JSON.parse(JSON.stringify(n))),
  boolean: fc.boolean(),
  json: anyJson,
};
const MISSING_DEFAULT = { fallback: 'none', code: -1 };

const missingArb = fc.constantFrom<Missing>('null', 'omit', 'default');
const valueTypeArb = fc.constantFrom<ValueType>('string', 'number', 'boolean', 'json');
const fieldName = fc.oneof(fc.constantFrom('id', 'a b', "it's", '$ref', '#tag', 'ünï', ''), adversarialString);

const specArb: fc.Arbitrary<Spec> = fc.letrec<{ spec: Spec; object: Spec }>(tie => ({
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

/** What the simulator's `$input.json` and the builder make of a value read as `type`. */
function typedValue(type: ValueType, value: unknown, missing: Missing): unknown {
  if (value === null || value === undefined) return missingValue(missing);
  switch (type) {
    case 'string': return typeof value === 'string' ? value : JSON.stringify(value);
    case 'number': return typeof value === 'number' ? value : missingValue(missing);
    case 'boolean': return typeof value === 'boolean' ? value : missingValue(missing);
    case 'json': return value;
  }
}

function valueAt(scope: unknown, key: string): unknown {
  return scope !== null && typeof scope === 'object' && !Array.isArray(scope) ? (scope as Record<string, unknown>)[key] : undefined;
}

function bodyAt(type: ValueType, path: string, missing: Missing): JsonBody {
  const options = { whenMissing: whenMissing(missing) };
  switch (type) {
    case 'string': return JsonBody.stringAt(path, options);
    case 'number': return JsonBody.numberAt(path, options);
    case 'boolean': return JsonBody.booleanAt(path, options);
    case 'json': return JsonBody.jsonAt(path, options);
  }
}

function build(spec: Spec, keys: { next: number }): Shape {
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
function answerOf(reads: Shape['reads']): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(...reads.map(r => r.value)).map(values =>
    Object.fromEntries(reads.map((r, i) => [r.key, values[i]]).filter(([, v]) => v !== undefined)));
}

function simulatedBody(body: JsonBody, answer: unknown): string {
  const responses = RestResponses.of([RestResponse.forStatus('200').withTemplate('application/json', ResponseTemplate.fromJsonBody(body))]);
  return RestSimulator.fromResponses(responses).simulate({ backend: { body: JSON.stringify(answer) } }).body;
}

test(`for ${RUNS} generated shapes and backend answers, the body is valid JSON of the declared shape`, () => {
  // The case is the spec (what a counterexample prints) and an answer for the shape built from it.
  const cases = specArb.chain(spec => fc.tuple(fc.constant(spec), answerOf(build(spec, { next: 0 }).reads)));
  fc.assert(fc.property(cases, ([spec, answer]) => {
    const shape = build(spec, { next: 0 });
    const text = simulatedBody(shape.body, answer);
    let parsed: unknown;
    expect(() => { parsed = JSON.parse(text); }).not.toThrow();
    if (process.env.JSON_BODY_DEBUG) console.log(shape.body.toTemplate(), text);
    expect(parsed).toEqual(shape.expected(answer));
  }), { numRuns: RUNS, seed: SEED });
});

test('a list item that is itself a string keeps every character, in order', () => {
  const body = JsonBody.objectOf({ names: JsonBody.listAt('$.names', JsonBody.stringAt('$')) });
  fc.assert(fc.property(fc.array(adversarialString, { maxLength: 6 }), names => {
    expect(JSON.parse(simulatedBody(body, { names }))).toEqual({ names });
  }), { numRuns: 500, seed: SEED });
});
