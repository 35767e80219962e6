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

export const CreateInvitationBody = InvitationCreate.omit({ type: true, codeHash: true })
  .extend({ expiresAt: InvitationCreate.shape.expiresAt.optional() });
export type CreateInvitationBody = z.infer<typeof CreateInvitationBody>;

export const HealthResponse = z
  .object({
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

export const InvitationCreatedResponse = z
  .object({
    invitationId: z.string(),
    code: z.string().describe('Shown once; only its hash is stored.'),
    url: z.string().describe('`<PUBLIC_URL>/join#code=<code>`: the code travels in the fragment, never to a server log.'),
    expiresAt: z.iso.datetime(),
  });
export type InvitationCreatedResponse = z.infer<typeof InvitationCreatedResponse>;

/** What a re-plan would do, and — since `time.replan` applies exactly this — what it does (TIME-7). */
export const ReplanPreviewResponse = z
  .object({
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
