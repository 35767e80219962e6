import type { EngagementEvent } from './events.js';
import { evolve } from './evolve.js';
import type { EngagementState } from './state.js';

// Events with the state on either side of each, computed only when first asked for. Every state between
// two events is a state of its own (a floor event copies the requests and interventions it changes), so
// building them costs O(events × records): at 50,000 events about 30 ms per event on a loaded machine, 16 s
// for the 512 transitions start-up seeds the live hub's resume window with. A restart rarely needs them
// (a client reconnecting at the head needs none), so they are made on demand, once, in order.

export interface FoldTransition<E extends EngagementEvent> {
  readonly event: E;
  readonly before: EngagementState;
  readonly after: EngagementState;
}

/** `events` folded from `start` one by one with `evolve`, each state made when first read and then kept. */
export function foldTransitions<E extends EngagementEvent>(start: EngagementState, events: readonly E[]): FoldTransition<E>[] {
  // states[i] is the state before events[i]; states[events.length] the state after the last.
  const states: EngagementState[] = [start];
  const stateAt = (i: number): EngagementState => {
    for (let k = states.length - 1; k < i; k += 1) states.push(evolve(states[k], events[k]));
    return states[i];
  };
  return events.map((event, i) => ({
    event,
    get before() {
      return stateAt(i);
    },
    get after() {
      return stateAt(i + 1);
    },
  }));
}
