import type { CommandOf } from '../commands.js';
import type { DecideContext } from '../context.js';
import { notFound, violation } from '../errors.js';
import type { EngagementEvent } from '../events.js';
import type { EngagementState } from '../state.js';
import { requireApprovedActor, requireCreated } from '../guards.js';

// The Chair's team's notes: on a speech, a question or the meeting; secretariat-only or public (NOTE-1..3).

export type NoteCommand = CommandOf<'note.add'>;

export function decideNote(state: EngagementState, command: NoteCommand, ctx: DecideContext): EngagementEvent[] {
  requireCreated(state);
  const by = requireApprovedActor(state, ctx);
  if (state.status === 'draft') throw violation('NOTE-1', 'Notes are taken once the engagement is open; it is still a draft.');
  if (command.requestId !== undefined && !state.requests[command.requestId]) {
    throw notFound('NOTE-2', `There is no floor request ${command.requestId} to attach this note to.`);
  }
  if (command.questionId !== undefined && !state.questions.some((q) => q.id === command.questionId)) {
    throw notFound('NOTE-2', `There is no guiding question ${command.questionId} to attach this note to.`);
  }
  return [
    {
      type: 'note.added',
      at: ctx.now,
      noteId: ctx.newId(),
      requestId: command.requestId ?? null,
      // NOTE-2: a note on a speech belongs to that speech's question.
      questionId: command.questionId ?? (command.requestId ? state.requests[command.requestId].questionId : null),
      text: command.text,
      visibility: command.visibility,
      byParticipantId: by.id,
    },
  ];
}
