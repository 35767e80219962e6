import express, { Router } from 'express';
import { AppError } from '../appError.js';
import type { Clock } from '../clock.js';
import type { Command } from '../domain/commands.js';
import { DomainError } from '../domain/errors.js';
import type { ApiExtension } from './ApiExtension.js';
import { closeReopenedRoom, reopenedAfterEnd } from '../engagements/breakoutMedia.js';
import type { EngagementService } from '../engagements/EngagementService.js';
import { createLiveKitAdapter, type LiveKitAdapter, type LiveKitWebhookEvent } from '../integrations/livekit.js';
import type { Logger } from './logger.js';

// POST /api/livekit/webhook: LiveKit's signed webhooks become attendance (BREAKOUT-23..27), and a room of an
// ended round that a late joiner opened again is closed again (BREAKOUT-29). Thin: verify the signature over
// the raw bytes (the adapter), refuse stale or future events (replay window), map the event to an internal
// command and run it through the one write path as the system. The command id is
// `livekit-<event id>`: a redelivered webhook is the same command, which the store's UNIQUE(command id)
// answers with the first result, so duplicates record nothing twice (BREAKOUT-23..27).

/** Events older than this are refused: the webhook token itself is only valid 5 minutes. */
export const WEBHOOK_MAX_AGE_SECONDS = 5 * 60;
/** Clock skew allowed for an event that seems to come from the future (LiveKit allows 60 s on tokens). */
export const WEBHOOK_MAX_FUTURE_SECONDS = 60;
const WEBHOOK_BODY_LIMIT = '256kb';

const ROOM_NAME = /^breakout-(.+)-(\d+)$/;

/** The round a LiveKit room name belongs to (BREAKOUT-14 names), or null for any other room. */
export function roundIdOfRoom(roomName: string): string | null {
  return ROOM_NAME.exec(roomName)?.[1] ?? null;
}

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

/** The attendance command a webhook means, or null for events that carry no attendance (tracks, room_started). */
export function attendanceCommandOf(event: LiveKitWebhookEvent): Command | null {
  const roomName = event.room?.name;
  if (!roomName) return null;
  const at = iso(event.createdAt * 1000);
  const p = event.participant;
  switch (event.event) {
    case 'participant_joined':
      if (!p) return null;
      return {
        type: 'breakouts.recordAttendance',
        roomName,
        participantSid: p.sid,
        identity: p.identity,
        joinedAt: p.joinedAtMs > 0 ? iso(p.joinedAtMs) : at,
        source: 'webhook',
      };
    case 'participant_left':
      if (!p) return null;
      // The leave carries the connection's join time too: attendance survives a lost participant_joined.
      return {
        type: 'breakouts.recordAttendance',
        roomName,
        participantSid: p.sid,
        identity: p.identity,
        ...(p.joinedAtMs > 0 ? { joinedAt: iso(p.joinedAtMs) } : {}),
        leftAt: at,
        source: 'webhook',
      };
    case 'participant_connection_aborted':
      // Media never connected (no participant_joined before it): a leave without a join.
      if (!p) return null;
      return { type: 'breakouts.recordAttendance', roomName, participantSid: p.sid, identity: p.identity, leftAt: at, source: 'webhook' };
    case 'room_finished':
      return { type: 'breakouts.closeAttendance', roomName, at };
    default:
      return null;
  }
}

/** The signature proves who sent it, `createdAt` how fresh it is; a replay is neither new nor retried. */
export function assertFresh(
  createdAtSeconds: number,
  now: Date,
  maxAge = WEBHOOK_MAX_AGE_SECONDS,
  maxFuture = WEBHOOK_MAX_FUTURE_SECONDS,
): void {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (!Number.isFinite(createdAtSeconds) || createdAtSeconds <= 0) {
    throw new AppError('UNAUTHENTICATED', 'The LiveKit webhook has no creation time, so it cannot be checked for replay.');
  }
  if (nowSeconds - createdAtSeconds > maxAge) {
    throw new AppError(
      'UNAUTHENTICATED',
      `The LiveKit webhook was created ${nowSeconds - createdAtSeconds} s ago, more than ${maxAge} s: it is refused as a possible replay.`,
    );
  }
  if (createdAtSeconds - nowSeconds > maxFuture) {
    throw new AppError(
      'UNAUTHENTICATED',
      `The LiveKit webhook claims to be created ${createdAtSeconds - nowSeconds} s in the future; check the clocks (NTP) of LiveKit and Convene.`,
    );
  }
}

export type WebhookOutcome = 'recorded' | 'ignored' | 'refused';

/**
 * Runs the attendance command of one verified webhook. A rule refusal (a room that is not ours, nothing new)
 * is logged and answered 200, since LiveKit would otherwise retry it for nothing; storage failures propagate
 * (503), which LiveKit does retry. A room of an ended round opened again is deleted again first (BREAKOUT-29).
 */
export async function applyWebhook(
  event: LiveKitWebhookEvent,
  deps: { engagements: EngagementService; logger: Logger; adapter?: Pick<LiveKitAdapter, 'deleteRoom'> | null },
): Promise<WebhookOutcome> {
  // Several instances: the round may have been started or ended on another one a moment ago.
  const named = event.room ? roundIdOfRoom(event.room.name) : null;
  if (named !== null) await deps.engagements.lookUpBreakoutRound(named);
  if (await closedAgain(event, deps)) return 'refused';
  const command = attendanceCommandOf(event);
  if (!command || !event.room) return 'ignored';
  const roundId = roundIdOfRoom(event.room.name);
  const engagementId = roundId === null ? null : (deps.engagements.breakoutRound(roundId)?.engagementId ?? null);
  if (engagementId === null) {
    deps.logger.warn('LiveKit webhook for a room that is no breakout room of any engagement (BREAKOUT-23)', {
      event: event.event,
      id: event.id,
      room: event.room.name,
    });
    return 'refused';
  }
  try {
    await deps.engagements.execute(engagementId, { kind: 'system' }, command, { commandId: `livekit-${event.id}` });
    return 'recorded';
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    deps.logger.info('LiveKit webhook refused by a rule', {
      event: event.event,
      id: event.id,
      room: event.room.name,
      engagementId,
      ...refusal,
    });
    return 'refused';
  }
}

/**
 * BREAKOUT-29: a `room_started` or `participant_joined` that shows a room of an ended round open again (a late
 * joiner's still-valid token re-created it): the room is deleted again and nothing in it is attendance. A
 * redelivery deletes nothing more (LiveKit's 404 counts as closed); LiveKit being unreachable propagates
 * (503), so LiveKit delivers the webhook again.
 */
async function closedAgain(
  event: LiveKitWebhookEvent,
  deps: { engagements: EngagementService; logger: Logger; adapter?: Pick<LiveKitAdapter, 'deleteRoom'> | null },
): Promise<boolean> {
  const roomName = event.room?.name;
  const roundId = roomName ? roundIdOfRoom(roomName) : null;
  const round = roundId === null ? null : deps.engagements.breakoutRound(roundId);
  const endedAt = round?.endedAt ?? null;
  if (!roomName || endedAt === null || !reopenedAfterEnd(event, endedAt)) return false;
  const engagementId = round!.engagementId;
  if (!deps.adapter) {
    deps.logger.warn('LiveKit room of an ended breakout round is open again, and no adapter is here to close it (BREAKOUT-29)', {
      event: event.event,
      id: event.id,
      room: roomName,
      engagementId,
    });
    return true;
  }
  const { existed } = await closeReopenedRoom(deps.adapter, roomName);
  deps.logger.warn(
    'LiveKit room of an ended breakout round was opened again (a late join with a still-valid token); closed it again (BREAKOUT-29)',
    {
      event: event.event,
      id: event.id,
      room: roomName,
      engagementId,
      roundEndedAt: endedAt,
      deleted: existed,
      ...(event.participant ? { identity: event.participant.identity, participantSid: event.participant.sid } : {}),
    },
  );
  return true;
}

/** A domain refusal (the rule and why), or null for a failure that should make LiveKit retry. */
export function refusalOf(error: unknown): { rule?: string; detail: string } | null {
  if (error instanceof DomainError) return { rule: error.rule, detail: error.detail };
  if (error instanceof AppError && (error.code === 'RULE_VIOLATION' || error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) {
    return { rule: error.extra.rule, detail: error.detail };
  }
  return null;
}

export interface LiveKitWebhookDeps {
  /** Default: an adapter built from LIVEKIT_* (ctx.config.livekit); null (or none configured): 404. */
  adapter?: Pick<LiveKitAdapter, 'receiveWebhook' | 'deleteRoom'> | null;
}

export function livekitWebhookRouter(deps: {
  adapter: Pick<LiveKitAdapter, 'receiveWebhook' | 'deleteRoom'> | null;
  engagements: EngagementService;
  clock: Clock;
  logger: Logger;
}): Router {
  const router = Router();
  // Raw bytes on this route only: the signature's sha256 covers the body exactly as sent.
  router.post('/livekit/webhook', express.raw({ type: 'application/webhook+json', limit: WEBHOOK_BODY_LIMIT }), async (req, res) => {
    if (!deps.adapter) {
      throw new AppError(
        'NOT_FOUND',
        'No LiveKit server is configured here (LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET), so this server takes no LiveKit webhooks.',
      );
    }
    if (!Buffer.isBuffer(req.body)) {
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        'LiveKit webhooks arrive as `Content-Type: application/webhook+json`; nothing else is read here.',
      );
    }
    const event = await deps.adapter.receiveWebhook(req.body, req.get('authorization'));
    assertFresh(event.createdAt, deps.clock.now());
    const outcome = await applyWebhook(event, deps);
    res.status(200).json({ id: event.id, outcome });
  });
  return router;
}

/**
 * For `createApp({ extensions: [livekitWebhookExtension()] })`. A webhook names only a room; the engagement
 * service knows which engagement each round belongs to (engagementIndexes.ts).
 */
export function livekitWebhookExtension(deps: LiveKitWebhookDeps = {}): ApiExtension {
  return (ctx) => {
    const adapter = deps.adapter !== undefined ? deps.adapter : ctx.config.livekit ? createLiveKitAdapter(ctx.config.livekit) : null;
    ctx.router.use(livekitWebhookRouter({ adapter, engagements: ctx.engagements, clock: ctx.clock, logger: ctx.logger }));
    return {
      openApi: {
        paths: {
          '/api/livekit/webhook': {
            post: {
              summary:
                'LiveKit’s signed webhooks (raw body; `Authorization` is the raw JWT LiveKit signs, whose sha256 claim covers the body). Participant joins and leaves become breakout attendance.',
              security: [],
              requestBody: {
                required: true,
                content: { 'application/webhook+json': { schema: { type: 'object', description: 'LiveKit WebhookEvent (protojson)' } } },
              },
              responses: {
                '200': {
                  description: '`{ id, outcome: "recorded" | "ignored" | "refused" }`: delivered; a refusal is logged, not retried',
                },
                '401': { description: 'UNAUTHENTICATED: bad or missing signature, or `createdAt` older than 5 min / more than 60 s ahead' },
                '404': { description: 'NOT_FOUND: no LiveKit server is configured' },
                '415': { description: 'UNSUPPORTED_MEDIA_TYPE: not application/webhook+json' },
                '503': { description: 'STORAGE_UNAVAILABLE, or LIVEKIT_UNAVAILABLE while closing a re-opened room again: LiveKit retries' },
              },
            },
          },
        },
      },
    };
  };
}
