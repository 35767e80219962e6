import type { AgendaItemRecord, EngagementEvent } from '../events.js';
import type { EngagementState } from '../state.js';
import type { BreakoutEndReason, BreakoutEvent } from './events.js';
import type { BreakoutRound, WithBreakouts } from './state.js';

// BREAKOUT-17: when a round ends — by the Chair, at its deadline, or with the engagement — everyone is back
// in plenary, and each room gets a report-back slot on the agenda so that its rapporteur is heard. The
// slots are ordinary `agenda.added` events: no new agenda logic, and they count in the time budget (TIME-8)
// like any other planned item.

const titleOf = (theme: string): string => {
  const title = `Report-back: ${theme}`;
  return title.length > 200 ? `${title.slice(0, 199)}…` : title;
};

/** Where the slots go: after the round's own agenda item, else after the running item, else at the end. */
function firstSlotPosition(state: EngagementState, round: BreakoutRound): number {
  const own = round.agendaItemId === null ? -1 : state.agenda.findIndex((item) => item.id === round.agendaItemId);
  if (own >= 0) return own + 1;
  const current = state.agenda.findIndex((item) => item.id === state.currentAgendaItemId);
  return current >= 0 ? current + 1 : state.agenda.length;
}

/**
 * The events that end `round`: `breakouts.ended`, then one `agenda.added` (kind `report-back`) per room while
 * the engagement has not ended (after the end the agenda records what ran, AGENDA-1).
 */
export function breakoutClosingEvents(
  state: EngagementState,
  round: BreakoutRound,
  at: string,
  reason: BreakoutEndReason,
  newId: () => string,
): (EngagementEvent | BreakoutEvent)[] {
  const slots: EngagementEvent[] = [];
  const reportBackItemIds: Record<string, string> = {};
  if (state.status !== 'ended' && reason !== 'engagement-ended') {
    const position = firstSlotPosition(state, round);
    round.rooms.forEach((room, i) => {
      const item: AgendaItemRecord = {
        id: newId(),
        kind: 'report-back',
        title: titleOf(room.theme),
        plannedMinutes: round.reportBackMinutes,
        questionId: room.questionId !== null && state.questions.some((q) => q.id === room.questionId) ? room.questionId : null,
      };
      reportBackItemIds[room.id] = item.id;
      slots.push({ type: 'agenda.added', at, item, position: Math.min(position + i, state.agenda.length + i) });
    });
  }
  const ended: BreakoutEvent = {
    type: 'breakouts.ended',
    at,
    roundId: round.id,
    reason,
    dueAt: reason === 'deadline' ? round.deadline : null,
    reportBackItemIds,
  };
  return [ended, ...slots];
}

/**
 * BREAKOUT-22, called from the decision of `engagement.end`: ending the engagement ends the running round too
 * (everyone back, rooms closed), without report-back slots because the agenda is closed.
 */
export function breakoutsClosingOnEngagementEnd(state: EngagementState & WithBreakouts, at: string): BreakoutEvent[] {
  const id = state.breakouts.runningRoundId;
  const round = id === null ? undefined : state.breakouts.rounds[id];
  if (!round || round.status !== 'running') return [];
  return [{ type: 'breakouts.ended', at, roundId: round.id, reason: 'engagement-ended', dueAt: null, reportBackItemIds: {} }];
}
