import { describe, expect, it } from 'vitest';
import { fullBucket, isFull, takeToken, type Bucket, type BucketSize } from '../../../server/engagements/tokenBucket.js';

const size: BucketSize = { burst: 5, ratePerSecond: 1 };

/** Takes `n` tokens at `nowMs`; returns how many were taken and the last bucket. */
function takeMany(bucket: Bucket, n: number, nowMs: number) {
  let taken = 0;
  let current = bucket;
  let retry = 0;
  for (let i = 0; i < n; i++) {
    const take = takeToken(current, size, nowMs);
    current = take.bucket;
    if (take.taken) taken++;
    else retry = take.retryAfterSeconds;
  }
  return { taken, bucket: current, retry };
}

describe('the token bucket (LIMIT-1)', () => {
  it('LIMIT-1: given a full bucket, when 200 commands come at one instant, then exactly the burst is taken and the rest are told to retry in 1 second', () => {
    const { taken, retry } = takeMany(fullBucket(size, 0), 200, 0);
    expect(taken).toBe(5);
    expect(retry).toBe(1);
  });

  it('LIMIT-1: given an empty bucket, when time passes, then it refills at the rate, never beyond the burst', () => {
    const empty = takeMany(fullBucket(size, 0), 5, 0).bucket;
    expect(takeMany(empty, 10, 2_000).taken).toBe(2);
    expect(takeMany(empty, 10, 60_000).taken).toBe(5);
  });

  it('LIMIT-1: given a slow rate, when refused, then Retry-After is the whole seconds until the next token, at least 1', () => {
    const slow: BucketSize = { burst: 1, ratePerSecond: 0.25 };
    const empty = takeToken(fullBucket(slow, 0), slow, 0).bucket;
    const refused = takeToken(empty, slow, 1_000);
    expect(refused).toMatchObject({ taken: false, retryAfterSeconds: 3 });
    const fast: BucketSize = { burst: 1, ratePerSecond: 100 };
    const drained = takeToken(fullBucket(fast, 0), fast, 0).bucket;
    expect(takeToken(drained, fast, 0)).toMatchObject({ taken: false, retryAfterSeconds: 1 });
  });

  it('LIMIT-1: given a refusal, then the bucket is not pushed further back, and a full bucket can be forgotten', () => {
    const empty = takeMany(fullBucket(size, 0), 5, 0).bucket;
    const hammered = takeMany(empty, 1000, 500).bucket;
    expect(takeToken(hammered, size, 1_000).taken).toBe(true);
    expect(isFull(empty, size, 4_000)).toBe(false);
    expect(isFull(empty, size, 5_000)).toBe(true);
  });

  it('LIMIT-1: given a clock that goes back, then nothing is added', () => {
    const empty = takeMany(fullBucket(size, 10_000), 5, 10_000).bucket;
    expect(takeToken(empty, size, 0).taken).toBe(false);
  });
});
