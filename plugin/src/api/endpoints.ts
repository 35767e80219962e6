import type { EngagementView, Role, Category, Region } from '../../../server/domain/index.js';
import { apiFetch, apiUpload } from './http.js';
import type { SessionUser } from './session.js';

// The REST calls of API.md other than commands. Shapes follow API.md; domain types come from the domain.

export interface EngagementRow {
  id: string;
  title: string;
  status: string;
  role: Role | null;
  scheduledStart: string | null;
}

export type EngagementWithClock = EngagementView & { serverNow?: string };

export interface CreateEngagementBody {
  title: string;
  theme?: string;
  description?: string;
  scheduledStart?: string;
  plannedMinutes?: number;
  speakingSeconds?: number;
}

export interface InvitationBody {
  role: Role;
  displayName?: string;
  organization?: string;
  category?: Category;
  region?: Region;
  country?: string;
  expiresAt?: string;
}

export interface CreatedInvitation {
  code: string;
  url: string;
  expiresAt: string;
}

export interface Health {
  status: string;
  version?: string;
  teamsHostOrigins?: string[];
}

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
export const createInvitation = (id: string, body: InvitationBody) =>
  apiFetch<CreatedInvitation>(`/api/engagements/${encodeURIComponent(id)}/invitations`, { body });
export const getHealth = () => apiFetch<Health>('/api/health', { auth: false });

/** What the tab needs before signing in (GET /api/config). */
export interface ClientConfig {
  version: string;
  devSignIn: boolean;
  sso: { clientId: string; applicationIdUri: string } | null;
  teamsExtraHostOrigins: string[];
}

export const getClientConfig = () => apiFetch<ClientConfig>('/api/config', { auth: false });

export interface ReplanPreview {
  strategy: 'shorten' | 'cap';
  questionId: string;
  availableSeconds: number;
  minSeconds: number;
  allowanceSeconds: number | null;
  keptRequestIds: string[];
  deferredRequestIds: string[];
  fits: boolean;
}

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
