import { notFound, violation } from '../errors.js';
import { assertNever } from '../events.js';
import type { EngagementState, Intervention } from '../state.js';
import type { ReplanStrategy } from '../vocabulary.js';
import type { ReplanPreviewResponse } from '../wireContract.js';
import { addSeconds, ms } from './instants.js';

// The clock arithmetic of the floor and of re-planning (TIME-*). Pure: every function takes `now`.
// Durations are whole seconds, floored, as the API names them.

/** The default lower bound of a shortened allowance (TIME-5). */
export const DEFAULT_MIN_SECONDS = 60;

/** What a re-plan would do, and — since `time.replan` applies exactly this — what it does (TIME-7). It is
 * also the body of GET /replan, so its one declaration is the wire schema. */
export type ReplanPreviewResult = ReplanPreviewResponse;

function remainingMs(intervention: Intervention, now: string): number {
  const reference = intervention.endedAt ?? intervention.pausedAt ?? now;
  return ms(intervention.deadline) - ms(reference);
}

/**
 * TIME-9: the seconds left of an intervention's time: negative once the deadline has passed (overrun);
 * frozen while paused (counted to the pause) and once ended (counted to the end).
 */
export function remainingSeconds(intervention: Intervention, now: string): number {
  return Math.floor(remainingMs(intervention, now) / 1000);
}

/** What the speaker who has the floor still has (never negative: an overrun takes no planned time). */
function currentRemainingMs(state: EngagementState, now: string): number {
  const current = state.currentRequestId ? state.interventions[state.currentRequestId] : undefined;
  return current ? Math.max(0, remainingMs(current, now)) : 0;
}

/**
 * TIME-7: the allowance a new request on `questionId` gets: the engagement's speaking time, or the
 * shortened allowance of a re-plan in force on that question (never more than the speaking time).
 */
export function allowanceInForce(state: EngagementState, questionId: string): number {
  const replan = state.lastReplan;
  const base = state.settings.speakingSeconds;
  if (replan && replan.questionId === questionId && replan.allowanceSeconds !== null) return Math.min(base, replan.allowanceSeconds);
  return base;
}

/**
 * TIME-8: the planned time of the agenda still to come: items not yet begun that follow the current item
 * (every item not yet begun when none is current), leaving out the current item (it is running) and the
 * items of `questionId` (its time is its speakers list, counted separately).
 */
function agendaStillToComeMs(state: EngagementState, questionId: string | null): number {
  const currentIndex = state.agenda.findIndex((item) => item.id === state.currentAgendaItemId);
  let minutes = 0;
  state.agenda.forEach((item, index) => {
    if (index <= currentIndex || item.startedAt !== null) return;
    if (questionId !== null && item.questionId === questionId) return;
    minutes += item.plannedMinutes;
  });
  return minutes * 60_000;
}

/** The seconds the waiting speakers of `questionId` are allowed, at their current allowances. */
function waitingAllowanceSeconds(state: EngagementState, questionId: string): number {
  return (state.waiting[questionId] ?? []).reduce((sum, id) => sum + (state.requests[id]?.allowanceSeconds ?? 0), 0);
}

/**
 * TIME-8: when the engagement would end if everything still planned ran to plan: now + what the current
 * speaker has left + the allowances of the open question's waiting speakers + the planned minutes of the
 * agenda still to come. Null once the engagement has ended.
 */
export function projectedEnd(state: EngagementState, now: string): string | null {
  if (state.status === 'ended') return null;
  const question = state.openQuestionId;
  const totalMs =
    currentRemainingMs(state, now) +
    (question ? waitingAllowanceSeconds(state, question) * 1000 : 0) +
    agendaStillToComeMs(state, question);
  return addSeconds(now, Math.ceil(totalMs / 1000));
}

/**
 * TIME-4: the seconds left for the speakers of `questionId` before the hard stop: hard stop − now − what
 * the current speaker has left − the planned agenda still to come after the current item; never below 0.
 * Null when no hard stop is set.
 */
export function availableSeconds(state: EngagementState, now: string, questionId: string | null = state.openQuestionId): number | null {
  if (state.hardStop === null) return null;
  const leftMs = ms(state.hardStop) - ms(now) - currentRemainingMs(state, now) - agendaStillToComeMs(state, questionId);
  return Math.max(0, Math.floor(leftMs / 1000));
}

/**
 * TIME-2..7: what re-planning the waiting list of `questionId` (the open question by default) against
 * the hard stop gives. Throws the DomainError `time.replan` would throw, so a preview is refused exactly
 * when applying would be.
 */
export function previewReplan(
  state: EngagementState,
  now: string,
  strategy: ReplanStrategy,
  minSeconds: number = DEFAULT_MIN_SECONDS,
  questionId: string | null = state.openQuestionId,
): ReplanPreviewResult {
  if (state.hardStop === null) {
    throw violation('TIME-2', 'Set a hard stop first: re-planning fits the speakers list to the time left before the hard stop.');
  }
  if (questionId === null) {
    throw violation('TIME-3', 'No question is open. Open a guiding question (or name one) to re-plan its speakers list.');
  }
  if (!state.questions.some((q) => q.id === questionId)) {
    throw notFound('TIME-3', `There is no guiding question ${questionId} in this engagement.`);
  }
  const waiting = state.waiting[questionId] ?? [];
  if (waiting.length === 0) {
    throw violation('TIME-3', 'Nobody is waiting to speak on this question, so there is nothing to re-plan.');
  }
  const available = availableSeconds(state, now, questionId) ?? 0;
  const base = { strategy, questionId, availableSeconds: available, minSeconds };
  switch (strategy) {
    case 'shorten': {
      // Equal shares of the time left, never longer than the engagement's speaking time, never below minSeconds.
      const share = Math.floor(available / waiting.length);
      const allowance = Math.min(state.settings.speakingSeconds, Math.max(share, minSeconds));
      return {
        ...base,
        allowanceSeconds: allowance,
        keptRequestIds: waiting.slice(),
        deferredRequestIds: [],
        fits: allowance * waiting.length <= available,
      };
    }
    case 'cap': {
      // The longest head of the list that fits; exactly the tail after it is deferred.
      let used = 0;
      let kept = 0;
      for (const id of waiting) {
        const allowance = state.requests[id]?.allowanceSeconds ?? 0;
        if (used + allowance > available) break;
        used += allowance;
        kept += 1;
      }
      return {
        ...base,
        allowanceSeconds: null,
        keptRequestIds: waiting.slice(0, kept),
        deferredRequestIds: waiting.slice(kept),
        fits: true,
      };
    }
    default:
      return assertNever(strategy);
  }
}
