import * as fc from 'fast-check';
import { templateKey, templateValue } from './values';

/**
 * Structure-aware mutations of a template: each picks a place among the properties and metadata
 * of the resources (by a number, taken modulo how many places there are) and changes it the way a
 * hand-written or generated template can go wrong.
 */
export type Mutation =
  | { readonly op: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly op: 'delete'; readonly at: number }
  | { readonly op: 'add-key'; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly op: 'copy-item'; readonly at: number; readonly times: number }
  | { readonly op: 'many-keys'; readonly at: number; readonly count: number; readonly prefix: string }
  | { readonly op: 'many-patterns'; readonly at: number; readonly count: number; readonly websocket: boolean }
  | { readonly op: 'copy-resource'; readonly at: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: templateValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('add-key' as const), at: fc.nat(), key: templateKey, value: templateValue }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('copy-item' as const), at: fc.nat(), times: fc.integer({ min: 1, max: 50 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('many-keys' as const),
      at: fc.nat(),
      count: fc.integer({ min: 10, max: 500 }),
      prefix: fc.constantFrom('method.response.header.H', 'application/x', 'x'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('many-patterns' as const), at: fc.nat(), count: fc.integer({ min: 2, max: 60 }), websocket: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('copy-resource' as const), at: fc.nat() }) },
);

type Container = Record<string, unknown> | unknown[];
interface Place {
  readonly parent: Container;
  readonly key: string | number;
}

/** Places inside the resources (their Properties and Metadata and everything below), visited without recursion. */
function places(template: Record<string, unknown>): Place[] {
  const found: Place[] = [];
  const resources = template.Resources;
  if (resources === null || typeof resources !== 'object') return found;
  const todo: Container[] = [resources as Container];
  while (todo.length > 0 && found.length < 20_000) {
    const node = todo.pop()!;
    const keys: Array<string | number> = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (const key of keys) {
      found.push({ parent: node, key });
      const child = (node as Record<string | number, unknown>)[key];
      if (child !== null && typeof child === 'object') todo.push(child as Container);
    }
  }
  return found;
}

const get = (p: Place) => (p.parent as Record<string | number, unknown>)[p.key];
const set = (p: Place, v: unknown) => { (p.parent as Record<string | number, unknown>)[p.key] = v; };

/** Applies the mutations in order, in place. */
export function mutate(template: Record<string, unknown>, mutations: readonly Mutation[]): void {
  for (const m of mutations) {
    const all = places(template);
    if (all.length === 0) return;
    const place = all[m.at % all.length];
    const value = get(place);
    switch (m.op) {
      // Generated values can be shared constants: each insertion gets its own copy.
      case 'replace':
        set(place, structuredClone(m.value));
        break;
      case 'delete':
        if (Array.isArray(place.parent)) place.parent.splice(place.key as number, 1);
        else delete place.parent[place.key as string];
        break;
      case 'add-key':
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) (value as Record<string, unknown>)[m.key] = structuredClone(m.value);
        else if (Array.isArray(value)) value.push({ [m.key]: structuredClone(m.value) });
        break;
      case 'copy-item':
        if (Array.isArray(place.parent)) {
          for (let i = 0; i < m.times; i++) place.parent.push(structuredClone(value));
        }
        break;
      case 'many-keys': {
        const target = value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : {};
        for (let i = 0; i < m.count; i++) target[`${m.prefix}${i}`] = m.prefix.startsWith('method') ? "'v'" : '{}';
        set(place, target);
        break;
      }
      case 'many-patterns':
        set(place, Array.from({ length: m.count }, (_, i) => m.websocket
          ? { IntegrationResponseKey: `/.*E${i}.*/` }
          : { StatusCode: String(200 + (i % 400)), SelectionPattern: `.*E${i}.*` }));
        break;
      case 'copy-resource': {
        const resources = template.Resources as Record<string, unknown>;
        const ids = Object.keys(resources);
        if (ids.length > 0) {
          const id = ids[m.at % ids.length];
          resources[`${id}Copy${ids.length}`] = structuredClone(resources[id]);
        }
        break;
      }
    }
  }
}
