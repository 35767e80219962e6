// Timed thematic breakout rounds (SPEC.md): commands, stored events, state, rules, timers, views.
export * from './commands.js';
export * from './events.js';
export * from './state.js';
export { decideBreakouts, WARNING_SECONDS, type BreakoutDecideState } from './decideBreakouts.js';
export { breakoutParticipants } from './decideRoomAssignment.js';
export { evolveBreakouts } from './evolveBreakouts.js';
export { nextBreakoutDeadline, type BreakoutDeadline } from './nextBreakoutDeadline.js';
export { projectBreakouts, redactBreakoutEvent } from './visibility.js';
export { breakoutClosingEvents, breakoutsClosingOnEngagementEnd } from './breakoutClosing.js';
export { breakoutRoomName, roomNamesOf } from './roomNames.js';
export { hardStopWarning } from './hardStopWarning.js';
export {
  balancedAssignment,
  roomSizes,
  type AssignmentPerson,
  type AssignmentResult,
  type AssignmentRoom,
  type RoomMix,
} from './balancedAssignment.js';
