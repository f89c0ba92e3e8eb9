import { attributeEntries, childPath } from './dynamodb-paths';
import { JsonBody, JsonValueOptions } from './json-body';

type Kind =
  | { readonly type: 'S' | 'N' | 'BOOL' | 'B' | 'SS' | 'NS' }
  | { readonly type: 'M'; readonly fields: ReadonlyArray<readonly [string, DynamoDbAttribute]> }
  | { readonly type: 'L'; readonly element: DynamoDbAttribute };

/**
 * The type of one attribute of a DynamoDB item, as DynamoDB writes it in its JSON (`{"S": "..."}`,
 * `{"N": "12.5"}`, `{"M": {...}}`, ...), and the plain JSON value the client gets for it: a
 * string, a number, a boolean, a list or an object. An attribute that is absent, `NULL` or of
 * another type counts as missing (see `whenMissing`).
 *
 * ```ts
 * const order = {
 *   id: DynamoDbAttribute.stringType(),
 *   total: DynamoDbAttribute.numberType(),
 *   tags: DynamoDbAttribute.stringSet({ whenMissing: WhenMissing.omit() }),
 *   customer: DynamoDbAttribute.mapOf({ name: DynamoDbAttribute.stringType() }),
 * };
 * ```
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_AttributeValue.html
 */
export class DynamoDbAttribute {
  /**
   * A string attribute (`S`), written as a JSON string.
   *
   * @param options what to write when it is missing
   */
  public static stringType(options: JsonValueOptions = {}): DynamoDbAttribute {
    return new DynamoDbAttribute({ type: 'S' }, options);
  }

  /**
   * A number attribute (`N`, which DynamoDB writes as a string), written as a JSON number.
   *
   * @param options what to write when it is missing
   */
  public static numberType(options: JsonValueOptions = {}): DynamoDbAttribute {
    return new DynamoDbAttribute({ type: 'N' }, options);
  }

  /**
   * A boolean attribute (`BOOL`).
   *
   * @param options what to write when it is missing
   */
  public static booleanType(options: JsonValueOptions = {}): DynamoDbAttribute {
    return new DynamoDbAttribute({ type: 'BOOL' }, options);
  }

  /**
   * A binary attribute (`B`), written as the base64 string DynamoDB's JSON holds.
   *
   * @param options what to write when it is missing
   */
  public static binaryType(options: JsonValueOptions = {}): DynamoDbAttribute {
    return new DynamoDbAttribute({ type: 'B' }, options);
  }

  /**
   * A string set (`SS`), written as a list of strings.
   *
   * @param options what to write when it is missing
   */
  public static stringSet(options: JsonValueOptions = {}): DynamoDbAttribute {
    return new DynamoDbAttribute({ type: 'SS' }, options);
  }

  /**
   * A number set (`NS`), written as a list of numbers.
   *
   * @param options what to write when it is missing
   */
  public static numberSet(options: JsonValueOptions = {}): DynamoDbAttribute {
    return new DynamoDbAttribute({ type: 'NS' }, options);
  }

  /**
   * A map attribute (`M`) with these attributes, written as a JSON object. The object is always
   * written; when the map is absent, each of its attributes is missing (and written as its own
   * `whenMissing` says).
   *
   * @param attributes the map's attributes by name
   */
  public static mapOf(attributes: { [name: string]: DynamoDbAttribute }): DynamoDbAttribute {
    return new DynamoDbAttribute({ type: 'M', fields: attributeEntries(attributes, 'DynamoDbAttribute.mapOf') }, {});
  }

  /**
   * A list attribute (`L`) whose elements are all of one type, written as a JSON list.
   *
   * @param element the type of each element
   * @param options what to write when it is missing
   */
  public static listOf(element: DynamoDbAttribute, options: JsonValueOptions = {}): DynamoDbAttribute {
    return new DynamoDbAttribute({ type: 'L', element }, options);
  }

  private constructor(private readonly kind: Kind, private readonly options: JsonValueOptions) {}

  /**
   * The JSON body that writes this attribute, read from the attribute value at `path`.
   *
   * @internal
   */
  public _body(path: string): JsonBody {
    const kind = this.kind;
    const at = `${path}.${kind.type}`;
    switch (kind.type) {
      case 'S':
      case 'B':
        return JsonBody.stringAt(at, this.options);
      case 'N':
        return JsonBody.numberFromStringAt(at, this.options);
      case 'BOOL':
        return JsonBody.booleanAt(at, this.options);
      case 'SS':
        return JsonBody.listAt(at, JsonBody.stringAt('$'), this.options);
      case 'NS':
        return JsonBody.listAt(at, JsonBody.numberFromStringAt('$'), this.options);
      case 'L':
        return JsonBody.listAt(at, kind.element._body('$'), this.options);
      case 'M':
        return JsonBody.objectOf(Object.fromEntries(kind.fields.map(([name, attribute]) => [name, attribute._body(childPath(at, name))])));
    }
  }
}
