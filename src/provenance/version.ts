/**
 * The version of this library, stamped on every result. Kept equal to `package.json`'s version
 * by a test (`test/provenance-stamp.test.ts`), because the core cannot read files.
 *
 * @example
 * ```ts
 * LIBRARY_VERSION; //=> '0.1.0'
 * ```
 */
export const LIBRARY_VERSION = '0.1.0';

/** The package name stamped with {@link LIBRARY_VERSION}. @example `LIBRARY_NAME //=> 'integration-index'` */
export const LIBRARY_NAME = 'integration-index';
