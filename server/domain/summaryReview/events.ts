import type { CorrectionDecision } from './commands.js';

// STORED FOREVER. Every summary event ever appended must stay readable by `evolveSummary`: add new event
// types or new optional fields; never rename, remove or change the meaning of a field. Past tense
// (`summary.<verbed>`). `at` is when the server recorded it. The lead adds `SummaryEvent` to the
// `EngagementEvent` union in events.ts. A published summary's number is `summaryVersion`, never `version`,
// which the log uses for the engagement's own event number (StoredEvent).

type E<T extends string, P> = { type: T; at: string } & P;

export type SummaryEvent =
  /** SUMMARY-1: `text` replaces the generated paragraph; an empty `text` restores the generated one. */
  | E<'summary.paragraphEdited', { paragraphKey: string; text: string; byParticipantId: string | null }>
  /** SUMMARY-3: `reviewerIds` are the stakeholders who had spoken by then; every approved delegation also reviews. */
  | E<'summary.circulated', { reviewUntil: string; reviewerIds: string[]; byParticipantId: string | null }>
  | E<
      'summary.correctionRequested',
      { correctionId: string; participantId: string; paragraphKey: string | null; requestId: string | null; text: string }
    >
  /** `participantId` is the requester, so that the event alone says who may see it (SUMMARY-VIEW-3). */
  | E<
      'summary.correctionResolved',
      { correctionId: string; participantId: string; decision: CorrectionDecision; reply: string; byParticipantId: string | null }
    >
  /**
   * SUMMARY-8, SUMMARY-9: version `summaryVersion` of the summary, as canonical JSON (`content`) and its
   * sha256 (`contentHash`, hex). Never changed, never removed: the next publication is the next version.
   */
  | E<'summary.published', { summaryVersion: number; contentHash: string; content: string; byParticipantId: string | null }>;

export type SummaryEventType = SummaryEvent['type'];

export const SUMMARY_EVENT_TYPES: readonly SummaryEventType[] = [
  'summary.paragraphEdited',
  'summary.circulated',
  'summary.correctionRequested',
  'summary.correctionResolved',
  'summary.published',
];
export const isSummaryEvent = (event: { type: string }): event is SummaryEvent =>
  (SUMMARY_EVENT_TYPES as readonly string[]).includes(event.type);
