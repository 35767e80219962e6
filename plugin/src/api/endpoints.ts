import { z } from 'zod';
import type { EngagementView } from '../../../server/domain/index.js';
import {
  AttachmentResponse,
  ClientConfigResponse,
  EngagementListResponse,
  EngagementViewResponse,
  HealthResponse,
  InvitationCreatedResponse,
  MeResponse,
  ReplanPreviewResponse,
  SessionResponse,
  type CreateEngagementBody,
  type CreateInvitationBody,
  type EngagementListRow,
} from '../../../server/domain/wireContract.js';
import {
  ProcessCommandResultResponse,
  ProcessListResponse,
  ProcessViewResponse,
  ProposalDraftResponse,
} from '../../../server/domain/process/wireContract.js';
import { apiFetch, apiUpload } from './http.js';

// The REST calls of docs/api.md other than commands. Their bodies are the server's own zod schemas
// (server/domain/wireContract.ts), and every answer is parsed with them, so the tab never re-declares a
// server type (docs/architecture.md style 2).

// The names the features import.
export type EngagementRow = EngagementListRow;
export type CreatedInvitation = InvitationCreatedResponse;
export type ReplanPreview = ReplanPreviewResponse;
export type Attachment = AttachmentResponse;

/** `teamsHostOrigins` is not in this server's HealthResponse; HostProvider still reads it, as an optional fallback. */
const Health = HealthResponse.extend({ teamsHostOrigins: z.array(z.string()).optional() });

/**
 * The schema checks the envelope the server promises (id, version, serverNow, me); the rest of the view is
 * the domain's own projection (server/domain/view.ts), typed from it.
 */
export type EngagementWithClock = EngagementView & { serverNow?: string };
const EngagementWithClock = EngagementViewResponse.transform((view) => view as unknown as EngagementWithClock);

export const devSignIn = (displayName: string) => apiFetch('/api/auth/dev', SessionResponse, { body: { displayName }, auth: false });

export const redeemInvitation = (code: string, displayName?: string) =>
  apiFetch('/api/auth/invitation', SessionResponse, { body: displayName ? { code, displayName } : { code }, auth: false });

export const getMe = () => apiFetch('/api/me', MeResponse);
export const listEngagements = () => apiFetch('/api/engagements', EngagementListResponse);
export const createEngagement = (body: CreateEngagementBody) => apiFetch('/api/engagements', EngagementWithClock, { body });
export const getEngagement = (id: string) => apiFetch(`/api/engagements/${encodeURIComponent(id)}`, EngagementWithClock);
export const createInvitation = (id: string, body: CreateInvitationBody) =>
  apiFetch(`/api/engagements/${encodeURIComponent(id)}/invitations`, InvitationCreatedResponse, { body });
export const getHealth = () => apiFetch('/api/health', Health, { auth: false });

/** What the tab needs before signing in. */
export const getClientConfig = () => apiFetch('/api/config', ClientConfigResponse, { auth: false });

/** What `time.replan` would do now, computed by the server with its clock (applying does exactly this). */
export const previewReplan = (id: string, strategy: 'shorten' | 'cap', minSeconds?: number) =>
  apiFetch(
    `/api/engagements/${encodeURIComponent(id)}/replan?strategy=${strategy}${minSeconds ? `&minSeconds=${minSeconds}` : ''}`,
    ReplanPreviewResponse,
  );

/** A concept paper or statement file: PDF, DOCX, ODT, TXT or Markdown, checked by content on the server. */
export const uploadAttachment = (id: string, file: File) =>
  apiUpload(`/api/engagements/${encodeURIComponent(id)}/attachments`, 'file', file, AttachmentResponse);

// ---- processes (docs/api.md "Processes") ---------------------------------------------------------
export const listProcesses = () => apiFetch('/api/processes', ProcessListResponse);
export const getProcess = (id: string) => apiFetch(`/api/processes/${encodeURIComponent(id)}`, ProcessViewResponse);
/** A process command, with its own commandId so that a retried click is recorded once. */
export const sendProcessCommand = (id: string, command: { type: string } & Record<string, unknown>) =>
  apiFetch(`/api/processes/${encodeURIComponent(id)}/commands`, ProcessCommandResultResponse, {
    body: { ...command, commandId: crypto.randomUUID() },
  });
/** PROPOSAL-12: staff's draft of a proposal from an intervention, to issue as it is or edited. */
export const getProposalDraft = (processId: string, engagementId: string, requestId: string) =>
  apiFetch(
    `/api/processes/${encodeURIComponent(processId)}/drafts?kind=intervention&engagementId=${encodeURIComponent(engagementId)}&requestId=${encodeURIComponent(requestId)}`,
    ProposalDraftResponse,
  );
/** PROCESS-6: link this engagement (its staff only) to a process. */
export const linkEngagement = (processId: string, engagementId: string) =>
  apiFetch(`/api/processes/${encodeURIComponent(processId)}/engagements`, ProcessCommandResultResponse, { body: { engagementId } });
/** PAPER-1: a concept paper's file, checked by the server as written inputs' attachments are. */
export const uploadProcessAttachment = (processId: string, file: File) =>
  apiUpload(`/api/processes/${encodeURIComponent(processId)}/attachments`, 'file', file, AttachmentResponse);
