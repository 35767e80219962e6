// LIMIT-1: a token bucket per participant per engagement, sized for a person (a burst of a few, about one
// command a second). Staff (chair, secretariat) and the server itself are never throttled. It is checked
// before the command is parsed, prepared or decided, so that a refusal costs a map look-up and nothing else.
// The buckets live in this instance's memory: with several instances, each holds its own (docs/api.md).
import { AppError } from '../appError.js';
import type { Actor } from '../domain/context.js';
import type { EngagementState } from '../domain/state.js';
import { isStaffActor } from './isStaffActor.js';
import { fullBucket, isFull, takeToken, type Bucket, type BucketSize } from './tokenBucket.js';

/** Buckets idle long enough to be full again are forgotten once this many are held. */
const SWEEP_AT = 10_000;

export const rateLimited = (seconds: number) =>
  new AppError('RATE_LIMITED', `You are sending requests too quickly; try again in ${seconds} second${seconds === 1 ? '' : 's'}.`, {
    retryAfterSeconds: seconds,
  });

export interface CommandRateLimit {
  /** Takes a token for this actor's next command here; returns the RATE_LIMITED refusal (with retryAfterSeconds) when there is none. */
  admit(engagementId: string, state: EngagementState, actor: Actor, nowMs: number): AppError | null;
  readonly size: number;
}

export function createCommandRateLimit(size: BucketSize): CommandRateLimit {
  const buckets = new Map<string, Bucket>();
  const sweep = (nowMs: number) => {
    for (const [key, bucket] of buckets) if (isFull(bucket, size, nowMs)) buckets.delete(key);
  };
  return {
    admit(engagementId, state, actor, nowMs) {
      if (actor.kind !== 'user' || isStaffActor(state, actor)) return null;
      const key = `${engagementId} ${actor.userId}`;
      const take = takeToken(buckets.get(key) ?? fullBucket(size, nowMs), size, nowMs);
      if (!buckets.has(key) && buckets.size >= SWEEP_AT) sweep(nowMs);
      buckets.set(key, take.bucket);
      return take.taken ? null : rateLimited(take.retryAfterSeconds);
    },
    get size() {
      return buckets.size;
    },
  };
}
