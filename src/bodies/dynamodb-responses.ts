import { DynamoDbAttribute } from './dynamodb-attribute';
import { attributeEntries, childPath } from './dynamodb-paths';
import { eitherBody } from './either-body';
import { JsonBody } from './json-body';
import { serviceErrorResponses } from './service-errors';
import { WhenMissing } from './when-missing';
import { ResponseTemplate } from '../rest/response-template';
import { RestResponse } from '../rest/rest-response';
import { RestResponses } from '../rest/rest-responses';

/**
 * Options of `DynamoDbResponses.getItem`.
 */
export interface DynamoDbGetItemOptions {
  /**
   * The attributes of the item to send, by name, with their DynamoDB types. Attributes of the
   * item not named here are not sent.
   */
  readonly attributes: { [name: string]: DynamoDbAttribute };

  /**
   * The message of the 404 body when there is no such item.
   *
   * @default 'not found'
   */
  readonly notFoundMessage?: string;
}

/**
 * Options of `DynamoDbResponses.query`.
 */
export interface DynamoDbQueryOptions {
  /**
   * The attributes of each item to send, by name, with their DynamoDB types.
   */
  readonly attributes: { [name: string]: DynamoDbAttribute };
}

/**
 * Responses for REST methods that call DynamoDB directly (an `AWS` integration with the
 * `dynamodb` service), which answers with items in DynamoDB's typed JSON (`{"id": {"S": "a1"}}`).
 * They send plain JSON (`{"id": "a1"}`), valid for every item, written with `JsonBody`.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
 */
export class DynamoDbResponses {
  /**
   * For `GetItem`. DynamoDB answers HTTP 200 with `{"Item": {...}}`, or with `{}` when there is no
   * item with that key:
   *
   * - an item: 200 with the named attributes as plain JSON;
   * - no item: 404 (set with `$context.responseOverride.status`) with `{"message": "not found"}`;
   * - a 4XX from DynamoDB (a validation error, a missing table, throttling): 400 with
   *   `{"message": ...}`; a 5XX: 500 with `{"message": ...}`.
   *
   * @param options the item's attributes
   */
  public static getItem(options: DynamoDbGetItemOptions): RestResponses {
    // `Item` is an object when there is one; DynamoDB leaves it out otherwise.
    const outcome = eitherBody("$input.json('$.Item').startsWith('{')",
      { body: itemBody(options.attributes, '$.Item', 'DynamoDbResponses.getItem') },
      { body: JsonBody.objectOf({ message: JsonBody.stringValue(options.notFoundMessage ?? 'not found') }), status: 404 });
    return RestResponses.of([
      RestResponse.forStatus('200').withTemplate('application/json', outcome),
      ...serviceErrorResponses(),
    ]);
  }

  /**
   * For `Query` (and `Scan`, which answers the same way). DynamoDB answers HTTP 200 with
   * `{"Count": n, "Items": [...], "LastEvaluatedKey": {...}}`:
   *
   * - 200 with `{"count": n, "items": [...], "lastEvaluatedKey": {...}}`: each item with the named
   *   attributes as plain JSON; `lastEvaluatedKey` is the key where the next page starts, in
   *   DynamoDB's typed JSON (send it back as `ExclusiveStartKey`), left out on the last page;
   * - a 4XX from DynamoDB: 400 with `{"message": ...}`; a 5XX: 500 with `{"message": ...}`.
   *
   * A page holds at most 1,000 items here: API Gateway stops a `#foreach` after 1,000 iterations
   * (set `Limit` in the request template to stay under it).
   *
   * @param options the items' attributes
   */
  public static query(options: DynamoDbQueryOptions): RestResponses {
    const page = JsonBody.objectOf({
      count: JsonBody.numberAt('$.Count'),
      items: JsonBody.listAt('$.Items', itemBody(options.attributes, '$', 'DynamoDbResponses.query'), {
        whenMissing: WhenMissing.useDefault(JsonBody.arrayOf([])),
      }),
      lastEvaluatedKey: JsonBody.jsonAt('$.LastEvaluatedKey', { whenMissing: WhenMissing.omit() }),
    });
    return RestResponses.of([
      RestResponse.forStatus('200').withTemplate('application/json', ResponseTemplate.fromJsonBody(page)),
      ...serviceErrorResponses(),
    ]);
  }

  private constructor() {}
}

/** An item's named attributes as a JSON object, read from the item at `path`. */
function itemBody(attributes: { [name: string]: DynamoDbAttribute }, path: string, where: string): JsonBody {
  const entries = attributeEntries(attributes, where).map(([name, attribute]) => [name, attribute._body(childPath(path, name))]);
  return JsonBody.objectOf(Object.fromEntries(entries));
}
