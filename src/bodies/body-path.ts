import { usageError } from '../errors/integration-response-error';
import { parseBodyPath } from '../grammar/json-path';

/** A step of a path into the backend's answer: a name, an index, or the index variable of a loop. */
export type ValueStep = string | number | { readonly loopIndex: string };

/**
 * The steps of a JSONPath given to the JSON body builder (`$`, `$.a.b`, `$.a[0]`, `$['odd key']`),
 * or a usage error naming `where`. Names that would need quoting inside a VTL string (`'`, `"`,
 * `$`, `#`, `\`) and wildcards (which select many values) are refused.
 */
export function valuePathOf(path: string, where: string): ValueStep[] {
  if (path === '$') return [];
  const rest = path.startsWith('$.') ? path.slice(2) : path.startsWith('$[') ? path.slice(1) : undefined;
  if (rest === undefined) throw usageError(where, `'${path}' is not a JSONPath of the answer: start it with '$' ('$.message', '$.items[0]')`);
  const parsed = parseBodyPath(rest);
  if (parsed.segments === undefined) throw usageError(where, `'${path}' is not a JSONPath API Gateway reads: ${parsed.problem}`);
  return parsed.segments.map(segment => {
    if (segment === '*') throw usageError(where, `'${path}' has a wildcard, which selects many values: use JsonBody.listAt for lists`);
    if (typeof segment === 'string' && /['"$#\\]/.test(segment)) {
      throw usageError(where, `the key '${segment}' of '${path}' has a quote, '$', '#' or '\\', which the template cannot spell safely`);
    }
    return segment;
  });
}

/** The steps of `relative` (a path inside a list item) read from the whole answer, at the loop's index. */
export function itemPath(list: readonly ValueStep[], loopIndex: string, relative: readonly ValueStep[]): ValueStep[] {
  return [...list, { loopIndex }, ...relative];
}

/**
 * The path as a VTL string literal for `$input.path(...)` and `$input.json(...)`: single-quoted,
 * or double-quoted when it goes through a loop (so Velocity puts the index in) or quotes a key.
 */
export function pathLiteral(steps: readonly ValueStep[]): string {
  let text = '$';
  let interpolated = false;
  for (const step of steps) {
    if (typeof step === 'number') {text += `[${step}]`;} else if (typeof step === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(step)) {text += `.${step}`;} else if (typeof step === 'string') {
      text += `['${step}']`;
      interpolated = true;
    } else {
      text += `[${step.loopIndex}]`;
      interpolated = true;
    }
  }
  return interpolated ? `"${text}"` : `'${text}'`;
}
