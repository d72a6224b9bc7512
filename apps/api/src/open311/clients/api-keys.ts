import { createHash, randomBytes } from 'node:crypto';

// A key is shown once, when issued; only its sha256 is kept. The prefix (`bt311_` and a few
// characters) is kept in clear so that staff can tell keys apart in the console and in logs.

export const API_KEY_PREFIX = 'bt311_';
const SHOWN_PREFIX_LENGTH = API_KEY_PREFIX.length + 6;

/** A new key; `random` (24 bytes) is given only where the key must be known, as in the demo. */
export function newApiKey(random: Buffer = randomBytes(24)): {
  key: string;
  prefix: string;
  hash: string;
} {
  if (random.length !== 24) throw new RangeError('an API key takes 24 random bytes');
  const key = API_KEY_PREFIX + random.toString('base64url');
  return { key, prefix: key.slice(0, SHOWN_PREFIX_LENGTH), hash: hashApiKey(key) };
}

export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** A string that could be a key at all: anything else is refused before touching the database. */
export const looksLikeApiKey = (key: string): boolean =>
  key.length <= 64 && /^bt311_[\w-]{32}$/.test(key);
