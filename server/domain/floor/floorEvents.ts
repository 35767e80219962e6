import type { FloorOrTimeEvent } from './evolveFloor.js';

// The floor slice owns which events are its own: `evolve` hands them to `evolveFloor` and `redact` treats
// them as one (VIEW-6), both through `isFloorEvent`, so a new floor or clock event is listed here once.

/** Keyed so that the compiler refuses a list that misses, or invents, a floor or clock event type. */
const FLOOR_EVENT_TYPES = {
  'floor.requested': true,
  'floor.withdrawn': true,
  'floor.given': true,
  'floor.paused': true,
  'floor.resumed': true,
  'floor.extended': true,
  'floor.ended': true,
  'floor.skipped': true,
  'floor.moved': true,
  'floor.deferred': true,
  'floor.policyChanged': true,
  'floor.overran': true,
  'floor.allowancesChanged': true,
  'time.hardStopSet': true,
  'time.replanned': true,
} as const satisfies Record<FloorOrTimeEvent['type'], true>;

export const isFloorEvent = (event: { type: string }): event is FloorOrTimeEvent => Object.hasOwn(FLOOR_EVENT_TYPES, event.type);
