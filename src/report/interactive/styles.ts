/**
 * The style sheet of the interactive report's controls: laid out as a grid that wraps at any
 * width, visible keyboard focus, and hidden in print (a printed report is the static one).
 *
 * @example
 * ```ts
 * interactiveCss.includes('#ii-controls'); //=> true
 * ```
 */
export const interactiveCss = `
#ii-controls { border: 1px solid var(--rule); border-radius: 6px; padding: 4px 16px 12px; margin: 20px 0; background: #fafbfc; }
#ii-controls h2 { margin-top: 12px; }
#ii-controls details { margin: 8px 0; }
#ii-controls summary { cursor: pointer; font-weight: 600; padding: 4px 0; }
.ii-row { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 8px 0; }
.ii-weight-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 320px), 1fr)); gap: 8px 16px; }
.ii-weights { border: 1px solid var(--rule); border-radius: 4px; margin: 0; min-width: 0; }
.ii-weights label { display: flex; justify-content: space-between; align-items: center; gap: 8px; padding: 2px 0; }
.ii-weights label span { overflow-wrap: anywhere; }
.ii-weights input { width: 5em; flex: none; }
#ii-controls select { max-width: 100%; }
#ii-controls label { max-width: 100%; }
.ii-status { font-weight: 600; color: var(--accent); min-height: 1.4em; }
.ii-status.ii-error { color: var(--down); }
input[aria-invalid="true"] { outline: 2px solid var(--down); }
.table-filter { display: block; margin: 8px 0 0; padding: 3px 6px; max-width: 100%; }
th button.sort { all: unset; cursor: pointer; font-weight: 600; }
th[aria-sort="ascending"] button.sort::after { content: " ▲"; }
th[aria-sort="descending"] button.sort::after { content: " ▼"; }
:focus-visible, th button.sort:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
@media print { #ii-controls, .table-filter { display: none; } }
`;
