import type { Membership, Viewer } from './context.js';
import type { StoredEvent } from './events.js';
import type { EngagementState } from './state.js';

/** What the GET and the stream's snapshot return: the projected state, its version and who I am. */
export interface EngagementView extends EngagementState {
  version: number;
  me: Membership;
}

export function membershipOf(state: EngagementState, viewer: Viewer): Membership {
  void state; void viewer;
  throw new Error('not implemented');
}

/** The state as this viewer may see it (VIEW rules). Same shape as the state, hidden parts removed. */
export function project(state: EngagementState, viewer: Viewer): EngagementState {
  void viewer;
  return state;
}

export function viewFor(state: EngagementState, version: number, viewer: Viewer): EngagementView {
  return { ...project(state, viewer), version, me: membershipOf(state, viewer) };
}

/**
 * One committed event as this viewer may see it: the event (possibly with fields removed), `null` when
 * the viewer may not see it at all (the version still advances), or `'resync'` when what the viewer may
 * see changed shape (their own approval, role change, the engagement opening): send a snapshot instead.
 * Invariant (VIEW-9): folding `redact` results with `evolve` from `project(before)` gives `project(after)`.
 */
export function redact(event: StoredEvent, before: EngagementState, after: EngagementState, viewer: Viewer): StoredEvent | null | 'resync' {
  void before; void after; void viewer;
  return event;
}
