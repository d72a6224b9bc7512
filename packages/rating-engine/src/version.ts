/** The engine's name and version, stamped on every result. */
export const ENGINE = { name: '@baitong/rating-engine', version: '0.1.0' } as const;
