import { notFound, violation } from '../errors.js';
import type { EngagementState } from '../state.js';
import type { ProcessCommandOf } from './commands.js';
import { memberOfUser, type ProcessState } from './state.js';

// PROPOSAL-12: staff file a proposal from the record of an engagement the process holds — an intervention
// with its note, a written input, a line of a breakout room's report — as a `proposal.putForward` draft the
// tab shows for editing before it is issued. Pure: it reads both aggregates' states and changes neither.

type Draft = ProcessCommandOf<'proposal.putForward'>;

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 5_000;

/** The first sentence (or line) of a text, cut to a title's length. */
function titleOf(text: string, fallback: string): string {
  const first =
    text
      .trim()
      .split(/(?<=[.!?])\s|\n/)[0]
      ?.trim() ?? '';
  const title = first === '' ? fallback : first;
  return title.length <= TITLE_MAX ? title : `${title.slice(0, TITLE_MAX - 1).trimEnd()}…`;
}

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

function requireLinked(process: ProcessState, engagement: EngagementState): void {
  if (!process.engagements[engagement.id])
    throw violation('PROPOSAL-1', `Engagement ${engagement.id} does not belong to this process: link it first.`);
}

/** "Guiding question 2", by the question's place in the engagement, or undefined. */
function questionRefOf(engagement: EngagementState, questionId: string | null): string | undefined {
  const index = engagement.questions.findIndex((q) => q.id === questionId);
  return index < 0 ? undefined : `Guiding question ${index + 1}`;
}

/** The process member who is this engagement participant (same sign-in), if a delegation or stakeholder. */
function proponentOf(process: ProcessState, engagement: EngagementState, participantId: string | null): string[] {
  const userId = participantId ? engagement.participants[participantId]?.userId : undefined;
  const member = userId ? memberOfUser(process, userId) : undefined;
  return member && (member.role === 'delegation' || member.role === 'stakeholder') ? [member.id] : [];
}

const themeOf = (engagement: EngagementState) => engagement.settings.theme ?? engagement.settings.title;

export function draftFromIntervention(process: ProcessState, engagement: EngagementState, requestId: string): Draft {
  requireLinked(process, engagement);
  const request = engagement.requests[requestId];
  if (!request || !engagement.interventions[requestId])
    throw notFound('PROPOSAL-12', `No intervention ${requestId} in engagement ${engagement.id}.`);
  // The staff's notes on the intervention say what was proposed; the request's own note is the fallback.
  const notes = engagement.notes.filter((n) => n.requestId === requestId).map((n) => n.text);
  const note = (notes.length > 0 ? notes.join('\n') : (request.note ?? '')).trim();
  return {
    type: 'proposal.putForward',
    source: { kind: 'intervention', engagementId: engagement.id, requestId, ...(note ? { note: cut(note, DESCRIPTION_MAX) } : {}) },
    title: titleOf(note, 'Proposal from the floor'),
    description: cut(note || 'Put forward from the floor.', DESCRIPTION_MAX),
    questionRef: questionRefOf(engagement, request.questionId),
    theme: cut(themeOf(engagement), TITLE_MAX),
    proponentIds: proponentOf(process, engagement, request.participantId),
  };
}

export function draftFromWrittenInput(process: ProcessState, engagement: EngagementState, inputId: string): Draft {
  requireLinked(process, engagement);
  const input = engagement.inputs[inputId];
  if (!input || input.withdrawnAt !== null) throw notFound('PROPOSAL-12', `No written input ${inputId} in engagement ${engagement.id}.`);
  return {
    type: 'proposal.putForward',
    source: { kind: 'written-input', engagementId: engagement.id, inputId },
    title: cut(input.title, TITLE_MAX),
    description: cut(input.text.trim() || input.title, DESCRIPTION_MAX),
    questionRef: questionRefOf(engagement, input.questionId),
    theme: cut(themeOf(engagement), TITLE_MAX),
    proponentIds: proponentOf(process, engagement, input.participantId),
  };
}

/** One line (`index`, 0-based) of a room's report; the rapporteur is not a proponent: the room spoke. */
export function draftFromBreakoutReport(
  process: ProcessState,
  engagement: EngagementState,
  roundId: string,
  roomId: string,
  index: number,
): Draft {
  requireLinked(process, engagement);
  const round = engagement.breakouts.rounds[roundId];
  const room = round?.rooms.find((r) => r.id === roomId);
  const report = round?.reports[roomId];
  const line = report?.proposals[index];
  if (!room || line === undefined) throw notFound('PROPOSAL-12', `No proposal ${index + 1} in the report of room ${roomId}.`);
  const step = report.implementation.length === 1 ? report.implementation[0] : undefined;
  return {
    type: 'proposal.putForward',
    source: { kind: 'breakout-report', engagementId: engagement.id, roundId, roomId, text: cut(line, 2_000) },
    title: titleOf(line, `Proposal from the room on ${room.theme}`),
    description: cut(line, DESCRIPTION_MAX),
    questionRef: questionRefOf(engagement, room.questionId),
    theme: cut(room.theme, TITLE_MAX),
    ...(step
      ? { implementation: { action: cut(step.what, 2_000), implementers: cut(step.who, 2_000), timeline: cut(step.when, 500) } }
      : {}),
    proponentIds: [],
  };
}
