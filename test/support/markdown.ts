/**
 * Fenced code blocks of a Markdown file, for the tests that run the docs' examples
 * (test/docs-examples.test.ts for the guides, test/readme-examples.test.ts for README.md).
 */

/** One fenced block: its info string (`ts test`, `sh`...), its body and its 1-based first line. */
export interface Fence {
  info: string;
  code: string;
  line: number;
}

/**
 * The fenced blocks of a Markdown text, in order. A fence closes on a line starting with the
 * same backticks, so a ```` block may hold ``` lines.
 *
 * @example
 * ```ts
 * fences('```sh\nls\n```'); //=> [{ info: 'sh', code: 'ls', line: 1 }]
 * ```
 */
export function fences(text: string): Fence[] {
  const blocks: Fence[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(.*)$/.exec(lines[i] as string);
    if (!open) continue;
    const fence = open[1] as string;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j] as string).startsWith(fence))
      body.push(lines[j++] as string);
    blocks.push({ info: (open[2] ?? '').trim(), code: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}
