/**
 * Helpers for message templates. Kept apart from `messages.ts` so that catalogues can import
 * them without an import cycle through the merged catalogue.
 */

/**
 * Lists `items` as `"a", "b" or "c"`, for messages.
 *
 * @example
 * ```ts
 * quoteList(['a', 'b', 'c']); //=> '"a", "b" or "c"'
 * ```
 */
export function quoteList(items: readonly unknown[], conjunction = 'or'): string {
  const q = items.map((i) => `"${String(i)}"`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} ${conjunction} ${q[q.length - 1]}`;
}
