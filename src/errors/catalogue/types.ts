/** A domain's message templates: each code renders its parameters into one sentence. */
// biome-ignore lint/suspicious/noExplicitAny: templates declare their own parameter types.
export type MessageCatalogue = Record<string, (params: any) => string>;
