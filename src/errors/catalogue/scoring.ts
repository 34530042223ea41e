import type { MessageCatalogue } from './types.js';

/** Message templates for the scoring domain. */
export const scoringMessages = {} satisfies MessageCatalogue;
