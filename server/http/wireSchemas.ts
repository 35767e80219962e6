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
