/**
 * Framework file names, apart from the loader so that code which only needs to recognise them
 * (the Node adapters on a snapshot load) does not load the parser, schemas and checks.
 */

/** The names a framework file may have, in order of preference. */
export const frameworkNames = ['framework.yaml', 'framework.yml', 'framework.json'];

const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/**
 * Whether a file name is a framework file (`framework.yaml`, `.yml` or `.json`).
 *
 * @example
 * ```ts
 * isFrameworkFileName('indicators/niem/framework.yaml'); //=> true
 * isFrameworkFileName('indicators/niem/residency.yaml'); //=> false
 * ```
 */
export function isFrameworkFileName(path: string): boolean {
  return frameworkNames.includes(baseName(path).toLowerCase());
}
