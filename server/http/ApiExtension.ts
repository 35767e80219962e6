import type { RequestHandler, Router } from 'express';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { EngagementService } from '../engagements/EngagementService.js';
import type { Logger } from './logger.js';

// The contract between the HTTP edge (server/app.ts composes it) and the route files that extend it
// (attachments, summary, breakouts, the LiveKit webhook). It lives in http/ so that no route imports app.ts.

/** What an extension (attachments, summary, breakouts, webhooks) gets to mount its routes under /api. */
export interface ApiContext {
  router: Router;
  requireUser: RequestHandler;
  config: Config;
  clock: Clock;
  engagements: EngagementService;
  logger: Logger;
}
/** What an extension adds to /api/openapi.json: paths (OpenAPI path items) and component schemas. */
export interface OpenApiAdditions {
  paths?: Record<string, Record<string, unknown>>;
  schemas?: Record<string, Record<string, unknown>>;
}
/**
 * Mounts routes on the /api router; may return what it adds to the OpenAPI document, and pages outside /api
 * (the portal page, `/p/…`), mounted before the tab's static files under the app's security headers.
 */
export type ApiExtension = (ctx: ApiContext) => void | { openApi?: OpenApiAdditions; pages?: Router };
