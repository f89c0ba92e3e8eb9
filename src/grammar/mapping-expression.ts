import { headerNameProblem } from './header-name';
import { parseBodyPath, PathSegment } from './json-path';

/**
 * Where a REST integration response parameter takes its value from.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-parameter-mapping-sources.html
 */
export type ResponseSource =
  | { readonly kind: 'header' | 'multivalueheader'; readonly name: string }
  | { readonly kind: 'body' }
  | { readonly kind: 'bodyPath'; readonly path: string; readonly segments: PathSegment[] }
  | { readonly kind: 'context'; readonly name: string }
  | { readonly kind: 'stageVariable'; readonly name: string }
  | { readonly kind: 'static'; readonly value: string };

export interface Parsed<T> {
  readonly value?: T;
  /** Why the text does not parse, phrased to follow "is not valid: ". */
  readonly problem?: string;
}

export const RESPONSE_HEADER_PREFIX = 'method.response.header.';
const STAGE_VARIABLE = /^[A-Za-z0-9_]+$/;

/**
 * The header a response parameter key (`method.response.header.{name}`) sets.
 */
export function parseResponseParameterKey(key: string): Parsed<string> {
  if (!key.startsWith(RESPONSE_HEADER_PREFIX)) {
    return { problem: `integration responses can only set method response headers ('${RESPONSE_HEADER_PREFIX}{name}')` };
  }
  const name = key.slice(RESPONSE_HEADER_PREFIX.length);
  const problem = headerNameProblem(name);
  return problem ? { problem } : { value: name };
}

/** A source integration responses and gateway responses both have. */
export type SharedSource = Extract<ResponseSource, { kind: 'static' | 'context' | 'stageVariable' }>;

/**
 * The sources REST integration responses and gateway responses share: single-quoted static text,
 * `context.{name}` and `stageVariables.{name}`; `undefined` when the expression is none of them.
 */
export function parseSharedSource(expression: string): Parsed<SharedSource> | undefined {
  if (expression.length >= 2 && expression.startsWith("'") && expression.endsWith("'")) {
    return { value: { kind: 'static', value: expression.slice(1, -1) } };
  }
  if (expression.startsWith('context.')) {
    return { value: { kind: 'context', name: expression.slice('context.'.length) } };
  }
  if (expression.startsWith('stageVariables.')) {
    const name = expression.slice('stageVariables.'.length);
    return STAGE_VARIABLE.test(name)
      ? { value: { kind: 'stageVariable', name } }
      : { problem: 'stage variable names contain only letters, digits and underscores' };
  }
  return undefined;
}

/**
 * The source a response parameter value names: a mapping expression or a single-quoted static value.
 */
export function parseResponseParameterValue(expression: string): Parsed<ResponseSource> {
  const shared = parseSharedSource(expression);
  if (shared !== undefined) return shared;
  if (expression === 'integration.response.body') return { value: { kind: 'body' } };
  for (const kind of ['header', 'multivalueheader'] as const) {
    const prefix = `integration.response.${kind}.`;
    if (expression.startsWith(prefix)) {
      const name = expression.slice(prefix.length);
      const problem = headerNameProblem(name);
      return problem ? { problem } : { value: { kind, name } };
    }
  }
  if (expression.startsWith('integration.response.body.')) {
    const path = expression.slice('integration.response.body.'.length);
    const parsed = parseBodyPath(path);
    return parsed.segments ? { value: { kind: 'bodyPath', path, segments: parsed.segments } } : { problem: `the body path is invalid: ${parsed.problem}` };
  }
  return { problem: unknownExpressionHint(expression) };
}

function unknownExpressionHint(expression: string): string {
  if (expression.startsWith('method.request.')) {
    return 'method request parameters are not available to integration responses';
  }
  if (expression.startsWith('integration.response.')) {
    return 'use integration.response.header.{name}, integration.response.multivalueheader.{name}, ' +
      'integration.response.body or integration.response.body.{path}';
  }
  if (expression.startsWith("'") || expression.startsWith('"')) {
    return 'a static value must be enclosed in a pair of single quotes';
  }
  return `a static value must be enclosed in single quotes ('${expression}'); ` +
    'otherwise use integration.response.*, context.* or stageVariables.*';
}
