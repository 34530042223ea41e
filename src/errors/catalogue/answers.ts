import type { MessageCatalogue } from './types.js';

/** Message templates for the answers domain. */
export const answersMessages = {} satisfies MessageCatalogue;
