import { z } from 'zod';
import { ReplanStrategy, Role } from '../domain/vocabulary.js';

// The request and response bodies of the endpoints that are not commands, written once in zod: routes
// validate with them and the OpenAPI document is generated from them (docs/architecture.md style 2). The bodies the
// tab reads too live in the domain (the plugin may import nothing else of the server) and are re-exported.
export {
  ClientConfigResponse,
  CreateEngagementBody,
  CreateInvitationBody,
  EngagementListResponse,
  HealthResponse,
  InvitationCreatedResponse,
  ReplanPreviewResponse,
} from '../domain/wireContract.js';

const DisplayName = z.string().trim().min(1).max(120);

export const DevSignInBody = z.strictObject({ displayName: DisplayName });

export const InvitationRedeemBody = z
  .strictObject({
    code: z.string().trim().min(8).max(200),
    /** What the holder wants to be called, when the invitation did not name them. */
    displayName: DisplayName.optional(),
  })
  ;

/** The fields of POST /commands that are not the command itself. */
export const CommandEnvelope = z.object({
  commandId: z.string().trim().min(1).max(128).optional(),
  expectedVersion: z.number().int().min(0).optional(),
});

export const ReplanQuery = z.strictObject({
  strategy: ReplanStrategy,
  minSeconds: z.coerce.number().int().min(10).max(600).optional(),
  questionId: z.string().min(1).max(64).optional(),
});

export const UserBody = z.object({ id: z.string(), displayName: z.string() });

export const SessionResponse = z
  .object({
    token: z.string().describe('Send as `Authorization: Bearer <token>`.'),
    expiresAt: z.iso.datetime(),
    user: UserBody,
    engagementId: z.string().optional(),
    role: Role.optional(),
  })
  ;

export const MeResponse = z
  .object({
    user: UserBody,
    via: z.enum(['session', 'teams']),
    engagementId: z.string().optional().describe('Invitation sessions only: the one engagement they reach.'),
    role: Role.optional(),
  })
  ;

export const EngagementViewResponse = z
  .looseObject({
    id: z.string(),
    status: z.string(),
    version: z.number().int().describe('The number of the last event applied.'),
    serverNow: z.iso.datetime(),
    me: z.looseObject({ role: Role.nullable(), audience: z.string() }),
  })
  .meta({ description: 'The engagement as the caller’s role may see it (server/domain/state.ts EngagementState).' });

export const StoredEventBody = z
  .looseObject({ version: z.number().int(), type: z.string(), at: z.iso.datetime() })
  .meta({ description: 'One committed event (server/domain/events.ts), past tense.' });

export const CommandResultResponse = z.object({ version: z.number().int(), events: z.array(StoredEventBody) });

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
