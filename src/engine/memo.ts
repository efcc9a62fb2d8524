/**
 * A one-argument pure function with its answers kept: forms repeat their labels, weights and
 * figures from row to row and form to form. At `limit` answers the store starts afresh, so memory
 * stays bounded on any workbook. Only for functions whose answers are never mutated (strings,
 * Decimals, ParsedValues).
 */
export function memoize<K, V>(fn: (key: K) => V, limit: number): (key: K) => V {
  const answers = new Map<K, V>();
  return (key: K): V => {
    const hit = answers.get(key);
    if (hit !== undefined) return hit;
    const answer = fn(key);
    if (answers.size >= limit) answers.clear();
    answers.set(key, answer);
    return answer;
  };
}
