import type { JsonBody } from './json-body';

/**
 * What a JSON body holds where the backend's answer has no usable value: the value is missing, is
 * JSON `null`, or has another type than the one asked for (a list where a number was asked for).
 */
export class WhenMissing {
  /**
   * JSON `null` in its place.
   */
  public static nullValue(): WhenMissing {
    return new WhenMissing('null');
  }

  /**
   * Leave the field out of its object (or the item out of its list). A body whose top-level value
   * is missing cannot be left out: it renders nothing, so use `nullValue()` or `useDefault` there.
   */
  public static omit(): WhenMissing {
    return new WhenMissing('omit');
  }

  /**
   * A fixed value in its place.
   *
   * @param value a value built only from literals (`JsonBody.stringValue`, `JsonBody.numberValue`, ...,
   * objects and arrays of them)
   */
  public static useDefault(value: JsonBody): WhenMissing {
    return new WhenMissing('default', value);
  }

  /** @internal */
  public readonly _kind: 'null' | 'omit' | 'default';

  /** @internal */
  public readonly _default?: JsonBody;

  private constructor(kind: 'null' | 'omit' | 'default', value?: JsonBody) {
    this._kind = kind;
    this._default = value;
  }
}
