import type { MessageCatalogue } from './types.js';

/** Message templates for the analysis domain. */
export const analysisMessages = {} satisfies MessageCatalogue;
