/** What `retention demo` and the first `npm start` make when not told otherwise. */
export const DEMO_DEFAULTS = { actors: 10_000, seed: 1, historyDays: 90 } as const;
