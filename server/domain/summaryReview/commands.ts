import { z } from 'zod';
import type { Role } from '../vocabulary.js';

// The commands of the Chair's summary cycle (SPEC.md): draft → circulated (a review window) →
// published (versioned, immutable). Strict objects, `summary.<verb>`, validated once at the edge like every
// other command. The lead spreads `...SUMMARY_COMMANDS` into the `Command` union in commands.ts.
// `summary.publish` is internal: only POST /api/engagements/:id/summary/publish issues it, with the content
// the server built and hashed itself (SUMMARY-8), so POST /commands refuses it.

const Id = z.string().min(1).max(64);
const IsoInstant = z.iso.datetime({ offset: true });

/**
 * SUMMARY-2: a paragraph of the generated body, named by where it stands, not by its running number (which
 * shifts when a note is added): `opening:<n>`, `question:<questionId>:<n>`, `general:<n>`, `breakouts:<n>`,
 * `closing:<n>`, with `n` the 1-based place inside that section (see paragraphKeys.ts).
 */
export const PARAGRAPH_KEY_PATTERN =
  /^(?:(?:opening|general|breakouts|closing):[1-9][0-9]{0,3}|question:[A-Za-z0-9_.-]{1,64}:[1-9][0-9]{0,3})$/;
export const ParagraphKey = z
  .string()
  .regex(PARAGRAPH_KEY_PATTERN, 'Name a paragraph as opening:<n>, question:<questionId>:<n>, general:<n>, breakouts:<n> or closing:<n>');

/** Canonical JSON of a Summary; a full day with its annexes is a few hundred kB. */
export const MAX_SUMMARY_CONTENT_CHARS = 8_000_000;

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.strictObject({ type: z.literal(type), ...shape });

/** SUMMARY-1: replaces the generated text of one paragraph; an empty `text` restores the generated one. */
export const SummaryEditParagraph = cmd('summary.editParagraph', {
  paragraphKey: ParagraphKey,
  text: z.string().trim().max(10_000),
});
/** SUMMARY-3: opens the review window to delegations and to the stakeholders who spoke, until `reviewUntil`. */
export const SummaryCirculate = cmd('summary.circulate', { reviewUntil: IsoInstant });
/** SUMMARY-4..6: a delegation names a paragraph (or its own floor request); a stakeholder names its own floor request. */
export const SummaryRequestCorrection = cmd('summary.requestCorrection', {
  paragraphKey: ParagraphKey.optional(),
  requestId: Id.optional(),
  text: z.string().trim().min(1).max(5_000),
}).refine((c) => (c.paragraphKey === undefined) !== (c.requestId === undefined), {
  message: 'Name exactly one thing to correct: a paragraph (paragraphKey) or your own floor request (requestId)',
  path: ['paragraphKey'],
});
export const CORRECTION_DECISIONS = ['accepted', 'declined'] as const;
export const CorrectionDecision = z.enum(CORRECTION_DECISIONS);
export type CorrectionDecision = z.infer<typeof CorrectionDecision>;
/** SUMMARY-7. Accepting records the answer; the wording itself changes by `summary.editParagraph`. */
export const SummaryResolveCorrection = cmd('summary.resolveCorrection', {
  correctionId: Id,
  decision: CorrectionDecision,
  reply: z.string().trim().max(5_000),
});
/** internal (SUMMARY-8, SUMMARY-9): `content` is the canonical JSON of the summary, `contentHash` its sha256 (hex). */
export const SummaryPublish = cmd('summary.publish', {
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'The sha256 of the content, as 64 lower-case hex digits'),
  content: z.string().min(2).max(MAX_SUMMARY_CONTENT_CHARS),
});

/** Spread into the `Command` discriminated union: `z.discriminatedUnion('type', [..., ...SUMMARY_COMMANDS])`. */
export const SUMMARY_COMMANDS = [
  SummaryEditParagraph,
  SummaryCirculate,
  SummaryRequestCorrection,
  SummaryResolveCorrection,
  SummaryPublish,
] as const;

export const SummaryCommand = z.discriminatedUnion('type', [...SUMMARY_COMMANDS]);
export type SummaryCommand = z.infer<typeof SummaryCommand>;
export type SummaryCommandType = SummaryCommand['type'];
export type SummaryCommandOf<T extends SummaryCommandType> = Extract<SummaryCommand, { type: T }>;

export const SUMMARY_COMMAND_TYPES = SUMMARY_COMMANDS.map((c) => c.shape.type.value) as SummaryCommandType[];
export const isSummaryCommand = (command: { type: string }): command is SummaryCommand =>
  (SUMMARY_COMMAND_TYPES as readonly string[]).includes(command.type);

/** Add to INTERNAL_COMMANDS: the publish endpoint builds, renders and hashes the content; POST /commands refuses it. */
export const INTERNAL_SUMMARY_COMMANDS: readonly SummaryCommandType[] = ['summary.publish'];

const STAFF = ['chair', 'secretariat'] as const;

/**
 * Who may issue each summary command (AUTH-1), to merge into `ALLOWED` in policies.ts. `summary.publish` is
 * issued with the signed-in Chair or secretariat member as actor (not the system), so the write path
 * authorizes it like any other command and the event records who published. Standing relative to the data
 * (a stakeholder who spoke, their own request, the window) is checked by `decideSummary` (SUMMARY-4..6).
 */
export const SUMMARY_ALLOWED: Record<SummaryCommandType, readonly Role[]> = {
  'summary.editParagraph': STAFF,
  'summary.circulate': STAFF,
  'summary.requestCorrection': ['delegation', 'stakeholder'],
  'summary.resolveCorrection': STAFF,
  'summary.publish': STAFF,
};
