import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { AppError } from '../appError.js';
import type { Clock } from '../clock.js';
import type { Command } from '../domain/commands.js';
import type { WithBreakouts } from '../domain/breakouts/state.js';
import { joinTokenFor, NOT_CONFIGURED_DETAIL, type BreakoutMediaAdapter } from '../engagements/breakoutMedia.js';
import type { EngagementService } from '../engagements/EngagementService.js';
import { createLiveKitAdapter, type LiveKitAdapter } from '../integrations/livekit.js';
import type { ApiExtension } from './ApiExtension.js';
import { scopedEngagement, viewerOf } from './engagementRoutes.js';
import { refusalOf } from './livekitWebhookRoute.js';
import { toSchema } from './openApi.js';
import { RoomIdParam } from './wireSchemas.js';

// Breakouts over HTTP: a LiveKit join token for one room (BREAKOUT-20: who may join which room is decided by
// `joinTokenFor`, not here) and reconciling attendance with LiveKit's own participant lists, because webhooks
// can be lost (BREAKOUT-24, BREAKOUT-28).

/** What these routes need of LiveKit: the join-token policy's adapter, with the participants' sids. */
export type BreakoutRoutesAdapter = BreakoutMediaAdapter & Pick<LiveKitAdapter, 'listParticipants'>;

export const BreakoutJoinResponse = z
  .object({
    serverUrl: z.string().meta({ description: 'The LiveKit server the tab connects to' }),
    token: z.string().meta({ description: 'A join token for this room only, valid 10 minutes (LiveKit refreshes it while connected)' }),
    roomName: z.string(),
    expiresAt: z.string().meta({ description: 'ISO 8601 (UTC)' }),
  })
  .meta({ description: 'BREAKOUT-20: where and how to join one breakout room' });

export const ReconcileResponse = z
  .object({
    rooms: z.number().int().meta({ description: 'LiveKit rooms asked' }),
    recorded: z.number().int().meta({ description: 'Connections whose attendance changed' }),
    unchanged: z.number().int().meta({ description: 'Connections already known as they are (or not ours)' }),
  })
  .meta({ description: 'What one reconciliation with LiveKit’s participant lists changed' });
export type ReconcileResult = z.infer<typeof ReconcileResponse>;

const RoomId = RoomIdParam;

const isMissingRoom = (error: unknown): boolean => {
  const e = error as { status?: number; extra?: { livekitStatus?: number } };
  return e?.status === 404 || e?.extra?.livekitStatus === 404;
};

/**
 * Asks LiveKit who is in each room of the running round and records it (`source: 'reconcile'`): a connection
 * LiveKit lists is joined; a connection we hold open that LiveKit no longer lists has left (its webhook was
 * lost). Command ids are derived from the connection and what is recorded (`reconcile-<sid>-joined|left`),
 * so running it again records nothing new. `state` is the engagement as its caller read it (the service has
 * no system read); call it at round start/end and from the staff route.
 */
export async function reconcileAttendance(
  adapter: Pick<LiveKitAdapter, 'listParticipants'>,
  engagements: EngagementService,
  engagementId: string,
  state: WithBreakouts,
  now: string,
): Promise<ReconcileResult> {
  const roundId = state.breakouts.runningRoundId;
  const round = roundId === null ? undefined : state.breakouts.rounds[roundId];
  const result: ReconcileResult = { rooms: 0, recorded: 0, unchanged: 0 };
  if (!round) return result;
  const run = async (command: Command, commandId: string) => {
    try {
      await engagements.execute(engagementId, { kind: 'system' }, command, { commandId });
      result.recorded += 1;
    } catch (error) {
      // A rule refusal is "nothing new" (BREAKOUT-23/24); a reused id means this very observation was recorded.
      const reused = error instanceof AppError && error.code === 'IDEMPOTENCY_KEY_REUSED';
      if (!reused && !refusalOf(error)) throw error;
      result.unchanged += 1;
    }
  };
  for (const [roomId, roomName] of Object.entries(round.roomNames)) {
    let present: Awaited<ReturnType<typeof adapter.listParticipants>>;
    try {
      present = await adapter.listParticipants(roomName);
    } catch (error) {
      // A room nobody opened yet (or LiveKit already closed) holds nobody.
      if (!isMissingRoom(error)) throw error;
      present = [];
    }
    result.rooms += 1;
    const listed = new Set(present.map((p) => p.sid));
    const attendance = round.attendance ?? {};
    for (const p of present) {
      // Already known as joined: nothing to send (a replayed command id would answer as if it were new).
      if (attendance[p.sid]?.joinedAt) {
        result.unchanged += 1;
        continue;
      }
      const joinedAt = new Date(p.joinedAtMs > 0 ? p.joinedAtMs : Date.parse(now)).toISOString();
      await run(
        { type: 'breakouts.recordAttendance', roomName, participantSid: p.sid, identity: p.identity, joinedAt, source: 'reconcile' },
        `reconcile-${p.sid}-joined`,
      );
    }
    for (const [sid, record] of Object.entries(attendance)) {
      if (record.roomId !== roomId || record.joinedAt === null || record.leftAt !== null || listed.has(sid)) continue;
      await run(
        {
          type: 'breakouts.recordAttendance',
          roomName,
          participantSid: sid,
          identity: record.participantId,
          leftAt: now,
          source: 'reconcile',
        },
        `reconcile-${sid}-left`,
      );
    }
  }
  return result;
}

export function breakoutRouter(deps: {
  adapter: BreakoutRoutesAdapter | null;
  engagements: EngagementService;
  clock: Clock;
  requireUser: RequestHandler;
}): Router {
  const { engagements, clock } = deps;
  const router = Router();

  router.post('/engagements/:id/breakouts/reconcile', deps.requireUser, async (req, res) => {
    const { principal, engagementId } = scopedEngagement(res, req.params.id);
    const view = engagements.get(engagementId, viewerOf(principal));
    if (view.me.audience !== 'staff') throw new AppError('FORBIDDEN', 'Only the Chair and the secretariat reconcile breakout attendance.');
    if (!deps.adapter) throw new AppError('LIVEKIT_NOT_CONFIGURED', NOT_CONFIGURED_DETAIL);
    res.json(await reconcileAttendance(deps.adapter, engagements, engagementId, view, clock.now().toISOString()));
  });

  router.post('/engagements/:id/breakouts/:roomId/token', deps.requireUser, async (req, res) => {
    const { principal, engagementId } = scopedEngagement(res, req.params.id);
    const parsed = RoomId.safeParse(req.params.roomId);
    if (!parsed.success) throw new AppError('NOT_FOUND', 'There is no such breakout room in this engagement.');
    // The caller's own view holds all the policy needs: their membership, their room, the round's names.
    const view = engagements.get(engagementId, viewerOf(principal));
    res.json(await joinTokenFor(deps.adapter, view, view.me, parsed.data, clock.now().toISOString()));
  });

  return router;
}

export interface BreakoutExtensionDeps {
  /** Default: an adapter built from LIVEKIT_* (ctx.config.livekit); null: breakouts without media. */
  adapter?: BreakoutRoutesAdapter | null;
}

/** For `createApp({ extensions: [breakoutExtension()] })`. */
export function breakoutExtension(deps: BreakoutExtensionDeps = {}): ApiExtension {
  return (ctx) => {
    const adapter = deps.adapter !== undefined ? deps.adapter : ctx.config.livekit ? createLiveKitAdapter(ctx.config.livekit) : null;
    ctx.router.use(breakoutRouter({ adapter, engagements: ctx.engagements, clock: ctx.clock, requireUser: ctx.requireUser }));
    const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
    const problem = (description: string) => ({
      description,
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
    return {
      openApi: {
        schemas: { BreakoutJoin: toSchema(BreakoutJoinResponse, 'output'), BreakoutReconcile: toSchema(ReconcileResponse, 'output') },
        paths: {
          '/api/engagements/{id}/breakouts/{roomId}/token': {
            post: {
              summary:
                'A LiveKit join token for one breakout room: one’s own room while its round runs (the Chair and the secretariat: any room); listen-only for observers (BREAKOUT-20)',
              parameters: [idParam, { name: 'roomId', in: 'path', required: true, schema: { type: 'string' } }],
              security: [{ bearer: [] }],
              responses: {
                '200': {
                  description: 'Join details',
                  content: { 'application/json': { schema: { $ref: '#/components/schemas/BreakoutJoin' } } },
                },
                '403': problem('FORBIDDEN: not your room, or not an approved participant'),
                '404': problem('NOT_FOUND: no such room'),
                '409': problem('RULE_VIOLATION (BREAKOUT-20): the round is not running'),
                '503': problem('LIVEKIT_NOT_CONFIGURED (breakouts run without media) or LIVEKIT_UNAVAILABLE'),
              },
            },
          },
          '/api/engagements/{id}/breakouts/reconcile': {
            post: {
              summary: 'Reconcile the running round’s attendance with LiveKit’s participant lists (Chair, secretariat)',
              parameters: [idParam],
              security: [{ bearer: [] }],
              responses: {
                '200': {
                  description: 'What changed',
                  content: { 'application/json': { schema: { $ref: '#/components/schemas/BreakoutReconcile' } } },
                },
                '403': problem('FORBIDDEN: staff only'),
                '503': problem('LIVEKIT_NOT_CONFIGURED or LIVEKIT_UNAVAILABLE'),
              },
            },
          },
        },
      },
    };
  };
}
