import { z } from 'zod';
import { ReplanStrategy } from '../domain/vocabulary.js';

// The request and response bodies of the endpoints that are not commands, written once in zod: routes
// validate with them and the OpenAPI document is generated from them (docs/architecture.md style 2). The bodies the
// tab reads too live in the domain (the plugin may import nothing else of the server) and are re-exported.
export {
  ClientConfigResponse,
  CommandEnvelope,
  CommandResultResponse,
  CreateEngagementBody,
  CreateInvitationBody,
  EngagementListResponse,
  EngagementViewResponse,
  HealthResponse,
  InvitationCreatedResponse,
  MeResponse,
  ReplanPreviewResponse,
  SessionResponse,
  StoredEventBody,
  UserBody,
} from '../domain/wireContract.js';

const DisplayName = z.string().trim().min(1).max(120);

export const DevSignInBody = z.strictObject({ displayName: DisplayName });

export const InvitationRedeemBody = z.strictObject({
  code: z.string().trim().min(8).max(200),
  /** What the holder wants to be called, when the invitation did not name them. */
  displayName: DisplayName.optional(),
});

export const ReplanQuery = z.strictObject({
  strategy: ReplanStrategy,
  minSeconds: z.coerce.number().int().min(10).max(600).optional(),
  questionId: z.string().min(1).max(64).optional(),
});

export const ReadyResponse = z
  .object({
    status: z.literal('ready'),
    version: z.string(),
    storage: z.enum(['sqlite', 'postgres']),
    livekit: z.enum(['configured', 'not-configured']),
  })
  .meta({ description: 'The store answered a query; `livekit` says whether breakout media is configured.' });

/** Path parameters, as the routes validate them (an id that cannot exist is a 404, not a 400). */
export const EngagementIdParam = z.string().min(1).max(64).describe('The engagement id.');
export const RoomIdParam = z.string().min(1).max(64).describe('The breakout room id.');
export const AttachmentIdParam = z.string().min(1).describe('The attachment id.');

// ---- processes (docs/processes.md) ---------------------------------------------------------------
export const ProcessIdParam = z.string().min(1).max(64).describe('The process id.');
export const PaperIdParam = z.string().min(1).max(64).describe('The concept paper id.');
export const PaperVersionParam = z
  .string()
  .regex(/^\d{1,6}$/)
  .describe('A version of the concept paper (1, 2, …).');

/** POST /api/processes: the creator becomes the process's Chair (PROCESS-1). */
export const CreateProcessBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(20_000).optional(),
});

/** POST /api/processes/:processId/engagements: link an engagement you are staff of (PROCESS-6). */
export const LinkEngagementBody = z.strictObject({ engagementId: z.string().min(1).max(64) });

/** GET /api/processes/:processId/drafts: a draft proposal from an engagement's record (PROPOSAL-12). */
export const ProposalDraftQuery = z.strictObject({
  kind: z.enum(['intervention', 'written-input', 'breakout-report']),
  engagementId: z.string().min(1).max(64),
  requestId: z.string().min(1).max(64).optional().describe('kind=intervention: the floor request'),
  inputId: z.string().min(1).max(64).optional().describe('kind=written-input: the written input'),
  roundId: z.string().min(1).max(64).optional().describe('kind=breakout-report: the round'),
  roomId: z.string().min(1).max(64).optional().describe('kind=breakout-report: the room'),
  index: z.coerce.number().int().min(0).max(99).optional().describe("kind=breakout-report: the line of the room's report (0-based)"),
});

/** GET /api/processes/:processId/annex?format=…: the progress-report annex (ANNEX-1..4). */
export const AnnexQuery = z.strictObject({ format: z.enum(['md', 'html', 'docx', 'pdf', 'json', 'csv']).default('md') });

/** GET /p/:processId?lang=…: the portal page's language (ar is right-to-left). */
export const PortalQuery = z.object({ lang: z.enum(['ar', 'zh', 'en', 'fr', 'ru', 'es']).optional().catch(undefined) });
