import { Router } from 'express';
import { AppError } from '../appError.js';
import type { Clock } from '../clock.js';
import type { EngagementService } from '../engagements/EngagementService.js';
import type { Authenticator } from './auth.js';
import { scopedEngagement, viewerOf } from './engagementRoutes.js';
import { createSseSink, jitteredRetryMs, type SseSink } from './sseStream.js';

// GET /api/engagements/:id/stream: the live stream (docs/api.md). Bearer-authenticated like every other
// endpoint (the tab uses a fetch-based EventSource), resumable with Last-Event-ID. The stream ends when
// the token expires, with a retry hint, so that the client comes back with a fresh token.

export interface OpenStreams {
  /** Ends every open stream with a retry hint (graceful shutdown). */
  endAll(reason: string): void;
  readonly size: number;
}

export function createStreamRouter(deps: {
  engagements: EngagementService;
  clock: Clock;
  authenticator: Authenticator;
  heartbeatMs?: number;
  /** LIMIT-5: streams this instance holds at most; one more is 503 SERVER_BUSY with Retry-After. */
  maxStreams?: number;
}): { router: Router; streams: OpenStreams } {
  const open = new Set<SseSink>();
  const router = Router();

  router.get('/engagements/:id/stream', deps.authenticator.requireUser, (req, res) => {
    const { principal, engagementId } = scopedEngagement(res, req.params.id);
    if (open.size >= (deps.maxStreams ?? Number.POSITIVE_INFINITY)) {
      const seconds = 5 + Math.floor(Math.random() * 26);
      throw new AppError(
        'SERVER_BUSY',
        `This server holds as many live streams as it may. The tab reconnects by itself; try again in ${seconds} seconds.`,
        { retryAfterSeconds: seconds },
      );
    }
    const lastEventId = req.get('last-event-id')?.trim() || null;
    const sink = createSseSink(res, deps.clock, { heartbeatMs: deps.heartbeatMs });
    let unsubscribe: () => void;
    try {
      unsubscribe = deps.engagements.subscribe(engagementId, viewerOf(principal), lastEventId, sink);
    } catch (error) {
      // Nothing was written yet: the refusal is rendered as problem+json.
      sink.discard();
      throw error;
    }
    open.add(sink);
    const expiry = deps.clock.setTimer(Math.max(principal.expiresAt - deps.clock.now().getTime(), 0), () =>
      sink.end(jitteredRetryMs(), 'token expired'),
    );
    sink.onClose(() => {
      expiry.cancel();
      open.delete(sink);
      unsubscribe();
    });
    sink.begin();
  });

  return {
    router,
    streams: {
      endAll(reason) {
        for (const sink of [...open]) sink.end(jitteredRetryMs(500, 5_000), reason);
      },
      get size() {
        return open.size;
      },
    },
  };
}
