import type { EngagementView, Role } from '../../../server/domain/index.js';
import type {
  ClientConfigResponse,
  CreateEngagementBody,
  CreateInvitationBody,
  EngagementListRow,
  HealthResponse,
  InvitationCreatedResponse,
  ReplanPreviewResponse,
} from '../../../server/domain/wireContract.js';
import { apiFetch, apiUpload } from './http.js';
import type { SessionUser } from './session.js';

// The REST calls of docs/api.md other than commands. Their bodies are the server's own zod schemas
// (server/domain/wireContract.ts), so the tab never re-declares a server type (docs/architecture.md style 2).

// The names the features import.
export type EngagementRow = EngagementListRow;
export type CreatedInvitation = InvitationCreatedResponse;
export type ReplanPreview = ReplanPreviewResponse;
/** `teamsHostOrigins` is not in this server's HealthResponse; HostProvider still reads it, as an optional fallback. */
type Health = HealthResponse & { teamsHostOrigins?: string[] };

export type EngagementWithClock = EngagementView & { serverNow?: string };

export const devSignIn = (displayName: string) =>
  apiFetch<{ token: string; user: SessionUser }>('/api/auth/dev', { body: { displayName }, auth: false });

export const redeemInvitation = (code: string, displayName?: string) =>
  apiFetch<{ token: string; user: SessionUser; engagementId: string; role: Role }>('/api/auth/invitation', {
    body: displayName ? { code, displayName } : { code },
    auth: false,
  });

export const getMe = () => apiFetch<{ user: SessionUser }>('/api/me');
export const listEngagements = () => apiFetch<EngagementRow[]>('/api/engagements');
export const createEngagement = (body: CreateEngagementBody) => apiFetch<EngagementWithClock>('/api/engagements', { body });
export const getEngagement = (id: string) => apiFetch<EngagementWithClock>(`/api/engagements/${encodeURIComponent(id)}`);
export const createInvitation = (id: string, body: CreateInvitationBody) =>
  apiFetch<CreatedInvitation>(`/api/engagements/${encodeURIComponent(id)}/invitations`, { body });
export const getHealth = () => apiFetch<Health>('/api/health', { auth: false });

/** What the tab needs before signing in. */
export const getClientConfig = () => apiFetch<ClientConfigResponse>('/api/config', { auth: false });

/** What `time.replan` would do now, computed by the server with its clock (applying does exactly this). */
export const previewReplan = (id: string, strategy: 'shorten' | 'cap', minSeconds?: number) =>
  apiFetch<ReplanPreview>(
    `/api/engagements/${encodeURIComponent(id)}/replan?strategy=${strategy}${minSeconds ? `&minSeconds=${minSeconds}` : ''}`,
  );

export interface Attachment {
  id: string;
  filename: string;
  size: number;
  sha256: string;
  contentType: string;
}

/** A concept paper or statement file: PDF, DOCX, ODT, TXT or Markdown, checked by content on the server. */
export const uploadAttachment = (id: string, file: File) =>
  apiUpload<Attachment>(`/api/engagements/${encodeURIComponent(id)}/attachments`, 'file', file);
