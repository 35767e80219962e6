import { violation } from '../errors.js';
import { ms } from '../floor/instants.js';
import type { EngagementState } from '../state.js';
import type { BreakoutCommandOf } from './commands.js';
import type { AttendanceLeftBy, BreakoutEvent, BreakoutEventOf } from './events.js';
import type { AttendanceRecord, BreakoutRound, WithBreakouts } from './state.js';

// Who was in which breakout room, from LiveKit's webhooks and participant lists (BREAKOUT-23..27,
// SPEC.md). LiveKit delivers webhooks at least once, out of order across retries, and sometimes
// not at all (BREAKOUT-28), so every observation is merged into the connection's record (keyed by
// participant sid) and the event carries the merged result: folding is a plain overwrite, and the same
// observation twice is refused as "already recorded", so duplicates and reconciles append nothing.

type AttendanceState = EngagementState & WithBreakouts;

/** The started round whose rooms include the LiveKit room `roomName`, and that room's id. */
export function roomByName(state: WithBreakouts, roomName: string): { round: BreakoutRound; roomId: string } | null {
  for (const id of state.breakouts.order) {
    const round = state.breakouts.rounds[id];
    if (!round) continue;
    const entry = Object.entries(round.roomNames).find(([, name]) => name === roomName);
    if (entry) return { round, roomId: entry[0] };
  }
  return null;
}

const earliest = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : ms(b) < ms(a) ? b : a);

/** BREAKOUT-23..25: one connection seen joining and/or leaving, merged into what is already known of it. */
export function attendanceRecorded(
  state: AttendanceState,
  command: BreakoutCommandOf<'breakouts.recordAttendance'>,
  at: string,
): BreakoutEvent {
  const found = roomByName(state, command.roomName);
  if (!found) {
    throw violation(
      'BREAKOUT-23',
      `LiveKit room "${command.roomName}" is not a breakout room of this engagement; its attendance is not recorded here.`,
    );
  }
  const { round, roomId } = found;
  if (!state.participants[command.identity]) {
    throw violation(
      'BREAKOUT-23',
      `The LiveKit participant "${command.identity}" is not a participant of this engagement; only participants' attendance is recorded.`,
    );
  }
  if (command.joinedAt === undefined && command.leftAt === undefined) {
    throw violation('BREAKOUT-24', 'An attendance observation says when the connection joined, left, or both.');
  }
  const before: AttendanceRecord | undefined = round.attendance[command.participantSid];
  if (before && (before.participantId !== command.identity || before.roomId !== roomId)) {
    throw violation(
      'BREAKOUT-24',
      `Connection ${command.participantSid} is already recorded for another person or room; a connection is one person in one room.`,
    );
  }
  const endedAt = round.status === 'ended' ? round.endedAt : null;
  if (endedAt !== null && !before && command.joinedAt !== undefined && ms(command.joinedAt) > ms(endedAt)) {
    throw violation('BREAKOUT-25', 'This connection began after the round ended; it is not attendance of the round.');
  }

  const joinedAt = earliest(before?.joinedAt ?? null, command.joinedAt ?? null);
  let leftAt = before?.leftAt ?? null;
  let leftBy: AttendanceLeftBy | null = before?.leftBy ?? null;
  if (command.leftAt !== undefined && (leftAt === null || (leftBy !== 'livekit' && ms(command.leftAt) < ms(leftAt)))) {
    // LiveKit's own leave replaces a closure by the round's end or the room's finish when it is earlier.
    leftAt = command.leftAt;
    leftBy = 'livekit';
  }
  if (leftAt !== null && endedAt !== null && ms(leftAt) > ms(endedAt)) leftAt = endedAt;
  // A join that arrives for a round already over, with no leave: closed at the round's end (BREAKOUT-26).
  if (leftAt === null && joinedAt !== null && endedAt !== null) {
    leftAt = endedAt;
    leftBy = 'round-end';
  }
  // Webhook times are whole seconds, joins are milliseconds: a leave never lies before its join.
  if (leftAt !== null && joinedAt !== null && ms(leftAt) < ms(joinedAt)) leftAt = joinedAt;

  if (before && before.joinedAt === joinedAt && before.leftAt === leftAt && before.leftBy === leftBy) {
    throw violation('BREAKOUT-24', `The attendance of connection ${command.participantSid} is already recorded; nothing new.`);
  }
  return {
    type: 'breakouts.attendanceRecorded',
    at,
    roundId: round.id,
    roomId,
    roomName: command.roomName,
    participantSid: command.participantSid,
    participantId: command.identity,
    joinedAt,
    leftAt,
    leftBy,
    source: command.source,
  };
}

/** BREAKOUT-27: LiveKit closed the room; the connections still open in it end then. */
export function attendanceClosed(
  state: AttendanceState,
  command: BreakoutCommandOf<'breakouts.closeAttendance'>,
  at: string,
): BreakoutEvent {
  const found = roomByName(state, command.roomName);
  if (!found) {
    throw violation(
      'BREAKOUT-23',
      `LiveKit room "${command.roomName}" is not a breakout room of this engagement; its attendance is not recorded here.`,
    );
  }
  const { round, roomId } = found;
  const open = Object.entries(round.attendance)
    .filter(([, record]) => record.roomId === roomId && record.joinedAt !== null && record.leftAt === null)
    .map(([sid]) => sid)
    .sort();
  if (open.length === 0) throw violation('BREAKOUT-27', `Nobody is recorded as still in room "${command.roomName}"; nothing to close.`);
  return {
    type: 'breakouts.attendanceClosed',
    at,
    roundId: round.id,
    roomId,
    roomName: command.roomName,
    closedAt: command.at,
    participantSids: open,
  };
}

// ---- folding -------------------------------------------------------------------------------------

export function withAttendanceRecorded(
  round: BreakoutRound,
  event: BreakoutEventOf<'breakouts.attendanceRecorded'>,
): Partial<BreakoutRound> {
  const record: AttendanceRecord = {
    participantId: event.participantId,
    roomId: event.roomId,
    joinedAt: event.joinedAt,
    leftAt: event.leftAt,
    leftBy: event.leftBy,
    source: event.source,
  };
  return { attendance: { ...(round.attendance ?? {}), [event.participantSid]: record } };
}

/** Closes the listed connections (or, with `sids` null, every open one) at `at`. */
export function closeAttendance(
  attendance: Record<string, AttendanceRecord> | undefined,
  at: string,
  leftBy: AttendanceLeftBy,
  sids: readonly string[] | null,
): Record<string, AttendanceRecord> {
  const next: Record<string, AttendanceRecord> = { ...(attendance ?? {}) };
  for (const sid of sids ?? Object.keys(next)) {
    const record = next[sid];
    if (!record || record.joinedAt === null || record.leftAt !== null) continue;
    next[sid] = { ...record, leftAt: ms(at) < ms(record.joinedAt) ? record.joinedAt : at, leftBy };
  }
  return next;
}
