/**
 * An input file as data: the path the user named and its content, as text or as raw bytes.
 * Every core reader (frameworks, answer files) takes these, so the core never touches the file
 * system and runs in browsers; `integration-index/node` reads them from disk.
 *
 * @example
 * ```ts
 * const file: SourceFile = { path: 'answers.csv', content: 'unit,period,indicator,answer\nXA,2019,res_1,a\n' };
 * ```
 */
export interface SourceFile {
  /** The file's name or path, as the user gave it; used in every issue's location. */
  path: string;
  /** The content: text, or bytes to be decoded as UTF-8. */
  content: string | Uint8Array;
}
