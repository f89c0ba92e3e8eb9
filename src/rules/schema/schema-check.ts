import { CLOUDFORMATION_SCHEMAS } from './cloudformation-schemas.generated';
import { ResourceSchema, SchemaObject, SchemaType } from './resource-schema';
import { SchemaMemo } from './schema-memo';
import { isUnknown } from '../../grammar/unknown';
import { closestName } from '../../util/closest-name';
import { childPath, finding, RULES } from '../catalog';
import { Finding } from '../finding';

/**
 * What a schema check found, and the properties the other rules should read instead: a misspelt,
 * missing or ill-typed value is replaced there by a value that reads as "unknown until deployment",
 * so no rule reports a consequence of the mistake as if the template said something else (a
 * `SelectionPatern` is not a default response, a `Type: MOCKK` is not an HTTP integration).
 */
export interface SchemaCheck {
  readonly findings: Finding[];
  /** The properties to check with the other rules: the same object when nothing was masked. */
  readonly properties: Record<string, unknown>;
}

/** A schema finding, and whether AWS's own offline engine (in aws-cdk-lib) reports the same. */
export interface SchemaFinding extends Finding {
  /** Found while trying the alternatives of a union type: the engine does not report these. */
  readonly inUnion: boolean;
}

/**
 * The key of the values that stand in for a mistake. One key of the form `Fn::...` is what every
 * rule already reads as a CloudFormation intrinsic, known only at deployment.
 */
export const SCHEMA_MISTAKE_KEY = 'Fn::cdk-integration-responses:schema-mistake';

/** Paths whose allowed values a rule of its own checks with a more telling message. */
const ENUMS_CHECKED_ELSEWHERE = [
  /^Integration\.IntegrationResponses\[\d+\]\.ContentHandling$/,
];

/**
 * Options of a schema check.
 */
export interface SchemaCheckOptions {
  /**
   * Leave out what AWS's offline engine reports itself (aws-cdk-lib's default validation): the
   * masking still happens, so nothing is reported twice and no consequence is reported at all.
   */
  readonly leaveOutEngineFindings?: boolean;

  /**
   * Whether the properties are all the resource has. The synth-time checks read only the properties
   * the rules need from an L1 without overrides (whose typed properties cannot be misspelt), so the
   * properties that are not there are not missing.
   *
   * @default true
   */
  readonly complete?: boolean;

  /**
   * Lists and maps checked before, for the resources of one template or stack: a repeated value is
   * walked once.
   *
   * @default - every value is walked
   */
  readonly memo?: SchemaMemo<SchemaFinding>;
}

/** How deep in the properties lists and maps are looked up in the memo (`Integration.IntegrationResponses` is 2). */
const MEMO_DEPTH = 2;

/**
 * Checks the properties of a resource against the official CloudFormation schema of its type:
 * unknown properties (with the closest known name), missing required ones, lists, maps and objects
 * where the schema has something else, and values outside an allowed set. Intrinsics and CDK tokens
 * are accepted anywhere; plain values (strings, numbers, booleans) stand for each other, as
 * CloudFormation converts them.
 */
export function checkSchema(type: string, properties: Record<string, unknown>, options: SchemaCheckOptions = {}): SchemaCheck {
  const schema = CLOUDFORMATION_SCHEMAS[type];
  if (schema === undefined) return { findings: [], properties };
  const walker = new SchemaWalker(type, schema, options.memo);
  const masked = walker.object(schema.properties, properties, undefined, false, options.complete ?? true);
  const findings = walker.findings
    .filter(f => !(options.leaveOutEngineFindings && !f.inUnion))
    .map(({ inUnion: _, ...f }) => f);
  return { findings, properties: masked as Record<string, unknown> };
}

/** A stand-in for the value at `path`, unique per path so that no two stand-ins look alike. */
function mistake(path: Path): Record<string, string> {
  return { [SCHEMA_MISTAKE_KEY]: path.text() };
}

/**
 * Where a value is, spelled out only when a finding needs it: the walk visits every value of a
 * template, and building each path as a string cost more than the checks themselves.
 */
class Path {
  /** How many keys lead here from the resource's properties (1 for a property). */
  public readonly depth: number;
  private spelt?: string;

  constructor(public readonly parent: Path | undefined, public readonly key: string | number) {
    this.depth = parent === undefined ? 1 : parent.depth + 1;
  }

  public text(): string {
    this.spelt ??= childPath(this.parent?.text(), this.key);
    return this.spelt;
  }
}

/**
 * Whether `value` is a plain value its type takes as it is: most values of a template are, and
 * settling them before anything is allocated for them keeps the walk cheap.
 */
function fitsAsPlainValue(type: SchemaType, value: unknown): boolean {
  switch (type.kind) {
    case 'json':
      return true;
    case 'scalar':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    case 'string':
      if (typeof value === 'string') return type.allowed === undefined || type.allowed.includes(value);
      return typeof value === 'number' || typeof value === 'boolean';
    default:
      return false;
  }
}

class SchemaWalker {
  public readonly findings: SchemaFinding[] = [];

  constructor(private readonly type: string, private readonly schema: ResourceSchema,
    private readonly memo: SchemaMemo<SchemaFinding> | undefined) {}

  /** `value` checked as an object of `shape`; returns it, or a copy with its mistakes masked. */
  public object(shape: SchemaObject, value: Record<string, unknown>, path: Path | undefined, inUnion: boolean, complete = true): unknown {
    let result = value;
    const set = (key: string, replacement: unknown) => {
      if (result === value) result = { ...value };
      result[key] = replacement;
    };
    let misspelt: Set<string> | undefined;
    // A key whose value is undefined is left out of the template (aws-cdk-lib renders such keys).
    let absentKeys: string[] | undefined;
    const absent = () => absentKeys ??= Object.keys(shape.properties).filter(k => value[k] === undefined);
    for (const key of Object.keys(value)) {
      if (value[key] === undefined) continue;
      const property = Object.prototype.hasOwnProperty.call(shape.properties, key) ? shape.properties[key] : undefined;
      if (property !== undefined && fitsAsPlainValue(property.type, value[key])) continue;
      const at = new Path(path, key);
      if (property === undefined) {
        this.unknownProperty(shape, key, at, value, inUnion);
        // The property it most likely misspells reads as unknown; with no likely one, all absent ones do.
        const meant = closestName(key, absent());
        if (meant !== undefined) (misspelt ??= new Set()).add(meant);
        for (const other of meant !== undefined ? [meant] : absent()) set(other, mistake(new Path(path, other)));
        continue;
      }
      const checked = this.value(property.type, value[key], at, inUnion);
      if (checked !== value[key]) set(key, checked);
    }
    for (const key of complete ? shape.required : []) {
      // A misspelt required property is reported once, as the misspelling ("did you mean ...?").
      if (value[key] !== undefined || misspelt?.has(key)) continue;
      const at = new Path(path, key);
      this.add(RULES.schemaRequired, `the ${shape.name} has no ${key}, which its CloudFormation schema requires: ` +
        `CloudFormation rejects the deployment ("required key [${key}] not found"); set ${key}`, at, inUnion);
      set(key, mistake(at));
    }
    return result;
  }

  /** `value` checked as a `type`; returns it, or a stand-in or a copy with its mistakes masked. */
  private value(type: SchemaType, value: unknown, path: Path, inUnion: boolean): unknown {
    if (value === null || value === undefined || isUnknown(value)) return value;
    if ((type.kind === 'array' || type.kind === 'map') && this.memo !== undefined && !inUnion && path.depth <= MEMO_DEPTH) {
      return this.collection(this.memo, type, value, path);
    }
    return this.walk(type, value, path, inUnion);
  }

  /** A list or map, checked once per distinct value at its place (findings of a union trial are not remembered). */
  private collection(memo: SchemaMemo<SchemaFinding>, type: SchemaType, value: unknown, path: Path): unknown {
    let walked = false;
    const checked = memo.get(this.type, path, value, () => {
      walked = true;
      const start = this.findings.length;
      const output = this.walk(type, value, path, false);
      return { input: value, output, findings: this.findings.slice(start) };
    });
    if (!walked) for (const f of checked.findings) this.findings.push(f);
    return checked.output;
  }

  private walk(type: SchemaType, value: unknown, path: Path, inUnion: boolean): unknown {
    switch (type.kind) {
      case 'json':
        return value;
      case 'string':
      case 'scalar': {
        if (typeof value === 'object') return this.wrongType(`a ${type.kind === 'string' ? 'string' : type.name}`, value, path, inUnion);
        if (type.kind === 'string' && type.allowed !== undefined && typeof value === 'string' && !type.allowed.includes(value)
          && !ENUMS_CHECKED_ELSEWHERE.some(p => p.test(path.text()))) {
          const suggestion = closestName(value, type.allowed);
          this.add(RULES.schemaEnum, `the value '${value}' of ${path.text()} is not one of those its CloudFormation schema allows ` +
            `(${type.allowed.join(', ')}): the deployment fails; use ${suggestion !== undefined ? `'${suggestion}'` : 'one of them'}`,
          path, inUnion);
          return mistake(path);
        }
        return value;
      }
      case 'array': {
        if (!Array.isArray(value)) return this.wrongType('a list', value, path, inUnion);
        let result = value;
        value.forEach((item, i) => {
          if (fitsAsPlainValue(type.element, item)) return;
          const checked = this.value(type.element, item, new Path(path, i), inUnion);
          if (checked === item) return;
          if (result === value) result = [...value];
          result[i] = checked;
        });
        return result;
      }
      case 'map':
      case 'object': {
        if (typeof value !== 'object' || Array.isArray(value)) {
          return this.wrongType(type.kind === 'map' ? 'a map' : `an object (${this.schema.definitions[type.definition]?.name ?? 'object'})`, value, path, inUnion);
        }
        const object = value as Record<string, unknown>;
        if (type.kind === 'object') {
          const shape = this.schema.definitions[type.definition];
          return shape === undefined ? value : this.object(shape, object, path, inUnion);
        }
        let result = object;
        for (const key of Object.keys(object)) {
          if (fitsAsPlainValue(type.element, object[key])) continue;
          const checked = this.value(type.element, object[key], new Path(path, key), inUnion);
          if (checked === object[key]) continue;
          if (result === object) result = { ...object };
          result[key] = checked;
        }
        return result;
      }
      case 'union':
        return this.union(type.types, value, path);
    }
  }

  /**
   * A value of a union type is fine when any of its types takes it without a finding; otherwise
   * what the first type that has the value's shape (a map for an object, ...) finds is reported.
   */
  private union(types: readonly SchemaType[], value: unknown, path: Path): unknown {
    const attempts = types.map(type => {
      const trial = new SchemaWalker(this.type, this.schema, undefined);
      const checked = trial.value(type, value, path, true);
      return { type, checked, findings: trial.findings };
    });
    const fitting = attempts.find(a => a.findings.length === 0);
    if (fitting !== undefined) return fitting.checked;
    const sameShape = attempts.find(a => !a.findings.some(f => f.path === path.text() && f.ruleId === RULES.schemaType.id)) ?? attempts[0];
    for (const f of sameShape.findings) this.findings.push(f);
    return sameShape.checked;
  }

  private unknownProperty(shape: SchemaObject, key: string, path: Path, value: Record<string, unknown>, inUnion: boolean): void {
    const known = Object.keys(shape.properties);
    const meant = closestName(key, known);
    const hint = meant === undefined
      ? `its properties are ${known.join(', ')}`
      : value[meant] !== undefined ? `did you mean ${meant}, which is set as well?` : `did you mean ${meant}?`;
    this.add(RULES.schemaUnknownProperty, `the ${shape.name} has a property ${key}, which its CloudFormation schema does not define: ` +
      `CloudFormation rejects the deployment ("Encountered unsupported property ${key}"); ${hint}`, path, inUnion);
  }

  private wrongType(expected: string, value: unknown, path: Path, inUnion: boolean): Record<string, string> {
    const actual = Array.isArray(value) ? 'a list' : value !== null && typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`;
    this.add(RULES.schemaType, `the value of ${path.text()} is ${actual} where its CloudFormation schema has ${expected}: ` +
      `CloudFormation rejects the deployment (the value fails the schema's type); give ${expected}`, path, inUnion);
    return mistake(path);
  }

  private add(rule: typeof RULES.schemaType, message: string, path: Path, inUnion: boolean): void {
    this.findings.push({ ...finding(rule, message, path.text()), inUnion });
  }
}
