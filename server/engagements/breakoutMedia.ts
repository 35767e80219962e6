// The policy around LiveKit for breakout rounds (BREAKOUT-20, BREAKOUT-21): which rooms to open and how,
// how to close them, how a message reaches every room, and who gets a join token for which room. No I/O of
// its own: every call goes through the adapter it is given (server/integrations/livekit.ts makes one).
import { AppError } from '../appError.js';
import type { Membership } from '../domain/context.js';
import { forbidden, notFound, violation } from '../domain/errors.js';
import { assertNever } from '../domain/events.js';
import type { EngagementState } from '../domain/state.js';
import { isStaffRole } from '../domain/vocabulary.js';
import { isBreakoutEvent } from '../domain/breakouts/events.js';
import { findRoom, type WithBreakouts } from '../domain/breakouts/state.js';

/** What this policy needs of a LiveKit adapter; `createLiveKitAdapter(...)` provides it. */
export interface BreakoutMediaAdapter {
  readonly serverUrl: string;
  createRoom(options: {
    name: string;
    emptyTimeout: number;
    departureTimeout: number;
    maxParticipants: number;
    metadata: string;
  }): Promise<unknown>;
  /** Resolves `{ existed: false }` when LiveKit no longer had the room (its 404). */
  deleteRoom(name: string): Promise<{ existed: boolean }>;
  /** Each connection: sid (attendance is kept per connection), identity (participant id), join time (unix ms). */
  listParticipants(name: string): Promise<Array<{ sid: string; identity: string; joinedAtMs: number }>>;
  sendData(name: string, payload: string | Uint8Array, topic: string): Promise<void>;
  mintJoinToken(request: {
    room: string;
    identity: string;
    name: string;
    canPublish: boolean;
    ttlSeconds?: number;
  }): Promise<{ token: string; expiresAt: string }>;
  /** When present, an extension also moves `endsAt` in each room's metadata (the tab's `useRoomInfo`). */
  updateMetadata?(name: string, metadata: string): Promise<void>;
}

/** What the media side needs of a round: `BreakoutRound` once `breakouts.started` is folded in has it. */
export interface RoundMedia {
  id: string;
  rooms: ReadonlyArray<{ id: string; theme: string; capacity: number; questionId?: string | null }>;
  /** roomId → LiveKit room name (`breakouts.started.roomNames`). */
  roomNames: Record<string, string>;
  /** When the round ends (`breakouts.started.deadline`). */
  deadline: string | null;
}

export interface RoundMediaSettings {
  /** The server's clock, to size `emptyTimeout` to the round. */
  now: string;
  /** Seconds a room stays open after its last participant left (a dropped connection can come back). Default 120. */
  departureTimeoutSeconds?: number;
  /** Places on top of a room's capacity for the Chair, the secretariat and a facilitator from staff. Default 5. */
  staffHeadroom?: number;
}

/** The data-channel topic of Convene's breakout messages (broadcasts, the warning, a new end time). */
export const BREAKOUT_TOPIC = 'convene.breakouts';
export const JOIN_TOKEN_TTL_SECONDS = 10 * 60;
/**
 * A join token outlives its round's deadline by at most this: it is checked only at connect (LiveKit refreshes
 * it while connected), so a longer life only lets its holder re-create the room after the end.
 */
export const JOIN_TOKEN_GRACE_SECONDS = 60;
const DEFAULT_DEPARTURE_TIMEOUT = 120;
const DEFAULT_STAFF_HEADROOM = 5;
/** A room is never closed by LiveKit before the round's end: our timer deletes it (no max_duration is set). */
const EMPTY_TIMEOUT_MARGIN = 5 * 60;

export const NOT_CONFIGURED_DETAIL =
  'Breakout rooms run without audio and video because no LiveKit server is configured (LIVEKIT_URL). Assignments, timers and reports still work.';

const reason = (error: unknown): string => (error instanceof AppError ? error.detail : ((error as Error)?.message ?? String(error)));

const roomMetadata = (round: RoundMedia, room: { roomId: string; theme: string }, endsAt: string | null): string =>
  JSON.stringify({ theme: room.theme, endsAt, roundId: round.id, roomId: room.roomId });

function namesOf(round: RoundMedia): Array<{ roomId: string; name: string; theme: string; capacity: number }> {
  return round.rooms.map((room) => {
    const name = round.roomNames[room.id];
    if (!name) throw new AppError('INTERNAL', `Round ${round.id} has no LiveKit room name for room ${room.id}; it has not started.`);
    return { roomId: room.id, name, theme: room.theme, capacity: room.capacity };
  });
}

/**
 * BREAKOUT-21: opens every room of a round that is about to start, all or none. Called before
 * `breakouts.started` is appended; when it throws, the caller appends nothing, so no round is ever half
 * started. The rooms' emptyTimeout covers the whole round (people may join late), maxParticipants is the
 * capacity plus staff headroom, and the metadata tells the tab the theme and the end time.
 */
export async function startRoundMedia(adapter: BreakoutMediaAdapter, round: RoundMedia, settings: RoundMediaSettings): Promise<string[]> {
  const rooms = namesOf(round);
  const endsAt = round.deadline;
  const secondsLeft = endsAt === null ? 0 : Math.max(0, Math.ceil((Date.parse(endsAt) - Date.parse(settings.now)) / 1000));
  const created: string[] = [];
  try {
    for (const room of rooms) {
      await adapter.createRoom({
        name: room.name,
        emptyTimeout: secondsLeft + EMPTY_TIMEOUT_MARGIN,
        departureTimeout: settings.departureTimeoutSeconds ?? DEFAULT_DEPARTURE_TIMEOUT,
        maxParticipants: room.capacity + (settings.staffHeadroom ?? DEFAULT_STAFF_HEADROOM),
        metadata: roomMetadata(round, room, endsAt),
      });
      created.push(room.name);
    }
    return created;
  } catch (error) {
    // Roll back what was opened. If LiveKit is gone altogether this fails too; those rooms then close by
    // their own emptyTimeout, and their names are never used again (BREAKOUT-14).
    await Promise.allSettled(created.map((name) => adapter.deleteRoom(name)));
    throw new AppError(
      'LIVEKIT_UNAVAILABLE',
      `The breakout rooms could not be opened on the media server, so the round has not started (${reason(error)}). Try again in a moment.`,
      { roundId: round.id },
    );
  }
}

const isGone = (error: unknown): boolean => {
  const e = error as { status?: number; extra?: { livekitStatus?: number } };
  return e?.status === 404 || e?.extra?.livekitStatus === 404;
};

/**
 * Closes every room of a round that ended (everyone is back in plenary; clients see ROOM_DELETED). A room
 * LiveKit already closed counts as closed. Tries every room; if some could not be closed it throws
 * LIVEKIT_UNAVAILABLE naming them, so the caller can log and try again.
 */
export async function endRoundMedia(
  adapter: BreakoutMediaAdapter,
  round: RoundMedia,
): Promise<{ closed: string[]; alreadyGone: string[] }> {
  const rooms = namesOf(round);
  const results = await Promise.allSettled(rooms.map((room) => adapter.deleteRoom(room.name)));
  const closed: string[] = [];
  const alreadyGone: string[] = [];
  const failed: Array<{ name: string; detail: string }> = [];
  results.forEach((result, i) => {
    const name = rooms[i].name;
    if (result.status === 'fulfilled') (result.value.existed ? closed : alreadyGone).push(name);
    else if (isGone(result.reason)) alreadyGone.push(name);
    else failed.push({ name, detail: reason(result.reason) });
  });
  if (failed.length > 0) {
    throw new AppError(
      'LIVEKIT_UNAVAILABLE',
      `${failed.length} breakout room(s) could not be closed on the media server: ${failed.map((f) => f.name).join(', ')}. The round has ended; try closing them again.`,
      { roundId: round.id, closed, alreadyGone, failed },
    );
  }
  return { closed, alreadyGone };
}

/** A message for every room: the Chair's broadcast, the one-minute warning, or a new end time. */
export type BreakoutMediaMessage =
  | { kind: 'broadcast'; message: string; at: string }
  | { kind: 'warning'; endsAt: string; secondsLeft: number }
  | { kind: 'extended'; endsAt: string };

/**
 * Sends one message to every room of a running round on the data channel (topic `convene.breakouts`).
 * Best effort: the live stream carries the same event to every tab, so a room that cannot be reached is
 * reported, not thrown.
 */
export async function broadcastMedia(
  adapter: BreakoutMediaAdapter,
  round: RoundMedia,
  message: BreakoutMediaMessage,
): Promise<{ delivered: string[]; failed: Array<{ name: string; detail: string }> }> {
  const rooms = namesOf(round);
  const payload = JSON.stringify({ roundId: round.id, ...message });
  const results = await Promise.allSettled(rooms.map((room) => adapter.sendData(room.name, payload, BREAKOUT_TOPIC)));
  const delivered: string[] = [];
  const failed: Array<{ name: string; detail: string }> = [];
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') delivered.push(rooms[i].name);
    else failed.push({ name: rooms[i].name, detail: reason(result.reason) });
  });
  return { delivered, failed };
}

export interface BreakoutJoin {
  serverUrl: string;
  token: string;
  roomName: string;
  expiresAt: string;
}

/**
 * BREAKOUT-20: a join token for `roomId` (POST /api/engagements/:id/breakouts/:roomId/token). Only while its
 * round runs and before its deadline; only one's own room (the Chair and the secretariat: any room);
 * identity = participant id (attendance and LiveKit's duplicate-identity rule follow the person), name =
 * display name, listen-only for observers, valid 10 minutes but never more than 60 s past the round's
 * deadline (LiveKit refreshes it while connected).
 */
export async function joinTokenFor(
  adapter: BreakoutMediaAdapter | null,
  state: EngagementState & WithBreakouts,
  me: Membership,
  roomId: string,
  now: string,
): Promise<BreakoutJoin> {
  const found = findRoom(state.breakouts, roomId);
  if (!found) throw notFound('BREAKOUT-3', `There is no breakout room ${roomId} in this engagement.`);
  const { round, room } = found;
  const participant = me.participantId === null ? undefined : state.participants[me.participantId];
  if (!participant || me.status !== 'approved' || participant.status !== 'approved') {
    throw forbidden('BREAKOUT-20', 'Only approved participants of this engagement can join its breakout rooms.');
  }
  if (round.status !== 'running' || round.deadline === null) {
    throw violation(
      'BREAKOUT-20',
      `Room "${room.theme}" opens only while its round runs; this round ${round.status === 'planned' ? 'has not started yet' : 'has ended, and everyone is back in plenary'}.`,
    );
  }
  if (Date.parse(round.deadline) <= Date.parse(now)) {
    throw violation('BREAKOUT-20', `The time of room "${room.theme}" is up; everyone is going back to plenary.`);
  }
  if (!isStaffRole(participant.role)) {
    const mine = round.assignment[participant.id];
    if (mine !== room.id) {
      const theirs = mine === undefined ? undefined : round.rooms.find((r) => r.id === mine);
      throw forbidden(
        'BREAKOUT-20',
        theirs
          ? `You are in room "${theirs.theme}", not "${room.theme}". Join your own room.`
          : round.mode === 'self-select'
            ? `You are not in room "${room.theme}". Choose it first (if it has space).`
            : `You are not assigned to room "${room.theme}". The Chair assigns the rooms of this round.`,
      );
    }
  }
  // After the rules, so that a refusal reads the same with or without media.
  if (adapter === null) throw new AppError('LIVEKIT_NOT_CONFIGURED', NOT_CONFIGURED_DETAIL);
  const roomName = round.roomNames[room.id];
  if (!roomName) throw new AppError('INTERNAL', `Round ${round.id} runs but has no LiveKit room name for room ${room.id}.`);
  const secondsLeft = Math.ceil((Date.parse(round.deadline) - Date.parse(now)) / 1000);
  const { token, expiresAt } = await adapter.mintJoinToken({
    room: roomName,
    identity: participant.id,
    name: participant.displayName,
    canPublish: participant.role !== 'observer',
    ttlSeconds: Math.min(JOIN_TOKEN_TTL_SECONDS, secondsLeft + JOIN_TOKEN_GRACE_SECONDS),
  });
  return { serverUrl: adapter.serverUrl, token, roomName, expiresAt };
}

/**
 * Who is in each room of a round right now, by LiveKit's own account (participant ids): to reconcile
 * attendance when webhooks were lost (BREAKOUT-28) and when the round closes.
 */
export async function whoIsInRooms(adapter: BreakoutMediaAdapter, round: RoundMedia): Promise<Record<string, string[]>> {
  const rooms = namesOf(round);
  const lists = await Promise.all(rooms.map((room) => adapter.listParticipants(room.name)));
  return Object.fromEntries(rooms.map((room, i) => [room.roomId, lists[i].map((p) => p.identity)]));
}

/** What a LiveKit webhook says about when a room or a connection began (unix ms; 0: not said). */
export interface MediaStart {
  event: string;
  /** Unix seconds (LiveKit's granularity). */
  createdAt: number;
  room?: { createdAtMs?: number };
  participant?: { joinedAtMs: number };
}

/**
 * BREAKOUT-29: whether a webhook shows a room of a round that ended (at `endedAt`) open again after the end:
 * `room_started` for a room created at or after the end, or `participant_joined` for a connection begun at or
 * after it. A participant whose join token is still valid re-creates a deleted room by joining it (LiveKit
 * auto-creates rooms on join). A join begun before the end (a late-delivered webhook) is not:
 * it is attendance of the round (BREAKOUT-25).
 */
export function reopenedAfterEnd(event: MediaStart, endedAt: string): boolean {
  const end = Date.parse(endedAt);
  const eventMs = event.createdAt * 1000;
  if (event.event === 'room_started') return (event.room?.createdAtMs || eventMs) >= end;
  if (event.event === 'participant_joined') return (event.participant?.joinedAtMs || eventMs) >= end;
  return false;
}

/**
 * BREAKOUT-29: deletes a breakout room re-opened after its round ended (everyone in it gets ROOM_DELETED).
 * Idempotent: a room already gone again counts as closed. Throws LIVEKIT_UNAVAILABLE when LiveKit cannot be
 * reached, so that the webhook is answered 503 and LiveKit delivers it again.
 */
export async function closeReopenedRoom(
  adapter: Pick<BreakoutMediaAdapter, 'deleteRoom'>,
  roomName: string,
): Promise<{ existed: boolean }> {
  try {
    return await adapter.deleteRoom(roomName);
  } catch (error) {
    if (isGone(error)) return { existed: false };
    throw error instanceof AppError
      ? error
      : new AppError('LIVEKIT_UNAVAILABLE', `Breakout room ${roomName} could not be closed again: ${reason(error)}`);
  }
}

// ---- the write path's two hooks ------------------------------------------------------------------

/**
 * Before append (BREAKOUT-21): opens the rooms of the round these events start, read from the state after
 * them. Throws LIVEKIT_UNAVAILABLE (append nothing) when a room cannot be opened. Returns `rollback`, to
 * call when the append itself then fails (a version conflict), so no rooms outlive a round that never began.
 * Without an adapter (no LiveKit configured) rounds run without media: nothing to open.
 */
export async function openMediaBeforeAppend(
  adapter: BreakoutMediaAdapter | null,
  events: ReadonlyArray<{ type: string }>,
  after: WithBreakouts,
  now: string,
): Promise<{ rollback: () => Promise<void> }> {
  const opened: RoundMedia[] = [];
  if (adapter !== null) {
    for (const event of events) {
      if (!isBreakoutEvent(event) || event.type !== 'breakouts.started') continue;
      const round = after.breakouts.rounds[event.roundId];
      if (!round) continue;
      await startRoundMedia(adapter, round, { now });
      opened.push(round);
    }
  }
  return {
    rollback: async () => {
      if (adapter === null) return;
      await Promise.allSettled(opened.map((round) => endRoundMedia(adapter, round)));
    },
  };
}

/**
 * After commit: closes the rooms of rounds that ended and tells every room of a broadcast, the one-minute
 * warning or a new end time. Never throws (the command is committed; clients also get every event on the
 * live stream): it returns what went wrong, for the log.
 */
export async function applyMediaAfterCommit(
  adapter: BreakoutMediaAdapter | null,
  events: ReadonlyArray<{ type: string }>,
  after: WithBreakouts,
): Promise<string[]> {
  if (adapter === null) return [];
  const problems: string[] = [];
  for (const event of events) {
    if (!isBreakoutEvent(event)) continue;
    const round = after.breakouts.rounds[event.roundId];
    if (!round) continue;
    try {
      switch (event.type) {
        case 'breakouts.ended':
          await endRoundMedia(adapter, round);
          break;
        case 'breakouts.broadcast':
          problems.push(...failures(await broadcastMedia(adapter, round, { kind: 'broadcast', message: event.message, at: event.at })));
          break;
        case 'breakouts.warned':
          problems.push(
            ...failures(await broadcastMedia(adapter, round, { kind: 'warning', endsAt: event.deadline, secondsLeft: event.secondsLeft })),
          );
          break;
        case 'breakouts.extended': {
          problems.push(...failures(await broadcastMedia(adapter, round, { kind: 'extended', endsAt: event.deadline })));
          const update = adapter.updateMetadata?.bind(adapter);
          if (update) {
            const results = await Promise.allSettled(
              namesOf(round).map((room) => update(room.name, roomMetadata(round, room, event.deadline))),
            );
            results.forEach((r) => r.status === 'rejected' && problems.push(reason(r.reason)));
          }
          break;
        }
        case 'breakouts.planned':
        case 'breakouts.chosen':
        case 'breakouts.assigned':
        case 'breakouts.autoAssigned':
        case 'breakouts.started':
        case 'breakouts.reported':
        case 'breakouts.attendanceRecorded':
        case 'breakouts.attendanceClosed':
          // No media: rooms open before the append (openMediaBeforeAppend); tokens are asked for by the tab.
          break;
        default:
          assertNever(event);
      }
    } catch (error) {
      problems.push(reason(error));
    }
  }
  return problems;
}

const failures = (result: { failed: Array<{ name: string; detail: string }> }): string[] =>
  result.failed.map((f) => `room ${f.name}: ${f.detail}`);
