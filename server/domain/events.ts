import type { BreakoutEvent } from './breakouts/events.js';
import type { SummaryEvent } from './summaryReview/events.js';
import type {
  Accreditation,
  AgendaKind,
  Category,
  NoteVisibility,
  OrderPolicy,
  Region,
  ReplanStrategy,
  Role,
  SummaryLanguage,
} from './vocabulary.js';

// STORED FOREVER. Every event ever appended must stay readable by `evolve`: add new event types or new
// optional fields; never rename, remove or change the meaning of a field. Events are past tense
// (`slice.verbed`). `at` is when the server recorded it (UTC ISO); `version` is assigned by the log.

export interface ParticipantProfile {
  displayName: string;
  organization: string;
  category: Category;
  region: Region | null;
  country: string | null;
  accreditation: Accreditation | null;
}

export interface ParticipantRecord extends ParticipantProfile {
  id: string;
  /** Who signed in (`dev:…`, `aad:<tid>:<oid>`, `inv:<invitationId>`). Staff and the person alone see it. */
  userId?: string;
  role: Role;
}

export interface AgendaItemRecord {
  id: string;
  kind: AgendaKind;
  title: string;
  plannedMinutes: number;
  questionId: string | null;
}

export interface QuestionRecord {
  id: string;
  text: string;
  context: string | null;
  plannedMinutes: number | null;
}

export interface EngagementSettings {
  title: string;
  theme: string | null;
  description: string | null;
  scheduledStart: string | null;
  plannedMinutes: number;
  speakingSeconds: number;
  timeZone: string;
  /** LIFE-7: the language of the Chair's summary; absent (engagements created before it existed) reads as English. */
  summaryLanguage?: SummaryLanguage;
}

export type DeferralReason = 'chair' | 'replan' | 'engagement-ended';

type E<T extends string, P> = { type: T; at: string } & P;

export type EngagementEvent =
  // engagement
  | E<'engagement.created', { engagementId: string; settings: EngagementSettings; chair: ParticipantRecord }>
  | E<'engagement.updated', { changes: Partial<EngagementSettings> }>
  | E<'engagement.opened', {}>
  | E<'engagement.started', {}>
  | E<'engagement.ended', {}>
  // agenda
  | E<'agenda.added', { item: AgendaItemRecord; position: number }>
  | E<'agenda.updated', { itemId: string; changes: Partial<Omit<AgendaItemRecord, 'id' | 'kind'>> }>
  | E<'agenda.removed', { itemId: string }>
  | E<'agenda.moved', { itemId: string; position: number }>
  /** Records the item's actual start, and the end of the item that was running (if any). */
  | E<'agenda.begun', { itemId: string; previousItemId: string | null }>
  // guiding questions
  | E<'question.added', { question: QuestionRecord; position: number }>
  | E<'question.updated', { questionId: string; changes: Partial<Omit<QuestionRecord, 'id'>> }>
  | E<'question.removed', { questionId: string }>
  | E<'question.moved', { questionId: string; position: number }>
  | E<'question.opened', { questionId: string }>
  | E<'question.closed', { questionId: string }>
  // participants
  | E<'participant.registered', { participant: ParticipantRecord }>
  /** Carries the profile (and, since v1, when they registered) so that viewers who never saw the
   * registration can add the participant. */
  | E<'participant.approved', { participantId: string; role: Role; profile: ParticipantProfile; registeredAt?: string }>
  | E<'participant.declined', { participantId: string; reason: string | null }>
  | E<'participant.roleChanged', { participantId: string; role: Role }>
  | E<'participant.objected', { objectionId: string; participantId: string; byParticipantId: string; reason: string }>
  // invitations
  | E<
      'invitation.created',
      {
        invitationId: string;
        role: Role;
        codeHash: string;
        expiresAt: string;
        profile: Partial<ParticipantProfile>;
      }
    >
  | E<'invitation.revoked', { invitationId: string }>
  /** The holder of the code became a participant, approved, with the invitation's role. */
  | E<'invitation.redeemed', { invitationId: string; participant: ParticipantRecord }>
  // the floor
  | E<
      'floor.requested',
      { requestId: string; questionId: string; participantId: string; note: string | null; allowanceSeconds: number; position: number }
    >
  | E<'floor.withdrawn', { requestId: string }>
  | E<'floor.given', { requestId: string; allowanceSeconds: number; deadline: string }>
  | E<'floor.paused', { requestId: string }>
  | E<'floor.resumed', { requestId: string; deadline: string; pausedSeconds: number }>
  | E<'floor.extended', { requestId: string; seconds: number; deadline: string }>
  | E<'floor.ended', { requestId: string; spokeSeconds: number; overrunSeconds: number }>
  | E<'floor.skipped', { requestId: string; reason: string | null }>
  | E<'floor.moved', { requestId: string; position: number }>
  | E<'floor.deferred', { requestId: string; reason: DeferralReason }>
  /** The new policy and, per question, the waiting order it produced. */
  | E<'floor.policyChanged', { order: OrderPolicy; waiting: Record<string, string[]> }>
  /** The deadline passed while the speaker still had the floor; `dueAt` is when it fell due. */
  | E<'floor.overran', { requestId: string; dueAt: string }>
  /** TIME-10 (added later, additive): the speaking time changed, and these waiting requests take it as their allowance. */
  | E<'floor.allowancesChanged', { requestIds: string[]; allowanceSeconds: number }>
  // time
  | E<'time.hardStopSet', { hardStop: string | null }>
  | E<
      'time.replanned',
      {
        strategy: ReplanStrategy;
        questionId: string;
        minSeconds: number;
        availableSeconds: number;
        /** shorten: the new allowance of every waiting request; cap: unchanged (null). */
        allowanceSeconds: number | null;
        keptRequestIds: string[];
        deferredRequestIds: string[];
      }
    >
  // notes and written inputs
  | E<
      'note.added',
      {
        noteId: string;
        requestId: string | null;
        questionId: string | null;
        text: string;
        visibility: NoteVisibility;
        byParticipantId: string;
      }
    >
  | E<
      'input.submitted',
      {
        inputId: string;
        participantId: string;
        questionId: string | null;
        title: string;
        text: string;
        attachmentIds: string[];
        /** The deferred request this input answers (DEFER-2). */
        requestId: string | null;
      }
    >
  | E<'input.withdrawn', { inputId: string }>
  // timed thematic breakout rounds (breakouts/events.ts)
  | BreakoutEvent
  // the Chair's summary cycle (summaryReview/events.ts)
  | SummaryEvent;

export type EventType = EngagementEvent['type'];
export type EventOf<T extends EventType> = Extract<EngagementEvent, { type: T }>;

/** An event as the log holds it: numbered per engagement, 1, 2, 3, … without gaps. */
export type StoredEvent = EngagementEvent & { version: number };

/** Compile-time exhaustiveness for every `switch` on a type (docs/architecture.md style 4). */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
