// The checks of a process command that read another aggregate (docs/processes.md): the write path runs them
// before the command is queued, on the engagements as they are in memory. What they check only ever comes
// into existence (a floor request, a written input, a room's report, a stored attachment, a staff role), so a
// check that passed still holds when the command commits. Each refusal names its rule.
import type { Actor } from '../domain/context.js';
import { forbidden, notFound, violation } from '../domain/errors.js';
import type { ProcessCommand } from '../domain/process/commands.js';
import { memberOfUser, type ProcessState } from '../domain/process/state.js';
import { participantOfUser } from '../domain/participant/index.js';
import type { EngagementState } from '../domain/state.js';
import { isStaffRole } from '../domain/vocabulary.js';

export interface CrossCheckDeps {
  /** An engagement's state as the engagement service holds it, or undefined. */
  engagementState(engagementId: string): EngagementState | undefined;
  /** Whether the process's attachment store holds this file (uploaded through the process, checked as written inputs' are). */
  attachmentExists(processId: string, attachmentId: string): Promise<boolean>;
}

const userIdOf = (actor: Actor): string | null => (actor.kind === 'user' ? actor.userId : null);

/** The engagement a proposal names, or PROPOSAL-1. */
function engagementOf(deps: CrossCheckDeps, engagementId: string): EngagementState {
  const engagement = deps.engagementState(engagementId);
  if (!engagement) throw violation('PROPOSAL-1', `There is no engagement ${engagementId} to have heard this proposal in.`);
  return engagement;
}

/** PROCESS-6 (link): the engagement exists and the person linking it is on its staff, so the process's staff are staff of its engagements. */
export function checkLink(deps: CrossCheckDeps, actor: Actor, engagementId: string): EngagementState {
  const engagement = deps.engagementState(engagementId);
  if (!engagement) throw notFound('PROCESS-6', `There is no engagement ${engagementId}.`);
  const userId = userIdOf(actor);
  const me = userId ? participantOfUser(engagement.participants, userId) : undefined;
  if (me?.status !== 'approved' || !isStaffRole(me.role)) {
    throw forbidden('PROCESS-6', 'Only the Chair or the secretariat of an engagement links it to a process.');
  }
  return engagement;
}

/** PROPOSAL-1: what a proposal says it was heard in exists in that engagement; PROPOSAL-2: a participant's written input is its own. */
function checkSource(
  deps: CrossCheckDeps,
  process: ProcessState,
  actor: Actor,
  command: Extract<ProcessCommand, { type: 'proposal.putForward' }>,
) {
  const source = command.source;
  if (source.kind === 'manual') return;
  // Not linked: decide refuses it with PROPOSAL-1 in the process's own words.
  if (!process.engagements[source.engagementId]) return;
  const engagement = engagementOf(deps, source.engagementId);
  switch (source.kind) {
    case 'intervention':
      if (!engagement.requests[source.requestId] || !engagement.interventions[source.requestId]) {
        throw violation('PROPOSAL-1', `Engagement ${engagement.id} heard no intervention ${source.requestId}.`);
      }
      return;
    case 'written-input': {
      const input = engagement.inputs[source.inputId];
      if (!input || input.withdrawnAt !== null)
        throw violation('PROPOSAL-1', `Engagement ${engagement.id} holds no written input ${source.inputId}.`);
      const userId = userIdOf(actor);
      const member = userId ? memberOfUser(process, userId) : undefined;
      if (member && !isStaffRole(member.role)) {
        const author = input.participantId ? engagement.participants[input.participantId] : undefined;
        if (author?.userId !== userId) throw forbidden('PROPOSAL-2', 'You put forward proposals from your own written input only.');
      }
      return;
    }
    case 'breakout-report': {
      const round = engagement.breakouts.rounds[source.roundId];
      if (!round?.rooms.some((r) => r.id === source.roomId) || !round.reports[source.roomId]) {
        throw violation('PROPOSAL-1', `Room ${source.roomId} of round ${source.roundId} has no report in engagement ${engagement.id}.`);
      }
      return;
    }
  }
}

/** Runs the command's checks across aggregates; rejects with a DomainError naming the rule, or resolves. */
export async function checkAcrossAggregates(
  deps: CrossCheckDeps,
  process: ProcessState,
  actor: Actor,
  command: ProcessCommand,
): Promise<void> {
  switch (command.type) {
    case 'process.linkEngagement':
      checkLink(deps, actor, command.engagementId);
      return;
    case 'proposal.putForward':
      checkSource(deps, process, actor, command);
      return;
    case 'paper.submit':
    case 'paper.revise':
      // PAPER-1: the paper is a file that passed the written inputs' checks, uploaded to this process.
      if (!(await deps.attachmentExists(process.id, command.attachmentId))) {
        throw violation(
          'PAPER-1',
          `Attachment ${command.attachmentId} was not uploaded to this process: upload the paper first (POST /api/processes/${process.id}/attachments).`,
        );
      }
      return;
    default:
      return;
  }
}
