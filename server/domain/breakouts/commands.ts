import { z } from 'zod';
import type { Role } from '../vocabulary.js';

// The commands of timed thematic breakout rounds (SPEC.md), validated once at the edge like every
// other command: strict objects, `breakouts.<verb>`. The lead adds `...BREAKOUT_COMMANDS` to the `Command`
// union in commands.ts; until then they stand alone. `breakouts.warn` and `breakouts.expire` are internal:
// issued by the server when a round's deadline comes (BREAKOUT-15, BREAKOUT-16), refused at POST /commands.

const Id = z.string().min(1).max(64);
const Line = z.string().trim().min(1).max(1_000);
const Lines = z.array(Line).max(50);

export const BREAKOUT_MODES = ['self-select', 'manual', 'balanced'] as const;
export const BreakoutMode = z.enum(BREAKOUT_MODES);
export type BreakoutMode = z.infer<typeof BreakoutMode>;

/** How many minutes each room's report-back slot gets in plenary when the plan does not say (BREAKOUT-17). */
export const DEFAULT_REPORT_BACK_MINUTES = 3;
export const MAX_ROOMS = 50;

export const BreakoutRoomPlan = z.strictObject({
  theme: z.string().trim().min(1).max(200),
  questionId: Id.optional(),
  facilitatorId: Id.optional(),
  rapporteurId: Id.optional(),
  /** Assigned participants the room holds; staff join on top of it (BREAKOUT-11). */
  capacity: z.number().int().min(1).max(500),
});
export type BreakoutRoomPlan = z.infer<typeof BreakoutRoomPlan>;

export const ImplementationStep = z.strictObject({
  who: z.string().trim().min(1).max(200),
  what: Line,
  /** Free words ("by the next session", "2027"), not an instant. */
  when: z.string().trim().min(1).max(200),
});
export type ImplementationStep = z.infer<typeof ImplementationStep>;

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.strictObject({ type: z.literal(type), ...shape });

export const BreakoutsPlan = cmd('breakouts.plan', {
  title: z.string().trim().min(1).max(200).optional(),
  rooms: z.array(BreakoutRoomPlan).min(1).max(MAX_ROOMS),
  durationMinutes: z.number().int().min(1).max(240),
  mode: BreakoutMode,
  /** Minutes of each room's report-back agenda item (BREAKOUT-17); 3 when omitted. */
  reportBackMinutes: z.number().int().min(1).max(60).optional(),
  /** The agenda item (kind `breakouts`) this round runs in: it begins with the round and grows with extensions. */
  agendaItemId: Id.optional(),
});
/** self-select: `roomId` is the room I pick. balanced: `preferences` (or a lone `roomId`) are the rooms I would like, best first. */
export const BreakoutsChoose = cmd('breakouts.choose', {
  roundId: Id,
  roomId: Id.optional(),
  preferences: z.array(Id).max(MAX_ROOMS).optional(),
});
/** The Chair places one participant (`roomId: null` takes them out of every room). */
export const BreakoutsAssign = cmd('breakouts.assign', { roundId: Id, participantId: Id, roomId: Id.nullable() });
export const BreakoutsAutoAssign = cmd('breakouts.autoAssign', {
  roundId: Id,
  /** Ties are drawn from this seed, so the same seed gives the same rooms (BREAKOUT-7). */
  seed: z.number().int().min(-2_147_483_648).max(4_294_967_295),
});
export const BreakoutsStart = cmd('breakouts.start', { roundId: Id });
export const BreakoutsBroadcast = cmd('breakouts.broadcast', { roundId: Id, message: Line });
export const BreakoutsExtend = cmd('breakouts.extend', { roundId: Id, minutes: z.number().int().min(1).max(120) });
export const BreakoutsEnd = cmd('breakouts.end', { roundId: Id });
export const BreakoutsReport = cmd('breakouts.report', {
  roundId: Id,
  roomId: Id,
  keyPoints: Lines,
  proposals: Lines,
  implementation: z.array(ImplementationStep).max(50),
  openQuestions: Lines,
});
/** internal: one minute before the round's deadline (BREAKOUT-15). */
export const BreakoutsWarn = cmd('breakouts.warn', { roundId: Id });
/** internal: the round's deadline has come (BREAKOUT-16). */
export const BreakoutsExpire = cmd('breakouts.expire', { roundId: Id });

const Instant = z.iso.datetime({ offset: true });
/** Where an attendance observation came from: a LiveKit webhook, or LiveKit's participant list (reconcile). */
export const ATTENDANCE_SOURCES = ['webhook', 'reconcile'] as const;
export const AttendanceSource = z.enum(ATTENDANCE_SOURCES);
export type AttendanceSource = z.infer<typeof AttendanceSource>;
/**
 * internal: one LiveKit connection (`participantSid`) was seen joining and/or leaving a breakout room
 * (BREAKOUT-23..26). `identity` is the Convene participant id the join token was minted for.
 */
export const BreakoutsRecordAttendance = cmd('breakouts.recordAttendance', {
  roomName: z.string().min(1).max(200),
  participantSid: z.string().min(1).max(100),
  identity: z.string().min(1).max(200),
  joinedAt: Instant.optional(),
  leftAt: Instant.optional(),
  source: AttendanceSource,
});
/** internal: LiveKit closed a breakout room (`room_finished`): whoever is still open in it left then (BREAKOUT-27). */
export const BreakoutsCloseAttendance = cmd('breakouts.closeAttendance', { roomName: z.string().min(1).max(200), at: Instant });

/** Spread into the `Command` discriminated union: `z.discriminatedUnion('type', [..., ...BREAKOUT_COMMANDS])`. */
export const BREAKOUT_COMMANDS = [
  BreakoutsPlan,
  BreakoutsChoose,
  BreakoutsAssign,
  BreakoutsAutoAssign,
  BreakoutsStart,
  BreakoutsBroadcast,
  BreakoutsExtend,
  BreakoutsEnd,
  BreakoutsReport,
  BreakoutsWarn,
  BreakoutsExpire,
  BreakoutsRecordAttendance,
  BreakoutsCloseAttendance,
] as const;

export const BreakoutCommand = z.discriminatedUnion('type', [...BREAKOUT_COMMANDS]);
export type BreakoutCommand = z.infer<typeof BreakoutCommand>;
export type BreakoutCommandType = BreakoutCommand['type'];
export type BreakoutCommandOf<T extends BreakoutCommandType> = Extract<BreakoutCommand, { type: T }>;

export const BREAKOUT_COMMAND_TYPES = BREAKOUT_COMMANDS.map((c) => c.shape.type.value) as BreakoutCommandType[];

/** Add to INTERNAL_COMMANDS: the server issues these itself; POST /commands refuses them. */
export const INTERNAL_BREAKOUT_COMMANDS: readonly BreakoutCommandType[] = [
  'breakouts.warn',
  'breakouts.expire',
  'breakouts.recordAttendance',
  'breakouts.closeAttendance',
];

const STAFF = ['chair', 'secretariat'] as const;

/**
 * Who may issue each breakout command (AUTH-1), to merge into `ALLOWED` in policies.ts. Ownership — choosing
 * for oneself, reporting only as the room's rapporteur — is checked by `decideBreakouts` (BREAKOUT-12, BREAKOUT-19).
 */
export const BREAKOUT_ALLOWED: Record<BreakoutCommandType, readonly (Role | 'system')[]> = {
  'breakouts.plan': STAFF,
  'breakouts.choose': ['stakeholder', 'delegation', 'observer'],
  'breakouts.assign': STAFF,
  'breakouts.autoAssign': STAFF,
  'breakouts.start': STAFF,
  'breakouts.broadcast': STAFF,
  'breakouts.extend': STAFF,
  'breakouts.end': STAFF,
  'breakouts.report': ['chair', 'secretariat', 'stakeholder', 'delegation'],
  'breakouts.warn': ['system'],
  'breakouts.expire': ['system'],
  'breakouts.recordAttendance': ['system'],
  'breakouts.closeAttendance': ['system'],
};

/** Narrows a command to the breakout slice (dispatch in decide.ts keeps its exhaustiveness check). */
export const isBreakoutCommand = <C extends { type: string }>(command: C): command is Extract<C, BreakoutCommand> =>
  command.type.startsWith('breakouts.');
