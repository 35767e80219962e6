import type { RoomMix } from './balancedAssignment.js';
import type { AttendanceSource, BreakoutMode, ImplementationStep } from './commands.js';

// STORED FOREVER. Every breakout event ever appended must stay readable by `evolveBreakouts`: add new event
// types or new optional fields; never rename, remove or change the meaning of a field. Past tense
// (`breakouts.<verbed>`; `breakouts.broadcast` is its own past tense). `at` is when the server recorded it.
// The lead adds `BreakoutEvent` to the `EngagementEvent` union in events.ts.

export interface BreakoutRoomRecord {
  id: string;
  /** 1-based position in the round; the LiveKit room name is `breakout-<roundId>-<index>` (BREAKOUT-14). */
  index: number;
  theme: string;
  questionId: string | null;
  facilitatorId: string | null;
  rapporteurId: string | null;
  capacity: number;
}

export interface BreakoutReportContent {
  keyPoints: string[];
  proposals: string[];
  implementation: ImplementationStep[];
  openQuestions: string[];
}

/** Why a round would not fit the time left: it (with its report-back slots) ends after the hard stop. */
export interface HardStopWarning {
  rule: 'BREAKOUT-14';
  hardStop: string;
  roundEndsAt: string;
  /** When the round's report-back slots would end in plenary. */
  reportBackEndsAt: string;
  /** How far `reportBackEndsAt` lies beyond the hard stop, in whole seconds. */
  overSeconds: number;
  message: string;
}

export type BreakoutEndReason = 'chair' | 'deadline' | 'engagement-ended';

type E<T extends string, P> = { type: T; at: string } & P;

export type BreakoutEvent =
  | E<
      'breakouts.planned',
      {
        roundId: string;
        title: string | null;
        mode: BreakoutMode;
        durationMinutes: number;
        reportBackMinutes: number;
        agendaItemId: string | null;
        rooms: BreakoutRoomRecord[];
        /** Non-staff facilitators and rapporteurs, placed in their own room by the plan (BREAKOUT-2). */
        pinned: Record<string, string>;
      }
    >
  /** self-select: `roomId` is the room taken, `preferences` empty. balanced: `roomId` null, ranked `preferences`. */
  | E<'breakouts.chosen', { roundId: string; participantId: string; roomId: string | null; preferences: string[] }>
  | E<'breakouts.assigned', { roundId: string; participantId: string; roomId: string | null }>
  /** The whole assignment (pinned people included) and how it came about (BREAKOUT-4..7). */
  | E<
      'breakouts.autoAssigned',
      {
        roundId: string;
        seed: number;
        assignment: Record<string, string>;
        pinned: Record<string, string>;
        rooms: RoomMix[];
        preferencesStated: number;
        preferencesHonoured: number;
        balanced: boolean;
        maxDeviation: { category: number; region: number };
      }
    >
  | E<
      'breakouts.started',
      {
        roundId: string;
        deadline: string;
        durationMinutes: number;
        /** roomId → the LiveKit room to create; unique, never reused. */
        roomNames: Record<string, string>;
        /** Participants who take part but are in no room (self-select only; they stay in plenary). */
        unassigned: string[];
        warning: HardStopWarning | null;
      }
    >
  | E<'breakouts.broadcast', { roundId: string; broadcastId: string; message: string; byParticipantId: string | null }>
  | E<
      'breakouts.extended',
      {
        roundId: string;
        minutes: number;
        deadline: string;
        /** The one-minute warning is given again before the new deadline (BREAKOUT-15). */
        rearmWarning: boolean;
        warning: HardStopWarning | null;
      }
    >
  | E<'breakouts.warned', { roundId: string; deadline: string; secondsLeft: number }>
  | E<
      'breakouts.ended',
      {
        roundId: string;
        reason: BreakoutEndReason;
        /** For `deadline`: the deadline that passed. */
        dueAt: string | null;
        /** roomId → the report-back agenda item added in the same command (BREAKOUT-17). */
        reportBackItemIds: Record<string, string>;
      }
    >
  | E<'breakouts.reported', { roundId: string; roomId: string; byParticipantId: string; revision: number; report: BreakoutReportContent }>
  /**
   * One LiveKit connection's attendance as it stands after this observation (BREAKOUT-23..26): `joinedAt` and
   * `leftAt` are the merged values, so folding is a plain overwrite of the record keyed by `participantSid`.
   */
  | E<
      'breakouts.attendanceRecorded',
      {
        roundId: string;
        roomId: string;
        roomName: string;
        participantSid: string;
        participantId: string;
        joinedAt: string | null;
        leftAt: string | null;
        leftBy: AttendanceLeftBy | null;
        source: AttendanceSource;
      }
    >
  /** LiveKit closed the room (`room_finished`) at `closedAt`: these connections, still open, end then (BREAKOUT-27). */
  | E<'breakouts.attendanceClosed', { roundId: string; roomId: string; roomName: string; closedAt: string; participantSids: string[] }>;

/** How an attendance interval was closed: LiveKit said the connection left, the round ended, or LiveKit closed the room. */
export type AttendanceLeftBy = 'livekit' | 'round-end' | 'room-finished';

export type BreakoutEventType = BreakoutEvent['type'];
export type BreakoutEventOf<T extends BreakoutEventType> = Extract<BreakoutEvent, { type: T }>;

export const BREAKOUT_EVENT_TYPES: readonly BreakoutEventType[] = [
  'breakouts.planned',
  'breakouts.chosen',
  'breakouts.assigned',
  'breakouts.autoAssigned',
  'breakouts.started',
  'breakouts.broadcast',
  'breakouts.extended',
  'breakouts.warned',
  'breakouts.ended',
  'breakouts.reported',
  'breakouts.attendanceRecorded',
  'breakouts.attendanceClosed',
];

export const isBreakoutEvent = (event: { type: string }): event is BreakoutEvent =>
  (BREAKOUT_EVENT_TYPES as readonly string[]).includes(event.type);
