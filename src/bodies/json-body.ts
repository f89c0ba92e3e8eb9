import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { itemPath, pathLiteral, valuePathOf } from './body-path';
import { Rendered, Scope } from './render-scope';
import { WhenMissing } from './when-missing';
import { usageError } from '../errors/integration-response-error';

/**
 * Options of a value taken from the backend's answer, the context or the stage variables.
 */
export interface JsonValueOptions {
  /**
   * What the body holds when the value is missing, `null`, or of another type than asked for.
   *
   * @default WhenMissing.nullValue()
   */
  readonly whenMissing?: WhenMissing;
}

type Node =
  | { readonly kind: 'literal'; readonly json: string }
  | { readonly kind: 'object'; readonly fields: ReadonlyArray<readonly [string, JsonBody]> }
  | { readonly kind: 'array'; readonly items: readonly JsonBody[] }
  | { readonly kind: 'backend'; readonly type: BackendType; readonly path: string; readonly whenMissing: WhenMissing }
  | { readonly kind: 'variable'; readonly reference: string; readonly whenMissing: WhenMissing }
  | { readonly kind: 'list'; readonly path: string; readonly element: JsonBody; readonly whenMissing: WhenMissing };

/** How a value of the answer is read: `numberText` is a number, or a string that holds one (DynamoDB's `N`). */
type BackendType = 'string' | 'number' | 'numberText' | 'boolean' | 'json';

const NUMBER_PATTERN = '-?(0|[1-9][0-9]*)([.][0-9]+)?([eE][+-]?[0-9]+)?';
/** `$util.escapeJavaScript` escapes `'` as `\'`, which JSON rejects: it is turned back (AWS's mapping template reference). */
const UNDO_QUOTE_ESCAPE = '.replaceAll("\\\\\'","\'")';

/**
 * A JSON response body that stays valid JSON, of the shape it declares, whatever the backend
 * answers: quotes, backslashes, control characters, `'` and any unicode in strings, missing fields,
 * `null`s, and values of another type than expected. Build it from literals, objects, arrays and
 * values of the backend's answer, then use `ResponseTemplate.fromJsonBody(body)` (REST) or
 * `body.toTemplate()` (a WebSocket response template).
 *
 * ```ts
 * const body = JsonBody.objectOf({
 *   id: JsonBody.stringAt('$.id'),
 *   price: JsonBody.numberAt('$.price', { whenMissing: WhenMissing.omit() }),
 *   tags: JsonBody.listAt('$.tags', JsonBody.stringAt("$")),
 *   requestId: JsonBody.contextVariable('requestId'),
 * });
 * ```
 *
 * Paths are JSONPath expressions as `$input.path` takes them (`$.a.b`, `$.a[0]`, `$['odd key']`);
 * inside `listAt`, `$` is the list item. A value of another type than asked for counts as missing,
 * except that a number, a boolean, an object or a list asked for as a string is written as its
 * JSON text. API Gateway stops a `#foreach` loop after 1,000 items, so a list renders at most its
 * first 1,000.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
 */
export class JsonBody {
  /**
   * A JSON object with these fields, written sorted by name: languages disagree on the order of a
   * map's keys (Go sorts them, a Java `Map.of` has none), and the template must be the same from
   * every language.
   *
   * @param fields the fields by name
   */
  public static objectOf(fields: { [name: string]: JsonBody }): JsonBody {
    const sorted = Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return new JsonBody({ kind: 'object', fields: sorted });
  }

  /**
   * A JSON array with these items.
   *
   * @param items the items, in order
   */
  public static arrayOf(items: JsonBody[]): JsonBody {
    return new JsonBody({ kind: 'array', items: [...items] });
  }

  /**
   * A fixed string.
   *
   * @param value the string
   */
  public static stringValue(value: string): JsonBody {
    return new JsonBody({ kind: 'literal', json: JSON.stringify(value) });
  }

  /**
   * A fixed number.
   *
   * @param value a finite number
   */
  public static numberValue(value: number): JsonBody {
    if (!Number.isFinite(value)) throw usageError('JsonBody.numberValue', `${value} is not a JSON number: give a finite number`);
    return new JsonBody({ kind: 'literal', json: JSON.stringify(value) });
  }

  /**
   * A fixed boolean.
   *
   * @param value the boolean
   */
  public static booleanValue(value: boolean): JsonBody {
    return new JsonBody({ kind: 'literal', json: value ? 'true' : 'false' });
  }

  /**
   * JSON `null`.
   */
  public static nullValue(): JsonBody {
    return new JsonBody({ kind: 'literal', json: 'null' });
  }

  /**
   * A string of the backend's answer (`$input.path`), escaped so that any text stays one JSON string.
   *
   * @param path JSONPath of the value (`$.message`)
   * @param options what to write when it is missing
   */
  public static stringAt(path: string, options: JsonValueOptions = {}): JsonBody {
    return JsonBody.backend('string', path, options, 'JsonBody.stringAt');
  }

  /**
   * A number of the backend's answer; anything else counts as missing.
   *
   * @param path JSONPath of the value (`$.price`)
   * @param options what to write when it is missing
   */
  public static numberAt(path: string, options: JsonValueOptions = {}): JsonBody {
    return JsonBody.backend('number', path, options, 'JsonBody.numberAt');
  }

  /**
   * A number the backend's answer writes as a string (`"12.5"`), as DynamoDB writes the `N`
   * attributes of an item, written as a JSON number (`12.5`). A JSON number is taken as it is;
   * a string that is not a JSON number (`"12,5"`, `".5"`, `"NaN"`) and anything else counts as
   * missing.
   *
   * @param path JSONPath of the value (`$.Item.price.N`)
   * @param options what to write when it is missing
   */
  public static numberFromStringAt(path: string, options: JsonValueOptions = {}): JsonBody {
    return JsonBody.backend('numberText', path, options, 'JsonBody.numberFromStringAt');
  }

  /**
   * A boolean of the backend's answer; anything else counts as missing.
   *
   * @param path JSONPath of the value (`$.available`)
   * @param options what to write when it is missing
   */
  public static booleanAt(path: string, options: JsonValueOptions = {}): JsonBody {
    return JsonBody.backend('boolean', path, options, 'JsonBody.booleanAt');
  }

  /**
   * Any JSON value of the backend's answer, as it is (`$input.json`): an object, a list, a string, ...
   *
   * @param path JSONPath of the value (`$` for the whole answer)
   * @param options what to write when it is missing
   */
  public static jsonAt(path: string, options: JsonValueOptions = {}): JsonBody {
    return JsonBody.backend('json', path, options, 'JsonBody.jsonAt');
  }

  /**
   * The `errorMessage` of a Lambda function's error (a Lambda custom integration), as a string.
   *
   * @param options what to write when it is missing
   */
  public static lambdaErrorMessage(options: JsonValueOptions = {}): JsonBody {
    return JsonBody.backend('string', '$.errorMessage', options, 'JsonBody.lambdaErrorMessage');
  }

  /**
   * A list of the backend's answer, each item mapped by `element` (in which `$` is the item). A
   * value that is not a list counts as missing; an item whose value is missing and asked to be
   * omitted is left out.
   *
   * @param path JSONPath of the list (`$.items`)
   * @param element the JSON each item becomes
   * @param options what to write when the list is missing
   */
  public static listAt(path: string, element: JsonBody, options: JsonValueOptions = {}): JsonBody {
    valuePathOf(path, 'JsonBody.listAt');
    return new JsonBody({ kind: 'list', path, element, whenMissing: options.whenMissing ?? WhenMissing.nullValue() });
  }

  /**
   * A context variable (`$context.requestId`, `$context.identity.sourceIp`), as a string.
   *
   * @param name the variable's name after `$context.`
   * @param options what to write when it is missing
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#context-variable-reference
   */
  public static contextVariable(name: string, options: JsonValueOptions = {}): JsonBody {
    if (!/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/.test(name)) {
      throw usageError('JsonBody.contextVariable', `'${name}' is not a context variable name: write names such as requestId or identity.sourceIp, without '$context.'`);
    }
    return new JsonBody({ kind: 'variable', reference: `$context.${name}`, whenMissing: options.whenMissing ?? WhenMissing.nullValue() });
  }

  /**
   * A stage variable (`$stageVariables.name`), as a string.
   *
   * @param name the variable's name
   * @param options what to write when it is missing
   */
  public static stageVariable(name: string, options: JsonValueOptions = {}): JsonBody {
    // Stage variable names: alphanumeric and underscore (API Gateway's stage variable rules).
    if (!/^[A-Za-z0-9_]+$/.test(name)) {
      throw usageError('JsonBody.stageVariable', `'${name}' is not a stage variable name: API Gateway allows only letters, digits and '_'`);
    }
    return new JsonBody({ kind: 'variable', reference: `$stageVariables.${name}`, whenMissing: options.whenMissing ?? WhenMissing.nullValue() });
  }

  private static backend(type: BackendType, path: string, options: JsonValueOptions, where: string): JsonBody {
    valuePathOf(path, where);
    return new JsonBody({ kind: 'backend', type, path, whenMissing: options.whenMissing ?? WhenMissing.nullValue() });
  }

  private constructor(private readonly node: Node) {
    const fallback = 'whenMissing' in node ? node.whenMissing._default : undefined;
    if (fallback !== undefined && !fallback._isLiteral()) {
      throw usageError('WhenMissing.useDefault', 'a default must be built from literals only (JsonBody.stringValue, numberValue, booleanValue, nullValue, objectOf, arrayOf)');
    }
  }

  /**
   * The mapping template (VTL) that writes this body.
   */
  public toTemplate(): string {
    let counter = 0;
    const scope: Scope = {
      fresh: prefix => `${prefix}${++counter}`,
      steps: valuePathOf,
    };
    const rendered = this._render(scope, '');
    if (rendered.presentWhen !== undefined) {
      throw usageError('JsonBody.toTemplate', 'the body as a whole is a value to omit when missing, which would leave no body: ' +
        'use WhenMissing.nullValue() or WhenMissing.useDefault(...) for the top-level value');
    }
    return [...rendered.setup, rendered.value].join('\n') + '\n';
  }

  /**
   * A JSON Schema (draft 4, the version API Gateway models use) of every body this template can
   * render, for a model of the method response: `new apigw.Model(this, 'Item', { restApi,
   * contentType: 'application/json', schema: body.toJsonSchema() })`, then
   * `RestResponse.withModel('application/json', model)`. Fields that may be left out are not
   * required; values that may be `null` allow it; lists allow at most 1,000 items (API Gateway's
   * `#foreach` limit).
   *
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings-models.html
   */
  public toJsonSchema(): apigw.JsonSchema {
    return { schema: apigw.JsonSchemaVersion.DRAFT4, ...this._schema() };
  }

  /** @internal */
  public _schema(): apigw.JsonSchema {
    const node = this.node;
    switch (node.kind) {
      case 'literal':
        return literalSchema(JSON.parse(node.json));
      case 'object': {
        const required = node.fields.filter(([, value]) => !value._omittable()).map(([name]) => name);
        return {
          type: apigw.JsonSchemaType.OBJECT,
          properties: Object.fromEntries(node.fields.map(([name, value]) => [name, value._schema()])),
          ...(required.length > 0 ? { required } : {}),
          additionalProperties: false,
        };
      }
      case 'array': {
        if (node.items.length === 0) return { type: apigw.JsonSchemaType.ARRAY, maxItems: 0 };
        const always = node.items.filter(item => !item._omittable()).length;
        const items = { anyOf: node.items.map(item => item._schema()) };
        return { type: apigw.JsonSchemaType.ARRAY, items, minItems: always, maxItems: node.items.length };
      }
      case 'backend':
        return withMissing(BACKEND_SCHEMAS[node.type], node.whenMissing);
      case 'variable':
        return withMissing({ type: apigw.JsonSchemaType.STRING }, node.whenMissing);
      case 'list':
        return withMissing({ type: apigw.JsonSchemaType.ARRAY, items: node.element._schema(), maxItems: FOREACH_ITEMS }, node.whenMissing);
    }
  }

  /** Whether this value is left out of its object or list when it is missing. @internal */
  public _omittable(): boolean {
    return 'whenMissing' in this.node && this.node.whenMissing._kind === 'omit';
  }

  /** @internal */
  public _isLiteral(): boolean {
    const node = this.node;
    switch (node.kind) {
      case 'literal': return true;
      case 'object': return node.fields.every(([, v]) => v._isLiteral());
      case 'array': return node.items.every(v => v._isLiteral());
      default: return false;
    }
  }

  /** @internal */
  public _render(scope: Scope, indent: string): Rendered {
    const node = this.node;
    switch (node.kind) {
      case 'literal':
        return { setup: [], value: vtlSafeJson(node.json) };
      case 'object':
        return this.renderObject(node.fields, scope, indent);
      case 'array':
        return renderSequence('[', ']', node.items.map(item => ({ prefix: '', rendered: item._render(scope, `${indent}  `) })), scope, indent);
      case 'backend':
        return renderBackend(node.type, pathLiteral(scope.steps(node.path, 'JsonBody')), node.whenMissing, scope);
      case 'variable': {
        const value = `"$util.escapeJavaScript("${node.reference}")${UNDO_QUOTE_ESCAPE}"`;
        return withFallback([], value, `${node.reference} != $null`, node.whenMissing);
      }
      case 'list':
        return renderList(node.path, node.element, node.whenMissing, scope, indent);
    }
  }

  private renderObject(fields: ReadonlyArray<readonly [string, JsonBody]>, scope: Scope, indent: string): Rendered {
    const inner = `${indent}  `;
    return renderSequence('{', '}', fields.map(([name, value]) => ({ prefix: `${vtlSafeJson(JSON.stringify(name))}: `, rendered: value._render(scope, inner) })), scope, indent);
  }
}

/** An entry of an object or an array: the field name (or nothing) before the value. */
interface Entry {
  readonly prefix: string;
  readonly rendered: Rendered;
}

/**
 * The entries between `open` and `close`, with commas only between those written. Entries always
 * written are joined by plain commas; once the first entry is always there, each later one that may
 * be left out brings its own leading comma; otherwise a separator variable holds "" until the first.
 */
function renderSequence(open: string, close: string, entries: readonly Entry[], scope: Scope, indent: string): Rendered {
  if (entries.length === 0) return { setup: [], value: `${open}${close}` };
  const inner = `${indent}  `;
  const setup = entries.flatMap(e => e.rendered.setup);
  const body = (lines: string[]) => `${open}\n${lines.join('\n')}\n${indent}${close}`;
  const optional = (e: Entry, text: string) => e.rendered.presentWhen === undefined ? text : `#if(${e.rendered.presentWhen})${text}#end`;
  if (entries.every(e => e.rendered.presentWhen === undefined)) {
    return { setup, value: body(entries.map((e, i) => `${inner}${e.prefix}${e.rendered.value}${i < entries.length - 1 ? ',' : ''}`)) };
  }
  if (entries[0].rendered.presentWhen === undefined) {
    return { setup, value: body(entries.map((e, i) => `${inner}${optional(e, `${i > 0 ? ',' : ''}${e.prefix}${e.rendered.value}`)}`)) };
  }
  const separator = scope.fresh('$sep');
  const lines = entries.map(e => `${inner}${optional(e, `${formal(separator)}${e.prefix}${e.rendered.value}#set(${separator} = ",")`)}`);
  return { setup: [...setup, `#set(${separator} = "")`], value: body(lines) };
}

function renderBackend(type: BackendType, pathLit: string, whenMissing: WhenMissing, scope: Scope): Rendered {
  const json = scope.fresh('$json');
  const setup = [`#set(${json} = $input.json(${pathLit}))`];
  const present = `$input.path(${pathLit}) != $null`;
  switch (type) {
    case 'string':
      // `$input.json` of a string is that string as JSON text; anything else is written as the JSON text it is.
      return withFallback(setup, `#if(${json}.startsWith('"'))${formal(json)}#{else}"$util.escapeJavaScript(${json})${UNDO_QUOTE_ESCAPE}"#end`, present, whenMissing);
    case 'number':
      return withFallback(setup, formal(json), `${json}.matches("${NUMBER_PATTERN}")`, whenMissing);
    case 'numberText':
      // The JSON text is the number, or the number between quotes (a number has no quote to keep).
      return withFallback(setup, `${json}.replace('"', '')`, `${json}.matches('${NUMBER_PATTERN}|"${NUMBER_PATTERN}"')`, whenMissing);
    case 'boolean':
      return withFallback(setup, formal(json), `${json} == "true" || ${json} == "false"`, whenMissing);
    case 'json':
      return withFallback(setup, formal(json), present, whenMissing);
  }
}

function renderList(path: string, element: JsonBody, whenMissing: WhenMissing, scope: Scope, indent: string): Rendered {
  const list = scope.steps(path, 'JsonBody.listAt');
  const pathLit = pathLiteral(list);
  const json = scope.fresh('$list');
  const index = scope.fresh('$i');
  const inner = `${indent}  `;
  // The item's values are read by path from the whole answer, at the loop's index.
  const itemScope: Scope = {
    fresh: scope.fresh,
    steps: (relative, where) => itemPath(list, index, valuePathOf(relative, where)),
  };
  const rendered = element._render(itemScope, inner);
  // An item always written is followed by a comma unless it is the last; items that may be left out
  // are preceded by a separator variable instead.
  const always = rendered.presentWhen === undefined;
  const separator = always ? undefined : scope.fresh('$sep');
  const lines = [
    `[${separator === undefined ? '' : `#set(${separator} = "")`}#foreach($item in $input.path(${pathLit}))#set(${index} = $foreach.index)`,
    ...rendered.setup.map(line => `${inner}${line}`),
    `${inner}${separator === undefined
      ? `${rendered.value}#if($foreach.hasNext),#end`
      : `#if(${rendered.presentWhen})${formal(separator)}${rendered.value}#set(${separator} = ",")#end`}`,
    `${indent}#end]`,
  ];
  return withFallback([`#set(${json} = $input.json(${pathLit}))`], lines.join('\n'), `${json}.startsWith("[")`, whenMissing);
}

/** API Gateway stops a `#foreach` after 1,000 iterations, so a list holds at most that many items. */
const FOREACH_ITEMS = 1000;

const BACKEND_SCHEMAS: Record<BackendType, apigw.JsonSchema> = {
  string: { type: apigw.JsonSchemaType.STRING },
  number: { type: apigw.JsonSchemaType.NUMBER },
  numberText: { type: apigw.JsonSchemaType.NUMBER },
  boolean: { type: apigw.JsonSchemaType.BOOLEAN },
  // Any JSON value but null (null counts as missing).
  json: {},
};

/** The schema of a literal value: exactly that value. */
function literalSchema(value: unknown): apigw.JsonSchema {
  if (value === null) return { type: apigw.JsonSchemaType.NULL };
  if (Array.isArray(value)) {
    return { type: apigw.JsonSchemaType.ARRAY, items: value.map(literalSchema), minItems: value.length, maxItems: value.length };
  }
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>);
    return {
      type: apigw.JsonSchemaType.OBJECT,
      properties: Object.fromEntries(fields.map(([k, v]) => [k, literalSchema(v)])),
      ...(fields.length > 0 ? { required: fields.map(([k]) => k) } : {}),
      additionalProperties: false,
    };
  }
  return { enum: [value] };
}

/** `schema`, widened by what is written when the value is missing (left out: nothing to widen). */
function withMissing(schema: apigw.JsonSchema, whenMissing: WhenMissing): apigw.JsonSchema {
  switch (whenMissing._kind) {
    case 'omit':
      return schema;
    case 'null':
      return schema.type === undefined ? schema : { anyOf: [schema, { type: apigw.JsonSchemaType.NULL }] };
    case 'default':
      return schema.type === undefined ? schema : { anyOf: [schema, whenMissing._default!._schema()] };
  }
}

/** A variable written in Velocity's formal notation (`${sep1}`), so that no text after it reads as part of its name. */
function formal(variable: string): string {
  return `\${${variable.slice(1)}}`;
}

/** `value` where `present` holds; elsewhere `null`, the default, or nothing (then the caller leaves it out). */
function withFallback(setup: readonly string[], value: string, present: string, whenMissing: WhenMissing): Rendered {
  switch (whenMissing._kind) {
    case 'omit':
      return { setup, value, presentWhen: present };
    case 'default':
      return { setup, value: `#if(${present})${value}#{else}${compactLiteral(whenMissing._default!)}#end` };
    case 'null':
      return { setup, value: `#if(${present})${value}#{else}null#end` };
  }
}

function compactLiteral(body: JsonBody): string {
  return body.toTemplate().trim().replace(/\n\s*/g, ' ');
}

/**
 * JSON text that Velocity writes as it is: `$` and `#` would start a reference or a directive, so
 * they are written as the JSON escapes `\u0024` and `\u0023`, which JSON reads as the same characters
 * (they only occur inside strings).
 */
function vtlSafeJson(json: string): string {
  return json.replace(/\$/g, '\\u0024').replace(/#/g, '\\u0023');
}
