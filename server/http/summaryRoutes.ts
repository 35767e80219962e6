import { createHash } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { AppError } from '../appError.js';
import type { ApiExtension } from './ApiExtension.js';
import type { AttachmentStore } from '../attachments/attachmentStore.js';
import type { Clock } from '../clock.js';
import { canonicalJson } from '../domain/summaryReview/canonicalJson.js';
import { applyParagraphEdits } from '../domain/summaryReview/paragraphKeys.js';
import { versionsOf, type SummaryReviewState } from '../domain/summaryReview/state.js';
import { summaryAccessOf } from '../domain/summaryReview/visibility.js';
import type { EngagementView } from '../domain/view.js';
import { SummaryLanguage } from '../domain/vocabulary.js';
import type { EngagementService } from '../engagements/EngagementService.js';
import { buildSummary } from '../summary/buildSummary.js';
import { renderSummary, SUMMARY_FORMATS, summaryFilename } from '../summary/renderSummary.js';
import { Summary } from '../summary/Summary.js';
import { sendDownload } from './attachmentRoutes.js';
import { scopedEngagement, viewerOf } from './engagementRoutes.js';
import { queryParameters } from './openApiOperations.js';
import { requireJson } from './requireJson.js';
import { validate } from './validate.js';

// GET /api/engagements/:id/summary?format=…[&version=N][&attributive=1], GET …/summary/versions and
// POST …/summary/publish. What a caller may download is the domain's answer (`summaryAccessOf`,
// SUMMARY-VIEW-1..5); the text is `buildSummary` over the caller's own view of the engagement, with the
// Chair's paragraph edits applied (SUMMARY-1); a published version is rendered from its stored canonical
// JSON (SUMMARY-9), never rebuilt.

export interface SummaryRouteDeps {
  engagements: EngagementService;
  clock: Clock;
  requireUser: RequestHandler;
  /** For the file names in the written-inputs annex; without it the annex lists ids only. */
  attachments?: AttachmentStore;
}

export const SummaryQuery = z.strictObject({
  format: z.enum(SUMMARY_FORMATS).default('md'),
  version: z.coerce.number().int().min(1).max(1_000_000).optional(),
  /** LIFE-7: the language to write it in; without it, the engagement's (a published version: the one it was published in). */
  lang: SummaryLanguage.optional(),
  attributive: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The summary cycle as this viewer sees it (SUMMARY-VIEW-1..5). */
const reviewOf = (view: EngagementView): SummaryReviewState => view.summaryReview;

export function summaryRouter(deps: SummaryRouteDeps): Router {
  const { engagements, clock } = deps;
  const router = Router();

  /** The draft as built now from the caller's view, with the Chair's wording in place (SUMMARY-1). */
  const draftOf = async (
    view: EngagementView,
    review: SummaryReviewState,
    options: { attributive: boolean; status: Summary['metadata']['status']; version: number | null; language?: SummaryLanguage },
  ): Promise<Summary> => {
    const attachmentIds = Object.values(view.inputs).flatMap((input) => input.attachmentIds);
    const attachmentNames = deps.attachments ? await deps.attachments.names(view.id, attachmentIds) : {};
    const built = buildSummary(view, { generatedAt: clock.now().toISOString(), attachmentNames, ...options });
    return Summary.parse(applyParagraphEdits(built, review.edits));
  };

  router.get('/engagements/:id/summary', deps.requireUser, async (req, res) => {
    const { principal, engagementId } = scopedEngagement(res, req.params.id);
    const query = validate(SummaryQuery, { ...req.query }, 'summary');
    const view = engagements.get(engagementId, viewerOf(principal));
    const review = reviewOf(view);
    const access = summaryAccessOf(review, view.me);
    if (query.attributive && !access.attributive) {
      throw new AppError('FORBIDDEN', 'The attributive annex (who said what) is for the Chair and the secretariat only.');
    }

    if (query.version === undefined && access.draft) {
      const status = review.status === 'circulated' ? 'circulated' : 'draft';
      // Built from the Chair's view for every reader: a reviewer's own view holds only their own room and no
      // attendance, which would skew the breakout figures; the body names no one (SUMMARY-VIEW-2).
      const source = engagements.draftSummarySource(engagementId, viewerOf(principal));
      const draft = await draftOf(source, review, { attributive: query.attributive, status, version: null, language: query.lang });
      const rendered = await renderSummary(draft, query.format);
      sendDownload(res, rendered.filename, rendered.contentType, rendered.body);
      return;
    }
    if (!access.published) {
      throw new AppError('FORBIDDEN', 'The summary is for the participants of this engagement; it is published once the Chair issues it.');
    }
    if (query.attributive) {
      throw new AppError('INVALID_INPUT', 'A published version has no attributive annex; ask for the draft without `version`.', {
        issues: [{ path: 'attributive', message: 'Not available with version' }],
      });
    }
    if (review.published.length === 0) throw new AppError('NOT_FOUND', 'No version of the summary has been published yet.');
    const published = engagements.publishedSummary(engagementId, viewerOf(principal), query.version);
    res.setHeader('X-Summary-Version', String(published.version));
    res.setHeader('X-Summary-Content-Hash', published.contentHash);
    const summary = Summary.parse(JSON.parse(published.content));
    if (query.format === 'json') {
      // SUMMARY-9: the JSON of a published version is the published bytes, so anyone can check its hash.
      sendDownload(res, summaryFilename(summary, 'json'), 'application/json; charset=utf-8', published.content);
      return;
    }
    // The record stays as published; `lang` changes only the words around it (headings, tables, labels).
    const rendered = await renderSummary(summary, query.format, query.lang);
    sendDownload(res, rendered.filename, rendered.contentType, rendered.body);
  });

  router.get('/engagements/:id/summary/versions', deps.requireUser, (req, res) => {
    const { principal, engagementId } = scopedEngagement(res, req.params.id);
    const view = engagements.get(engagementId, viewerOf(principal));
    const review = reviewOf(view);
    if (!summaryAccessOf(review, view.me).published) {
      throw new AppError('FORBIDDEN', 'Published versions of the summary are for the participants of this engagement.');
    }
    res.json(versionsOf(review));
  });

  router.post('/engagements/:id/summary/publish', deps.requireUser, requireJson, async (req, res) => {
    const { principal, engagementId } = scopedEngagement(res, req.params.id);
    const view = engagements.get(engagementId, viewerOf(principal));
    const review = reviewOf(view);
    if (!summaryAccessOf(review, view.me).publish) {
      throw new AppError('FORBIDDEN', 'Only the Chair and the secretariat publish the summary.');
    }
    // SUMMARY-8/9: built here, by the server, from the full (staff) view; the write path numbers the version and,
    // with expectedVersion, refuses (409) if anything changed since this build, so the number inside matches.
    const version = review.published.length + 1;
    const content = canonicalJson(await draftOf(view, review, { attributive: false, status: 'published', version }));
    const contentHash = sha256Hex(content);
    const result = await engagements.publishSummary(
      engagementId,
      principal.user,
      { content, contentHash },
      { expectedVersion: view.version },
    );
    const event = result.events.find((e) => e.type === 'summary.published');
    res.status(201).json({ version: event?.type === 'summary.published' ? event.summaryVersion : version, contentHash });
  });

  return router;
}

/** For `createApp({ extensions: [summaryExtension(attachments)] })`. */
export function summaryExtension(attachments?: AttachmentStore): ApiExtension {
  return (ctx) => {
    ctx.router.use(summaryRouter({ engagements: ctx.engagements, clock: ctx.clock, requireUser: ctx.requireUser, attachments }));
    return {
      openApi: {
        paths: {
          '/api/engagements/{id}/summary': {
            get: {
              summary: "The Chair's summary as a file: the draft (staff; reviewers while circulated) or a published version (members)",
              parameters: queryParameters(SummaryQuery),
              responses: { '200': { description: 'The file, with a Content-Disposition file name' } },
            },
          },
          '/api/engagements/{id}/summary/versions': {
            get: {
              summary: 'Published versions: [{ version, publishedAt, contentHash }]',
              responses: { '200': { description: 'The versions, oldest first' } },
            },
          },
          '/api/engagements/{id}/summary/publish': {
            post: {
              summary: 'Publish the next version (chair, secretariat): { version, contentHash }',
              responses: { '201': { description: 'Published' } },
            },
          },
        },
      },
    };
  };
}
