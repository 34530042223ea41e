import { z } from 'zod';

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { message: 'Expected a SHA-256 in hex.' });

/**
 * A file and the SHA-256 of its bytes.
 *
 * @example
 * ```ts
 * fileDigestSchema.parse({ path: 'answers.csv', sha256: 'e3b0c442…' }); // 64 hex digits in full
 * ```
 */
export const fileDigestSchema = z.object({ path: z.string(), sha256: sha256Schema });

/**
 * The provenance stamp on a result: what was scored, with what, and how, so that `verify` can
 * read the same inputs again and check that they, and every number, are unchanged.
 *
 * @example
 * ```json
 * {
 *   "framework": { "id": "niem", "edition": "2021", "version": "1.0.0", "sha256": "9f2c…",
 *                  "hashOf": "files", "source": "niem", "builtin": true,
 *                  "files": [{ "path": "framework.yaml", "sha256": "1b4e…" }] },
 *   "answers": [{ "path": "answers.csv", "sha256": "77d0…" }],
 *   "relativeTo": "result",
 *   "library": { "name": "integration-index", "version": "0.1.0" },
 *   "options": { "asOf": null, "missing": { "noData": "exclude", "notApplicable": "exclude", "coverage": 0 },
 *                "lang": null, "decimals": 1 }
 * }
 * ```
 */
export const provenanceSchema = z.object({
  framework: z.object({
    id: z.string(),
    edition: z.string(),
    version: z.string(),
    /**
     * With `hashOf: files`, the SHA-256 of the framework files' `sha256sum` listing; with
     * `value`, of the framework's canonical JSON (scored from data in memory); with `identity`
     * (a compiled plan, whose source is gone), of `{ id, edition, version }` only.
     */
    sha256: sha256Schema,
    hashOf: z.enum(['files', 'value', 'identity']),
    /** A built-in framework id or the folder, as `verify` should find it again; null in memory. */
    source: z.string().nullable(),
    builtin: z.boolean(),
    /** Each framework file, by its path inside the framework folder. */
    files: z.array(fileDigestSchema),
  }),
  /** Each answer file, in the order read. */
  answers: z.array(fileDigestSchema),
  /**
   * What relative paths (`framework.source`, `answers[].path`) are relative to: the folder of the
   * saved result file, or the working directory of the run; null when no files were named.
   */
  relativeTo: z.enum(['result', 'cwd']).nullable(),
  library: z.object({ name: z.string(), version: z.string() }),
  options: z.object({
    asOf: z.string().nullable(),
    missing: z.object({
      noData: z.enum(['exclude', 'zero', 'fail']),
      notApplicable: z.enum(['exclude', 'zero', 'max']),
      coverage: z.number(),
    }),
    lang: z.string().nullable(),
    /** Decimals of printed scores (the JSON keeps full precision); null when not printed. */
    decimals: z.number().int().nullable(),
    /**
     * The run's weight overrides by node id (`--weight NODE=W`), or null when the framework's
     * own weights were used. Absent in results written before weights could be overridden.
     */
    weights: z.record(z.string(), z.number()).nullable().optional(),
    /** The lowest review state scored (`score --status`); absent when every answer was. */
    status: z.enum(['draft', 'submitted', 'reviewed', 'final']).optional(),
    /** The sheet read from `.xlsx` answer files (`--sheet`); absent when each file's default was. */
    sheet: z.string().optional(),
  }),
  /** The experts whose answers were read (sorted); absent when no answer names one. */
  experts: z.array(z.string()).optional(),
});
/** The provenance stamp on a result. See {@link provenanceSchema}. */
export type Provenance = z.infer<typeof provenanceSchema>;
