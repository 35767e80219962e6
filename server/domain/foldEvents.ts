import type { EngagementEvent } from './events.js';
import { evolve } from './evolve.js';
import { withOwnership } from './foldOwnership.js';
import type { EngagementState } from './state.js';

// Folding many events at once, in time linear in their number: the same `evolve`, but the records it
// creates during this fold are written in place by the fold's later events (foldOwnership.ts) instead
// of being copied per event. Use it where no state between two events is kept (start-up, the part of a
// resume before its cursor); where `before` and `after` of each event are both needed, call `evolve`.

/** `events.reduce(evolve, state)`, linear. `state` is not changed; the intermediate states are not kept. */
export function foldEvents(state: EngagementState, events: Iterable<EngagementEvent>): EngagementState {
  const fold = openFold(state);
  for (const event of events) fold.add(event);
  return fold.state;
}

/** A fold kept open between events, for a writer that decides between them (the benchmark's generator). */
export interface OpenFold {
  /** The state after the events added so far. Valid until the next `add`, which may change it in place. */
  readonly state: EngagementState;
  add(event: EngagementEvent): EngagementState;
}

/** Opens a fold on `state` (which is never changed; only objects this fold creates are). */
export function openFold(state: EngagementState): OpenFold {
  const owned = new WeakSet<object>();
  let current = state;
  return {
    get state() {
      return current;
    },
    add(event) {
      current = withOwnership(owned, () => evolve(current, event));
      return current;
    },
  };
}
