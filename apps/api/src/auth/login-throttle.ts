/**
 * Sign-in throttling. There is no account lockout: a lock on a predictable username lets anyone
 * keep a desk out, and a different answer for locked accounts tells who exists. Instead each
 * (username, client address) pair gets a few free tries, then a growing wait between tries; a
 * coarse per-address limit caps guessing across many usernames. Unknown usernames are throttled
 * exactly like real ones.
 */
export const LOGIN_THROTTLE = {
  /** Failed tries per (username, address) before the waits start. */
  freeFailures: 5,
  firstDelaySeconds: 1,
  maxDelaySeconds: 5 * 60,
  /** A pair's failures are forgotten this long after its last try. */
  forgetAfterSeconds: 60 * 60,
  /** Sign-in attempts per client address per minute, whatever the account. */
  perAddressPerMinute: 30,
} as const;

/** The wait after the `failures`-th consecutive failure: 0 for the free ones, then 1 s, 2 s, 4 s … capped. */
export function delayAfterFailures(failures: number): number {
  if (failures < LOGIN_THROTTLE.freeFailures) return 0;
  const doublings = failures - LOGIN_THROTTLE.freeFailures;
  // 2^20 s already exceeds any sensible cap; keeps the power finite.
  return Math.min(
    LOGIN_THROTTLE.firstDelaySeconds * 2 ** Math.min(doublings, 20),
    LOGIN_THROTTLE.maxDelaySeconds,
  );
}

/** Whole seconds the pair must still wait before its next try; 0 when it may try now. */
export function retryAfterSeconds(failures: number, lastTryAt: Date, now: Date): number {
  const waitMs = delayAfterFailures(failures) * 1000 - (now.getTime() - lastTryAt.getTime());
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}

/** The key of a (username, address) pair; the username as typed, trimmed and lower-cased. */
export function pairKey(username: string, ip: string | null): string {
  return `login-pair:${ip ?? 'unknown'}:${username.trim().toLowerCase()}`;
}
