/**
 * The DynamoDB GetItem and Query responses, simulated on answers shaped as the API reference
 * documents them: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html
 * ("Response Syntax": an Item of AttributeValues, no Item when there is none; the example's Thread
 * item), https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html (Count,
 * Items, LastEvaluatedKey, ScannedCount), the AttributeValue type (S, N as a string, BOOL, B, SS,
 * NS, M, L, NULL) and the common errors ({"__type", "message"} with a 400 status).
 */
import * as fc from 'fast-check';
import { DynamoDbAttribute, DynamoDbResponses, JsonBody, RestSimulator, TemplateChecker, WhenMissing } from '../../src';
import { adversarialString } from '../support/json-body-shapes';
import { draft4Validator } from '../support/json-schema';
import { kitTemplate } from '../support/kit-template';
import { PROPERTY_RUNS, PROPERTY_SEED } from '../support/property-runs';

const thread = {
  Tags: DynamoDbAttribute.stringSet(),
  LastPostDateTime: DynamoDbAttribute.stringType(),
  Message: DynamoDbAttribute.stringType(),
  // No reply yet: 0.
  Replies: DynamoDbAttribute.numberType({ whenMissing: WhenMissing.useDefault(JsonBody.numberValue(0)) }),
};

const simulate = (responses: ReturnType<typeof DynamoDbResponses.getItem>, statusCode: number, body: object) =>
  RestSimulator.fromResponses(responses).simulate({ backend: { statusCode, body: JSON.stringify(body) } });

describe('GetItem', () => {
  const responses = DynamoDbResponses.getItem({ attributes: thread });

  test("an item answers 200 with its attributes as plain JSON (the API reference's example item)", () => {
    const result = simulate(responses, 200, {
      Item: {
        Tags: { SS: ['Update', 'Multiple Items', 'HelpMe'] },
        LastPostDateTime: { S: '201303190436' },
        Message: { S: "I want to update multiple items in a single call. What's the best way to do that?" },
      },
    });
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({
      Tags: ['Update', 'Multiple Items', 'HelpMe'],
      LastPostDateTime: '201303190436',
      Message: "I want to update multiple items in a single call. What's the best way to do that?",
      Replies: 0,
    });
  });

  test('no item answers 404 with a message', () => {
    const result = simulate(responses, 200, {});
    expect(result.statusCode).toBe(404);
    expect(JSON.parse(result.body)).toEqual({ message: 'not found' });
    const custom = simulate(DynamoDbResponses.getItem({ attributes: thread, notFoundMessage: 'no "such" thread' }), 200, {});
    expect(JSON.parse(custom.body)).toEqual({ message: 'no "such" thread' });
  });

  test('every attribute type becomes its plain JSON value; NULL and other types count as missing', () => {
    const all = DynamoDbResponses.getItem({
      attributes: {
        id: DynamoDbAttribute.stringType(),
        price: DynamoDbAttribute.numberType(),
        active: DynamoDbAttribute.booleanType(),
        photo: DynamoDbAttribute.binaryType(),
        sizes: DynamoDbAttribute.numberSet(),
        address: DynamoDbAttribute.mapOf({ 'city': DynamoDbAttribute.stringType(), 'zip code': DynamoDbAttribute.stringType() }),
        history: DynamoDbAttribute.listOf(DynamoDbAttribute.mapOf({ at: DynamoDbAttribute.stringType(), qty: DynamoDbAttribute.numberType() })),
        note: DynamoDbAttribute.stringType({ whenMissing: WhenMissing.omit() }),
      },
    });
    const result = simulate(all, 200, {
      Item: {
        id: { S: 'a"1\\' },
        price: { N: '-12.50' },
        active: { BOOL: false },
        photo: { B: 'iVBORw0KGgo=' },
        sizes: { NS: ['42', '1E+2'] },
        address: { M: { 'city': { S: 'Zürich\n' }, 'zip code': { NULL: true } } },
        history: { L: [{ M: { at: { S: '2026-01-01' }, qty: { N: '3' } } }, { M: { at: { N: '5' } } }] },
        note: { NULL: true },
      },
    });
    expect(JSON.parse(result.body)).toEqual({
      id: 'a"1\\',
      price: -12.5,
      active: false,
      photo: 'iVBORw0KGgo=',
      sizes: [42, 100],
      address: { 'city': 'Zürich\n', 'zip code': null },
      history: [{ at: '2026-01-01', qty: 3 }, { at: null, qty: null }],
    });
  });

  test("DynamoDB's own errors answer 400 or 500 with their message", () => {
    const missing = simulate(responses, 400, { __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: 'Requested resource not found' });
    expect(missing.statusCode).toBe(400);
    expect(JSON.parse(missing.body)).toEqual({ message: 'Requested resource not found' });
    expect(simulate(responses, 500, { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'Internal' }).statusCode).toBe(500);
  });

  test('attribute names a template cannot spell in a path are refused, naming the call', () => {
    expect(() => DynamoDbResponses.getItem({ attributes: { "it's": DynamoDbAttribute.stringType() } }))
      .toThrow(/^the attribute name 'it's' is empty or has a quote, .* \(in DynamoDbResponses\.getItem\)$/);
    expect(() => DynamoDbAttribute.mapOf({ '': DynamoDbAttribute.stringType() })).toThrow(/^the attribute name '' is empty.* \(in DynamoDbAttribute\.mapOf\)$/);
  });
});

describe('Query', () => {
  const responses = DynamoDbResponses.query({ attributes: { ForumName: DynamoDbAttribute.stringType(), Subject: DynamoDbAttribute.stringType() } });

  test('a page answers 200 with the items, the count and where the next page starts', () => {
    const result = simulate(responses, 200, {
      Count: 2,
      Items: [
        { ForumName: { S: 'Amazon DynamoDB' }, Subject: { S: 'DynamoDB Thread 1' } },
        { ForumName: { S: 'Amazon DynamoDB' }, Subject: { S: 'DynamoDB "Thread" 2' } },
      ],
      LastEvaluatedKey: { ForumName: { S: 'Amazon DynamoDB' }, Subject: { S: 'DynamoDB "Thread" 2' } },
      ScannedCount: 2,
    });
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({
      count: 2,
      items: [{ ForumName: 'Amazon DynamoDB', Subject: 'DynamoDB Thread 1' }, { ForumName: 'Amazon DynamoDB', Subject: 'DynamoDB "Thread" 2' }],
      lastEvaluatedKey: { ForumName: { S: 'Amazon DynamoDB' }, Subject: { S: 'DynamoDB "Thread" 2' } },
    });
  });

  test('the last page has no lastEvaluatedKey; an empty page an empty list', () => {
    expect(JSON.parse(simulate(responses, 200, { Count: 0, Items: [], ScannedCount: 0 }).body)).toEqual({ count: 0, items: [] });
  });
});

// DynamoDB's JSON for generated values of each attribute type, with the plain value the client must get.
const NUMBER_TEXT = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e100, max: 1e100 })).map(n => String(n));
const attributeValue = fc.oneof(
  adversarialString.map(s => [{ S: s }, s] as const),
  NUMBER_TEXT.map(n => [{ N: n }, Number(n)] as const),
  fc.boolean().map(b => [{ BOOL: b }, b] as const),
  fc.array(adversarialString, { maxLength: 3 }).map(l => [{ SS: l }, l] as const),
  fc.constant([{ NULL: true }, null] as const),
);

test(`for ${PROPERTY_RUNS} generated items the body is valid JSON with each attribute as declared`, () => {
  const kinds = {
    s: DynamoDbAttribute.stringType(), n: DynamoDbAttribute.numberType(), b: DynamoDbAttribute.booleanType(), ss: DynamoDbAttribute.stringSet(),
  };
  const responses = DynamoDbResponses.getItem({
    attributes: { ...kinds, m: DynamoDbAttribute.mapOf(kinds), l: DynamoDbAttribute.listOf(DynamoDbAttribute.stringType()) },
  });
  const typeOf = (v: object) => ({ S: 's', N: 'n', BOOL: 'b', SS: 'ss' } as Record<string, string>)[Object.keys(v)[0]];
  const expectedOf = (fields: ReadonlyArray<readonly [object, unknown]>) => {
    const out: Record<string, unknown> = { s: null, n: null, b: null, ss: null };
    for (const [value, plain] of fields) if (typeOf(value) !== undefined) out[typeOf(value)] = plain;
    return out;
  };
  const itemOf = (fields: ReadonlyArray<readonly [object, unknown]>) =>
    Object.fromEntries(fields.filter(([v]) => typeOf(v) !== undefined).map(([v]) => [typeOf(v), v]));
  const fields = fc.array(attributeValue, { maxLength: 5 });
  fc.assert(fc.property(fields, fields, fc.array(adversarialString, { maxLength: 4 }),
    (top, inner, list) => {
      const result = simulate(responses, 200, { Item: { ...itemOf(top), m: { M: itemOf(inner) }, l: { L: list.map(s => ({ S: s })) } } });
      expect(result.statusCode).toBe(200);
      expect(JSON.parse(result.body)).toEqual({ ...expectedOf(top), m: expectedOf(inner), l: list });
    }), { numRuns: PROPERTY_RUNS, seed: PROPERTY_SEED });
});

test('the checks find nothing in these responses', () => {
  for (const responses of [DynamoDbResponses.getItem({ attributes: thread }), DynamoDbResponses.query({ attributes: thread })]) {
    expect(TemplateChecker.check(kitTemplate(responses, 'arn:aws:apigateway:us-east-1:dynamodb:action/GetItem'))).toEqual([]);
  }
});

test("each response's model (withResponseModels) accepts the bodies it renders, and only those", () => {
  const responses = DynamoDbResponses.getItem({ attributes: thread });
  const [ok, clientError] = responses.responses.map(r => draft4Validator(r.templates['application/json'].schema as object));
  const item = { Item: { Tags: { SS: ['a'] }, LastPostDateTime: { S: '1' }, Message: { S: 'm"' }, Replies: { N: '2' } } };
  expect(ok(JSON.parse(simulate(responses, 200, item).body))).toBe(true);
  expect(ok(JSON.parse(simulate(responses, 200, {}).body))).toBe(true);
  expect(ok({ Tags: 'a', LastPostDateTime: null, Message: null, Replies: 0 })).toBe(false);
  expect(clientError(JSON.parse(simulate(responses, 400, { message: 'x' }).body))).toBe(true);
  const page = DynamoDbResponses.query({ attributes: thread }).responses[0].templates['application/json'].schema as object;
  const pageBody = simulate(DynamoDbResponses.query({ attributes: thread }), 200, { Count: 1, Items: [item.Item] }).body;
  expect(draft4Validator(page)(JSON.parse(pageBody))).toBe(true);
});
