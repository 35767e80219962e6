// LiveKit's RoomService methods as the double answers them: the grant each needs, request parsing as Go
// protojson does (unknown keys ignored, both spellings), upsert/404/empty-list semantics of the real
// server (livekit/livekit `pkg/service/roomservice.go`).
import {
  CreateRoomRequest,
  DataPacket_Kind,
  DeleteRoomRequest,
  DisconnectReason,
  ListParticipantsRequest,
  ListRoomsRequest,
  MuteRoomTrackRequest,
  RoomEndReason,
  RoomParticipantIdentity,
  SendDataRequest,
  UpdateParticipantRequest,
  UpdateRoomMetadataRequest,
} from '@livekit/protocol';
import type { ClaimGrants } from 'livekit-server-sdk';
import { participantWire, roomWire, type DataMessage, type DoubleParticipant, type DoubleRoom } from './livekitDoubleRooms.js';
import { ensureAdmin, ensureCreate, ensureList, TwirpFailure } from './livekitTwirp.js';

/** The double's state and the transitions that also emit webhooks. */
export interface DoubleWorld {
  rooms: Map<string, DoubleRoom>;
  data: Map<string, DataMessage[]>;
  now(): number;
  createRoom(name: string): DoubleRoom;
  disconnect(room: DoubleRoom, p: DoubleParticipant, reason: DisconnectReason): void;
  closeRoom(room: DoubleRoom, reason: DisconnectReason, endReason: RoomEndReason): void;
}

export type Handler = (grants: ClaimGrants | undefined, body: unknown) => Record<string, unknown>;

const MAX_NAME_BYTES = 256;
const MAX_METADATA_BYTES = 512 * 1024;
export const ROOM_MISSING = 'requested room does not exist';
const PARTICIPANT_MISSING = 'participant does not exist';

export function roomServiceHandlers(world: DoubleWorld): Record<string, Handler> {
  const { rooms, data, now, createRoom, disconnect, closeRoom } = world;

  const parse = <T>(cls: { fromJson(json: never, o: { ignoreUnknownFields: boolean }): T }, body: unknown): T => {
    try {
      return cls.fromJson(body as never, { ignoreUnknownFields: true });
    } catch {
      throw new TwirpFailure('malformed', 'the json request could not be decoded');
    }
  };

  const roomOrThrow = (name: string): DoubleRoom => {
    const room = rooms.get(name);
    if (!room) throw new TwirpFailure('not_found', ROOM_MISSING);
    return room;
  };

  const participantOrThrow = (roomName: string, identity: string): DoubleParticipant => {
    const p = rooms.get(roomName)?.participants.get(identity);
    if (!p) throw new TwirpFailure('not_found', PARTICIPANT_MISSING);
    return p;
  };

  const checkMetadata = (metadata: string): void => {
    if (Buffer.byteLength(metadata) > MAX_METADATA_BYTES) {
      throw new TwirpFailure('invalid_argument', 'metadata size exceeds limits');
    }
  };

  return {
    CreateRoom(grants, body) {
      ensureCreate(grants);
      const req = parse(CreateRoomRequest, body);
      if (req.name === '') throw new TwirpFailure('invalid_argument', 'room name cannot be empty');
      if (Buffer.byteLength(req.name) > MAX_NAME_BYTES) {
        throw new TwirpFailure('invalid_argument', 'room name length exceeds limits');
      }
      checkMetadata(req.metadata);
      // Upsert: an existing room keeps its sid; only positive timeouts/limits and non-empty metadata overwrite.
      const room = rooms.get(req.name) ?? createRoom(req.name);
      if (req.emptyTimeout > 0) room.emptyTimeout = req.emptyTimeout;
      if (req.departureTimeout > 0) room.departureTimeout = req.departureTimeout;
      if (req.maxParticipants > 0) room.maxParticipants = req.maxParticipants;
      if (req.metadata !== '') room.metadata = req.metadata;
      return roomWire(room);
    },
    ListRooms(grants, body) {
      ensureList(grants);
      const req = parse(ListRoomsRequest, body);
      const all = [...rooms.values()];
      const listed = req.names.length > 0 ? all.filter((r) => req.names.includes(r.name)) : all;
      return { rooms: listed.map(roomWire) };
    },
    DeleteRoom(grants, body) {
      ensureCreate(grants);
      const req = parse(DeleteRoomRequest, body);
      closeRoom(roomOrThrow(req.room), DisconnectReason.ROOM_DELETED, RoomEndReason.ROOM_END_API_DELETE);
      return {};
    },
    ListParticipants(grants, body) {
      const req = parse(ListParticipantsRequest, body);
      ensureAdmin(grants, req.room);
      // An unknown room is an empty list, not a 404.
      return { participants: [...(rooms.get(req.room)?.participants.values() ?? [])].map(participantWire) };
    },
    GetParticipant(grants, body) {
      const req = parse(RoomParticipantIdentity, body);
      ensureAdmin(grants, req.room);
      return participantWire(participantOrThrow(req.room, req.identity));
    },
    RemoveParticipant(grants, body) {
      const req = parse(RoomParticipantIdentity, body);
      ensureAdmin(grants, req.room);
      const p = participantOrThrow(req.room, req.identity);
      disconnect(roomOrThrow(req.room), p, DisconnectReason.PARTICIPANT_REMOVED);
      return {};
    },
    UpdateParticipant(grants, body) {
      const req = parse(UpdateParticipantRequest, body);
      ensureAdmin(grants, req.room);
      const p = participantOrThrow(req.room, req.identity);
      checkMetadata(req.metadata);
      if (req.metadata !== '') p.metadata = req.metadata;
      if (req.name !== '') p.name = req.name;
      // proto3 drops `false`: a permission on the wire replaces the whole set.
      if (req.permission) p.permission = req.permission;
      for (const [key, value] of Object.entries(req.attributes)) {
        if (value === '') delete p.attributes[key];
        else p.attributes[key] = value;
      }
      p.version += 1;
      return participantWire(p);
    },
    MutePublishedTrack(grants, body) {
      const req = parse(MuteRoomTrackRequest, body);
      ensureAdmin(grants, req.room);
      participantOrThrow(req.room, req.identity);
      // The double carries no media, so no participant ever has a track to mute.
      throw new TwirpFailure('not_found', 'track is not found');
    },
    UpdateRoomMetadata(grants, body) {
      const req = parse(UpdateRoomMetadataRequest, body);
      ensureAdmin(grants, req.room);
      const room = roomOrThrow(req.room);
      checkMetadata(req.metadata);
      room.metadata = req.metadata;
      return roomWire(room);
    },
    SendData(grants, body) {
      const req = parse(SendDataRequest, body);
      ensureAdmin(grants, req.room);
      roomOrThrow(req.room);
      if (req.nonce.length !== 0 && req.nonce.length !== 16) {
        throw new TwirpFailure('invalid_argument', 'nonce should be 16-bytes or not present');
      }
      const list = data.get(req.room) ?? [];
      list.push({
        room: req.room,
        data: req.data,
        text: Buffer.from(req.data).toString('utf8'),
        ...(req.topic !== undefined ? { topic: req.topic } : {}),
        kind: req.kind === DataPacket_Kind.LOSSY ? 'LOSSY' : 'RELIABLE',
        destinationIdentities: [...req.destinationIdentities],
        destinationSids: [...req.destinationSids],
        atMs: now(),
      });
      data.set(req.room, list);
      return {};
    },
  };
}
