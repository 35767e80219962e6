import { assertNever, type EngagementEvent } from '../events.js';
import type { EngagementState, FloorRequest, Intervention } from '../state.js';
import { put } from '../foldOwnership.js';
import { secondsBetween } from './instants.js';

/** Every event of the floor and the clock; `evolve` hands these to `evolveFloor`. */
export type FloorOrTimeEvent = Extract<EngagementEvent, { type: `floor.${string}` | `time.${string}` }>;

// Folding is mechanical: `decide` computed every position, deadline and duration, so replaying the log
// (server, tab, a restart) gives the same state. Unknown ids are ignored rather than thrown on, so that a
// role's redacted stream can never break a client's fold. Returns a new state; the input is not mutated
// (records are written through `put`, which copies them except inside a fold that created them).

function withRequest(state: EngagementState, requestId: string, change: Partial<FloorRequest>): EngagementState {
  const request = state.requests[requestId];
  if (!request) return state;
  return { ...state, requests: put(state.requests, requestId, { ...request, ...change }) };
}

function withIntervention(state: EngagementState, requestId: string, change: (i: Intervention) => Partial<Intervention>): EngagementState {
  const intervention = state.interventions[requestId];
  if (!intervention) return state;
  return { ...state, interventions: put(state.interventions, requestId, { ...intervention, ...change(intervention) }) };
}

/** Takes `requestId` out of whichever waiting list holds it. */
function unlist(state: EngagementState, requestId: string): EngagementState {
  const questionId = state.requests[requestId]?.questionId;
  const list = questionId === undefined ? undefined : state.waiting[questionId];
  if (questionId === undefined || !list || !list.includes(requestId)) return state;
  return {
    ...state,
    waiting: put(
      state.waiting,
      questionId,
      list.filter((id) => id !== requestId),
    ),
  };
}

function insertAt(list: readonly string[], id: string, position: number): string[] {
  const copy = list.filter((x) => x !== id);
  copy.splice(Math.max(0, Math.min(position, copy.length)), 0, id);
  return copy;
}

export function evolveFloor(state: EngagementState, event: FloorOrTimeEvent): EngagementState {
  switch (event.type) {
    case 'floor.requested': {
      const request: FloorRequest = {
        id: event.requestId,
        questionId: event.questionId,
        participantId: event.participantId,
        note: event.note,
        requestedAt: event.at,
        status: 'waiting',
        allowanceSeconds: event.allowanceSeconds,
        skipReason: null,
        deferredAt: null,
        deferralReason: null,
        fulfilledByInputId: null,
      };
      const list = state.waiting[event.questionId] ?? [];
      return {
        ...state,
        requests: put(state.requests, request.id, request),
        waiting: put(state.waiting, event.questionId, insertAt(list, request.id, event.position)),
      };
    }
    case 'floor.withdrawn':
      return withRequest(unlist(state, event.requestId), event.requestId, { status: 'withdrawn' });
    case 'floor.given': {
      const request = state.requests[event.requestId];
      if (!request) return state;
      const intervention: Intervention = {
        requestId: request.id,
        questionId: request.questionId,
        participantId: request.participantId,
        allowanceSeconds: event.allowanceSeconds,
        startedAt: event.at,
        deadline: event.deadline,
        pausedAt: null,
        pausedSeconds: 0,
        extendedSeconds: 0,
        overranAt: null,
        endedAt: null,
        spokeSeconds: null,
        overrunSeconds: null,
      };
      const next = withRequest(unlist(state, request.id), request.id, { status: 'speaking', allowanceSeconds: event.allowanceSeconds });
      return { ...next, currentRequestId: request.id, interventions: put(next.interventions, request.id, intervention) };
    }
    case 'floor.paused':
      return withIntervention(state, event.requestId, () => ({ pausedAt: event.at }));
    case 'floor.resumed':
      // `pausedSeconds` is the intervention's total paused time after this resume (FLOOR-11).
      return withIntervention(state, event.requestId, () => ({
        pausedAt: null,
        deadline: event.deadline,
        pausedSeconds: event.pausedSeconds,
      }));
    case 'floor.extended':
      return withIntervention(state, event.requestId, (i) => ({
        deadline: event.deadline,
        extendedSeconds: i.extendedSeconds + event.seconds,
      }));
    case 'floor.ended': {
      const next = withIntervention(state, event.requestId, (i) => ({
        // A pause still open at the end counts as paused time (FLOOR-12).
        pausedSeconds: i.pausedSeconds + (i.pausedAt ? Math.max(0, secondsBetween(i.pausedAt, event.at)) : 0),
        pausedAt: null,
        endedAt: event.at,
        spokeSeconds: event.spokeSeconds,
        overrunSeconds: event.overrunSeconds,
      }));
      const heard = withRequest(next, event.requestId, { status: 'heard' });
      return heard.currentRequestId === event.requestId ? { ...heard, currentRequestId: null } : heard;
    }
    case 'floor.skipped':
      return withRequest(unlist(state, event.requestId), event.requestId, { status: 'skipped', skipReason: event.reason });
    case 'floor.moved': {
      const questionId = state.requests[event.requestId]?.questionId;
      const list = questionId === undefined ? undefined : state.waiting[questionId];
      if (questionId === undefined || !list || !list.includes(event.requestId)) return state;
      return { ...state, waiting: put(state.waiting, questionId, insertAt(list, event.requestId, event.position)) };
    }
    case 'floor.deferred':
      return withRequest(unlist(state, event.requestId), event.requestId, {
        status: 'deferred',
        deferredAt: event.at,
        deferralReason: event.reason,
      });
    case 'floor.policyChanged':
      return { ...state, policy: event.order, waiting: { ...state.waiting, ...event.waiting } };
    case 'floor.overran':
      return withIntervention(state, event.requestId, () => ({ overranAt: event.dueAt }));
    case 'floor.allowancesChanged': {
      // TIME-10: only requests still waiting take the new speaking time (a given floor keeps its allowance).
      let next = state;
      for (const id of event.requestIds) {
        if (next.requests[id]?.status === 'waiting') next = withRequest(next, id, { allowanceSeconds: event.allowanceSeconds });
      }
      return next;
    }
    case 'time.hardStopSet':
      return { ...state, hardStop: event.hardStop };
    case 'time.replanned': {
      const previous = state.lastReplan;
      // TIME-7: a shortened allowance stays in force for the question, also through a later cap on it.
      const inForce = event.allowanceSeconds ?? (previous && previous.questionId === event.questionId ? previous.allowanceSeconds : null);
      let next: EngagementState = {
        ...state,
        lastReplan: {
          at: event.at,
          strategy: event.strategy,
          questionId: event.questionId,
          allowanceSeconds: inForce,
          deferredRequestIds: event.deferredRequestIds,
        },
      };
      if (event.allowanceSeconds !== null) {
        for (const id of event.keptRequestIds) {
          if (next.requests[id]?.status === 'waiting') next = withRequest(next, id, { allowanceSeconds: event.allowanceSeconds });
        }
      }
      return next;
    }
    default:
      return assertNever(event);
  }
}
