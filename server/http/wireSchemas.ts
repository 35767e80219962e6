import { z } from 'zod';
import { ReplanStrategy, Role } from '../domain/vocabulary.js';

// The request and response bodies of the endpoints that are not commands, written once in zod: routes
// validate with them and the OpenAPI document is generated from them (ARCHITECTURE style 2). The bodies the
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

export const InvitationRedeemBody = z
  .strictObject({
    code: z.string().trim().min(8).max(200),
    /** What the holder wants to be called, when the invitation did not name them. */
    displayName: DisplayName.optional(),
  })
  ;

export const ReplanQuery = z.strictObject({
  strategy: ReplanStrategy,
  minSeconds: z.coerce.number().int().min(10).max(600).optional(),
  questionId: z.string().min(1).max(64).optional(),
});

