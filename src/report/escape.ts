/**
 * Escaping for text placed in HTML and SVG. Every string that comes from a framework or an
 * answer file (unit names, labels, comments) goes through here before it reaches markup.
 */

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes the five characters that are special in HTML and XML text and attribute values.
 * Everything else, including right-to-left and non-Latin scripts, passes through unchanged
 * (the report is UTF-8).
 *
 * @example
 * ```ts
 * escapeMarkup('<b>"Tom" & Jerry\'s</b>');
 * //=> '&lt;b&gt;&quot;Tom&quot; &amp; Jerry&#39;s&lt;/b&gt;'
 * escapeMarkup('اللاجئين'); //=> 'اللاجئين'
 * ```
 */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}
