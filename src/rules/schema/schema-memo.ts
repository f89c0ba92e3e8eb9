import { deepEqual } from '../../util/deep-equal';

/** A list or map checked before: the value, what the check made of it, and what it found in it. */
export interface CheckedCollection<F> {
  readonly input: unknown;
  /** The value the other rules read: the input itself, or a copy with its mistakes masked. */
  readonly output: unknown;
  readonly findings: readonly F[];
}

/** Where a value is: the keys leading to it from a resource's properties. */
export interface MemoPlace {
  readonly parent: MemoPlace | undefined;
  readonly key: string | number;
}

/** How many places (a property path of a resource type) the memo remembers. */
const PLACES = 10_000;
/** How many different values one place may remember before the memo stops comparing. */
const PER_PLACE = 8;

/** A node of the tree of places: the values remembered there, and the places below it. */
class PlaceNode<F> {
  public readonly values: Array<CheckedCollection<F>> = [];
  public readonly children = new Map<string | number, PlaceNode<F>>();
}

/**
 * Lists and maps of resource properties already checked against the schema, by where they are (the
 * resource type and the property path). The methods of an API repeat the same integration
 * responses, method responses and templates: each distinct value is walked once. A value found
 * again gets the first one's result, the same object, so that the method rules, which compare
 * their inputs too, find them equal at the first identity test rather than by walking them again.
 *
 * Places are looked up key by key (property names from a parsed template are interned strings, so
 * no path is spelt out) and their number is bounded: past the bound, values are simply walked.
 */
export class SchemaMemo<F> {
  private readonly byType = new Map<string, PlaceNode<F>>();
  private places = 0;

  /**
   * The result for `value` at `place` of a resource of `type`: remembered for an equal value, or
   * computed by `check` (and remembered unless the place already has as many values as it keeps).
   */
  public get(type: string, place: MemoPlace, value: unknown, check: () => CheckedCollection<F>): CheckedCollection<F> {
    const node = this.node(type, place);
    if (node === undefined) return check();
    for (const checked of node.values) {
      if (deepEqual(checked.input, value)) return checked;
    }
    const checked = check();
    if (node.values.length < PER_PLACE) node.values.push(checked);
    return checked;
  }

  private node(type: string, place: MemoPlace | undefined): PlaceNode<F> | undefined {
    if (place === undefined) {
      let root = this.byType.get(type);
      if (root === undefined) this.byType.set(type, root = new PlaceNode());
      return root;
    }
    const parent = this.node(type, place.parent);
    if (parent === undefined) return undefined;
    let node = parent.children.get(place.key);
    if (node === undefined) {
      if (this.places >= PLACES) return undefined;
      this.places++;
      parent.children.set(place.key, node = new PlaceNode());
    }
    return node;
  }
}
