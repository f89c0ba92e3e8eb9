/** More edits than this make another name, not a misspelling (and bound the time on long names). */
const MAX_EDITS = 8;

/**
 * The name among `candidates` that `name` most likely misspells: the one with the fewest edits
 * (insertions, deletions, substitutions, swaps of neighbours), ignoring case, if that is at most a
 * third of the name's length (at least two edits, at most eight, are allowed). `undefined` when none
 * is close.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const allowed = Math.min(MAX_EDITS, Math.max(2, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - name.length) >= bestDistance) continue;
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The optimal string alignment distance between `a` and `b`, or `limit` once it is known to reach
 * it. Only cells within `limit` of the diagonal can stay under the limit, so each row keeps just that
 * band (cell j of row i at index j - i + limit): the time is linear in the length of the names,
 * however long a template's key is.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  const width = 2 * limit + 1;
  const band = () => new Int32Array(width).fill(limit);
  let beforePrevious = band();
  let previous = band();
  let current = band();
  for (let j = 0; j <= Math.min(b.length, limit); j++) previous[j + limit] = j;
  for (let i = 1; i <= a.length; i++) {
    current.fill(limit);
    if (i <= limit) current[limit - i] = i;
    let rowMinimum = i <= limit ? i : limit;
    for (let j = Math.max(1, i - limit); j <= Math.min(b.length, i + limit); j++) {
      const k = j - i + limit;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      // previous[j] is at k + 1 in the previous row's band, previous[j - 1] at k, current[j - 1] at k - 1.
      let value = Math.min(k + 1 < width ? previous[k + 1] + 1 : limit, k > 0 ? current[k - 1] + 1 : limit, previous[k] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[k] + 1);
      current[k] = Math.min(value, limit);
      rowMinimum = Math.min(rowMinimum, current[k]);
    }
    if (rowMinimum >= limit) return limit;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(previous[b.length - a.length + limit], limit);
}
