import { IntegrationResponseError } from '../errors/integration-response-error';
import { childPath } from '../rules/catalog';

/**
 * Input that could make the checks run out of stack is refused up front, the same way in every
 * front end (the CLI, `TemplateChecker.check`, the synth-time checks): no CloudFormation template
 * nests this deep, and the rules and JSON functions they rely on recurse into what they read.
 */
export const MAX_NESTING_DEPTH = 500;

/**
 * Where `value` first nests deeper than `limit` levels (a property path such as
 * `Resources.M.Properties.Integration.Uri.Fn::Join[1][0]`), or `undefined` when it does not. A
 * circular reference nests without end and is reported where it closes; an object shared by
 * several parents is measured once. Walked without recursion, in time linear in the number of
 * distinct objects and their keys.
 */
export function tooDeepAt(value: unknown, limit = MAX_NESTING_DEPTH, base = ''): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  // Parsed JSON and YAML are trees: a plain depth count settles them, and only a deep or a shared
  // or circular value takes the exact walk below, which also names the path.
  if (shallowTree(value, limit)) return undefined;
  return exactTooDeepAt(value, limit, base);
}

/** How many values the quick walk visits before leaving the question to the exact walk. */
const QUICK_VISITS = 5_000_000;

/** Whether `value` is at most `limit` deep, walked as a tree; false when unsure (deep, or too many visits). */
function shallowTree(value: object, limit: number): boolean {
  const budget = { visits: QUICK_VISITS };
  return shallowFrom(value, 1, limit, budget);
}

/**
 * One level of `shallowTree`. It recurses, which is safe: it stops `limit` levels down, so the
 * stack never holds more than `limit` frames, and it is quicker than a walk with an explicit stack.
 */
function shallowFrom(node: object, depth: number, limit: number, budget: { visits: number }): boolean {
  if (depth > limit || --budget.visits < 0) return false;
  const children = Array.isArray(node) ? node : Object.values(node);
  for (let i = 0; i < children.length; i++) {
    const child: unknown = children[i];
    if (child !== null && typeof child === 'object' && !shallowFrom(child, depth + 1, limit, budget)) return false;
  }
  return true;
}

function exactTooDeepAt(value: object, limit: number, base: string): string | undefined {
  /** How many levels each finished object holds, itself included. */
  const height = new WeakMap<object, number>();
  const open = new WeakSet<object>();
  interface Frame {
    readonly node: object;
    readonly path: string;
    readonly depth: number;
    readonly children: Array<[unknown, string]>;
    next: number;
    tallest: number;
  }
  const enter = (node: object, path: string, depth: number): Frame => {
    open.add(node);
    const children: Array<[unknown, string]> = Array.isArray(node)
      ? node.map((child, i): [unknown, string] => [child, childPath(path, i)])
      : Object.entries(node).map(([key, child]): [unknown, string] => [child, childPath(path, key)]);
    return { node, path, depth, children, next: 0, tallest: 0 };
  };
  if (limit < 1) return base;
  const stack: Frame[] = [enter(value, base, 1)];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next === frame.children.length) {
      stack.pop();
      open.delete(frame.node);
      const own = frame.tallest + 1;
      height.set(frame.node, own);
      if (stack.length > 0) stack[stack.length - 1].tallest = Math.max(stack[stack.length - 1].tallest, own);
      continue;
    }
    const [child, path] = frame.children[frame.next++];
    if (child === null || typeof child !== 'object') continue;
    const depth = frame.depth + 1;
    if (open.has(child) || depth > limit) return path;
    const known = height.get(child);
    if (known !== undefined) {
      if (depth - 1 + known > limit) return path;
      frame.tallest = Math.max(frame.tallest, known);
      continue;
    }
    stack.push(enter(child, path, depth));
  }
  return undefined;
}

/**
 * Input nested deeper than the checks read: the checks refuse it with this error rather than
 * running out of stack.
 */
export class InputTooDeepError extends IntegrationResponseError {
  /**
   * @param what what is too deep (`the template`, `resource Stack/Api`)
   * @param path where the depth was passed
   * @param kind the kind of document that never needs that depth
   */
  constructor(what: string, path: string, kind = 'CloudFormation template') {
    super('input', tooDeepMessage(what, path, kind));
  }
}

/** The message for input nested too deep at `path`. */
export function tooDeepMessage(what: string, path: string, kind = 'CloudFormation template'): string {
  return `${what} nests more than ${MAX_NESTING_DEPTH} levels deep (at ${truncatedPath(path)}), which no ${kind} needs, ` +
    'so it is not checked; flatten the value';
}

function truncatedPath(path: string): string {
  return path.length <= 200 ? path : `${path.slice(0, 120)}...${path.slice(-60)}`;
}
