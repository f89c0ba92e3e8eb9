/**
 * The JSONPath API Gateway accepts after `integration.response.body.` (written without `$.`):
 * dot-separated names, `[index]`, `['name']` / `["name"]` and `[*]`.
 */
export type PathSegment = string | number | '*';

/**
 * The segments of a body path, or the reason it does not parse.
 */
export function parseBodyPath(path: string): { segments?: PathSegment[]; problem?: string } {
  if (path.startsWith('$')) return { problem: "the path starts with '$': write it without the leading '$.'" };
  const segments: PathSegment[] = [];
  let i = 0;
  let expectName = true;
  while (i < path.length) {
    const c = path[i];
    if (c === '[') {
      const close = bracketEnd(path, i);
      if (close < 0) return { problem: `unclosed '[' at position ${i + 1}` };
      const inner = path.slice(i + 1, close);
      const segment = bracketSegment(inner);
      if (segment === undefined) return { problem: `'[${inner}]' is not an index, '*' or a quoted name` };
      segments.push(segment);
      i = close + 1;
      expectName = false;
      continue;
    }
    if (c === '.') {
      if (expectName) return { problem: `empty name before position ${i + 1}` };
      if (path[i + 1] === '.') return { problem: "recursive descent '..' is not supported" };
      i += 1;
      expectName = true;
      if (i === path.length) return { problem: 'the path ends with a dot' };
      continue;
    }
    if (!expectName) return { problem: `expected '.' or '[' at position ${i + 1}` };
    const end = nameEnd(path, i);
    const name = path.slice(i, end);
    if (/[\s'"\]]/.test(name)) return { problem: `'${name}' is not a valid name (use ['...'] for unusual keys)` };
    segments.push(name === '*' ? '*' : name);
    i = end;
    expectName = false;
  }
  if (segments.length === 0) return { problem: 'the path is empty' };
  return { segments };
}

function nameEnd(path: string, from: number): number {
  let i = from;
  while (i < path.length && path[i] !== '.' && path[i] !== '[') i++;
  return i;
}

function bracketEnd(path: string, open: number): number {
  const quote = path[open + 1];
  if (quote === "'" || quote === '"') {
    const closeQuote = path.indexOf(quote, open + 2);
    return closeQuote >= 0 && path[closeQuote + 1] === ']' ? closeQuote + 1 : -1;
  }
  return path.indexOf(']', open);
}

function bracketSegment(inner: string): PathSegment | undefined {
  if (inner === '*') return '*';
  if (/^\d+$/.test(inner)) return Number(inner);
  const quoted = /^(['"])(.*)\1$/.exec(inner);
  return quoted ? quoted[2] : undefined;
}
