import { assertNever } from '../events.js';
import { append, omit, put } from '../foldOwnership.js';
import { closeAttendance, withAttendanceRecorded } from './attendance.js';
import type { BreakoutEvent } from './events.js';
import type { BreakoutRound, WithBreakouts } from './state.js';

// Folding is mechanical: `decideBreakouts` computed every deadline, name and assignment. An event about a
// round the state does not hold changes nothing (a role's redacted stream must never break the tab's fold).
// Returns a new state; the input is not mutated (`put` copies a record unless this fold created it). The
// `agenda.*` events a breakout command also produces are folded by the ordinary `evolve`.

function withRound<S extends WithBreakouts>(state: S, roundId: string, change: (round: BreakoutRound) => Partial<BreakoutRound>): S {
  const round = state.breakouts.rounds[roundId];
  if (!round) return state;
  return { ...state, breakouts: { ...state.breakouts, rounds: put(state.breakouts.rounds, roundId, { ...round, ...change(round) }) } };
}

export function evolveBreakouts<S extends WithBreakouts>(state: S, event: BreakoutEvent): S {
  switch (event.type) {
    case 'breakouts.planned': {
      if (state.breakouts.rounds[event.roundId]) return state;
      const round: BreakoutRound = {
        id: event.roundId,
        title: event.title,
        mode: event.mode,
        durationMinutes: event.durationMinutes,
        extendedMinutes: 0,
        reportBackMinutes: event.reportBackMinutes,
        agendaItemId: event.agendaItemId,
        rooms: event.rooms,
        assignment: { ...event.pinned },
        preferences: {},
        pinned: { ...event.pinned },
        lastAutoAssign: null,
        status: 'planned',
        plannedAt: event.at,
        startedAt: null,
        deadline: null,
        warnedAt: null,
        endedAt: null,
        endReason: null,
        unassignedAtStart: [],
        hardStopWarning: null,
        broadcasts: [],
        reports: {},
        roomNames: {},
        reportBackItemIds: {},
        attendance: {},
      };
      return {
        ...state,
        breakouts: {
          ...state.breakouts,
          rounds: put(state.breakouts.rounds, round.id, round),
          order: [...state.breakouts.order, round.id],
        },
      };
    }
    case 'breakouts.chosen':
      return withRound(state, event.roundId, (round) =>
        event.roomId !== null
          ? { assignment: put(round.assignment, event.participantId, event.roomId) }
          : { preferences: put(round.preferences, event.participantId, event.preferences) },
      );
    case 'breakouts.assigned':
      // The Chair's placement overrides the plan's: a moved facilitator or rapporteur is no longer pinned.
      return withRound(state, event.roundId, (round) => ({
        assignment:
          event.roomId === null ? omit(round.assignment, event.participantId) : put(round.assignment, event.participantId, event.roomId),
        pinned: omit(round.pinned, event.participantId),
      }));
    case 'breakouts.autoAssigned':
      return withRound(state, event.roundId, () => ({
        assignment: { ...event.assignment },
        pinned: { ...event.pinned },
        lastAutoAssign: {
          seed: event.seed,
          at: event.at,
          rooms: event.rooms,
          preferencesStated: event.preferencesStated,
          preferencesHonoured: event.preferencesHonoured,
          balanced: event.balanced,
          maxDeviation: event.maxDeviation,
        },
      }));
    case 'breakouts.started': {
      const next = withRound(state, event.roundId, () => ({
        status: 'running',
        startedAt: event.at,
        deadline: event.deadline,
        warnedAt: null,
        unassignedAtStart: event.unassigned,
        hardStopWarning: event.warning,
        roomNames: event.roomNames,
      }));
      return next === state ? state : { ...next, breakouts: { ...next.breakouts, runningRoundId: event.roundId } };
    }
    case 'breakouts.broadcast':
      return withRound(state, event.roundId, (round) => ({
        broadcasts: append(round.broadcasts, {
          id: event.broadcastId,
          message: event.message,
          byParticipantId: event.byParticipantId,
          at: event.at,
        }),
      }));
    case 'breakouts.extended':
      return withRound(state, event.roundId, (round) => ({
        deadline: event.deadline,
        extendedMinutes: round.extendedMinutes + event.minutes,
        warnedAt: event.rearmWarning ? null : round.warnedAt,
        hardStopWarning: event.warning,
      }));
    case 'breakouts.warned':
      return withRound(state, event.roundId, () => ({ warnedAt: event.at }));
    case 'breakouts.ended': {
      const next = withRound(state, event.roundId, (round) => ({
        status: 'ended',
        endedAt: event.at,
        endReason: event.reason,
        reportBackItemIds: event.reportBackItemIds,
        // BREAKOUT-26: everyone is back in plenary; a connection whose leave never came ends with the round.
        attendance: closeAttendance(round.attendance, event.at, 'round-end', null),
      }));
      if (next === state) return state;
      const running = next.breakouts.runningRoundId === event.roundId ? null : next.breakouts.runningRoundId;
      return { ...next, breakouts: { ...next.breakouts, runningRoundId: running } };
    }
    case 'breakouts.reported':
      return withRound(state, event.roundId, (round) => ({
        reports: put(round.reports, event.roomId, {
          roomId: event.roomId,
          byParticipantId: event.byParticipantId,
          at: event.at,
          revision: event.revision,
          ...event.report,
        }),
      }));
    case 'breakouts.attendanceRecorded':
      return withRound(state, event.roundId, (round) => withAttendanceRecorded(round, event));
    case 'breakouts.attendanceClosed':
      return withRound(state, event.roundId, (round) => ({
        attendance: closeAttendance(round.attendance, event.closedAt, 'room-finished', event.participantSids),
      }));
    default:
      return assertNever(event);
  }
}
