/*
 * Stands in for the `server-only` package under vitest (vitest.config.ts aliases it here). The real
 * package throws when imported outside React Server Components, which is what keeps server code
 * out of client bundles in Next; the tests run that server code in plain Node on purpose.
 */
export {};
