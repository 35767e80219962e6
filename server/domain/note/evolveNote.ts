import type { EventOf } from '../events.js';
import { append } from '../foldOwnership.js';
import type { EngagementState } from '../state.js';

export type NoteEvent = EventOf<'note.added'>;

export function evolveNote(state: EngagementState, event: NoteEvent): EngagementState {
  return {
    ...state,
    notes: append(state.notes, {
      id: event.noteId,
      requestId: event.requestId,
      questionId: event.questionId,
      text: event.text,
      visibility: event.visibility,
      byParticipantId: event.byParticipantId,
      at: event.at,
    }),
  };
}
