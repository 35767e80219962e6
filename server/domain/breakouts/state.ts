import type { RoomMix } from './balancedAssignment.js';
import type { AttendanceSource, BreakoutMode } from './commands.js';
import type { AttendanceLeftBy, BreakoutEndReason, BreakoutReportContent, BreakoutRoomRecord, HardStopWarning } from './events.js';

// The breakout rounds of one engagement, folded from breakout events by `evolveBreakouts`. Plain JSON like
// the rest of the state: `EngagementState.breakouts` (server/domain/state.ts), `emptyBreakouts()` in `emptyState()`.

export type BreakoutRoom = BreakoutRoomRecord;

export type BreakoutRoundStatus = 'planned' | 'running' | 'ended';

export interface BreakoutBroadcast {
  id: string;
  message: string;
  byParticipantId: string | null;
  at: string;
}

export interface BreakoutReport extends BreakoutReportContent {
  roomId: string;
  byParticipantId: string;
  at: string;
  /** 1 for the first report of the room; a later one replaces it and counts up (BREAKOUT-19). */
  revision: number;
}

/** How the last `breakouts.autoAssign` came out: its explanation (the assignment itself is `assignment`). */
export interface AutoAssignSummary {
  seed: number;
  at: string;
  rooms: RoomMix[];
  preferencesStated: number;
  preferencesHonoured: number;
  balanced: boolean;
  maxDeviation: { category: number; region: number };
}

/**
 * One LiveKit connection in a breakout room (BREAKOUT-23..27). Keyed by the connection's sid, not the person:
 * a rejoin is a new connection, and its `participant_left` may arrive after the new `participant_joined`.
 * A leave that arrived before its join has `leftAt` and `joinedAt: null` until the join comes.
 */
export interface AttendanceRecord {
  /** The join token's identity: the Convene participant id. */
  participantId: string;
  roomId: string;
  joinedAt: string | null;
  leftAt: string | null;
  /** null while open; `round-end` / `room-finished` when closed for the person (no leave arrived). */
  leftBy: AttendanceLeftBy | null;
  /** Where the last observation came from. */
  source: AttendanceSource;
}

export interface BreakoutRound {
  id: string;
  title: string | null;
  mode: BreakoutMode;
  durationMinutes: number;
  /** Minutes added by `breakouts.extend` in total. */
  extendedMinutes: number;
  reportBackMinutes: number;
  agendaItemId: string | null;
  rooms: BreakoutRoom[];
  /** participantId → roomId. Staff are never in it: they may join any room. */
  assignment: Record<string, string>;
  /** participantId → room ids, best first (balanced mode). Staff and the person alone see them. */
  preferences: Record<string, string[]>;
  /** Facilitators and rapporteurs placed by the plan: their room does not change by choice or auto-assignment. */
  pinned: Record<string, string>;
  lastAutoAssign: AutoAssignSummary | null;
  status: BreakoutRoundStatus;
  plannedAt: string;
  startedAt: string | null;
  /** When the round ends (moved by extend). */
  deadline: string | null;
  /** When the one-minute warning for the current deadline was recorded; null while it is still due. */
  warnedAt: string | null;
  endedAt: string | null;
  endReason: BreakoutEndReason | null;
  /** Participants in no room when the round started (self-select). */
  unassignedAtStart: string[];
  hardStopWarning: HardStopWarning | null;
  broadcasts: BreakoutBroadcast[];
  /** roomId → the room's latest report. */
  reports: Record<string, BreakoutReport>;
  /** roomId → LiveKit room name, fixed when the round starts. */
  roomNames: Record<string, string>;
  /** roomId → the report-back agenda item added when the round ended. */
  reportBackItemIds: Record<string, string>;
  /** LiveKit participant sid → that connection's attendance (staff only, BREAKOUT-VIEW-6). */
  attendance: Record<string, AttendanceRecord>;
}

export interface BreakoutsState {
  rounds: Record<string, BreakoutRound>;
  /** Round ids in the order they were planned. */
  order: string[];
  /** The round that runs now; at most one (BREAKOUT-8). */
  runningRoundId: string | null;
}

export const emptyBreakouts = (): BreakoutsState => ({ rounds: {}, order: [], runningRoundId: null });

/** Anything that carries breakout rounds (the engagement's state does). */
export interface WithBreakouts {
  breakouts: BreakoutsState;
}

/** The round that holds `roomId`, with the room, or null. */
export function findRoom(breakouts: BreakoutsState, roomId: string): { round: BreakoutRound; room: BreakoutRoom } | null {
  for (const id of breakouts.order) {
    const round = breakouts.rounds[id];
    const room = round?.rooms.find((r) => r.id === roomId);
    if (round && room) return { round, room };
  }
  return null;
}

/** How many assigned participants a room holds now. */
export const occupancy = (round: BreakoutRound, roomId: string): number =>
  Object.values(round.assignment).filter((r) => r === roomId).length;
