import { Router, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { AppError } from '../appError.js';
import { createAttachmentStore, tooLarge, type AttachmentQuota, type AttachmentStore } from '../attachments/attachmentStore.js';
import type { Config } from '../config.js';
import { can } from '../domain/policies.js';
import type { EngagementService } from '../engagements/EngagementService.js';
import type { ApiExtension } from './ApiExtension.js';
import { actorOf, scopedEngagement, viewerOf } from './engagementRoutes.js';
import { holdRefusal } from './holdRefusal.js';
import { invalidInput } from './validate.js';

// POST /api/engagements/:id/attachments (multipart, one file field `file`) and GET …/attachments/:attachmentId.
// Thin: who may upload is the domain's answer to "may this person submit a written input" (policies, AUTH-1),
// asked before the body is read; what is accepted is the attachment store's (content, not name; size).

export interface AttachmentRouteDeps {
  engagements: EngagementService;
  attachments: AttachmentStore;
  requireUser: RequestHandler;
}

/** multer's and busboy's own errors, mapped to the code table (the one renderer does the rest). */
function fromUploadError(error: unknown, maxBytes: number): AppError {
  if (error instanceof multer.MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') return tooLarge(maxBytes);
    if (error.code === 'LIMIT_UNEXPECTED_FILE' || error.code === 'LIMIT_FILE_COUNT') {
      return invalidInput('attachment', [{ path: 'file', message: 'Send exactly one file, in the form field named "file"' }]);
    }
    return invalidInput('attachment', [{ path: error.field ?? '', message: error.message }]);
  }
  if (error instanceof AppError) return error;
  return invalidInput('attachment', [{ path: '', message: 'The multipart body could not be read; send one file in the field "file"' }]);
}

export function requireMultipart(req: Parameters<RequestHandler>[0]): void {
  if (!req.is('multipart/form-data')) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Send the file as multipart/form-data with one field named "file" (got ${JSON.stringify(req.get('content-type') ?? 'none')}).`,
    );
  }
}

/** Reads one file (the form field `file`) into memory, up to the store's limit; errors in the code table. */
export function receiveOneFile(attachments: AttachmentStore): RequestHandler {
  const options: multer.Options & { defParamCharset: string } = {
    storage: multer.memoryStorage(),
    // UTF-8 file names (Arabic, Chinese, …) arrive as written, not as latin1 mojibake (multer 2 option,
    // missing from its type declarations).
    defParamCharset: 'utf8',
    limits: { fileSize: attachments.maxBytes, files: 1, fields: 10, parts: 12, fieldSize: 10_000 },
  };
  const upload = multer(options).single('file');
  return (req, res, next) => {
    upload(req, res, (error: unknown) => (error ? next(fromUploadError(error, attachments.maxBytes)) : next()));
  };
}

export function attachmentRouter(deps: AttachmentRouteDeps): Router {
  const { engagements, attachments } = deps;
  const router = Router();
  const receive = receiveOneFile(attachments);

  /** The caller may attach documents to written inputs here: the same rule as `input.submit` (AUTH-1). */
  const mayUpload: RequestHandler = async (req, res, next) => {
    const { principal, engagementId } = scopedEngagement(res, req.params.id);
    // LIMIT-1: an upload takes a token of the caller's command bucket, before its body is read.
    const refusal = engagements.admitCommand(engagementId, actorOf(principal));
    if (refusal) await holdRefusal(refusal);
    const view = engagements.get(engagementId, viewerOf(principal));
    if (!can(view, actorOf(principal), 'input.submit')) {
      throw new AppError(
        'FORBIDDEN',
        'Only approved delegations, stakeholders and the Chair’s team may attach documents to written input in this engagement.',
      );
    }
    requireMultipart(req);
    next();
  };

  router.post('/engagements/:id/attachments', deps.requireUser, mayUpload, receive, async (req, res) => {
    const { principal, engagementId } = scopedEngagement(res, req.params.id);
    const file = req.file;
    // LIMIT-4: staff's files are not counted per uploader (the engagement's total still holds).
    const staff = engagements.get(engagementId, viewerOf(principal)).me.audience === 'staff';
    if (!file) throw invalidInput('attachment', [{ path: 'file', message: 'Required: one file in the form field named "file"' }]);
    const saved = await attachments.save(engagementId, {
      filename: file.originalname,
      bytes: file.buffer,
      uploadedBy: principal.user.userId,
      counted: !staff,
    });
    res.status(201).json(saved);
  });

  router.get('/engagements/:id/attachments/:attachmentId', deps.requireUser, async (req, res) => {
    const { principal, engagementId } = scopedEngagement(res, req.params.id);
    const view = engagements.get(engagementId, viewerOf(principal));
    // Written inputs are shared with those who take part (VIEW-6), so their files are too.
    if (view.me.status !== 'approved') {
      throw new AppError('FORBIDDEN', 'Attachments are for the approved participants of this engagement.');
    }
    const { meta, bytes } = await attachments.open(engagementId, String(req.params.attachmentId));
    sendDownload(res, meta.filename, meta.contentType.startsWith('text/') ? `${meta.contentType}; charset=utf-8` : meta.contentType, bytes);
  });

  return router;
}

/** A file to save, never to render in our origin: attachment disposition, nosniff, and a sandbox if opened anyway. */
export function sendDownload(res: Response, filename: string, contentType: string, body: Buffer | string): void {
  res.attachment(filename);
  res.setHeader('Content-Type', contentType);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.send(body);
}

/** LIMIT-4 from the configuration. */
export const attachmentQuotaOf = (config: Config): AttachmentQuota => ({
  perUploader: config.limits.attachmentsPerParticipant,
  totalBytes: config.limits.attachmentTotalBytesPerEngagement,
});

/** For `createApp({ extensions: [attachmentExtension()] })`; builds the store from DATA_DIR and ATTACHMENT_MAX_BYTES unless given one. */
export function attachmentExtension(attachments?: AttachmentStore): ApiExtension {
  return (ctx) => {
    const store =
      attachments ??
      createAttachmentStore({
        dataDir: ctx.config.dataDir,
        maxBytes: ctx.config.attachmentMaxBytes,
        now: () => ctx.clock.now(),
        quota: attachmentQuotaOf(ctx.config),
      });
    ctx.router.use(attachmentRouter({ engagements: ctx.engagements, attachments: store, requireUser: ctx.requireUser }));
    return {
      openApi: {
        paths: {
          '/api/engagements/{id}/attachments': {
            post: {
              summary: 'Upload one document (PDF, DOCX, ODT, TXT, Markdown; checked by content; size-limited) for a written input',
              requestBody: {
                content: {
                  'multipart/form-data': {
                    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
                  },
                },
              },
              responses: {
                '201': { description: '{ id, filename, size, sha256, contentType }' },
                '409': { description: 'RULE_VIOLATION LIMIT-4: the participant uploaded as many attachments as they may' },
                '413': { description: 'Too large, or the engagement holds as many bytes of attachments as it may (LIMIT-4)' },
                '415': { description: 'Not an accepted document' },
                '429': { description: 'RATE_LIMITED (LIMIT-1), with Retry-After' },
              },
            },
          },
          '/api/engagements/{id}/attachments/{attachmentId}': {
            get: {
              summary: 'Download an attachment (approved participants)',
              responses: { '200': { description: 'The file, as an attachment' } },
            },
          },
        },
      },
    };
  };
}
