import type { MessageCatalogue } from './types.js';

/** Message templates for the report domain. */
export const reportMessages = {} satisfies MessageCatalogue;
