import type { CommandOf } from '../commands.js';
import type { DecideContext } from '../context.js';
import { forbidden, notFound, violation } from '../errors.js';
import { assertNever, type EngagementEvent } from '../events.js';
import type { EngagementState } from '../state.js';
import { requireApprovedActor, requireCreated } from '../guards.js';
import { inputQuotaOf, inputsLeft } from './inputQuota.js';

// Written inputs: statements and concept papers tied to a question; the answer to a deferral (DEFER-2).

export type InputCommand = CommandOf<'input.submit' | 'input.withdraw'>;

export function decideInput(state: EngagementState, command: InputCommand, ctx: DecideContext): EngagementEvent[] {
  requireCreated(state);
  const at = ctx.now;
  const author = requireApprovedActor(state, ctx);
  switch (command.type) {
    case 'input.submit': {
      if (author.role === 'observer') throw forbidden('AUTH-1', 'Observers follow the engagement but do not submit written input.');
      // INPUT-1: inputs come in once questions are published, and after the meeting too (deferred speakers).
      if (state.status === 'draft') throw violation('INPUT-1', 'Written input opens when the engagement is open; it is still a draft.');
      // LIMIT-3: one participant cannot bury the written record.
      const quota = inputQuotaOf(author, ctx.limits);
      if (inputsLeft(state, author.id, quota) === 0) {
        throw violation(
          'LIMIT-3',
          `You have submitted the ${quota} written inputs one participant may submit in this engagement. Withdrawn inputs count too; ask the secretariat if you must add more.`,
        );
      }
      let questionId = command.questionId ?? null;
      if (questionId !== null && !state.questions.some((q) => q.id === questionId)) {
        throw notFound('INPUT-2', `There is no guiding question ${questionId}. Pick one of the engagement's questions, or none.`);
      }
      let requestId: string | null = null;
      if (command.requestId !== undefined) {
        const request = state.requests[command.requestId];
        // DEFER-2: only your own deferred request, once, can be answered in writing.
        if (!request || request.participantId !== author.id) {
          throw violation(
            'DEFER-2',
            'A written input can answer only your own deferred floor request. Leave out requestId to submit a general input.',
          );
        }
        if (request.status !== 'deferred') {
          throw violation('DEFER-2', 'This floor request was not deferred, so there is nothing to answer in writing. Leave out requestId.');
        }
        if (request.fulfilledByInputId !== null && state.inputs[request.fulfilledByInputId]?.withdrawnAt === null) {
          throw violation('DEFER-2', 'You already answered this deferred request in writing. Withdraw that input first to replace it.');
        }
        if (questionId !== null && questionId !== request.questionId) {
          throw violation(
            'INPUT-2',
            "The input answers a deferred request on another question. Leave out questionId, or use the request's question.",
          );
        }
        requestId = request.id;
        questionId = request.questionId;
      }
      return [
        {
          type: 'input.submitted',
          at,
          inputId: ctx.newId(),
          participantId: author.id,
          questionId,
          title: command.title,
          text: command.text,
          attachmentIds: command.attachmentIds ?? [],
          requestId,
        },
      ];
    }
    case 'input.withdraw': {
      const input = state.inputs[command.inputId];
      if (!input) throw notFound('INPUT-3', `There is no written input ${command.inputId}.`);
      if (input.participantId !== author.id) throw forbidden('AUTH-2', 'Only the author of a written input can withdraw it.');
      if (input.withdrawnAt !== null) throw violation('INPUT-3', 'This input is already withdrawn.');
      return [{ type: 'input.withdrawn', at, inputId: input.id }];
    }
    default:
      return assertNever(command);
  }
}
