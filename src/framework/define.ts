import { IntegrationIndexError, type SafeResult } from '../errors/issue.js';
import { mapZodIssues } from './load/zod-issues.js';
import { type Framework, type FrameworkInput, frameworkSchema } from './schema/framework.js';
import { checkFramework } from './validate/check.js';

/**
 * Checks a framework written in TypeScript, with the same schema and meaning checks as files,
 * and returns it with defaults applied. Throws an {@link IntegrationIndexError} carrying every
 * issue when there is an error; warnings are dropped (use `safeDefineFramework` to see them).
 * The argument is typed, so editors complete and check it as you write (citty's `defineCommand`).
 *
 * @example
 * ```ts
 * const demo = defineFramework({
 *   id: 'demo', title: 'Demo', edition: '2024', version: '1.0.0',
 *   periods: [{ id: '2024', referenceDate: '2024-01-01' }],
 *   dimensions: [{ id: 'housing', title: 'Housing', indicators: [
 *     { id: 'h1', title: 'Housing benefit', rule: { kind: 'boolean' } },
 *   ] }],
 * });
 * demo.scale; //=> { min: 0, max: 100 }
 * ```
 */
export function defineFramework(input: FrameworkInput): Framework {
  const r = safeDefineFramework(input);
  if (!r.ok) throw new IntegrationIndexError(r.issues);
  return r.value;
}

/**
 * {@link defineFramework} without throwing: the framework and its warnings, or every issue.
 *
 * @example
 * ```ts
 * safeDefineFramework({ ...demo, periods: [] }).ok; //=> false
 * ```
 */
export function safeDefineFramework(input: FrameworkInput): SafeResult<Framework> {
  const parsed = frameworkSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: mapZodIssues(parsed.error.issues, frameworkSchema, input, () => ({})),
    };
  }
  const issues = checkFramework(parsed.data);
  if (issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  return { ok: true, value: parsed.data, warnings: issues };
}
