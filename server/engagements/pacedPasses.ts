// Paced delivery passes (used by the live hub, liveHub.ts). Items published for a key (an engagement) go out
// in PASSES over that key's recipients, each pass carrying every item added since the last. What a pass costs
// is one write per recipient, whatever the number of items in it (docs/performance.md: the kernel's send dominates).
// So a pass runs at once when the previous one was cheap (no added latency at a meeting's pace), and otherwise
// waits until passes have used at most half the time since the previous pass began: under a burst the items
// pile into fewer, larger passes instead of the fan-out starving everything else. A pass over many recipients
// is cut into slices that yield to I/O, so work arriving meanwhile (commands) is not held behind it.

export interface PacedPassesOptions<Item, Recipient, Batch> {
  /** A monotonic clock in ms (tests make the cost of a write visible with a fake one). */
  monotonicNow: () => number;
  /** A pass yields to I/O after this much work (ms). */
  sliceMs: number;
  /** Who a pass goes to, read when the pass starts. */
  recipients(key: string): Recipient[];
  /** What one pass's items share across its recipients, computed once per pass. */
  prepare(items: Item[]): Batch;
  /** Delivers a pass to one recipient; must not throw. */
  deliver(recipient: Recipient, batch: Batch): void;
}

export interface PacedPasses<Item> {
  add(key: string, items: readonly Item[]): void;
  /** Stops every scheduled pass (shutdown). */
  close(): void;
}

interface Pacing<Item> {
  waiting: Item[];
  /** A pass is running (between slices) or scheduled: `add` only adds to `waiting`. */
  busy: boolean;
  lastStart: number;
  lastCost: number;
  timer: ReturnType<typeof setTimeout> | null;
}

export function createPacedPasses<Item, Recipient, Batch>(options: PacedPassesOptions<Item, Recipient, Batch>): PacedPasses<Item> {
  const { monotonicNow, sliceMs } = options;
  const pacing = new Map<string, Pacing<Item>>();

  /** Starts a pass now, or schedules it so that passes take at most half the time since the last one began. */
  const schedule = (key: string, p: Pacing<Item>) => {
    if (p.busy || p.waiting.length === 0) return;
    const wait = p.lastStart + 2 * p.lastCost - monotonicNow();
    if (wait <= 0) {
      run(key, p);
      return;
    }
    p.busy = true;
    p.timer = setTimeout(() => {
      p.timer = null;
      p.busy = false;
      schedule(key, p);
    }, Math.ceil(wait));
  };

  const run = (key: string, p: Pacing<Item>) => {
    const batch = options.prepare(p.waiting);
    p.waiting = [];
    p.busy = true;
    p.lastStart = monotonicNow();
    p.lastCost = 0;
    const recipients = options.recipients(key);
    let next = 0;
    const slice = () => {
      const began = monotonicNow();
      while (next < recipients.length) {
        options.deliver(recipients[next], batch);
        next += 1;
        if (monotonicNow() - began >= sliceMs) break;
      }
      p.lastCost += monotonicNow() - began;
      if (next < recipients.length) {
        setImmediate(slice);
        return;
      }
      p.busy = false;
      // Items added while this pass ran go in the next, paced by what this one cost.
      schedule(key, p);
    };
    slice();
  };

  return {
    add(key, items) {
      let p = pacing.get(key);
      if (!p) pacing.set(key, (p = { waiting: [], busy: false, lastStart: -Infinity, lastCost: 0, timer: null }));
      p.waiting.push(...items);
      schedule(key, p);
    },
    close() {
      for (const p of pacing.values()) if (p.timer) clearTimeout(p.timer);
      pacing.clear();
    },
  };
}
