import type { EventSourceMessage } from 'eventsource-parser';
import { evolve } from '../../../server/domain/evolve.js';
import type { EngagementState, EngagementView, Standing, StoredEvent } from '../../../server/domain/index.js';
import type { MessageVerdict } from './SseConnection.js';

// Folds the live stream into the tab's copy of the engagement (docs/api.md "The live stream"): a snapshot
// replaces it, a change is applied with the domain's own `evolve`, a hidden change only advances the
// version. Any gap in versions means we missed something: ask for a snapshot instead of guessing.

export interface LiveData {
  state: EngagementState | null;
  version: number;
  me: Standing | null;
  /** serverNow − Date.now() at the last clock reading, in ms. */
  offsetMs: number;
}

export const initialLiveData = (): LiveData => ({ state: null, version: 0, me: null, offsetMs: 0 });

/** A change the viewer may not see: the version advances, nothing else. */
export interface HiddenChange {
  type: 'hidden';
  version: number;
}

export interface FoldResult {
  data: LiveData;
  verdict: MessageVerdict;
}

function splitView(view: EngagementView): { state: EngagementState; version: number; me: Standing | null } {
  const { version, me, ...rest } = view as EngagementView & { serverNow?: string };
  delete (rest as { serverNow?: string }).serverNow;
  return { state: rest as EngagementState, version, me: me ?? null };
}

export function offsetFrom(serverNow: string | undefined, localNowMs: number): number | null {
  if (!serverNow) return null;
  const server = Date.parse(serverNow);
  return Number.isFinite(server) ? server - localNowMs : null;
}

export function foldMessage(data: LiveData, message: EventSourceMessage, localNowMs: number): FoldResult {
  let payload: unknown;
  try {
    payload = message.data ? JSON.parse(message.data) : {};
  } catch {
    return { data, verdict: 'resync' };
  }
  switch (message.event ?? 'message') {
    case 'snapshot': {
      // The view itself with `serverNow` beside its fields (server/http/sseStream.ts).
      const view = payload as EngagementView & { serverNow?: string };
      const { state, version, me } = splitView(view);
      const offset = offsetFrom(view.serverNow, localNowMs);
      return {
        data: { state, version: version ?? Number(message.id ?? 0), me, offsetMs: offset ?? data.offsetMs },
        verdict: 'ok',
      };
    }
    case 'change': {
      const event = payload as StoredEvent | HiddenChange;
      const version = Number(event.version ?? message.id);
      if (!data.state || !Number.isFinite(version)) return { data, verdict: 'resync' };
      if (version <= data.version) return { data, verdict: 'ok' }; // a replayed duplicate: already applied
      if (version !== data.version + 1) return { data, verdict: 'resync' };
      if (event.type === 'hidden') return { data: { ...data, version }, verdict: 'ok' };
      return { data: { ...data, state: evolve(data.state, event as StoredEvent), version }, verdict: 'ok' };
    }
    case 'clock': {
      const offset = offsetFrom((payload as { serverNow?: string }).serverNow, localNowMs);
      return { data: offset === null ? data : { ...data, offsetMs: offset }, verdict: 'ok' };
    }
    default:
      return { data, verdict: 'ok' };
  }
}
