/** How many items a message lists before it only counts the rest. */
const LISTED = 10;

/**
 * `items` joined with `, ` for a message, the first ten only and a count of the others past that:
 * a template with thousands of offending entries still gets a message of one readable line.
 */
export function shortList(items: readonly string[]): string {
  if (items.length <= LISTED) return items.join(', ');
  return `${items.slice(0, LISTED).join(', ')} and ${items.length - LISTED} more`;
}
