import type { MessageCatalogue } from './types.js';

/** Message templates for the cli domain. */
export const cliMessages = {} satisfies MessageCatalogue;
