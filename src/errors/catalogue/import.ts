import type { MessageCatalogue } from './types.js';

/** Message templates for importers (MIPEX scores, COINr data). */
export const importMessages = {} satisfies MessageCatalogue;
