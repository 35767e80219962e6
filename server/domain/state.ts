import { emptyBreakouts, type BreakoutsState } from './breakouts/state.js';
import { emptySummaryReview, type SummaryReviewState } from './summaryReview/state.js';
import type { AgendaItemRecord, DeferralReason, EngagementSettings, ParticipantRecord, QuestionRecord } from './events.js';
import type { EngagementStatus, OrderPolicy, ParticipantStatus, QuestionStatus, RequestStatus, Role } from './vocabulary.js';

// The state of one engagement, folded from its events by `evolve`. Plain JSON (records keyed by id plus
// explicit order arrays), so the same value is the server's state, a role's projected view, a snapshot
// on the wire, and what the tab folds changes into. It is also stored as a snapshot to shorten start-up:
// bump STATE_SCHEMA_VERSION (stateSchemaVersion.ts) when the state shape or evolve's meaning changes.

export interface AgendaItem extends AgendaItemRecord {
  startedAt: string | null;
  endedAt: string | null;
}

export interface Question extends QuestionRecord {
  status: QuestionStatus;
  openedAt: string | null;
  closedAt: string | null;
}

export interface Participant extends ParticipantRecord {
  status: ParticipantStatus;
  registeredAt: string;
  decidedAt: string | null;
  /** Staff and the participant alone see it (VIEW-3). */
  declineReason?: string | null;
  invitationId: string | null;
}

export interface Objection {
  id: string;
  participantId: string;
  byParticipantId: string;
  reason: string;
  at: string;
}

export interface Invitation {
  id: string;
  role: Role;
  /** Never leaves the server: projections drop it (VIEW-7). */
  codeHash?: string;
  expiresAt: string;
  createdAt: string;
  profile: Partial<Omit<ParticipantRecord, 'id' | 'role' | 'userId'>>;
  redeemedAt: string | null;
  redeemedBy: string | null;
  revokedAt: string | null;
}

export interface FloorRequest {
  id: string;
  questionId: string;
  participantId: string;
  /** Staff and the requester alone see it (VIEW-6). */
  note?: string | null;
  requestedAt: string;
  status: RequestStatus;
  /** The speaking time this request will get (the default, or what a re-plan set). */
  allowanceSeconds: number;
  skipReason: string | null;
  deferredAt: string | null;
  deferralReason: DeferralReason | null;
  /** The written input that answered this deferred request (DEFER-2). */
  fulfilledByInputId: string | null;
}

/** A speech: a request that was given the floor. Keyed by its request id. */
export interface Intervention {
  requestId: string;
  questionId: string;
  participantId: string;
  allowanceSeconds: number;
  startedAt: string;
  /** When the time runs out; moved by resume (paused time) and extend. */
  deadline: string;
  pausedAt: string | null;
  pausedSeconds: number;
  extendedSeconds: number;
  /** When the deadline passed while speaking (recorded once, FLOOR-14). */
  overranAt: string | null;
  endedAt: string | null;
  spokeSeconds: number | null;
  overrunSeconds: number | null;
}

export interface Note {
  id: string;
  requestId: string | null;
  questionId: string | null;
  text: string;
  visibility: 'secretariat' | 'public';
  byParticipantId: string;
  at: string;
}

export interface WrittenInput {
  id: string;
  participantId: string;
  questionId: string | null;
  title: string;
  text: string;
  attachmentIds: string[];
  requestId: string | null;
  submittedAt: string;
  withdrawnAt: string | null;
}

export interface LastReplan {
  at: string;
  strategy: 'shorten' | 'cap';
  questionId: string;
  allowanceSeconds: number | null;
  deferredRequestIds: string[];
}

export interface EngagementState {
  id: string;
  createdAt: string;
  status: EngagementStatus;
  settings: EngagementSettings;
  startedAt: string | null;
  endedAt: string | null;
  hardStop: string | null;
  agenda: AgendaItem[];
  currentAgendaItemId: string | null;
  questions: Question[];
  openQuestionId: string | null;
  participants: Record<string, Participant>;
  objections: Objection[];
  invitations: Record<string, Invitation>;
  policy: OrderPolicy;
  requests: Record<string, FloorRequest>;
  /** Waiting order per question (request ids, head first). Only `waiting` requests are listed. */
  waiting: Record<string, string[]>;
  /** The request that has the floor now (one at a time, FLOOR-2), or null. */
  currentRequestId: string | null;
  interventions: Record<string, Intervention>;
  notes: Note[];
  inputs: Record<string, WrittenInput>;
  lastReplan: LastReplan | null;
  breakouts: BreakoutsState;
  summaryReview: SummaryReviewState;
}

/** The state before `engagement.created`: every fold starts here. */
export const emptyState = (): EngagementState => ({
  id: '',
  createdAt: '',
  status: 'draft',
  settings: {
    title: '',
    theme: null,
    description: null,
    scheduledStart: null,
    plannedMinutes: 0,
    speakingSeconds: 180,
    timeZone: 'UTC',
  },
  startedAt: null,
  endedAt: null,
  hardStop: null,
  agenda: [],
  currentAgendaItemId: null,
  questions: [],
  openQuestionId: null,
  participants: {},
  objections: [],
  invitations: {},
  policy: 'inscription',
  requests: {},
  waiting: {},
  currentRequestId: null,
  interventions: {},
  notes: [],
  inputs: {},
  lastReplan: null,
  breakouts: emptyBreakouts(),
  summaryReview: emptySummaryReview(),
});
