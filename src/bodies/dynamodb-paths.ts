import { usageError } from '../errors/integration-response-error';

// Paths into a DynamoDB item, shared by DynamoDbAttribute and DynamoDbResponses (not exported from the package).

/** The attributes by name, checked: the template must be able to spell each name in a path. */
export function attributeEntries<T>(attributes: { [name: string]: T }, where: string): Array<readonly [string, T]> {
  const entries = Object.entries(attributes);
  for (const [name] of entries) {
    if (name === '' || /['"$#\\]/.test(name)) {
      throw usageError(where, `the attribute name '${name}' is empty or has a quote, '$', '#' or '\\', which the template cannot spell in a path: ` +
        'rename it in the projection (ProjectionExpression with ExpressionAttributeNames) or read the item with JsonBody');
    }
  }
  return entries;
}

/** `path` followed by the key `name`, in the dot form where JSONPath allows it. */
export function childPath(path: string, name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `${path}.${name}` : `${path}['${name}']`;
}
