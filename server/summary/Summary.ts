import { z } from 'zod';
import { AgendaKind, Category, REGIONS, Role } from '../domain/vocabulary.js';

// The Chair's summary as data. This schema IS the JSON export (`format=json`): every renderer reads only
// this shape, never the engagement state, so what each format shows is what the JSON says. Add optional
// fields freely; a published summary's JSON is kept, so never rename or drop one.

const Iso = z.string().min(1);
const Count = z.number().int().min(0);
const Seconds = z.number().int().min(0);

/** A numbered paragraph of the body. Numbers run 1, 2, 3, … across the whole document (UN practice). */
export const Paragraph = z.object({ number: z.number().int().min(1), text: z.string() });
export type Paragraph = z.infer<typeof Paragraph>;

export const PROPOSAL_KINDS = ['proposal', 'action', 'recommendation'] as const;
export const ProposalKind = z.enum(PROPOSAL_KINDS);
export type ProposalKind = z.infer<typeof ProposalKind>;

/**
 * A note that began with "Proposal:", "Action:" or "Recommendation:" (the prefix removed), or a proposal of a
 * breakout room's report on the question (then `breakout` names the room; the theme says where it came from).
 */
export const Proposal = z.object({
  kind: ProposalKind,
  text: z.string(),
  breakout: z.object({ roundId: z.string(), roomId: z.string(), theme: z.string() }).optional(),
});
export type Proposal = z.infer<typeof Proposal>;

export const SUMMARY_STATUSES = ['draft', 'circulated', 'published'] as const;

export const Metadata = z.object({
  engagementId: z.string(),
  title: z.string(),
  theme: z.string().nullable(),
  /** The language the summary's own sentences are written in (BCP 47). */
  language: z.string(),
  timeZone: z.string(),
  /** The meeting's calendar date in its time zone (YYYY-MM-DD), or null before it was scheduled. */
  date: z.string().nullable(),
  scheduledStart: Iso.nullable(),
  startedAt: Iso.nullable(),
  endedAt: Iso.nullable(),
  plannedMinutes: Count,
  actualMinutes: Count.nullable(),
  /** The summary's own cycle (draft → circulated → published); filled by the summary slice once it exists. */
  status: z.enum(SUMMARY_STATUSES),
  version: z.number().int().min(1).nullable(),
  generatedAt: Iso,
  attributive: z.boolean(),
});
export type Metadata = z.infer<typeof Metadata>;

export const RegionOrUnspecified = z.enum([...REGIONS, 'unspecified']);

export const Participation = z.object({
  /** Approved participants (chair and secretariat included). */
  total: Count,
  byRole: z.record(Role, Count),
  byCategory: z.record(Category, Count),
  byRegion: z.record(RegionOrUnspecified, Count),
  /** Organisation names only (no person), staff excluded, grouped by category, each sorted. */
  organizations: z.array(z.object({ category: Category, names: z.array(z.string()) })),
  organizationCount: Count,
});
export type Participation = z.infer<typeof Participation>;

export const AgendaRow = z.object({
  itemId: z.string(),
  kind: AgendaKind,
  title: z.string(),
  questionNumber: z.number().int().min(1).nullable(),
  plannedMinutes: Count,
  actualMinutes: Count.nullable(),
  startedAt: Iso.nullable(),
  endedAt: Iso.nullable(),
});
export type AgendaRow = z.infer<typeof AgendaRow>;

export const QuestionSection = z.object({
  questionId: z.string(),
  /** 1-based position among the guiding questions. */
  number: z.number().int().min(1),
  text: z.string(),
  interventions: Count,
  timeUsedSeconds: Seconds,
  deferred: z.object({ count: Count, submittedInWriting: Count }),
  /** The counts paragraph first, then one paragraph per public note, non-attributive. */
  paragraphs: z.array(Paragraph),
  proposals: z.array(Proposal),
});
export type QuestionSection = z.infer<typeof QuestionSection>;

/** One step of a breakout report's implementation table, name-neutralised like the rest of the body. */
export const ImplementationRow = z.object({ who: z.string(), what: z.string(), when: z.string() });
export type ImplementationRow = z.infer<typeof ImplementationRow>;

/** The rapporteur's latest report (BREAKOUT-19), every line name-neutralised. */
export const BreakoutReportSection = z.object({
  revision: z.number().int().min(1),
  submittedAt: Iso,
  keyPoints: z.array(z.string()),
  proposals: z.array(z.string()),
  implementation: z.array(ImplementationRow),
  openQuestions: z.array(z.string()),
});
export type BreakoutReportSection = z.infer<typeof BreakoutReportSection>;

/**
 * A room of a round that ran. The fields after `rapporteurReport` were added when the summary began to read
 * the breakout slice; they are optional only so that the first schema's JSON still parses.
 */
export const BreakoutRoom = z.object({
  roomId: z.string(),
  name: z.string(),
  theme: z.string().nullable(),
  questionId: z.string().nullable(),
  /** Participants assigned to the room (staff are never assigned). */
  participants: Count,
  byCategory: z.record(Category, Count),
  byRegion: z.record(RegionOrUnspecified, Count),
  /** The report's key points on one line, or null without a report; `report` has the whole report. */
  rapporteurReport: z.string().nullable(),
  index: z.number().int().min(1).optional(),
  questionNumber: z.number().int().min(1).nullable().optional(),
  /** Distinct non-staff participants who joined the room, or null when no attendance was recorded for the round. */
  attended: Count.nullable().optional(),
  report: BreakoutReportSection.nullable().optional(),
  /** The numbers of this room's paragraphs in `BreakoutsSection.paragraphs` (renderers place them under the room). */
  paragraphNumbers: z.array(z.number().int().min(1)).optional(),
});
export type BreakoutRoom = z.infer<typeof BreakoutRoom>;

export const BreakoutRound = z.object({
  roundId: z.string(),
  themes: z.array(z.string()),
  startedAt: Iso.nullable(),
  endedAt: Iso.nullable(),
  /** The duration planned at the start, without extensions. */
  plannedMinutes: Count,
  actualMinutes: Count.nullable(),
  rooms: z.array(BreakoutRoom),
  title: z.string().nullable().optional(),
  status: z.enum(['running', 'ended']).optional(),
  extendedMinutes: Count.optional(),
  /** The numbers of the round's own paragraphs in `BreakoutsSection.paragraphs`. */
  paragraphNumbers: z.array(z.number().int().min(1)).optional(),
});
export type BreakoutRound = z.infer<typeof BreakoutRound>;

/** The rounds that ran, in the order they started; null when none did. */
export const BreakoutsSection = z.object({
  rounds: z.array(BreakoutRound),
  paragraphs: z.array(Paragraph),
});
export type BreakoutsSection = z.infer<typeof BreakoutsSection>;

export const WrittenInputRow = z.object({
  inputId: z.string(),
  title: z.string(),
  organization: z.string(),
  questionNumber: z.number().int().min(1).nullable(),
  questionText: z.string().nullable(),
  submittedAt: Iso,
  /** Whether it answers a request to speak that could not be heard (DEFER-2). */
  answersDeferredRequest: z.boolean(),
  attachments: z.array(z.object({ id: z.string(), filename: z.string().nullable() })),
});
export type WrittenInputRow = z.infer<typeof WrittenInputRow>;

export const AUDIT_OUTCOMES = ['heard', 'speaking', 'withdrawn', 'skipped', 'deferred', 'waiting'] as const;
export const AuditOutcome = z.enum(AUDIT_OUTCOMES);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

export const AuditRow = z.object({
  requestId: z.string(),
  requestedAt: Iso,
  organization: z.string(),
  name: z.string(),
  category: Category,
  questionNumber: z.number().int().min(1).nullable(),
  questionText: z.string().nullable(),
  outcome: AuditOutcome,
  /** The skip reason the Chair gave, or the deferral reason (chair / replan / engagement-ended). */
  reason: z.string().nullable(),
  allowanceSeconds: Seconds,
  extendedSeconds: Seconds.nullable(),
  givenAt: Iso.nullable(),
  endedAt: Iso.nullable(),
  spokeSeconds: Seconds.nullable(),
  overrunSeconds: Seconds.nullable(),
  writtenInputId: z.string().nullable(),
  writtenInputTitle: z.string().nullable(),
});
export type AuditRow = z.infer<typeof AuditRow>;

const AnnexPerson = z.object({ organization: z.string(), name: z.string() });

/** Only with `{ attributive: true }`: who said what, for the Chair's files, never the public body. */
export const AttributiveAnnex = z.object({
  questions: z.array(
    z.object({
      questionNumber: z.number().int().min(1),
      statements: z.array(z.object({ organization: z.string(), name: z.string().nullable(), text: z.string() })),
      deferredSpeakers: z.array(z.object({ organization: z.string(), name: z.string(), submittedInWriting: z.boolean() })),
    }),
  ),
  /** Who facilitated and who reported for each breakout room: named here only, never in the body. */
  breakouts: z
    .array(
      z.object({
        roundId: z.string(),
        roomId: z.string(),
        roomName: z.string(),
        theme: z.string(),
        facilitator: AnnexPerson.nullable(),
        rapporteur: AnnexPerson.nullable(),
        reportedBy: AnnexPerson.nullable(),
      }),
    )
    .optional(),
});
export type AttributiveAnnex = z.infer<typeof AttributiveAnnex>;

export const TimeUseRow = z.object({ label: z.string(), plannedMinutes: Count, actualMinutes: Count.nullable() });
export type TimeUseRow = z.infer<typeof TimeUseRow>;

export const Summary = z.object({
  schema: z.literal('convene.summary/1'),
  metadata: Metadata,
  participation: Participation,
  agenda: z.array(AgendaRow),
  opening: z.array(Paragraph),
  questions: z.array(QuestionSection),
  /** Public notes tied to no question. */
  generalDiscussion: z.array(Paragraph),
  breakouts: BreakoutsSection.nullable(),
  closing: z.array(Paragraph),
  annexes: z.object({
    writtenInputs: z.array(WrittenInputRow),
    speakersList: z.array(AuditRow),
    attributive: AttributiveAnnex.nullable(),
  }),
  timeUse: z.array(TimeUseRow),
});
export type Summary = z.infer<typeof Summary>;
