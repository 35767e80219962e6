// In-memory rooms and participants of the LiveKit double, and their protobuf form. Server defaults and
// semantics follow livekit-server (`roomallocator.go`, `localstore.go`, `auth/grants.go`).
import { randomBytes } from 'node:crypto';
import {
  Codec,
  DisconnectReason,
  ParticipantInfo,
  ParticipantInfo_State,
  ParticipantPermission,
  Room,
  TrackSource,
} from '@livekit/protocol';
import type { ClaimGrants } from 'livekit-server-sdk';

export const DEFAULT_EMPTY_TIMEOUT = 300;
export const DEFAULT_DEPARTURE_TIMEOUT = 20;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** LiveKit's ids: a prefix and 12 base62 characters (`RM_`, `PA_`, `EV_`). */
export function livekitId(prefix: string): string {
  const bytes = randomBytes(12);
  let id = prefix;
  for (const byte of bytes) id += BASE62[byte % 62];
  return id;
}

export interface DoubleParticipant {
  sid: string;
  identity: string;
  name: string;
  metadata: string;
  attributes: Record<string, string>;
  permission: ParticipantPermission;
  joinedAtMs: number;
  version: number;
}

export interface DoubleRoom {
  sid: string;
  name: string;
  emptyTimeout: number;
  departureTimeout: number;
  maxParticipants: number;
  metadata: string;
  creationTimeMs: number;
  turnPassword: string;
  participants: Map<string, DoubleParticipant>;
  /** Set at the first join: from then on departureTimeout applies instead of emptyTimeout. */
  everJoined: boolean;
  lastLeftAtMs?: number;
}

export interface DataMessage {
  room: string;
  data: Uint8Array;
  /** `data` decoded as UTF-8, for assertions. */
  text: string;
  topic?: string;
  kind: 'RELIABLE' | 'LOSSY';
  destinationIdentities: string[];
  destinationSids: string[];
  atMs: number;
}

export function newRoom(name: string, nowMs: number): DoubleRoom {
  return {
    sid: livekitId('RM_'),
    name,
    emptyTimeout: DEFAULT_EMPTY_TIMEOUT,
    departureTimeout: DEFAULT_DEPARTURE_TIMEOUT,
    maxParticipants: 0,
    metadata: '',
    creationTimeMs: nowMs,
    turnPassword: randomBytes(16).toString('base64url'),
    participants: new Map(),
    everJoined: false,
  };
}

const ENABLED_CODECS = ['audio/opus', 'audio/red', 'video/VP8', 'video/H264', 'video/VP9', 'video/AV1'];

export function roomProto(room: DoubleRoom): Room {
  return new Room({
    sid: room.sid,
    name: room.name,
    emptyTimeout: room.emptyTimeout,
    departureTimeout: room.departureTimeout,
    maxParticipants: room.maxParticipants,
    creationTime: BigInt(Math.floor(room.creationTimeMs / 1000)),
    creationTimeMs: BigInt(room.creationTimeMs),
    turnPassword: room.turnPassword,
    enabledCodecs: ENABLED_CODECS.map((mime) => new Codec({ mime })),
    metadata: room.metadata,
    numParticipants: [...room.participants.values()].filter((p) => !p.permission.hidden).length,
    numPublishers: 0,
    activeRecording: false,
  });
}

export function participantProto(
  p: DoubleParticipant,
  state: ParticipantInfo_State = ParticipantInfo_State.ACTIVE,
  disconnectReason: DisconnectReason = DisconnectReason.UNKNOWN_REASON,
): ParticipantInfo {
  return new ParticipantInfo({
    sid: p.sid,
    identity: p.identity,
    state,
    tracks: [],
    metadata: p.metadata,
    joinedAt: BigInt(Math.floor(p.joinedAtMs / 1000)),
    joinedAtMs: BigInt(p.joinedAtMs),
    name: p.name,
    version: p.version,
    permission: p.permission,
    isPublisher: false,
    attributes: p.attributes,
    disconnectReason,
  });
}

/**
 * The Twirp server's JSON: proto (snake_case) names with every field present; Go writes `null` for an
 * unset message field, which protobuf-es leaves out, so the room's `version` is added by hand.
 */
export function roomWire(room: DoubleRoom): Record<string, unknown> {
  return { ...(roomProto(room).toJson({ useProtoFieldName: true, emitDefaultValues: true }) as object), version: null };
}

export function participantWire(p: DoubleParticipant): Record<string, unknown> {
  return participantProto(p).toJson({ useProtoFieldName: true, emitDefaultValues: true }) as Record<string, unknown>;
}

const SOURCES: Record<string, TrackSource> = {
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
};

/**
 * `ToPermission` in livekit/protocol `auth/grants.go`: unset canPublish and canSubscribe mean true,
 * unset canPublishData follows canPublish, unset canUpdateOwnMetadata means false. A listen-only token
 * therefore needs an explicit `canPublish: false`.
 */
export function permissionFromGrant(video: NonNullable<ClaimGrants['video']>): ParticipantPermission {
  const canPublish = video.canPublish ?? true;
  const sources = (video.canPublishSources ?? []) as unknown[];
  return new ParticipantPermission({
    canSubscribe: video.canSubscribe ?? true,
    canPublish,
    canPublishData: video.canPublishData ?? canPublish,
    canPublishSources: sources.map((s) => (typeof s === 'string' ? SOURCES[s] : (s as TrackSource))),
    hidden: video.hidden ?? false,
    recorder: video.recorder ?? false,
    canUpdateMetadata: video.canUpdateOwnMetadata ?? false,
    agent: video.agent ?? false,
    canSubscribeMetrics: video.canSubscribeMetrics ?? false,
    canManageAgentSession: video.canManageAgentSession ?? false,
  });
}
