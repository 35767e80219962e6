import { assertNever, type EventOf } from '../events.js';
import { put } from '../foldOwnership.js';
import type { EngagementState } from '../state.js';

export type InputEvent = EventOf<'input.submitted' | 'input.withdrawn'>;

export function evolveInput(state: EngagementState, event: InputEvent): EngagementState {
  switch (event.type) {
    case 'input.submitted': {
      const inputs = put(state.inputs, event.inputId, {
        id: event.inputId,
        participantId: event.participantId,
        questionId: event.questionId,
        title: event.title,
        text: event.text,
        attachmentIds: [...event.attachmentIds],
        requestId: event.requestId,
        submittedAt: event.at,
        withdrawnAt: null,
      });
      // DEFER-2: the input fulfils the deferred request it answers.
      const request = event.requestId ? state.requests[event.requestId] : undefined;
      const requests = request ? put(state.requests, request.id, { ...request, fulfilledByInputId: event.inputId }) : state.requests;
      return { ...state, inputs, requests };
    }
    case 'input.withdrawn': {
      const input = state.inputs[event.inputId];
      if (!input) return state;
      const request = input.requestId ? state.requests[input.requestId] : undefined;
      const requests =
        request && request.fulfilledByInputId === input.id
          ? put(state.requests, request.id, { ...request, fulfilledByInputId: null })
          : state.requests;
      return { ...state, inputs: put(state.inputs, input.id, { ...input, withdrawnAt: event.at }), requests };
    }
    default:
      return assertNever(event);
  }
}
