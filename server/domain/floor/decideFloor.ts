import type { Command, CommandOf } from '../commands.js';
import type { DecideContext } from '../context.js';
import { forbidden, notFound, violation } from '../errors.js';
import { assertNever, type EngagementEvent } from '../events.js';
import { participantOfActor } from '../guards.js';
import type { EngagementState, FloorRequest, Intervention } from '../state.js';
import { floorEndedEvent, mayAskForTheFloor } from './floorClosing.js';
import { addSeconds, ms, secondsBetween } from './instants.js';
import { insertionPosition, reorderByPolicy } from './speakersOrder.js';
import { allowanceInForce, DEFAULT_MIN_SECONDS, previewReplan } from './timeBudget.js';

/** Every command of the floor and the clock; `decide` hands these to `decideFloor`. */
export type FloorOrTimeCommand = Extract<Command, { type: `floor.${string}` | `time.${string}` }>;

/** The floor slice's own commands, as `isFloorEvent` names its events: `decide` routes both the same way. */
export const isFloorCommand = (command: Command): command is FloorOrTimeCommand =>
  command.type.startsWith('floor.') || command.type.startsWith('time.');

// The rules of the speakers list and the clock (SPEC.md). Who may issue a command is checked before
// (policies.ts); what depends on the actor relative to the data (asking for oneself, withdrawing one's own
// request) is checked here. Returns the events, or throws a DomainError naming the rule; never half-applies.

export function decideFloor(state: EngagementState, command: FloorOrTimeCommand, ctx: DecideContext): EngagementEvent[] {
  const at = ctx.now;
  if (state.status === 'ended') {
    throw violation(
      'FLOOR-15',
      'The engagement has ended, so its speakers list and clock are closed. Written input can still be submitted.',
    );
  }
  switch (command.type) {
    case 'floor.request':
      return requestTheFloor(state, command, ctx);
    case 'floor.withdraw': {
      const request = requireRequest(state, command.requestId, 'FLOOR-9');
      const me = actorParticipant(state, ctx);
      if (!me || me.id !== request.participantId) {
        throw forbidden('FLOOR-9', 'You can withdraw only your own request to speak. The Chair can skip a request instead.');
      }
      requireWaiting(request, 'FLOOR-9', 'withdrawn');
      return [{ type: 'floor.withdrawn', at, requestId: request.id }];
    }
    case 'floor.give':
      return giveTheFloor(state, command, ctx);
    case 'floor.pause': {
      const current = requireCurrent(state);
      if (current.pausedAt !== null) throw violation('FLOOR-11', 'The speaker’s time is already paused. Resume it instead.');
      return [{ type: 'floor.paused', at, requestId: current.requestId }];
    }
    case 'floor.resume': {
      const current = requireCurrent(state);
      if (current.pausedAt === null) throw violation('FLOOR-11', 'The speaker’s time is running, not paused; there is nothing to resume.');
      const paused = Math.max(0, secondsBetween(current.pausedAt, at));
      return [
        {
          type: 'floor.resumed',
          at,
          requestId: current.requestId,
          deadline: addSeconds(current.deadline, paused),
          pausedSeconds: current.pausedSeconds + paused,
        },
      ];
    }
    case 'floor.extend': {
      const current = requireCurrent(state);
      return [
        {
          type: 'floor.extended',
          at,
          requestId: current.requestId,
          seconds: command.seconds,
          deadline: addSeconds(current.deadline, command.seconds),
        },
      ];
    }
    case 'floor.end':
      return [floorEndedEvent(requireCurrent(state), at)];
    case 'floor.skip': {
      const request = requireRequest(state, command.requestId, 'FLOOR-13');
      requireWaiting(request, 'FLOOR-13', 'skipped');
      return [{ type: 'floor.skipped', at, requestId: request.id, reason: command.reason ? command.reason : null }];
    }
    case 'floor.move': {
      const request = requireRequest(state, command.requestId, 'FLOOR-13');
      requireWaiting(request, 'FLOOR-13', 'moved');
      const length = (state.waiting[request.questionId] ?? []).length;
      // FLOOR-8: positions beyond the list mean "last".
      const position = Math.max(0, Math.min(command.position, length - 1));
      return [{ type: 'floor.moved', at, requestId: request.id, position }];
    }
    case 'floor.defer': {
      const request = requireRequest(state, command.requestId, 'DEFER-1');
      requireWaiting(request, 'DEFER-1', 'deferred');
      return [{ type: 'floor.deferred', at, requestId: request.id, reason: 'chair' }];
    }
    case 'floor.policy':
      return [{ type: 'floor.policyChanged', at, order: command.order, waiting: reorderByPolicy(state, command.order) }];
    case 'floor.recordOverrun':
      return recordOverrun(state, command, ctx);
    case 'time.setHardStop': {
      if (command.at !== null && ms(command.at) <= ms(at)) {
        throw violation('TIME-1', 'A hard stop must lie in the future. Choose a later time, or clear it.');
      }
      return [{ type: 'time.hardStopSet', at, hardStop: command.at === null ? null : addSeconds(command.at, 0) }];
    }
    case 'time.replan':
      return replan(state, command, ctx);
    default:
      return assertNever(command);
  }
}

/** FLOOR-1, FLOOR-3, FLOOR-4: an approved stakeholder or delegation asks for the floor on the open question. */
function requestTheFloor(state: EngagementState, command: CommandOf<'floor.request'>, ctx: DecideContext): EngagementEvent[] {
  const at = ctx.now;
  if (state.status !== 'open' && state.status !== 'live') {
    throw violation('FLOOR-1', 'The speakers list opens when the engagement is opened. Ask for the floor once it is open or live.');
  }
  const question = state.questions.find((q) => q.id === command.questionId);
  if (!question) throw notFound('FLOOR-1', `There is no guiding question ${command.questionId} in this engagement.`);
  if (question.status !== 'open' || state.openQuestionId !== question.id) {
    throw violation('FLOOR-1', 'This question is not open for the floor. Ask for the floor on the question the Chair has opened.');
  }
  const me = actorParticipant(state, ctx);
  if (!me || me.status !== 'approved' || !mayAskForTheFloor(me.role)) {
    throw forbidden('FLOOR-3', 'Only approved stakeholders and delegations can ask for the floor, for themselves.');
  }
  const live = Object.values(state.requests).find(
    (r) => r.participantId === me.id && r.questionId === question.id && (r.status === 'waiting' || r.status === 'speaking'),
  );
  if (live?.status === 'speaking')
    throw violation('FLOOR-4', 'You have the floor on this question now; ask again after your intervention.');
  if (live) throw violation('FLOOR-4', 'You are already on the speakers list for this question. Withdraw that request first to ask again.');
  return [
    {
      type: 'floor.requested',
      at,
      requestId: ctx.newId(),
      questionId: question.id,
      participantId: me.id,
      note: command.note ? command.note : null,
      allowanceSeconds: allowanceInForce(state, question.id),
      position: insertionPosition(state, question.id, { participantId: me.id }),
    },
  ];
}

/** FLOOR-2, FLOOR-10: the floor goes to the head of the open question's list, or to the request named. */
function giveTheFloor(state: EngagementState, command: CommandOf<'floor.give'>, ctx: DecideContext): EngagementEvent[] {
  const at = ctx.now;
  if (state.status !== 'live') {
    throw violation('FLOOR-10', 'The floor can be given only while the engagement is live. Start the engagement first.');
  }
  if (state.currentRequestId !== null) {
    throw violation('FLOOR-2', 'Someone has the floor. End the current intervention before giving the floor to the next speaker.');
  }
  const questionId = state.openQuestionId;
  if (questionId === null) throw violation('FLOOR-10', 'No question is open. Open a guiding question to give the floor on it.');
  let request: FloorRequest;
  if (command.requestId === undefined) {
    const head = (state.waiting[questionId] ?? [])[0];
    if (head === undefined) throw violation('FLOOR-10', 'Nobody is waiting to speak on the open question.');
    request = requireRequest(state, head, 'FLOOR-10');
  } else {
    request = requireRequest(state, command.requestId, 'FLOOR-10');
    requireWaiting(request, 'FLOOR-10', 'given the floor');
    if (request.questionId !== questionId) {
      throw violation('FLOOR-10', 'This request is on a question that is not open. Give the floor only on the open question.');
    }
  }
  return [
    {
      type: 'floor.given',
      at,
      requestId: request.id,
      allowanceSeconds: request.allowanceSeconds,
      deadline: addSeconds(at, request.allowanceSeconds),
    },
  ];
}

/** FLOOR-14: an overrun is recorded once, when the running speaker's time has really run out. */
function recordOverrun(state: EngagementState, command: CommandOf<'floor.recordOverrun'>, ctx: DecideContext): EngagementEvent[] {
  const at = ctx.now;
  const current = state.currentRequestId === null ? undefined : state.interventions[state.currentRequestId];
  if (!current || current.requestId !== command.requestId || current.endedAt !== null) {
    throw violation('FLOOR-14', 'This intervention no longer has the floor; there is no overrun to record.');
  }
  if (current.overranAt !== null) throw violation('FLOOR-14', 'This overrun is already recorded; it is recorded exactly once.');
  if (current.pausedAt !== null) throw violation('FLOOR-14', 'The speaker’s time is paused, so it cannot run over now.');
  if (ms(current.deadline) > ms(at)) throw violation('FLOOR-14', 'The speaker’s time has not run out yet (it was paused or extended).');
  return [{ type: 'floor.overran', at, requestId: current.requestId, dueAt: current.deadline }];
}

/** TIME-2..7: the re-plan (the same function as its preview), and the deferral of the requests it does not keep. */
function replan(state: EngagementState, command: CommandOf<'time.replan'>, ctx: DecideContext): EngagementEvent[] {
  const at = ctx.now;
  const minSeconds = command.minSeconds ?? DEFAULT_MIN_SECONDS;
  const plan = previewReplan(state, at, command.strategy, minSeconds, command.questionId ?? state.openQuestionId);
  const events: EngagementEvent[] = [
    {
      type: 'time.replanned',
      at,
      strategy: plan.strategy,
      questionId: plan.questionId,
      minSeconds: plan.minSeconds,
      availableSeconds: plan.availableSeconds,
      allowanceSeconds: plan.allowanceSeconds,
      keptRequestIds: plan.keptRequestIds,
      deferredRequestIds: plan.deferredRequestIds,
    },
  ];
  for (const requestId of plan.deferredRequestIds) events.push({ type: 'floor.deferred', at, requestId, reason: 'replan' });
  return events;
}

/** The actor's own participant record: the one whose `userId` is the signed-in user's. */
const actorParticipant = (state: EngagementState, ctx: DecideContext) => participantOfActor(state, ctx.actor);

function requireRequest(state: EngagementState, requestId: string, rule: string): FloorRequest {
  const request = state.requests[requestId];
  if (!request) throw notFound(rule, `There is no request to speak ${requestId} in this engagement.`);
  return request;
}

const STATUS_WORDS: Record<FloorRequest['status'], string> = {
  waiting: 'is waiting',
  speaking: 'has the floor',
  heard: 'has already been heard',
  withdrawn: 'was withdrawn',
  skipped: 'was skipped',
  deferred: 'was deferred to written input',
};

function requireWaiting(request: FloorRequest, rule: string, verb: string): void {
  if (request.status !== 'waiting') {
    throw violation(rule, `Only a waiting request can be ${verb}; this one ${STATUS_WORDS[request.status]}.`);
  }
}

function requireCurrent(state: EngagementState): Intervention {
  const current = state.currentRequestId === null ? undefined : state.interventions[state.currentRequestId];
  if (!current || current.endedAt !== null) throw violation('FLOOR-11', 'Nobody has the floor. Give the floor to a speaker first.');
  return current;
}
