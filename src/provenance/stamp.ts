import {
  fileDigests,
  invalidArgument,
  isRecord,
  optionsProblem,
  shapeProblem,
  stringArray,
  throwIfAny,
} from '../errors/args.js';
import type { Framework } from '../framework/schema/framework.js';
import { canonicalJson, type FileDigest, filesDigest, sha256Hex } from './hash.js';
import type { Provenance } from './schema.js';
import { LIBRARY_NAME, LIBRARY_VERSION } from './version.js';

/**
 * What a caller that read files knows about them, passed to `score` as `options.provenance`.
 * The CLI fills it in; a caller scoring data in memory can leave it out.
 *
 * @example
 * ```ts
 * const inputs: ProvenanceInputs = {
 *   framework: { source: 'niem', builtin: true, files: [{ path: 'framework.yaml', sha256: '…' }] },
 *   answers: [{ path: 'answers.csv', sha256: '…' }],
 *   relativeTo: 'cwd',
 * };
 * ```
 */
export interface ProvenanceInputs {
  framework?: { source: string; builtin: boolean; files: readonly FileDigest[] } | undefined;
  answers?: readonly FileDigest[] | undefined;
  relativeTo?: 'result' | 'cwd' | undefined;
  decimals?: number | undefined;
  /** The sheet read from `.xlsx` answer files (`--sheet`), when one was named. */
  sheet?: string | undefined;
}

/** The framework fields a stamp names; a compiled plan carries these too. */
export interface StampedFramework {
  id: string;
  edition: string;
  version: string;
}

/**
 * Builds the provenance stamp of a scoring run. The framework's hash is that of its files when
 * the caller read files (`inputs.framework`), else that of the framework value's canonical JSON
 * (`value`, the case of data in memory; pass `value` as the framework itself), else, for a
 * compiled plan, that of its id, edition and version (`identity`).
 *
 * @example
 * ```ts
 * const stamp = createStamp(framework, framework, { asOf: null, missing, lang: null }, {});
 * stamp.framework.hashOf; //=> 'value'
 * stamp.library.version;  //=> '0.1.0'
 * ```
 */
export function createStamp(
  framework: StampedFramework,
  value: Framework | undefined,
  options: {
    asOf: string | null;
    missing: Provenance['options']['missing'];
    lang: string | null;
    weights?: Readonly<Record<string, number>> | null;
    /** The lowest review state scored, when `score --status` filtered. */
    status?: Provenance['options']['status'] | null;
    /** The experts whose answers were read. */
    experts?: readonly string[];
  },
  inputs: ProvenanceInputs,
): Provenance {
  throwIfAny(
    shapeProblem('createStamp', 'framework', framework, {
      id: 'string',
      edition: 'string',
      version: 'string',
    }),
    value === undefined || isRecord(value)
      ? undefined
      : invalidArgument('createStamp', 'value', 'the Framework scored, or undefined', value),
    shapeProblem(
      'createStamp',
      'options',
      options,
      { asOf: stringOrNull, missing: 'object', lang: stringOrNull },
      {
        weights: (v) => (v === null || isRecord(v) ? undefined : 'an object or null'),
        status: stringOrNull,
        experts: stringArray,
      },
    ),
    inputs === undefined
      ? invalidArgument(
          'createStamp',
          'inputs',
          'provenance inputs ({ framework?, answers?, relativeTo?, decimals?, sheet? })',
          inputs,
        )
      : optionsProblem('createStamp', 'inputs', inputs, {
          framework: (v) =>
            isRecord(v) &&
            typeof v.source === 'string' &&
            typeof v.builtin === 'boolean' &&
            fileDigests(v.files) === undefined
              ? undefined
              : 'framework inputs ({ source: string, builtin: boolean, files: digests })',
          answers: fileDigests,
          relativeTo: ['result', 'cwd'],
          decimals: 'number',
          sheet: 'string',
        }),
  );
  const files = inputs.framework?.files ?? [];
  const byFiles = inputs.framework !== undefined;
  return {
    framework: {
      id: framework.id,
      edition: framework.edition,
      version: framework.version,
      sha256: byFiles
        ? filesDigest(files)
        : sha256Hex(
            canonicalJson(
              value ?? { id: framework.id, edition: framework.edition, version: framework.version },
            ),
          ),
      hashOf: byFiles ? 'files' : value ? 'value' : 'identity',
      source: inputs.framework?.source ?? null,
      builtin: inputs.framework?.builtin ?? false,
      files: files.map((f) => ({ path: f.path, sha256: f.sha256 })),
    },
    answers: (inputs.answers ?? []).map((f) => ({ path: f.path, sha256: f.sha256 })),
    relativeTo: inputs.relativeTo ?? (byFiles || inputs.answers ? 'cwd' : null),
    library: { name: LIBRARY_NAME, version: LIBRARY_VERSION },
    options: {
      asOf: options.asOf,
      missing: { ...options.missing },
      lang: options.lang,
      decimals: inputs.decimals ?? null,
      weights: options.weights ? { ...options.weights } : null,
      ...(options.status ? { status: options.status } : {}),
      ...(inputs.sheet !== undefined ? { sheet: inputs.sheet } : {}),
    },
    ...(options.experts && options.experts.length > 0 ? { experts: [...options.experts] } : {}),
  };
}

/** A field check for a string or `null`. */
const stringOrNull = (v: unknown): string | undefined =>
  v === null || typeof v === 'string' ? undefined : 'a string or null';
