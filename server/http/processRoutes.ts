import { Router, type RequestHandler, type Response } from 'express';
import { AppError } from '../appError.js';
import type { AttachmentStore } from '../attachments/attachmentStore.js';
import type { Clock } from '../clock.js';
import { isInternalProcessCommand, PROCESS_COMMAND_TYPES, ProcessCommand } from '../domain/process/commands.js';
import { canProcess, processAccessOf } from '../domain/process/policies.js';
import type { ProcessView } from '../domain/process/visibility.js';
import type { DraftSource, ProcessService, ProcessStreamSink } from '../processes/ProcessService.js';
import { portalListing } from '../portal/portalListing.js';
import { portalLanguageOf, renderPortalPage } from '../portal/portalPage.js';
import { buildAnnex, portalPaperUrl } from '../summary/annex/buildAnnex.js';
import { renderAnnex } from '../summary/annex/renderAnnex.js';
import type { ApiExtension } from './ApiExtension.js';
import { receiveOneFile, requireMultipart, sendDownload } from './attachmentRoutes.js';
import { principalOf, type Principal } from './auth.js';
import { actorOf, viewerOf } from './engagementRoutes.js';
import { processOpenApi } from './processOpenApi.js';
import { requireJson } from './requireJson.js';
import { createSseSink, jitteredRetryMs } from './sseStream.js';
import { invalidInput, validate } from './validate.js';
import {
  AnnexQuery,
  CommandEnvelope,
  CreateProcessBody,
  LinkEngagementBody,
  PortalQuery,
  ProcessIdParam,
  ProposalDraftQuery,
} from './wireSchemas.js';

// The process endpoints (docs/api.md "Processes") and the portal page: thin (auth → validate → one call →
// reply), as the engagement's. Who may do what is the process's policies and rules (PROCESS-2), and the
// checks across aggregates run in the write path (server/processes/crossChecks.ts), never here.

export interface ProcessRouteDeps {
  processes: ProcessService;
  attachments: AttachmentStore;
  clock: Clock;
  requireUser: RequestHandler;
  publicUrl: string;
  heartbeatMs?: number;
}

/** Papers are kept in the attachment store beside the engagements' files, under a key of their own. */
export const processAttachmentKey = (processId: string): string => `process-${processId}`;

/** PAPER-1 for the write path: the file was uploaded to this process (and so passed the written inputs' checks). */
export async function attachmentExistsIn(attachments: AttachmentStore, processId: string, attachmentId: string): Promise<boolean> {
  const held = await attachments.names(processAttachmentKey(processId), [attachmentId]);
  return Object.hasOwn(held, attachmentId);
}

const processIdOf = (raw: unknown): string => {
  const parsed = ProcessIdParam.safeParse(raw);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'There is no process with this id.');
  return parsed.data;
};

/** The signed-in caller, unless on an invitation session (those reach the one engagement they were issued for). */
function unscopedPrincipal(res: Response): Principal {
  const principal = principalOf(res);
  if (principal.scope) {
    throw new AppError(
      'FORBIDDEN',
      'An invitation session can only take part in the engagement it was issued for; sign in through Teams to work on a process.',
    );
  }
  return principal;
}

/** The process the request names, for a caller who is not on an invitation session. */
function scopedProcess(res: Response, rawId: unknown): { principal: Principal; processId: string } {
  return { principal: unscopedPrincipal(res), processId: processIdOf(rawId) };
}

/** POST /commands: `{ type, ...fields, commandId?, expectedVersion? }` → the process command and its options. */
function parseProcessCommand(body: unknown) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidInput('command', [{ path: '', message: 'The body must be a JSON object with a `type`' }]);
  }
  const { commandId, expectedVersion, ...fields } = body as Record<string, unknown>;
  const envelope = validate(CommandEnvelope, { commandId, expectedVersion }, 'command');
  const type = fields.type;
  if (typeof type !== 'string' || !(PROCESS_COMMAND_TYPES as string[]).includes(type)) {
    throw invalidInput('command', [
      {
        path: 'type',
        message:
          typeof type === 'string'
            ? `Unknown process command "${type.slice(0, 60)}"`
            : 'Required: the command type, e.g. "proposal.putForward"',
      },
    ]);
  }
  if (isInternalProcessCommand(type)) {
    throw new AppError('FORBIDDEN', `"${type}" is issued through its own endpoint (POST /api/processes), never through POST /commands.`);
  }
  return { command: validate(ProcessCommand, fields, type), ...envelope };
}

function draftSourceOf(query: ReturnType<typeof ProposalDraftQuery.parse>): DraftSource {
  const missing = (field: string) => invalidInput('draft', [{ path: field, message: `Required for kind=${query.kind}` }]);
  switch (query.kind) {
    case 'intervention':
      if (!query.requestId) throw missing('requestId');
      return { kind: 'intervention', engagementId: query.engagementId, requestId: query.requestId };
    case 'written-input':
      if (!query.inputId) throw missing('inputId');
      return { kind: 'written-input', engagementId: query.engagementId, inputId: query.inputId };
    case 'breakout-report':
      if (!query.roundId) throw missing('roundId');
      if (!query.roomId) throw missing('roomId');
      return {
        kind: 'breakout-report',
        engagementId: query.engagementId,
        roundId: query.roundId,
        roomId: query.roomId,
        index: query.index ?? 0,
      };
  }
}

/** Whether this view shows a version of a paper with this attachment (PROCESS-VIEW-2/5 decide which). */
const showsAttachment = (view: ProcessView, attachmentId: string): boolean =>
  Object.values(view.papers).some((paper) => paper.versions.some((v) => v.attachmentId === attachmentId));

export function processRouter(deps: ProcessRouteDeps): Router {
  const { processes, attachments, clock } = deps;
  const router = Router();
  router.use('/processes', deps.requireUser);
  const serverNow = () => clock.now().toISOString();

  router.post('/processes', requireJson, async (req, res) => {
    const principal = unscopedPrincipal(res);
    const input = validate(CreateProcessBody, req.body ?? {}, 'process.create');
    const view = await processes.create(principal.user, input);
    res.status(201).json({ ...view, serverNow: serverNow() });
  });

  router.get('/processes', (_req, res) => {
    const principal = unscopedPrincipal(res);
    res.json(processes.list(principal.user));
  });

  router.get('/processes/:processId', (req, res) => {
    const { principal, processId } = scopedProcess(res, req.params.processId);
    res.json({ ...processes.get(processId, viewerOf(principal)), serverNow: serverNow() });
  });

  router.post('/processes/:processId/commands', requireJson, async (req, res) => {
    const { principal, processId } = scopedProcess(res, req.params.processId);
    const { command, commandId, expectedVersion } = parseProcessCommand(req.body);
    const result = await processes.execute(processId, actorOf(principal), command, { commandId, expectedVersion });
    res.json({ version: result.version, events: result.events });
  });

  router.post('/processes/:processId/engagements', requireJson, async (req, res) => {
    const { principal, processId } = scopedProcess(res, req.params.processId);
    const { engagementId } = validate(LinkEngagementBody, req.body ?? {}, 'process.linkEngagement');
    const result = await processes.linkEngagement(processId, principal.user, engagementId);
    res.json({ version: result.version, events: result.events });
  });

  router.get('/processes/:processId/drafts', (req, res) => {
    const { principal, processId } = scopedProcess(res, req.params.processId);
    const query = validate(ProposalDraftQuery, { ...req.query }, 'draft');
    res.json(processes.draft(processId, viewerOf(principal), draftSourceOf(query)));
  });

  router.get('/processes/:processId/annex', async (req, res) => {
    const { principal, processId } = scopedProcess(res, req.params.processId);
    const { format } = validate(AnnexQuery, { ...req.query }, 'annex');
    const { state } = processes.stateOf(processId);
    // The annex is the Chair's: staff export it (ANNEX-2 keeps it non-attributive whoever reads it after).
    if (processAccessOf(state, viewerOf(principal)).audience !== 'staff') {
      throw new AppError('FORBIDDEN', 'The Chair and the secretariat export the progress-report annex.');
    }
    const annex = buildAnnex(state, {
      generatedAt: serverNow(),
      paperUrl: (id, paperId, version) => `${deps.publicUrl}${portalPaperUrl(id, paperId, version)}`,
    });
    const file = await renderAnnex(annex, format);
    sendDownload(res, file.filename, file.contentType, file.body);
  });

  /** PAPER-1: whoever may submit a concept paper here uploads its file, checked as written inputs' are. */
  const mayUpload: RequestHandler = (req, res, next) => {
    const { principal, processId } = scopedProcess(res, req.params.processId);
    const { state } = processes.stateOf(processId);
    if (!canProcess(state, actorOf(principal), 'paper.submit')) {
      throw new AppError('FORBIDDEN', 'Staff, delegations and stakeholders of this process upload concept papers.', { rule: 'PROCESS-2' });
    }
    requireMultipart(req);
    next();
  };

  router.post('/processes/:processId/attachments', mayUpload, receiveOneFile(attachments), async (req, res) => {
    const { principal, processId } = scopedProcess(res, req.params.processId);
    const file = req.file;
    if (!file) throw invalidInput('attachment', [{ path: 'file', message: 'Required: one file in the form field named "file"' }]);
    const saved = await attachments.save(processAttachmentKey(processId), {
      filename: file.originalname,
      bytes: file.buffer,
      uploadedBy: principal.user.userId,
    });
    res.status(201).json(saved);
  });

  router.get('/processes/:processId/attachments/:attachmentId', async (req, res) => {
    const { principal, processId } = scopedProcess(res, req.params.processId);
    const attachmentId = String(req.params.attachmentId);
    // A paper's file is read by whoever sees that version of the paper (staff and proponents: every version; others: published ones).
    if (!showsAttachment(processes.get(processId, viewerOf(principal)), attachmentId)) {
      throw new AppError('FORBIDDEN', 'This file is not a concept paper you may read in this process.');
    }
    const { meta, bytes } = await attachments.open(processAttachmentKey(processId), attachmentId);
    sendDownload(res, meta.filename, meta.contentType.startsWith('text/') ? `${meta.contentType}; charset=utf-8` : meta.contentType, bytes);
  });

  router.get('/processes/:processId/stream', (req, res) => {
    const { principal, processId } = scopedProcess(res, req.params.processId);
    const lastEventId = req.get('last-event-id')?.trim() || null;
    const sink = createSseSink(res, clock, { heartbeatMs: deps.heartbeatMs });
    let unsubscribe: () => void;
    try {
      // The SSE framing only serializes: a process's view and events go out as an engagement's do.
      unsubscribe = processes.subscribe(processId, viewerOf(principal), lastEventId, sink as unknown as ProcessStreamSink);
    } catch (error) {
      sink.discard();
      throw error;
    }
    const expiry = clock.setTimer(Math.max(principal.expiresAt - clock.now().getTime(), 0), () =>
      sink.end(jitteredRetryMs(), 'token expired'),
    );
    sink.onClose(() => {
      expiry.cancel();
      unsubscribe();
    });
    sink.begin();
  });

  return router;
}

/** The portal (no sign-in, PROCESS-VIEW-5): `/p/:processId` and the published papers' files. */
export function portalRouter(deps: Pick<ProcessRouteDeps, 'processes' | 'attachments'>): Router {
  const router = Router();
  const listingOf = (raw: unknown) => portalListing(deps.processes.stateOf(processIdOf(raw)).state);

  router.get('/p/:processId', (req, res) => {
    const listing = listingOf(req.params.processId);
    const lang = portalLanguageOf(PortalQuery.parse({ ...req.query }).lang, req.get('accept-language'));
    const base = `/p/${encodeURIComponent(listing.processId)}/papers`;
    const html = renderPortalPage(listing, lang, (paper) => `${base}/${encodeURIComponent(paper.paperId)}/${paper.version}`);
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(html);
  });

  router.get('/p/:processId/papers/:paperId/:version', async (req, res) => {
    const listing = listingOf(req.params.processId);
    const paper = listing.themes
      .flatMap((t) => t.questions.flatMap((q) => q.papers))
      .find((p) => p.paperId === req.params.paperId && String(p.version) === req.params.version);
    if (!paper) throw new AppError('NOT_FOUND', 'No published concept paper has this id and version.');
    const { meta, bytes } = await deps.attachments.open(processAttachmentKey(listing.processId), paper.attachmentId);
    sendDownload(res, meta.filename, meta.contentType, bytes);
  });

  return router;
}

/** For `createApp({ extensions: [processExtension(processes, attachments)] })`: the API under /api and the portal page. */
export function processExtension(processes: ProcessService, attachments: AttachmentStore): ApiExtension {
  return (ctx) => {
    ctx.router.use(
      processRouter({ processes, attachments, clock: ctx.clock, requireUser: ctx.requireUser, publicUrl: ctx.config.publicUrl }),
    );
    return { openApi: processOpenApi(), pages: portalRouter({ processes, attachments }) };
  };
}
