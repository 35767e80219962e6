// The thin LiveKit adapter (docs/architecture.md style 11): rooms, narrow short-lived join tokens, data
// messages and verified webhooks, in Convene's words and types. It holds no rule: who may get a token,
// for which room and when is decided by the caller; this mints exactly what it is told.
import { AccessToken, DataPacket_Kind, ParticipantInfo_State, RoomServiceClient, ServerError, WebhookReceiver } from 'livekit-server-sdk';
import type { ParticipantInfo, Room, WebhookEvent } from 'livekit-server-sdk';
import { AppError } from '../appError.js';

export interface LiveKitConfig {
  /** The LiveKit server as clients reach it (`wss://…` or `http(s)://…`); the API uses its http form. */
  url: string;
  apiKey: string;
  apiSecret: string;
  /** Per API call; a dead server must not hold a round's start for long. */
  requestTimeoutSeconds?: number;
  /** Allowed clock skew for webhook tokens (the SDK's own default, 10 s, is too tight in practice). */
  webhookClockToleranceSeconds?: number;
}

export interface LiveKitRoomInfo {
  sid: string;
  name: string;
  emptyTimeout: number;
  departureTimeout: number;
  maxParticipants: number;
  metadata: string;
  numParticipants: number;
  /** Unix milliseconds. */
  createdAtMs: number;
}

export interface LiveKitParticipant {
  /** One connection: a rejoin gets a new sid, so attendance is keyed by it, not by identity. */
  sid: string;
  /** Convene's participant id. */
  identity: string;
  name: string;
  state: string;
  /** Unix milliseconds. */
  joinedAtMs: number;
  canPublish: boolean;
}

export interface LiveKitWebhookEvent {
  /** Unique per event: the deduplication key. */
  id: string;
  event: string;
  /** Unix seconds (LiveKit's granularity). */
  createdAt: number;
  /** `createdAtMs`: when LiveKit created the room (unix ms; 0 when the event does not say). */
  room?: { sid: string; name: string; metadata: string; numParticipants: number; createdAtMs: number };
  participant?: LiveKitParticipant & { disconnectReason: string };
  roomEndReason?: string;
}

export interface CreateRoomOptions {
  name: string;
  /** Seconds the room stays open before anyone has joined. */
  emptyTimeout: number;
  /** Seconds the room stays open after the last participant left. */
  departureTimeout: number;
  maxParticipants: number;
  /** Usually JSON (theme, end time); LiveKit stores it as an opaque string. */
  metadata: string;
}

export interface JoinTokenRequest {
  room: string;
  identity: string;
  name: string;
  /** False for listen-only (observers): no audio/video and no data messages. */
  canPublish: boolean;
  ttlSeconds?: number;
}

export interface LiveKitAdapter {
  readonly serverUrl: string;
  createRoom(options: CreateRoomOptions): Promise<LiveKitRoomInfo>;
  /**
   * All or none: when one creation fails, the rooms already made are deleted again before the error
   * is thrown, so a round that cannot start leaves no rooms behind. If LiveKit is gone altogether the
   * clean-up fails too; those rooms then close by their own emptyTimeout.
   */
  createRooms(options: CreateRoomOptions[]): Promise<LiveKitRoomInfo[]>;
  /** Resolves `{ existed: false }` when the room was already gone (LiveKit's 404). */
  deleteRoom(name: string): Promise<{ existed: boolean }>;
  listParticipants(name: string): Promise<LiveKitParticipant[]>;
  sendData(name: string, payload: string | Uint8Array, topic: string): Promise<void>;
  updateMetadata(name: string, metadata: string): Promise<void>;
  mintJoinToken(request: JoinTokenRequest): Promise<{ token: string; expiresAt: string }>;
  receiveWebhook(rawBody: string | Uint8Array, authHeader: string | undefined): Promise<LiveKitWebhookEvent>;
}

export const DEFAULT_JOIN_TOKEN_TTL_SECONDS = 10 * 60;

/**
 * A room name per breakout room of a round. Round ids are never reused, so neither are names: LiveKit
 * can hand back a still-draining room when a deleted name is created again (livekit/livekit#4558).
 */
export function breakoutRoomName(roundId: string, index: number): string {
  if (roundId === '' || !Number.isInteger(index) || index < 0) {
    throw new Error(`breakoutRoomName needs a round id and a non-negative integer index, got ${roundId}/${index}`);
  }
  return `breakout-${roundId}-${index}`;
}

function unavailable(config: LiveKitConfig, action: string, error: unknown): AppError {
  if (error instanceof ServerError) {
    // Only a Twirp error's `msg` is quoted: LiveKit's plain-text 401 echoes the API token it refused.
    const said = error.code ? `${error.code}: ${error.message}` : 'credentials refused';
    return new AppError(
      'LIVEKIT_UNAVAILABLE',
      `The media server refused to ${action} (HTTP ${error.status}, ${said}). Check the LiveKit URL, key and secret.`,
      { livekitStatus: error.status, livekitCode: error.code },
    );
  }
  const cause = (error as { cause?: { code?: string } })?.cause?.code ?? (error as Error)?.name;
  return new AppError(
    'LIVEKIT_UNAVAILABLE',
    `The media server at ${config.url} could not be reached to ${action}. Check that it is running and try again.`,
    { cause },
  );
}

function participantOf(p: ParticipantInfo): LiveKitParticipant {
  return {
    sid: p.sid,
    identity: p.identity,
    name: p.name,
    state: ParticipantInfo_State[p.state] ?? String(p.state),
    // int64 arrives as bigint; Number is exact for any real millisecond timestamp.
    joinedAtMs: Number(p.joinedAtMs) || Number(p.joinedAt) * 1000,
    canPublish: p.permission?.canPublish ?? false,
  };
}

function roomOf(room: Room): LiveKitRoomInfo {
  return {
    sid: room.sid,
    name: room.name,
    emptyTimeout: room.emptyTimeout,
    departureTimeout: room.departureTimeout,
    maxParticipants: room.maxParticipants,
    metadata: room.metadata,
    numParticipants: room.numParticipants,
    createdAtMs: Number(room.creationTimeMs) || Number(room.creationTime) * 1000,
  };
}

function webhookOf(event: WebhookEvent): LiveKitWebhookEvent {
  const json = event.toJson() as { participant?: { disconnectReason?: string }; roomEndReason?: string };
  return {
    id: event.id,
    event: event.event,
    createdAt: Number(event.createdAt),
    ...(event.room
      ? {
          room: {
            sid: event.room.sid,
            name: event.room.name,
            metadata: event.room.metadata,
            numParticipants: event.room.numParticipants,
            createdAtMs: Number(event.room.creationTimeMs) || Number(event.room.creationTime) * 1000,
          },
        }
      : {}),
    ...(event.participant
      ? {
          participant: {
            ...participantOf(event.participant),
            disconnectReason: json.participant?.disconnectReason ?? 'UNKNOWN_REASON',
          },
        }
      : {}),
    ...(json.roomEndReason ? { roomEndReason: json.roomEndReason } : {}),
  };
}

export function createLiveKitAdapter(config: LiveKitConfig): LiveKitAdapter {
  const client = new RoomServiceClient(config.url, config.apiKey, config.apiSecret, {
    requestTimeout: config.requestTimeoutSeconds ?? 5,
  });
  const receiver = new WebhookReceiver(config.apiKey, config.apiSecret);
  const tolerance = config.webhookClockToleranceSeconds ?? 60;

  const call = async <T>(action: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw unavailable(config, action, error);
    }
  };

  const createRoom = (o: CreateRoomOptions): Promise<LiveKitRoomInfo> =>
    call(`create room ${o.name}`, async () =>
      roomOf(
        await client.createRoom({
          name: o.name,
          emptyTimeout: o.emptyTimeout,
          departureTimeout: o.departureTimeout,
          maxParticipants: o.maxParticipants,
          metadata: o.metadata,
        }),
      ),
    );

  return {
    serverUrl: config.url,

    createRoom,

    async createRooms(list) {
      const created: LiveKitRoomInfo[] = [];
      try {
        for (const options of list) created.push(await createRoom(options));
        return created;
      } catch (error) {
        await Promise.allSettled(created.map((room) => client.deleteRoom(room.name)));
        throw error;
      }
    },

    async deleteRoom(name) {
      try {
        await client.deleteRoom(name);
        return { existed: true };
      } catch (error) {
        // Deleting is how a round ends; a room LiveKit already closed (timeout, earlier delete) is done.
        if (error instanceof ServerError && error.status === 404) return { existed: false };
        throw unavailable(config, `close room ${name}`, error);
      }
    },

    listParticipants: (name) => call(`list who is in room ${name}`, async () => (await client.listParticipants(name)).map(participantOf)),

    sendData: (name, payload, topic) =>
      call(`send a message to room ${name}`, () =>
        client.sendData(name, typeof payload === 'string' ? new TextEncoder().encode(payload) : payload, DataPacket_Kind.RELIABLE, {
          topic,
        }),
      ),

    updateMetadata: (name, metadata) =>
      call(`update room ${name}`, async () => {
        await client.updateRoomMetadata(name, metadata);
      }),

    async mintJoinToken({ room, identity, name, canPublish, ttlSeconds = DEFAULT_JOIN_TOKEN_TTL_SECONDS }) {
      const at = new AccessToken(config.apiKey, config.apiSecret, { identity, name, ttl: ttlSeconds });
      // Exactly this and nothing more: no roomCreate/roomList/roomAdmin. canPublishData is explicit
      // because unset it follows canPublish anyway, and listen-only must say canPublish: false.
      at.addGrant({ roomJoin: true, room, canPublish, canSubscribe: true, canPublishData: canPublish });
      const token = await at.toJwt();
      const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { exp: number };
      return { token, expiresAt: new Date(exp * 1000).toISOString() };
    },

    async receiveWebhook(rawBody, authHeader) {
      // The signature covers the exact bytes: hash what arrived, never a re-serialization.
      const body = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8');
      try {
        return webhookOf(await receiver.receive(body, authHeader, false, tolerance));
      } catch (error) {
        throw new AppError('UNAUTHENTICATED', 'The LiveKit webhook could not be verified.', {
          cause: (error as Error).message,
        });
      }
    },
  };
}
