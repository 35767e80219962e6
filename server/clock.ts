// The server's only source of time. The domain never reads a clock; the write path passes `now` in and the
// deadline scheduler sets its timers through this, so tests can drive time with a fake clock.

export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  now(): Date;
  /** Calls `fn` once after `ms` milliseconds (never before). */
  setTimer(ms: number, fn: () => void): TimerHandle;
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimer(ms, fn) {
    // Node caps timers at 2^31-1 ms (~24.8 days); longer waits re-arm.
    const MAX = 2 ** 31 - 1;
    let handle: NodeJS.Timeout;
    const arm = (remaining: number) => {
      handle = setTimeout(() => (remaining > MAX ? arm(remaining - MAX) : fn()), Math.min(Math.max(remaining, 0), MAX));
      handle.unref?.();
    };
    arm(ms);
    return { cancel: () => clearTimeout(handle) };
  },
};
