import { z } from 'zod';
import { BREAKOUT_COMMANDS, INTERNAL_BREAKOUT_COMMANDS } from './breakouts/commands.js';
import { INTERNAL_SUMMARY_COMMANDS, SUMMARY_COMMANDS } from './summaryReview/commands.js';
import {
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

// Every change to an engagement is one of these commands: `slice.verb`, validated here once (docs/architecture.md
// style 2 and 3). Objects are strict, so an unknown field is a 400, never silently ignored.
// Commands marked "internal" are issued by the server itself (deadlines, invitation redemption) or by
// their own endpoints (POST /engagements, POST /invitations), and are refused at POST /commands.

const Id = z.string().min(1).max(64);
const IsoInstant = z.iso.datetime({ offset: true });
const Title = z.string().trim().min(1).max(200);
const ShortText = z.string().trim().max(500);
const LongText = z.string().trim().max(20_000);
const Minutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);
const Seconds = z
  .number()
  .int()
  .min(10)
  .max(60 * 60);
const Position = z.number().int().min(0).max(10_000);

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.strictObject({ type: z.literal(type), ...shape });

// ---- engagement --------------------------------------------------------------------------------
export const EngagementCreate = cmd('engagement.create', {
  /** internal: the id the service chose for the new engagement; when omitted, `ctx.newId()` gives one. */
  engagementId: Id.optional(),
  title: Title,
  theme: ShortText.optional(),
  description: LongText.optional(),
  scheduledStart: IsoInstant.optional(),
  plannedMinutes: Minutes.optional(),
  speakingSeconds: Seconds.optional(),
  timeZone: z.string().max(64).optional(),
});
export const EngagementUpdate = cmd('engagement.update', {
  title: Title.optional(),
  theme: ShortText.optional(),
  description: LongText.optional(),
  scheduledStart: IsoInstant.nullable().optional(),
  plannedMinutes: Minutes.optional(),
  speakingSeconds: Seconds.optional(),
  timeZone: z.string().max(64).optional(),
  summaryLanguage: SummaryLanguage.optional(),
});
export const EngagementOpen = cmd('engagement.open', {});
export const EngagementStart = cmd('engagement.start', {});
export const EngagementEnd = cmd('engagement.end', {});

// ---- agenda ------------------------------------------------------------------------------------
export const AgendaAdd = cmd('agenda.add', {
  kind: AgendaKind,
  title: Title.optional(),
  plannedMinutes: Minutes,
  questionId: Id.optional(),
  position: Position.optional(),
});
export const AgendaUpdate = cmd('agenda.update', {
  itemId: Id,
  title: Title.optional(),
  plannedMinutes: Minutes.optional(),
  questionId: Id.nullable().optional(),
});
export const AgendaRemove = cmd('agenda.remove', { itemId: Id });
export const AgendaMove = cmd('agenda.move', { itemId: Id, position: Position });
export const AgendaBegin = cmd('agenda.begin', { itemId: Id });

// ---- guiding questions -------------------------------------------------------------------------
export const QuestionAdd = cmd('question.add', {
  text: z.string().trim().min(1).max(2_000),
  context: LongText.optional(),
  plannedMinutes: Minutes.optional(),
});
export const QuestionUpdate = cmd('question.update', {
  questionId: Id,
  text: z.string().trim().min(1).max(2_000).optional(),
  context: LongText.optional(),
  plannedMinutes: Minutes.optional(),
});
export const QuestionRemove = cmd('question.remove', { questionId: Id });
export const QuestionMove = cmd('question.move', { questionId: Id, position: Position });
export const QuestionOpen = cmd('question.open', { questionId: Id });
export const QuestionClose = cmd('question.close', { questionId: Id.optional() });

// ---- participants ------------------------------------------------------------------------------
export const ParticipantRegister = cmd('participant.register', {
  organization: z.string().trim().min(1).max(200),
  category: Category,
  region: Region.optional(),
  country: z.string().trim().max(100).optional(),
  accreditation: Accreditation.optional(),
  displayName: z.string().trim().min(1).max(120).optional(),
});
export const ParticipantApprove = cmd('participant.approve', { participantId: Id, role: Role.optional() });
export const ParticipantDecline = cmd('participant.decline', { participantId: Id, reason: ShortText.optional() });
export const ParticipantSetRole = cmd('participant.setRole', { participantId: Id, role: Role });
export const ParticipantObject = cmd('participant.object', { participantId: Id, reason: z.string().trim().min(1).max(2_000) });

// ---- invitations (created through POST /invitations; revoked as a command) ----------------------
export const InvitationCreate = cmd('invitation.create', {
  role: Role,
  /** sha256 (hex) of the code; the code itself is never stored (AUTH-3). */
  codeHash: z.string().regex(/^[0-9a-f]{64}$/),
  displayName: z.string().trim().max(120).optional(),
  organization: z.string().trim().max(200).optional(),
  category: Category.optional(),
  region: Region.optional(),
  country: z.string().trim().max(100).optional(),
  expiresAt: IsoInstant,
});
export const InvitationRevoke = cmd('invitation.revoke', { invitationId: Id });
/** internal: the server redeems a code for the signed-in holder. */
export const InvitationRedeem = cmd('invitation.redeem', {
  invitationId: Id,
  userId: Id.max(200),
  displayName: z.string().trim().min(1).max(120),
});

// ---- the floor ---------------------------------------------------------------------------------
export const FloorRequest = cmd('floor.request', { questionId: Id, note: ShortText.optional() });
export const FloorWithdraw = cmd('floor.withdraw', { requestId: Id });
export const FloorGive = cmd('floor.give', { requestId: Id.optional() });
export const FloorPause = cmd('floor.pause', {});
export const FloorResume = cmd('floor.resume', {});
export const FloorExtend = cmd('floor.extend', {
  seconds: z
    .number()
    .int()
    .min(1)
    .max(30 * 60),
});
export const FloorEnd = cmd('floor.end', {});
export const FloorSkip = cmd('floor.skip', { requestId: Id, reason: ShortText.optional() });
export const FloorMove = cmd('floor.move', { requestId: Id, position: Position });
export const FloorDefer = cmd('floor.defer', { requestId: Id });
export const FloorPolicy = cmd('floor.policy', { order: OrderPolicy });
/** internal: the current intervention's deadline has passed (recorded once, FLOOR-14). */
export const FloorRecordOverrun = cmd('floor.recordOverrun', { requestId: Id });

// ---- time --------------------------------------------------------------------------------------
export const TimeSetHardStop = cmd('time.setHardStop', { at: IsoInstant.nullable() });
export const TimeReplan = cmd('time.replan', {
  strategy: ReplanStrategy,
  minSeconds: z.number().int().min(10).max(600).optional(),
  questionId: Id.optional(),
});

// ---- notes and written inputs ------------------------------------------------------------------
export const NoteAdd = cmd('note.add', {
  requestId: Id.optional(),
  questionId: Id.optional(),
  text: z.string().trim().min(1).max(5_000),
  visibility: NoteVisibility,
});
export const InputSubmit = cmd('input.submit', {
  questionId: Id.optional(),
  title: Title,
  text: LongText,
  attachmentIds: z.array(Id).max(10).optional(),
  requestId: Id.optional(),
});
export const InputWithdraw = cmd('input.withdraw', { inputId: Id });

export const Command = z.discriminatedUnion('type', [
  EngagementCreate,
  EngagementUpdate,
  EngagementOpen,
  EngagementStart,
  EngagementEnd,
  AgendaAdd,
  AgendaUpdate,
  AgendaRemove,
  AgendaMove,
  AgendaBegin,
  QuestionAdd,
  QuestionUpdate,
  QuestionRemove,
  QuestionMove,
  QuestionOpen,
  QuestionClose,
  ParticipantRegister,
  ParticipantApprove,
  ParticipantDecline,
  ParticipantSetRole,
  ParticipantObject,
  InvitationCreate,
  InvitationRevoke,
  InvitationRedeem,
  FloorRequest,
  FloorWithdraw,
  FloorGive,
  FloorPause,
  FloorResume,
  FloorExtend,
  FloorEnd,
  FloorSkip,
  FloorMove,
  FloorDefer,
  FloorPolicy,
  FloorRecordOverrun,
  TimeSetHardStop,
  TimeReplan,
  NoteAdd,
  InputSubmit,
  InputWithdraw,
  ...BREAKOUT_COMMANDS,
  ...SUMMARY_COMMANDS,
]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

export const COMMAND_TYPES = Command.options.map((o) => o.shape.type.value) as CommandType[];

/** Issued by the server itself (deadlines, redemption) or through their own endpoints (POST /engagements,
 * POST /invitations); never accepted at POST /commands. */
export const INTERNAL_COMMANDS: readonly CommandType[] = [
  'floor.recordOverrun',
  'invitation.redeem',
  'invitation.create',
  'engagement.create',
  ...INTERNAL_BREAKOUT_COMMANDS,
  ...INTERNAL_SUMMARY_COMMANDS,
];
export const isInternalCommand = (type: string): boolean => (INTERNAL_COMMANDS as readonly string[]).includes(type);
