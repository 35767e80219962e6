// The floor and the clock: the speakers list, interventions, re-planning against the hard stop.
export { decideFloor, isFloorCommand, type FloorOrTimeCommand } from './decideFloor.js';
export { evolveFloor, type FloorOrTimeEvent } from './evolveFloor.js';
export { isFloorEvent } from './floorEvents.js';
export { floorClosingEvents, floorEndedEvent, floorLeavingEvents, mayAskForTheFloor } from './floorClosing.js';
export {
  remainingSeconds,
  projectedEnd,
  availableSeconds,
  previewReplan,
  allowanceInForce,
  DEFAULT_MIN_SECONDS,
  type ReplanPreviewResult,
} from './timeBudget.js';
export { constituencyOf, insertionPosition, reorderByPolicy, isFirstTimeSpeaker, lastSpeakerOn } from './speakersOrder.js';
export { fairness, type FairnessRecord, type GroupFairness, type ParticipantFairness, type RegionKey } from './fairness.js';
export { nextDeadline, pendingDeadlines, type Deadline } from './nextDeadline.js';
export { speakingTimeChangeEvents } from './speakingTimeChange.js';
