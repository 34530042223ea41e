/**
 * Escaping for text placed in HTML and SVG. Every string that comes from a framework or an
 * answer file (unit names, labels, comments) goes through here before it reaches markup. The
 * function lives with the other output neutralisation in `src/io/neutralise.ts`.
 */
export { escapeMarkup } from '../io/neutralise.js';
