// A protocol-faithful LiveKit server double: LiveKit's Twirp RoomService over JSON on
// node:http (port 0), API-key auth with the grant each method needs, snake_case responses with defaults,
// Twirp errors, simulated joins with access tokens, and signed webhooks with faults on demand.
// The real `RoomServiceClient` and `WebhookReceiver` are the judges: test/integrations/livekit.contract.test.ts.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DisconnectReason, ParticipantInfo_State, RoomEndReason, WebhookEvent } from '@livekit/protocol';
import { TokenVerifier, type ClaimGrants } from 'livekit-server-sdk';
import {
  livekitId,
  newRoom,
  participantProto,
  permissionFromGrant,
  roomProto,
  type DataMessage,
  type DoubleParticipant,
  type DoubleRoom,
} from './livekitDoubleRooms.js';
import { ROOM_MISSING, roomServiceHandlers } from './livekitRoomService.js';
import { authenticate, readBody, TwirpFailure, writeJson, writePlainError, writeTwirpError, type TwirpCode } from './livekitTwirp.js';
import {
  LiveKitWebhookSender,
  type DroppedWebhook,
  type SentWebhook,
  type WebhookFaults,
  type WebhookRetry,
} from './livekitWebhookSender.js';

export type { DataMessage, SentWebhook, DroppedWebhook, WebhookFaults, WebhookRetry };

export interface LiveKitDoubleOptions {
  apiKey: string;
  apiSecret: string;
  /** Where webhooks go; also settable later with `setWebhookUrl` (the app usually starts second). */
  webhookUrl?: string;
  /** OSS default `room.auto_create: true`: a valid join token creates its room. */
  autoCreate?: boolean;
  /** Retries of a webhook the receiver failed (5xx, 429, no answer); none unless asked. */
  webhookRetry?: WebhookRetry;
  /** The server's clock (ms): creation/join times, webhook `createdAt` and token times, `reap()`. */
  now?: () => number;
}

export interface JoinedParticipant {
  participantSid: string;
  identity: string;
  name: string;
  room: string;
}

export interface RoomSnapshot {
  sid: string;
  name: string;
  emptyTimeout: number;
  departureTimeout: number;
  maxParticipants: number;
  metadata: string;
  creationTimeMs: number;
  participants: Array<{
    sid: string;
    identity: string;
    name: string;
    metadata: string;
    joinedAtMs: number;
    canPublish: boolean;
    canSubscribe: boolean;
    canPublishData: boolean;
    hidden: boolean;
  }>;
}

/** A refused join, as the client would see it from `/rtc/v1/validate`. */
export class LiveKitJoinError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'LiveKitJoinError';
  }
}

export interface LiveKitDouble {
  url: string;
  close(): Promise<void>;
  join(token: string): Promise<JoinedParticipant>;
  leave(room: string, identity: string): void;
  rooms(): RoomSnapshot[];
  /** Data messages sent to a room, kept after the room is deleted. */
  dataMessages(room: string): DataMessage[];
  faults: WebhookFaults & {
    /**
     * A call of this RoomService method fails with this Twirp code (default `unavailable`): the next one,
     * or the one after `skip` more calls succeed (e.g. the third CreateRoom of a round).
     */
    failNextCall(method: string, code?: TwirpCode, skip?: number): void;
    /**
     * While true, the server is unreachable: every API request's connection is dropped unanswered (a dead
     * server or a network partition, as the SDK's fetch sees it). Joins, leaves and webhooks are unaffected.
     */
    setUnreachable(unreachable: boolean): void;
  };
  sentWebhooks(): SentWebhook[];
  droppedWebhooks(): DroppedWebhook[];
  /** The RoomService methods the server was asked for, in order, whatever their answer (e.g. `ListParticipants`). */
  calls(): string[];
  /** Posts a sent webhook again with its original bytes and token, e.g. after the replay window. */
  resendWebhook(id: string): Promise<void>;
  /** Resolves when every queued, delayed or reordered webhook has been posted or dropped. */
  settleWebhooks(): Promise<void>;
  setWebhookUrl(url: string | undefined): void;
  /** One pass of the server's idle reaper at `now()`: closes rooms past emptyTimeout/departureTimeout. */
  reap(): void;
}

export async function startLiveKitDouble(options: LiveKitDoubleOptions): Promise<LiveKitDouble> {
  const { apiKey, apiSecret, autoCreate = true } = options;
  const now = options.now ?? Date.now;
  let webhookUrl = options.webhookUrl;
  const rooms = new Map<string, DoubleRoom>();
  const data = new Map<string, DataMessage[]>();
  const callFaults: Array<{ method: string; code: TwirpCode; skip: number }> = [];
  let unreachable = false;
  const calls: string[] = [];
  const webhooks = new LiveKitWebhookSender(apiKey, apiSecret, now, () => webhookUrl, options.webhookRetry);

  const emit = (event: string, fields: Partial<WebhookEvent>): void => {
    webhooks.emit(new WebhookEvent({ ...fields, event, id: livekitId('EV_'), createdAt: BigInt(Math.floor(now() / 1000)) }));
  };

  const createRoom = (name: string): DoubleRoom => {
    const room = newRoom(name, now());
    rooms.set(name, room);
    emit('room_started', { room: roomProto(room) });
    return room;
  };

  const disconnect = (room: DoubleRoom, p: DoubleParticipant, reason: DisconnectReason): void => {
    room.participants.delete(p.identity);
    room.lastLeftAtMs = now();
    emit('participant_left', {
      room: roomProto(room),
      participant: participantProto(p, ParticipantInfo_State.DISCONNECTED, reason),
    });
  };

  const closeRoom = (room: DoubleRoom, reason: DisconnectReason, endReason: RoomEndReason): void => {
    for (const p of [...room.participants.values()]) disconnect(room, p, reason);
    rooms.delete(room.name);
    emit('room_finished', { room: roomProto(room), roomEndReason: endReason });
  };

  const handlers = roomServiceHandlers({ rooms, data, now, createRoom, disconnect, closeRoom });

  const PREFIX = '/twirp/livekit.RoomService/';

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!path.startsWith('/twirp/')) {
      if (req.method === 'GET' && path === '/') return void res.writeHead(200).end('OK');
      return writePlainError(res, 404, '404 page not found');
    }
    // LiveKit's auth middleware runs before Twirp's router.
    const auth = await authenticate(req, apiKey, apiSecret);
    if (!auth.ok) return writePlainError(res, auth.status, auth.text);
    const route = `${req.method} ${path}`;
    if (req.method !== 'POST') {
      throw new TwirpFailure('bad_route', `unsupported method "${req.method}" (only POST is allowed)`, {
        twirp_invalid_route: route,
      });
    }
    const method = path.startsWith(PREFIX) ? path.slice(PREFIX.length) : '';
    calls.push(method);
    const handler = Object.hasOwn(handlers, method) ? handlers[method] : undefined;
    if (!handler) throw new TwirpFailure('bad_route', `no handler for path "${path}"`, { twirp_invalid_route: route });
    const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (contentType !== 'application/json') {
      // The real server also speaks application/protobuf; the SDK never sends it, so the double does not.
      throw new TwirpFailure('bad_route', `unexpected Content-Type: "${req.headers['content-type'] ?? ''}"`, {
        twirp_invalid_route: route,
      });
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      throw new TwirpFailure('malformed', 'the json request could not be decoded');
    }
    const fault = callFaults.find((f) => f.method === method);
    if (fault && fault.skip > 0) fault.skip -= 1;
    else if (fault) {
      callFaults.splice(callFaults.indexOf(fault), 1);
      throw new TwirpFailure(fault.code, `injected ${fault.code} fault`);
    }
    writeJson(res, handler(auth.grants, body));
  };

  const server = createServer((req, res) => {
    if (unreachable) return void req.socket.destroy();
    serve(req, res).catch((error: unknown) => {
      if (error instanceof TwirpFailure) writeTwirpError(res, error);
      else writeTwirpError(res, new TwirpFailure('internal', (error as Error).message));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    async close() {
      await webhooks.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },

    async join(token) {
      let grants: ClaimGrants;
      try {
        grants = await new TokenVerifier(apiKey, apiSecret).verify(token, 60);
      } catch (error) {
        throw new LiveKitJoinError(401, `invalid token: ${(error as Error).message}`);
      }
      const video = grants.video;
      if (!video?.roomJoin) throw new LiveKitJoinError(401, 'permissions denied');
      if (!grants.sub) throw new LiveKitJoinError(401, 'identity cannot be empty');
      if (!video.room) throw new LiveKitJoinError(401, 'room name cannot be empty');
      let room = rooms.get(video.room);
      if (!room) {
        if (!autoCreate && !video.roomCreate) throw new LiveKitJoinError(404, ROOM_MISSING);
        room = createRoom(video.room);
      }
      // Same identity again: the older session is kicked, then the new one joins with a new sid.
      const previous = room.participants.get(grants.sub);
      if (previous) disconnect(room, previous, DisconnectReason.DUPLICATE_IDENTITY);
      if (room.maxParticipants > 0 && room.participants.size >= room.maxParticipants) {
        throw new LiveKitJoinError(403, 'room has exceeded its max participants');
      }
      const participant: DoubleParticipant = {
        sid: livekitId('PA_'),
        identity: grants.sub,
        name: grants.name ?? '',
        metadata: grants.metadata ?? '',
        attributes: { ...(grants.attributes ?? {}) },
        permission: permissionFromGrant(video),
        joinedAtMs: now(),
        version: 1,
      };
      room.participants.set(participant.identity, participant);
      room.everJoined = true;
      emit('participant_joined', { room: roomProto(room), participant: participantProto(participant) });
      return { participantSid: participant.sid, identity: participant.identity, name: participant.name, room: room.name };
    },

    leave(roomName, identity) {
      const room = rooms.get(roomName);
      const p = room?.participants.get(identity);
      if (!room || !p) throw new Error(`${identity} is not in room ${roomName}`);
      disconnect(room, p, DisconnectReason.CLIENT_INITIATED);
    },

    rooms: () =>
      [...rooms.values()].map((r) => ({
        sid: r.sid,
        name: r.name,
        emptyTimeout: r.emptyTimeout,
        departureTimeout: r.departureTimeout,
        maxParticipants: r.maxParticipants,
        metadata: r.metadata,
        creationTimeMs: r.creationTimeMs,
        participants: [...r.participants.values()].map((p) => ({
          sid: p.sid,
          identity: p.identity,
          name: p.name,
          metadata: p.metadata,
          joinedAtMs: p.joinedAtMs,
          canPublish: p.permission.canPublish,
          canSubscribe: p.permission.canSubscribe,
          canPublishData: p.permission.canPublishData,
          hidden: p.permission.hidden,
        })),
      })),
    dataMessages: (room) => [...(data.get(room) ?? [])],
    faults: {
      ...webhooks.faults,
      failNextCall: (method, code = 'unavailable', skip = 0) => void callFaults.push({ method, code, skip }),
      setUnreachable(next) {
        unreachable = next;
      },
    },
    sentWebhooks: () => webhooks.sentWebhooks(),
    calls: () => [...calls],
    droppedWebhooks: () => webhooks.droppedWebhooks(),
    resendWebhook: (id) => webhooks.resend(id),
    settleWebhooks: () => webhooks.settle(),
    setWebhookUrl(next) {
      webhookUrl = next;
    },
    reap() {
      const t = now();
      for (const room of [...rooms.values()]) {
        if (room.participants.size > 0) continue;
        const idleSince = room.everJoined ? (room.lastLeftAtMs ?? t) : room.creationTimeMs;
        const limit = room.everJoined ? room.departureTimeout : room.emptyTimeout;
        if (t - idleSince >= limit * 1000) {
          closeRoom(room, DisconnectReason.ROOM_CLOSED, RoomEndReason.ROOM_END_IDLE_TIMEOUT);
        }
      }
    },
  };
}
