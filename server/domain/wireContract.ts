import { z } from 'zod';
import { EngagementCreate, InvitationCreate } from './commands.js';
import { ENGAGEMENT_STATUSES, ReplanStrategy, Role } from './vocabulary.js';

// The REST bodies (not commands) that both the server and the tab read, written once in zod (docs/architecture.md
// style 2). They live in the domain because the plugin may import nothing else of the server: the routes
// validate with these schemas, OpenAPI is generated from them (server/http/wireSchemas.ts re-exports them),
// the service and the tab take their types from them (`z.infer`; no body here transforms, so what the tab
// sends and what the service receives have one type).

export const CreateEngagementBody = EngagementCreate.omit({ type: true, engagementId: true });
export type CreateEngagementBody = z.infer<typeof CreateEngagementBody>;

export const CreateInvitationBody = InvitationCreate.omit({ type: true, codeHash: true }).extend({
  expiresAt: InvitationCreate.shape.expiresAt.optional(),
});
export type CreateInvitationBody = z.infer<typeof CreateInvitationBody>;

export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  storage: z.enum(['sqlite', 'postgres']),
  livekit: z.enum(['configured', 'not-configured']),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const ClientConfigResponse = z
  .object({
    version: z.string(),
    devSignIn: z.boolean(),
    sso: z.object({ clientId: z.string(), applicationIdUri: z.string() }).nullable(),
    teamsExtraHostOrigins: z.array(z.string()),
    livekit: z.enum(['configured', 'not-configured']),
  })
  .meta({ description: 'What the tab needs to know before it signs in.' });
export type ClientConfigResponse = z.infer<typeof ClientConfigResponse>;

/** One engagement the signed-in user may see (GET /api/engagements). */
export const EngagementListRow = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(ENGAGEMENT_STATUSES),
  role: Role.nullable(),
  scheduledStart: z.string().nullable(),
});
export type EngagementListRow = z.infer<typeof EngagementListRow>;

export const EngagementListResponse = z.array(EngagementListRow);

export const InvitationCreatedResponse = z.object({
  invitationId: z.string(),
  code: z.string().describe('Shown once; only its hash is stored.'),
  url: z.string().describe('`<PUBLIC_URL>/join#code=<code>`: the code travels in the fragment, never to a server log.'),
  expiresAt: z.iso.datetime(),
});
export type InvitationCreatedResponse = z.infer<typeof InvitationCreatedResponse>;

/** What a re-plan would do, and — since `time.replan` applies exactly this — what it does (TIME-7). */
export const ReplanPreviewResponse = z.object({
  strategy: ReplanStrategy,
  questionId: z.string(),
  /** The time left for this question's speakers (TIME-4). */
  availableSeconds: z.number(),
  minSeconds: z.number(),
  /** shorten: the new allowance of every waiting request; cap: null (allowances unchanged). */
  allowanceSeconds: z.number().nullable(),
  keptRequestIds: z.array(z.string()),
  deferredRequestIds: z.array(z.string()),
  /** Whether the kept requests, at their allowances, fit in `availableSeconds`. */
  fits: z.boolean(),
});
export type ReplanPreviewResponse = z.infer<typeof ReplanPreviewResponse>;

// ---- read by the tab's one HTTP edge (plugin/src/api/http.ts parses every answer with these) -------------

export const UserBody = z.object({ id: z.string(), displayName: z.string() });
export type UserBody = z.infer<typeof UserBody>;

export const SessionResponse = z.object({
  token: z.string().describe('Send as `Authorization: Bearer <token>`.'),
  expiresAt: z.iso.datetime(),
  user: UserBody,
  engagementId: z.string().optional(),
  role: Role.optional(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const MeResponse = z.object({
  user: UserBody,
  via: z.enum(['session', 'teams']),
  engagementId: z.string().optional().describe('Invitation sessions only: the one engagement they reach.'),
  role: Role.optional(),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const EngagementViewResponse = z
  .looseObject({
    id: z.string(),
    status: z.string(),
    version: z.number().int().describe('The number of the last event applied.'),
    serverNow: z.iso.datetime(),
    me: z.looseObject({
      role: Role.nullable(),
      audience: z.string(),
      inputQuota: z.number().int().nullable().describe('LIMIT-3: written inputs one participant may submit here; null: no quota (staff).'),
      inputsLeft: z
        .number()
        .int()
        .nullable()
        .describe('LIMIT-3: written inputs I may still submit here (withdrawn ones count); null: no quota.'),
    }),
  })
  .meta({ description: 'The engagement as the caller’s role may see it (server/domain/state.ts EngagementState).' });

export const StoredEventBody = z
  .looseObject({ version: z.number().int(), type: z.string(), at: z.iso.datetime() })
  .meta({ description: 'One committed event (server/domain/events.ts), past tense.' });

export const CommandResultResponse = z.object({ version: z.number().int(), events: z.array(StoredEventBody) });

/** The fields of POST /commands that are not the command itself. */
export const CommandEnvelope = z.object({
  commandId: z.string().trim().min(1).max(128).optional(),
  expectedVersion: z.number().int().min(0).optional(),
});
export type CommandEnvelope = z.infer<typeof CommandEnvelope>;

/**
 * An error as the tab reads it (application/problem+json, RFC 9457). Looser than the server's renderer
 * (server/http/problem.ts): a proxy's or an older server's problem still reads, with the status from HTTP.
 */
export const ProblemBody = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().int(),
  code: z.string().optional(),
  detail: z.string().optional(),
  rule: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ProblemBody = z.infer<typeof ProblemBody>;

/** A stored concept paper or statement file (POST …/attachments). */
export const AttachmentResponse = z.object({
  id: z.string(),
  filename: z.string(),
  size: z.number().int().min(0),
  sha256: z.string(),
  contentType: z.string(),
});
export type AttachmentResponse = z.infer<typeof AttachmentResponse>;

/** POST …/summary/publish. */
export const SummaryPublishedResponse = z.object({ version: z.number().int(), contentHash: z.string() });
export type SummaryPublishedResponse = z.infer<typeof SummaryPublishedResponse>;

/** POST …/breakouts/:roomId/token: where and how to join the room's LiveKit call. */
export const BreakoutJoinResponse = z.looseObject({
  serverUrl: z.string(),
  token: z.string(),
  roomName: z.string(),
  expiresAt: z.string(),
});
export type BreakoutJoinResponse = z.infer<typeof BreakoutJoinResponse>;

const SummaryParagraphBody = z.object({ number: z.number().int(), text: z.string() });

/** The part of `GET …/summary?format=json` the tab reads (the full shape is server/summary/Summary.ts). */
export const SummaryDraftResponse = z.looseObject({
  metadata: z.looseObject({
    title: z.string(),
    status: z.enum(['draft', 'circulated', 'published']),
    version: z.number().int().nullable(),
    generatedAt: z.string(),
  }),
  opening: z.array(SummaryParagraphBody),
  questions: z.array(
    z.looseObject({ questionId: z.string(), number: z.number().int(), text: z.string(), paragraphs: z.array(SummaryParagraphBody) }),
  ),
  generalDiscussion: z.array(SummaryParagraphBody),
  breakouts: z.looseObject({ paragraphs: z.array(SummaryParagraphBody) }).nullable(),
  closing: z.array(SummaryParagraphBody),
});
export type SummaryDraftResponse = z.infer<typeof SummaryDraftResponse>;
