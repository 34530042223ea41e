import type { MessageCatalogue } from './types.js';

/** Message templates for the composite domain. */
export const compositeMessages = {} satisfies MessageCatalogue;
