import type { MessageCatalogue } from './types.js';

/**
 * Message templates for calls of the library's functions with a wrong argument (a string where
 * a framework is due, a non-array, an unknown option key, a wrong type).
 *
 * @example
 * ```ts
 * apiMessages.API_INVALID_ARGUMENT({ fn: 'score', parameter: 'framework', expected: 'a Framework object', received: 'a string ("niem")' });
 * //=> 'score: the argument "framework" must be a Framework object; got a string ("niem").'
 * ```
 */
export const apiMessages = {
  API_INVALID_ARGUMENT: (p: {
    fn: string;
    parameter: string;
    expected: string;
    received: string;
  }) => `${p.fn}: the argument "${p.parameter}" must be ${p.expected}; got ${p.received}.`,
} satisfies MessageCatalogue;
