import { isJsonList } from '../json-lists';
import { JavaChar, JavaCollection, JavaDouble, javaDoubleText, JavaEntry } from './java-values';
import { allMatches, RegexMatch, searcher, splitWith } from './regex-search';
import { TemplateError } from './template-error';
import { compileJavaPattern, CompiledPattern, PatternMatchError } from '../../grammar/java-pattern';

/**
 * Mapping templates are Velocity (Java): values are Java strings, numbers, lists and maps, and
 * templates call their Java methods (`$s.equals("x")`, `$s.length()`, `$s.replaceAll(regex, r)`,
 * `$list.size()`, `$map.keySet()`). These are the methods the simulator provides, with Java's
 * semantics; nothing else can be called on a value.
 */
type Method = (target: any, ...args: any[]) => unknown;

function str(value: unknown): string {
  return typeof value === 'string' ? value : javaToString(value);
}

function pattern(regex: unknown): CompiledPattern {
  const compiled = compileJavaPattern(str(regex));
  if (!compiled.ok) throw new TemplateError(`regular expression '${str(regex)}' is not supported here (${compiled.detail})`);
  return compiled;
}

function matches(s: string, regex: unknown): boolean {
  try {
    return pattern(regex).matches(s);
  } catch (e) {
    if (e instanceof PatternMatchError) throw new TemplateError(`regular expression '${str(regex)}' cannot be matched here: ${e.reason}`);
    throw e;
  }
}

/** Java's replacement syntax: `$1` and `${name}` refer to groups, `\x` is a literal x. */
function expandReplacement(replacement: string, match: RegexMatch): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c === '\\' && i + 1 < replacement.length) {
      out += replacement[++i];
    } else if (c === '$') {
      const named = /^\{([A-Za-z][A-Za-z0-9]*)\}/.exec(replacement.slice(i + 1));
      const digits = /^\d+/.exec(replacement.slice(i + 1))?.[0];
      if (named) {
        out += match.named(named[1]) ?? '';
        i += named[0].length;
      } else if (digits !== undefined) {
        // Java reads one digit, then more while the number still names a group.
        let length = 1;
        while (length < digits.length && Number(digits.slice(0, length + 1)) <= match.groupCount) length++;
        const group = Number(digits.slice(0, length));
        if (group > match.groupCount) throw new TemplateError(`replacement '${replacement}' refers to group ${group}, but the pattern has ${match.groupCount}`);
        out += match.group(group) ?? '';
        i += length;
      } else {
        throw new TemplateError(`illegal group reference in replacement '${replacement}'`);
      }
    } else {
      out += c;
    }
  }
  return out;
}

function replaceRegex(s: string, regex: unknown, replacement: unknown, all: boolean): string {
  const find = searcher(pattern(regex), str(regex), s);
  let result = '';
  let last = 0;
  for (const m of allMatches(find, s.length, all)) {
    result += s.slice(last, m.index) + expandReplacement(str(replacement), m);
    last = m.end;
  }
  return result + s.slice(last);
}

function split(s: string, regex: unknown): Array<string | undefined> {
  const parts = splitWith(searcher(pattern(regex), str(regex), s), s);
  // No match (or an empty string) leaves the string whole; otherwise trailing empty strings go,
  // all of them if need be ("x".split("x") is []).
  if (s === '' || parts.length === 1) return [s];
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

function index(i: unknown, length: number, what: string): number {
  const n = Number(i);
  if (!Number.isInteger(n) || n < 0 || n >= length) throw new TemplateError(`index ${str(i)} is out of range for ${what} of length ${length}`);
  return n;
}

function substring(s: string, begin: unknown, end?: unknown): string {
  const b = Number(begin);
  const e = end === undefined ? s.length : Number(end);
  if (!Number.isInteger(b) || !Number.isInteger(e) || b < 0 || e > s.length || b > e) {
    throw new TemplateError(`substring(${str(begin)}${end === undefined ? '' : `, ${str(end)}`}) is out of range for a string of length ${s.length}`);
  }
  return s.substring(b, e);
}

const STRING: Record<string, Method> = {
  equals: (s: string, o) => typeof o === 'string' && s === o,
  equalsIgnoreCase: (s: string, o) => typeof o === 'string' && s.toLowerCase() === o.toLowerCase(),
  length: (s: string) => s.length,
  isEmpty: (s: string) => s.length === 0,
  contains: (s: string, x) => s.includes(str(x)),
  startsWith: (s: string, x) => s.startsWith(str(x)),
  endsWith: (s: string, x) => s.endsWith(str(x)),
  indexOf: (s: string, x) => s.indexOf(str(x)),
  lastIndexOf: (s: string, x) => s.lastIndexOf(str(x)),
  substring,
  // A method with an argument of the wrong type is a method Velocity does not find: null.
  charAt: (s: string, i) => typeof i === 'number' ? new JavaChar(s.charAt(index(i, s.length, 'a string'))) : undefined,
  toLowerCase: (s: string) => s.toLowerCase(),
  toUpperCase: (s: string) => s.toUpperCase(),
  trim: (s: string) => s.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, ''),
  concat: (s: string, x) => s + str(x),
  // Java inserts the replacement at every position for an empty target, ends included ("ab" -> "XaXbX").
  replace: (s: string, a, b) => str(a) === '' ? str(b) + [...s.split('')].join(str(b)) + (s === '' ? '' : str(b)) : s.split(str(a)).join(str(b)),
  replaceAll: (s: string, regex, replacement) => replaceRegex(s, regex, replacement, true),
  replaceFirst: (s: string, regex, replacement) => replaceRegex(s, regex, replacement, false),
  matches,
  split,
  toString: (s: string) => s,
};

const NUMBER: Record<string, Method> = {
  equals: (n: number, o) => typeof o === 'number' && n === o,
  toString: (n: number) => javaToString(n),
  intValue: (n: number) => Math.trunc(n),
  longValue: (n: number) => Math.trunc(n),
  doubleValue: (n: number) => n,
};

const CHARACTER: Record<string, Method> = {
  equals: (c: string, o) => o instanceof JavaChar && o.value === c,
  toString: (c: string) => c,
  charValue: (c: string) => new JavaChar(c),
};

const ENTRY: Record<string, Method> = {
  getKey: (e: JavaEntry) => e.key,
  getValue: (e: JavaEntry) => e.value ?? undefined,
  equals: (e: JavaEntry, o) => o instanceof JavaEntry && o.key === e.key && javaValueEquals(o.value, e.value),
  toString: (e: JavaEntry) => javaToString(e),
};

const BOOLEAN: Record<string, Method> = {
  equals: (b: boolean, o) => b === o,
  toString: (b: boolean) => String(b),
  booleanValue: (b: boolean) => b,
};

const LIST: Record<string, Method> = {
  size: (l: unknown[]) => l.length,
  // Not java.util.List, but API Gateway's $input.path results answer it (mapping template reference).
  count: (l: unknown[]) => l.length,
  isEmpty: (l: unknown[]) => l.length === 0,
  get: (l: unknown[], i) => typeof i === 'number' ? l[index(i, l.length, 'a list')] : undefined,
  contains: (l: unknown[], x) => l.includes(x),
  indexOf: (l: unknown[], x) => l.indexOf(x),
  equals: (l: unknown[], o) => javaValueEquals(l, o),
  toString: (l: unknown[]) => javaToString(l),
};

const COLLECTION: Record<string, Method> = Object.fromEntries(Object.entries(LIST).filter(([name]) => !['get', 'indexOf', 'count'].includes(name)));

const own = (m: Record<string, unknown>, k: unknown) => Object.prototype.hasOwnProperty.call(m, str(k));

const MAP: Record<string, Method> = {
  get: (m: Record<string, unknown>, k) => own(m, k) ? m[str(k)] : null,
  containsKey: (m: Record<string, unknown>, k) => own(m, k),
  keySet: (m: Record<string, unknown>) => JavaCollection.from(Object.keys(m)),
  values: (m: Record<string, unknown>) => JavaCollection.from(Object.values(m)),
  entrySet: (m: Record<string, unknown>) => JavaCollection.from(Object.entries(m), ([key, value]) => new JavaEntry(key, value)),
  size: (m: Record<string, unknown>) => Object.keys(m).length,
  isEmpty: (m: Record<string, unknown>) => Object.keys(m).length === 0,
  put: (m: Record<string, unknown>, k, v) => {
    const key = str(k);
    if (key === '__proto__') throw new TemplateError("'__proto__' cannot be used as a key");
    const previous = own(m, key) ? m[key] : null;
    Object.defineProperty(m, key, { value: v, writable: true, enumerable: true, configurable: true });
    return previous;
  },
  equals: (m: Record<string, unknown>, o) => javaValueEquals(m, o),
  toString: (m: Record<string, unknown>) => javaToString(m),
};

function isJavaMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    && !(value instanceof JavaDouble) && !(value instanceof JavaChar) && !(value instanceof JavaEntry);
}

/**
 * Java's `equals`: values of one kind that are equal (numbers by value, lists element by element,
 * maps entry by entry); values of different kinds are never equal.
 */
export function javaValueEquals(a: unknown, b: unknown): boolean {
  if (a instanceof JavaChar || b instanceof JavaChar) return a instanceof JavaChar && b instanceof JavaChar && a.value === b.value;
  if (a instanceof JavaEntry || b instanceof JavaEntry) {
    return a instanceof JavaEntry && b instanceof JavaEntry && a.key === b.key && javaValueEquals(a.value, b.value);
  }
  const x = a instanceof JavaDouble ? a.value : a;
  const y = b instanceof JavaDouble ? b.value : b;
  if (x === null || x === undefined || y === null || y === undefined) return (x === null || x === undefined) && (y === null || y === undefined);
  if (Array.isArray(x)) return Array.isArray(y) && x.length === y.length && x.every((v, i) => javaValueEquals(v, y[i]));
  if (isJavaMap(x)) {
    if (!isJavaMap(y)) return false;
    const keys = Object.keys(x);
    return keys.length === Object.keys(y).length && keys.every(k => Object.prototype.hasOwnProperty.call(y, k) && javaValueEquals(x[k], y[k]));
  }
  return typeof x === typeof y && x === y;
}

/**
 * The Java method `name` of `target`, or `undefined` when a Java value of that type has none the
 * simulator provides.
 */
export function javaMethod(target: unknown, name: string): ((...args: unknown[]) => unknown) | undefined {
  if (target instanceof JavaDouble) return name === 'toString' ? () => javaDoubleText(target.value) : javaMethod(target.value, name);
  if (target instanceof JavaEntry) {
    const entry = ENTRY[name];
    return Object.prototype.hasOwnProperty.call(ENTRY, name) ? (...args: unknown[]) => entry(target, ...args) : undefined;
  }
  if (target instanceof JavaChar) {
    const char = CHARACTER[name];
    return Object.prototype.hasOwnProperty.call(CHARACTER, name) ? (...args: unknown[]) => char(target.value, ...args) : undefined;
  }
  const table = typeof target === 'string' ? STRING
    : typeof target === 'number' ? NUMBER
      : typeof target === 'boolean' ? BOOLEAN
        : target instanceof JavaCollection ? COLLECTION
          : Array.isArray(target) ? LIST
            : target !== null && typeof target === 'object' ? MAP
              : undefined;
  const method = table && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  return method && ((...args: unknown[]) => method(target, ...args));
}

/**
 * A value as Java's `toString()` renders it: maps as `{a=1, b=2}`, lists a template builds as
 * `[1, 2]`, lists read from JSON as JSON (`["a",1]`, see `isJsonList`), numbers as Java prints
 * them, null inside a map or list as `null`.
 */
export function javaToString(value: unknown): string {
  if (value === null || value === undefined) return '';
  return javaText(value);
}

function javaText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return javaNumber(value);
  if (value instanceof JavaDouble) return javaDoubleText(value.value);
  if (value instanceof JavaChar) return value.value;
  if (value instanceof JavaEntry) return `${value.key}=${javaText(value.value)}`;
  if (Array.isArray(value)) return isJsonList(value) ? javaJson(value) : `[${value.map(javaText).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}=${javaText(v)}`).join(', ')}}`;
  }
  return String(value);
}

/** What a reference renders: its Java text, nothing for null. */
export function renderedValue(value: unknown): string {
  return typeof value === 'string' ? value : javaToString(value);
}

/**
 * A number as Java prints it: a whole number as an integer (JSON integers read as Integer or Long),
 * other numbers as `Double.toString` does (`0.5`, `1.0E-7`, `1.5E10`).
 */
export function javaNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  return javaDoubleText(n);
}

/** JSON text with Java's number formatting, as API Gateway's JSON writer prints a list read from JSON. */
export function javaJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? javaNumber(value) : 'null';
  if (value instanceof JavaDouble) return javaDoubleText(value.value);
  if (value instanceof JavaChar) return JSON.stringify(value.value);
  if (value instanceof JavaEntry) return JSON.stringify(`${value.key}=${javaText(value.value)}`);
  if (Array.isArray(value)) return `[${value.map(javaJson).join(',')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}:${javaJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
