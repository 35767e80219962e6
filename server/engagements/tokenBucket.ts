// A token bucket, pure: no clock, no timers (the caller passes the time). A bucket starts full with `burst`
// tokens and gains `ratePerSecond` tokens a second up to `burst`; each command takes one (LIMIT-1).

export interface BucketSize {
  /** Tokens a full bucket holds: how many commands may come at once. */
  burst: number;
  /** Tokens gained per second: the sustained rate. */
  ratePerSecond: number;
}

export interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date (ms). */
  at: number;
}

export const fullBucket = (size: BucketSize, nowMs: number): Bucket => ({ tokens: size.burst, at: nowMs });

/** The bucket brought up to `nowMs` (a clock that went back adds nothing). */
export function refilled(bucket: Bucket, size: BucketSize, nowMs: number): Bucket {
  const elapsed = Math.max(0, nowMs - bucket.at);
  return { tokens: Math.min(size.burst, bucket.tokens + (elapsed / 1000) * size.ratePerSecond), at: Math.max(bucket.at, nowMs) };
}

export type Take = { taken: true; bucket: Bucket } | { taken: false; bucket: Bucket; retryAfterSeconds: number };

/**
 * Takes one token. Refused: the bucket is left as it was (a refusal costs nothing, so a client that keeps
 * hammering is not pushed further back), and `retryAfterSeconds` says when the next token is there: whole
 * seconds, at least 1.
 */
export function takeToken(bucket: Bucket, size: BucketSize, nowMs: number): Take {
  const current = refilled(bucket, size, nowMs);
  if (current.tokens >= 1) return { taken: true, bucket: { tokens: current.tokens - 1, at: current.at } };
  const seconds = (1 - current.tokens) / size.ratePerSecond;
  return { taken: false, bucket: current, retryAfterSeconds: Math.max(1, Math.ceil(seconds - 1e-9)) };
}

/** Whether the bucket is full again at `nowMs`: it can be forgotten (a new one starts full). */
export const isFull = (bucket: Bucket, size: BucketSize, nowMs: number): boolean => refilled(bucket, size, nowMs).tokens >= size.burst;
