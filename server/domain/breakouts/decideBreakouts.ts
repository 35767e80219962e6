import type { DecideContext } from '../context.js';
import { forbidden, notFound, violation } from '../errors.js';
import { assertNever, type EngagementEvent } from '../events.js';
import { addSeconds, ms, secondsBetween } from '../floor/instants.js';
import type { EngagementState } from '../state.js';
import { isStaffRole } from '../vocabulary.js';
import { attendanceClosed, attendanceRecorded } from './attendance.js';
import { breakoutClosingEvents } from './breakoutClosing.js';
import { DEFAULT_REPORT_BACK_MINUTES, type BreakoutCommand, type BreakoutCommandOf } from './commands.js';
import type { BreakoutEvent, BreakoutRoomRecord } from './events.js';
import { hardStopWarning } from './hardStopWarning.js';
import { roomNamesOf } from './roomNames.js';
import { type WithBreakouts } from './state.js';
import { actorParticipant, requireRound, requireRunning, requireRoom } from './breakoutLookups.js';
import { chosen, assigned, breakoutParticipants, autoAssigned } from './decideRoomAssignment.js';

// The rules of breakout rounds (SPEC.md, BREAKOUT-1..3 and 8..19). Who may issue a command at all
// is BREAKOUT_ALLOWED (policies); what depends on the actor relative to the data — choosing for oneself,
// reporting as the room's rapporteur — is checked here. Returns the events or throws a DomainError naming
// the rule; never half-applies. Pure: time and ids come from `ctx`.

export type BreakoutDecideState = EngagementState & WithBreakouts;

/** The seconds before the deadline when the one-minute warning falls due (BREAKOUT-15). */
export const WARNING_SECONDS = 60;

export function decideBreakouts(
  state: BreakoutDecideState,
  command: BreakoutCommand,
  ctx: DecideContext,
): (EngagementEvent | BreakoutEvent)[] {
  if (state.id === '') throw notFound('LIFE-0', 'This engagement does not exist. Create it first with POST /api/engagements.');
  const at = ctx.now;
  switch (command.type) {
    case 'breakouts.plan':
      return [planned(state, command, ctx)];
    case 'breakouts.choose':
      return [chosen(state, command, ctx)];
    case 'breakouts.assign':
      return [assigned(state, command, at)];
    case 'breakouts.autoAssign':
      return [autoAssigned(state, command, at)];
    case 'breakouts.start':
      return started(state, command, at);
    case 'breakouts.broadcast': {
      const round = requireRunning(state, command.roundId, 'BREAKOUT-18', 'A message to all rooms can be sent');
      const me = actorParticipant(state, ctx);
      return [
        {
          type: 'breakouts.broadcast',
          at,
          roundId: round.id,
          broadcastId: ctx.newId(),
          message: command.message,
          byParticipantId: me?.id ?? null,
        },
      ];
    }
    case 'breakouts.extend':
      return extended(state, command, at);
    case 'breakouts.end': {
      const round = requireRunning(state, command.roundId, 'BREAKOUT-17', 'A round can be ended');
      return breakoutClosingEvents(state, round, at, 'chair', ctx.newId);
    }
    case 'breakouts.warn': {
      const round = requireRound(state, command.roundId);
      if (round.status !== 'running' || round.deadline === null) {
        throw violation('BREAKOUT-15', 'This round is not running, so there is no one-minute warning to give.');
      }
      if (round.warnedAt !== null)
        throw violation('BREAKOUT-15', 'The one-minute warning for this deadline has already been given; it is given once.');
      if (ms(at) < ms(round.deadline) - WARNING_SECONDS * 1000) {
        throw violation('BREAKOUT-15', 'The one-minute warning is not due yet (the round was extended).');
      }
      return [
        {
          type: 'breakouts.warned',
          at,
          roundId: round.id,
          deadline: round.deadline,
          secondsLeft: Math.max(0, secondsBetween(at, round.deadline)),
        },
      ];
    }
    case 'breakouts.expire': {
      const round = requireRound(state, command.roundId);
      if (round.status !== 'running' || round.deadline === null) {
        throw violation('BREAKOUT-16', 'This round is no longer running; its end is already recorded.');
      }
      if (ms(round.deadline) > ms(at)) throw violation('BREAKOUT-16', 'This round’s time is not up yet (it was extended).');
      return breakoutClosingEvents(state, round, at, 'deadline', ctx.newId);
    }
    case 'breakouts.report':
      return [reported(state, command, ctx)];
    case 'breakouts.recordAttendance':
      return [attendanceRecorded(state, command, at)];
    case 'breakouts.closeAttendance':
      return [attendanceClosed(state, command, at)];
    default:
      return assertNever(command);
  }
}

// ---- plan ----------------------------------------------------------------------------------------

function planned(state: BreakoutDecideState, command: BreakoutCommandOf<'breakouts.plan'>, ctx: DecideContext): BreakoutEvent {
  if (state.status === 'ended') throw violation('BREAKOUT-1', 'The engagement has ended, so no breakout round can be planned any more.');
  if (command.agendaItemId !== undefined) {
    const item = state.agenda.find((i) => i.id === command.agendaItemId);
    if (!item) throw notFound('BREAKOUT-2', `There is no agenda item ${command.agendaItemId}.`);
    if (item.kind !== 'breakouts')
      throw violation('BREAKOUT-2', `"${item.title}" is not a breakouts item; link the round to an agenda item of kind breakouts.`);
  }
  const roundId = ctx.newId();
  const pinned: Record<string, string> = {};
  const rooms: BreakoutRoomRecord[] = command.rooms.map((plan, i) => {
    const room: BreakoutRoomRecord = {
      id: ctx.newId(),
      index: i + 1,
      theme: plan.theme,
      questionId: plan.questionId ?? null,
      facilitatorId: plan.facilitatorId ?? null,
      rapporteurId: plan.rapporteurId ?? null,
      capacity: plan.capacity,
    };
    if (room.questionId !== null && !state.questions.some((q) => q.id === room.questionId)) {
      throw violation('BREAKOUT-2', `Room "${room.theme}" links to a guiding question that does not exist (${room.questionId}).`);
    }
    for (const [job, id] of [
      ['facilitator', room.facilitatorId],
      ['rapporteur', room.rapporteurId],
    ] as const) {
      if (id === null) continue;
      const p = state.participants[id];
      if (!p || p.status !== 'approved') {
        throw violation('BREAKOUT-2', `The ${job} of room "${room.theme}" must be an approved participant; ${id} is not.`);
      }
      if (job === 'rapporteur' && p.role === 'observer') {
        throw violation(
          'BREAKOUT-2',
          `${p.displayName} is an observer and cannot be the rapporteur of room "${room.theme}"; choose someone who takes part.`,
        );
      }
      if (isStaffRole(p.role)) continue;
      if (pinned[id] !== undefined && pinned[id] !== room.id) {
        throw violation('BREAKOUT-2', `${p.displayName} cannot facilitate or report in two rooms; one person sits in one room.`);
      }
      pinned[id] = room.id;
    }
    const placed = Object.values(pinned).filter((r) => r === room.id).length;
    if (placed > room.capacity) {
      throw violation(
        'BREAKOUT-2',
        `Room "${room.theme}" holds ${room.capacity}, fewer than its facilitator and rapporteur; raise its capacity.`,
      );
    }
    return room;
  });
  return {
    type: 'breakouts.planned',
    at: ctx.now,
    roundId,
    title: command.title ?? null,
    mode: command.mode,
    durationMinutes: command.durationMinutes,
    reportBackMinutes: command.reportBackMinutes ?? DEFAULT_REPORT_BACK_MINUTES,
    agendaItemId: command.agendaItemId ?? null,
    rooms,
    pinned,
  };
}

// ---- time ----------------------------------------------------------------------------------------

function started(
  state: BreakoutDecideState,
  command: BreakoutCommandOf<'breakouts.start'>,
  at: string,
): (EngagementEvent | BreakoutEvent)[] {
  const round = requireRound(state, command.roundId);
  if (round.status !== 'planned') {
    throw violation(
      'BREAKOUT-9',
      round.status === 'running' ? 'This round is already running.' : 'This round has already run; a round runs once. Plan a new round.',
    );
  }
  if (state.status !== 'live')
    throw violation('BREAKOUT-9', 'A breakout round starts only while the engagement is live. Start the engagement first.');
  const running = state.breakouts.runningRoundId;
  if (running !== null && running !== round.id) {
    throw violation('BREAKOUT-8', 'Another breakout round is running. End it before starting this one: one round at a time.');
  }
  const unassigned = breakoutParticipants(state).filter((p) => round.assignment[p.id] === undefined);
  if (round.mode !== 'self-select' && unassigned.length > 0) {
    const names = unassigned
      .slice(0, 5)
      .map((p) => p.displayName)
      .join(', ');
    const more = unassigned.length > 5 ? ` and ${unassigned.length - 5} more` : '';
    throw violation(
      'BREAKOUT-10',
      `Everyone must have a room before the round starts; not yet placed: ${names}${more}. ${round.mode === 'balanced' ? 'Run the automatic assignment again' : 'Assign them'} first.`,
    );
  }
  const deadline = addSeconds(at, round.durationMinutes * 60);
  const events: (EngagementEvent | BreakoutEvent)[] = [
    {
      type: 'breakouts.started',
      at,
      roundId: round.id,
      deadline,
      durationMinutes: round.durationMinutes,
      roomNames: roomNamesOf(round.id, round.rooms),
      unassigned: unassigned.map((p) => p.id),
      warning: hardStopWarning(state.hardStop, deadline, round.rooms.length, round.reportBackMinutes),
    },
  ];
  // The round's agenda item begins with it (as AGENDA-8 does for a question), unless it already ran.
  const item = round.agendaItemId === null ? undefined : state.agenda.find((i) => i.id === round.agendaItemId);
  if (item && item.startedAt === null && state.currentAgendaItemId !== item.id) {
    events.push({ type: 'agenda.begun', at, itemId: item.id, previousItemId: state.currentAgendaItemId });
  }
  return events;
}

function extended(
  state: BreakoutDecideState,
  command: BreakoutCommandOf<'breakouts.extend'>,
  at: string,
): (EngagementEvent | BreakoutEvent)[] {
  const round = requireRunning(state, command.roundId, 'BREAKOUT-14', 'A round can be extended');
  const deadline = addSeconds(round.deadline ?? at, command.minutes * 60);
  const events: (EngagementEvent | BreakoutEvent)[] = [
    {
      type: 'breakouts.extended',
      at,
      roundId: round.id,
      minutes: command.minutes,
      deadline,
      rearmWarning: round.warnedAt !== null && ms(deadline) - WARNING_SECONDS * 1000 > ms(at),
      warning: hardStopWarning(state.hardStop, deadline, round.rooms.length, round.reportBackMinutes),
    },
  ];
  // The time budget follows: the round's agenda item plans the extra minutes too (TIME-8 reads planned minutes).
  const item = round.agendaItemId === null ? undefined : state.agenda.find((i) => i.id === round.agendaItemId);
  if (item && state.status !== 'ended') {
    events.push({
      type: 'agenda.updated',
      at,
      itemId: item.id,
      changes: { plannedMinutes: Math.min(24 * 60, item.plannedMinutes + command.minutes) },
    });
  }
  return events;
}

// ---- reports -------------------------------------------------------------------------------------

function reported(state: BreakoutDecideState, command: BreakoutCommandOf<'breakouts.report'>, ctx: DecideContext): BreakoutEvent {
  const round = requireRound(state, command.roundId);
  const room = requireRoom(round, command.roomId);
  const me = actorParticipant(state, ctx);
  const staff = me !== null && me.status === 'approved' && isStaffRole(me.role);
  if (!me || me.status !== 'approved' || (!staff && room.rapporteurId !== me.id)) {
    const who = room.rapporteurId ? (state.participants[room.rapporteurId]?.displayName ?? 'its rapporteur') : 'its rapporteur';
    throw forbidden('BREAKOUT-19', `Only the rapporteur of room "${room.theme}" (${who}) or the Chair's team reports for it.`);
  }
  if (round.status === 'planned') throw violation('BREAKOUT-19', 'A room reports once its round has started.');
  const { keyPoints, proposals, implementation, openQuestions } = command;
  if (keyPoints.length + proposals.length + implementation.length + openQuestions.length === 0) {
    throw violation('BREAKOUT-19', 'The report is empty. Give at least one key point, proposal, implementation step or open question.');
  }
  return {
    type: 'breakouts.reported',
    at: ctx.now,
    roundId: round.id,
    roomId: room.id,
    byParticipantId: me.id,
    revision: (round.reports[room.id]?.revision ?? 0) + 1,
    report: { keyPoints, proposals, implementation, openQuestions },
  };
}
