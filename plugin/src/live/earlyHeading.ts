import { createParser } from 'eventsource-parser';
import { useSyncExternalStore } from 'react';
import type { EngagementView } from '../../../server/domain/index.js';

// The engagement's title and theme, read from the early stream's snapshot (earlyStream.ts) by the entry
// itself: the page shows them while the code that folds the stream and draws the console still loads.
// Only the first message is read; the live copy gets the whole stream from its own branch.

export interface EarlyHeading {
  engagementId: string;
  title: string;
  theme: string | null;
  /** The server sees this viewer as staff (`me.audience`): a hint that the console's code will be needed. */
  staff: boolean;
}

/** The page waits for the heading no longer than this; then it loads and shows its own progress. */
export const PATIENCE_MS = 3_000;

interface Expected {
  engagementId: string;
  heading: EarlyHeading | null;
  /** The snapshot was read, or will not be: the page need not wait any longer. */
  settled: boolean;
}

let expected: Expected | null = null;
const listeners = new Set<() => void>();

function publish(next: Expected | null) {
  expected = next;
  for (const listener of listeners) listener();
}

/** A new early stream for this engagement: its heading is on its way (and any earlier one is stale). */
export function expectEarlyHeading(engagementId: string): void {
  publish({ engagementId, heading: null, settled: false });
  setTimeout(() => settleEarlyHeading(engagementId), PATIENCE_MS);
}

/** Ends the wait: with the heading, or without one (the stream failed, or took too long). */
export function settleEarlyHeading(engagementId: string, heading: EarlyHeading | null = null): void {
  if (expected?.engagementId !== engagementId || expected.settled) return;
  publish({ engagementId, heading, settled: true });
}

/** Reads `body` up to its first message; when it is the snapshot, publishes its heading. Then lets go. */
export async function readEarlyHeading(engagementId: string, body: ReadableStream<Uint8Array>): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let read = false;
  const parser = createParser({
    onEvent: (message) => {
      if (read) return;
      read = true;
      if (message.event !== 'snapshot') return;
      try {
        const { settings, me } = JSON.parse(message.data) as Pick<EngagementView, 'settings' | 'me'>;
        if (typeof settings?.title === 'string') {
          settleEarlyHeading(engagementId, {
            engagementId,
            title: settings.title,
            theme: settings.theme ?? null,
            staff: me?.audience === 'staff',
          });
        }
      } catch {
        // Not a snapshot we understand: the page waits for the live copy instead.
      }
    },
  });
  try {
    while (!read) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } catch {
    // The stream failed or was aborted: the live copy reports that.
  } finally {
    settleEarlyHeading(engagementId);
    reader.cancel().catch(() => undefined);
  }
}

export const earlyHeadingOf = (engagementId: string): EarlyHeading | null =>
  expected?.engagementId === engagementId ? expected.heading : null;

/** True while an early stream for this engagement is open and its heading not read yet. */
export const earlyHeadingPending = (engagementId: string): boolean => expected?.engagementId === engagementId && !expected.settled;

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The early heading of this engagement, once the snapshot has come; null before (or for another one). */
export function useEarlyHeading(engagementId: string): EarlyHeading | null {
  return useSyncExternalStore(
    subscribe,
    () => earlyHeadingOf(engagementId),
    () => null,
  );
}

export function useEarlyHeadingPending(engagementId: string): boolean {
  return useSyncExternalStore(
    subscribe,
    () => earlyHeadingPending(engagementId),
    () => false,
  );
}
