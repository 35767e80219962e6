// Contract tests: the real livekit-server-sdk (RoomServiceClient, AccessToken) against the LiveKit
// double, plus Convene's adapter on top. If the SDK accepts the double, the double speaks LiveKit as
// the real server does (livekit/livekit); if the adapter passes here, it speaks to LiveKit correctly.
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { AccessToken, RoomServiceClient, ServerError } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/appError.js';
import { breakoutRoomName, createLiveKitAdapter } from '../../server/integrations/livekit.js';
import { LiveKitJoinError, startLiveKitDouble } from '../fakes/livekitServerDouble.js';
import { API_KEY, API_SECRET, rejection, useLiveKitTestBed } from './livekitContractKit.js';

const t = useLiveKitTestBed();

describe('RoomService over Twirp, driven by the real RoomServiceClient', () => {
  it('given a created room, when listed and deleted, then it appears and goes, and a second delete is not_found', async () => {
    const room = await t.client.createRoom({
      name: 'breakout-r1-0',
      emptyTimeout: 120,
      departureTimeout: 90,
      maxParticipants: 6,
      metadata: '{"theme":"Water"}',
    });
    expect(room.sid).toMatch(/^RM_[0-9A-Za-z]{12}$/);
    expect([room.emptyTimeout, room.departureTimeout, room.maxParticipants, room.metadata]).toEqual([120, 90, 6, '{"theme":"Water"}']);
    expect((await t.client.listRooms()).map((r) => r.name)).toEqual(['breakout-r1-0']);
    expect(await t.client.listRooms(['other'])).toEqual([]);

    await t.client.deleteRoom('breakout-r1-0');
    expect(await t.client.listRooms()).toEqual([]);
    const error = await rejection(t.client.deleteRoom('breakout-r1-0'));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 404, code: 'not_found', message: 'requested room does not exist' });
    expect(await t.adapter.deleteRoom('breakout-r1-0')).toEqual({ existed: false });
  });

  it('given no timeouts, when a room is created, then the server defaults (300 s empty, 20 s departure) apply; creating it again keeps its sid', async () => {
    const first = await t.client.createRoom({ name: 'r' });
    expect([first.emptyTimeout, first.departureTimeout, first.maxParticipants]).toEqual([300, 20, 0]);
    const again = await t.client.createRoom({ name: 'r', maxParticipants: 3 });
    expect(again.sid).toBe(first.sid);
    expect(again.maxParticipants).toBe(3);
  });

  it('when a method answers, then the JSON is snake_case with every field, and errors carry exactly application/json', async () => {
    const token = new AccessToken(API_KEY, API_SECRET);
    token.addGrant({ roomCreate: true });
    const headers = { Authorization: `Bearer ${await token.toJwt()}`, 'Content-Type': 'application/json' };
    const ok = await fetch(`${t.double.url}/twirp/livekit.RoomService/CreateRoom`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'wire', empty_timeout: 30 }),
    });
    expect(ok.headers.get('content-type')).toBe('application/json');
    const body = (await ok.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ name: 'wire', empty_timeout: 30, departure_timeout: 20, num_participants: 0, metadata: '' });
    expect(body).toHaveProperty('creation_time');
    expect(body).toHaveProperty('version', null);
    expect(body).not.toHaveProperty('emptyTimeout');

    const missing = await fetch(`${t.double.url}/twirp/livekit.RoomService/DeleteRoom`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ room: 'nope' }),
    });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/json');
    expect(await missing.json()).toEqual({ code: 'not_found', msg: 'requested room does not exist' });

    const wrongVerb = await fetch(`${t.double.url}/twirp/livekit.RoomService/ListRooms`, { headers });
    expect(wrongVerb.status).toBe(404);
    expect(await wrongVerb.json()).toMatchObject({ code: 'bad_route' });
    const unknown = await fetch(`${t.double.url}/twirp/livekit.RoomService/NoSuchMethod`, {
      method: 'POST',
      headers,
      body: '{}',
    });
    expect(await unknown.json()).toMatchObject({ code: 'bad_route' });
  });

  it('given a token without the needed grant, when calling, then 401 unauthenticated "permissions denied" (as the real server; not 403)', async () => {
    const joinOnly = new AccessToken(API_KEY, API_SECRET, { identity: 'p1' });
    joinOnly.addGrant({ roomJoin: true, room: 'r' });
    const withJoinToken = new RoomServiceClient(t.double.url, undefined, undefined, { token: await joinOnly.toJwt() });
    expect(await rejection(withJoinToken.createRoom({ name: 'r' }))).toMatchObject({
      status: 401,
      code: 'unauthenticated',
      message: 'permissions denied',
    });

    const adminOfOther = new AccessToken(API_KEY, API_SECRET);
    adminOfOther.addGrant({ roomAdmin: true, room: 'other' });
    const withOtherRoom = new RoomServiceClient(t.double.url, undefined, undefined, { token: await adminOfOther.toJwt() });
    expect(await rejection(withOtherRoom.listParticipants('r'))).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('given a wrong secret, when calling, then the auth middleware answers 401 in plain text (no Twirp code)', async () => {
    const wrong = new RoomServiceClient(t.double.url, API_KEY, 'not-the-secret-not-the-secret-not-the-secret');
    const error = await rejection(wrong.listRooms());
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 401, code: undefined });
    expect((error as ServerError).message).toMatch(/^invalid token: .*signature/);

    const misconfigured = createLiveKitAdapter({ url: t.double.url, apiKey: API_KEY, apiSecret: 'x'.repeat(40) });
    const refused = await rejection(misconfigured.listParticipants('r'));
    expect(refused).toMatchObject({ code: 'LIVEKIT_UNAVAILABLE', extra: { livekitStatus: 401 } });
    // LiveKit's plain-text 401 echoes the refused API token; it must not reach a client.
    expect((refused as AppError).detail).not.toContain('invalid token');
    expect((refused as AppError).detail).not.toContain('eyJ');

    const unknownKey = new RoomServiceClient(t.double.url, 'someone-else', API_SECRET);
    expect(await rejection(unknownKey.listRooms())).toMatchObject({ status: 401, message: 'invalid API key: someone-else\n' });
  });

  it('given an unknown room or participant, then ListParticipants is empty and GetParticipant / UpdateRoomMetadata are not_found', async () => {
    expect(await t.client.listParticipants('ghost')).toEqual([]);
    expect(await rejection(t.client.getParticipant('ghost', 'p1'))).toMatchObject({ status: 404, code: 'not_found' });
    expect(await rejection(t.client.updateRoomMetadata('ghost', '{}'))).toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('participant administration', () => {
  it('given a joined participant, when updated with a partial permission, then omitted flags arrive as false (proto3), and removal sends participant_left', async () => {
    const token = await t.adapter.mintJoinToken({ room: 'r', identity: 'P-1', name: 'Ana', canPublish: true });
    await t.double.join(token.token);
    const updated = await t.client.updateParticipant('r', 'P-1', { permission: { canPublish: false, canSubscribe: true } });
    expect([updated.permission?.canPublish, updated.permission?.canPublishData, updated.permission?.canSubscribe]).toEqual([
      false,
      false,
      true,
    ]);
    expect(await rejection(t.client.mutePublishedTrack('r', 'P-1', 'TR_x', true))).toMatchObject({ status: 404 });
    await t.client.removeParticipant('r', 'P-1');
    expect(await t.client.listParticipants('r')).toEqual([]);
    expect(await rejection(t.client.removeParticipant('r', 'P-1'))).toMatchObject({
      status: 404,
      message: 'participant does not exist',
    });
    await t.double.settleWebhooks();
    const left = await t.adapter.receiveWebhook(t.sink.received[2].body, t.sink.received[2].authorization);
    expect(left).toMatchObject({ event: 'participant_left', participant: { disconnectReason: 'PARTICIPANT_REMOVED' } });
  });
});

describe('joining with an access token', () => {
  it('given a join token minted by the adapter, when the participant joins, then listParticipants shows them with the permissions of the grant', async () => {
    await t.adapter.createRoom({ name: 'r', emptyTimeout: 60, departureTimeout: 60, maxParticipants: 4, metadata: '' });
    const speaker = await t.adapter.mintJoinToken({ room: 'r', identity: 'P-1', name: 'Ana', canPublish: true });
    const observer = await t.adapter.mintJoinToken({ room: 'r', identity: 'P-2', name: 'Obs', canPublish: false });
    const joined = await t.double.join(speaker.token);
    await t.double.join(observer.token);
    expect(joined).toMatchObject({ identity: 'P-1', name: 'Ana', room: 'r' });
    expect(joined.participantSid).toMatch(/^PA_/);

    const listed = await t.client.listParticipants('r');
    expect(
      listed.map((p) => [p.identity, p.name, p.permission?.canPublish, p.permission?.canPublishData, p.permission?.canSubscribe]),
    ).toEqual([
      ['P-1', 'Ana', true, true, true],
      ['P-2', 'Obs', false, false, true],
    ]);
    const viaAdapter = await t.adapter.listParticipants('r');
    expect(viaAdapter[0]).toMatchObject({ sid: joined.participantSid, identity: 'P-1', state: 'ACTIVE', canPublish: true });
    expect(viaAdapter[0].joinedAtMs).toBeGreaterThan(Date.now() - 10_000);
  });

  it('given maxParticipants 2, when a third joins, then the join is refused; a rejoin of the same identity replaces the old session', async () => {
    await t.adapter.createRoom({ name: 'small', emptyTimeout: 60, departureTimeout: 60, maxParticipants: 2, metadata: '' });
    const tokenFor = async (identity: string) =>
      (await t.adapter.mintJoinToken({ room: 'small', identity, name: identity, canPublish: true })).token;
    const first = await t.double.join(await tokenFor('a'));
    await t.double.join(await tokenFor('b'));
    const refused = await rejection(t.double.join(await tokenFor('c')));
    expect(refused).toBeInstanceOf(LiveKitJoinError);
    expect((refused as Error).message).toBe('room has exceeded its max participants');

    const rejoined = await t.double.join(await tokenFor('a'));
    expect(rejoined.participantSid).not.toBe(first.participantSid);
    expect(
      t.double
        .rooms()[0]
        .participants.map((p) => p.identity)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('given a token without roomJoin, a bad signature, or auto-create off, when joining, then the join is refused', async () => {
    const adminOnly = new AccessToken(API_KEY, API_SECRET, { identity: 'x' });
    adminOnly.addGrant({ roomAdmin: true, room: 'r' });
    expect(await rejection(t.double.join(await adminOnly.toJwt()))).toMatchObject({ status: 401 });

    const forged = new AccessToken(API_KEY, 'some-other-secret-some-other-secret', { identity: 'x' });
    forged.addGrant({ roomJoin: true, room: 'r' });
    expect(await rejection(t.double.join(await forged.toJwt()))).toMatchObject({ status: 401 });

    const strict = await startLiveKitDouble({ apiKey: API_KEY, apiSecret: API_SECRET, autoCreate: false });
    try {
      const token = await t.adapter.mintJoinToken({ room: 'absent', identity: 'x', name: 'X', canPublish: true });
      expect(await rejection(strict.join(token.token))).toMatchObject({ status: 404, message: 'requested room does not exist' });
      expect(strict.rooms()).toEqual([]);
    } finally {
      await strict.close();
    }
    expect(t.double.rooms()).toEqual([]);
  });
});

describe('the adapter', () => {
  it('mints a join token exactly as narrow as asked: one room, roomJoin, canPublish by role, no admin grants, TTL as asked', async () => {
    const before = Math.floor(Date.now() / 1000);
    const { token, expiresAt } = await t.adapter.mintJoinToken({
      room: 'breakout-r9-1',
      identity: 'P-7',
      name: 'Observer Olga',
      canPublish: false,
      ttlSeconds: 300,
    });
    const claims = decodeJwt(token);
    expect(decodeProtectedHeader(token).alg).toBe('HS256');
    expect(claims.video).toEqual({
      roomJoin: true,
      room: 'breakout-r9-1',
      canPublish: false,
      canSubscribe: true,
      canPublishData: false,
    });
    expect([claims.sub, claims.name, claims.iss]).toEqual(['P-7', 'Observer Olga', API_KEY]);
    expect(claims.exp! - claims.nbf!).toBe(300);
    expect(claims.nbf!).toBeGreaterThanOrEqual(before);
    expect(expiresAt).toBe(new Date(claims.exp! * 1000).toISOString());

    const byDefault = decodeJwt((await t.adapter.mintJoinToken({ room: 'r', identity: 'P-8', name: 'S', canPublish: true })).token);
    expect(byDefault.exp! - byDefault.nbf!).toBe(600);
    expect(byDefault.video).toMatchObject({ canPublish: true, canPublishData: true });
  });

  it('creates rooms with the options given and names them breakout-<roundId>-<n>', async () => {
    const name = breakoutRoomName('round-42', 3);
    expect(name).toBe('breakout-round-42-3');
    expect(() => breakoutRoomName('', 1)).toThrow();
    const info = await t.adapter.createRoom({
      name,
      emptyTimeout: 180,
      departureTimeout: 120,
      maxParticipants: 9,
      metadata: JSON.stringify({ theme: 'Finance', endsAt: '2026-11-28T10:00:00.000Z' }),
    });
    expect(info).toMatchObject({ name, emptyTimeout: 180, departureTimeout: 120, maxParticipants: 9, numParticipants: 0 });
    expect(JSON.parse(t.double.rooms()[0].metadata)).toEqual({ theme: 'Finance', endsAt: '2026-11-28T10:00:00.000Z' });
    await t.adapter.updateMetadata(name, '{"theme":"Finance","endsAt":"2026-11-28T10:05:00.000Z"}');
    expect(t.double.rooms()[0].metadata).toContain('10:05');
    expect(await t.adapter.deleteRoom(name)).toEqual({ existed: true });
    expect(t.double.rooms()).toEqual([]);
  });

  it('sends broadcasts and warnings as reliable data messages on a topic, recorded by the double', async () => {
    await t.adapter.createRoom({ name: 'r', emptyTimeout: 60, departureTimeout: 60, maxParticipants: 4, metadata: '' });
    await t.adapter.sendData('r', JSON.stringify({ kind: 'warning', secondsLeft: 60 }), 'convene.breakout');
    const [message] = t.double.dataMessages('r');
    expect(message).toMatchObject({ topic: 'convene.breakout', kind: 'RELIABLE', destinationIdentities: [] });
    expect(JSON.parse(message.text)).toEqual({ kind: 'warning', secondsLeft: 60 });
  });

  it('given LiveKit on a closed port, when creating, listing or deleting, then LIVEKIT_UNAVAILABLE in plain words (a delete is not taken for "gone")', async () => {
    const closed = await startLiveKitDouble({ apiKey: API_KEY, apiSecret: API_SECRET });
    const deadUrl = closed.url;
    await closed.close();
    const dead = createLiveKitAdapter({ url: deadUrl, apiKey: API_KEY, apiSecret: API_SECRET, requestTimeoutSeconds: 2 });
    for (const attempt of [
      dead.createRoom({ name: 'r', emptyTimeout: 60, departureTimeout: 60, maxParticipants: 2, metadata: '' }),
      dead.deleteRoom('r'),
      dead.listParticipants('r'),
    ]) {
      const error = await rejection(attempt);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'LIVEKIT_UNAVAILABLE', status: 503 });
      expect((error as AppError).detail).toContain('could not be reached');
      expect((error as AppError).extra.cause).toBe('ECONNREFUSED');
    }
  });

  it('given LiveKit failing the third room of a round (injected 503), when creating all rooms, then LIVEKIT_UNAVAILABLE and no room is left behind', async () => {
    t.double.faults.failNextCall('CreateRoom', 'unavailable', 2);
    const rooms = [0, 1, 2, 3].map((n) => ({
      name: breakoutRoomName('round-1', n),
      emptyTimeout: 60,
      departureTimeout: 60,
      maxParticipants: 4,
      metadata: '',
    }));
    const error = await rejection(t.adapter.createRooms(rooms));
    expect(error).toMatchObject({ code: 'LIVEKIT_UNAVAILABLE', extra: { livekitStatus: 503, livekitCode: 'unavailable' } });
    expect(t.double.rooms()).toEqual([]);

    const created = await t.adapter.createRooms(rooms);
    expect(created.map((r) => r.name)).toEqual(rooms.map((r) => r.name));
  });
});

// Opt-in: the RoomService part of the contract against a real livekit-server (`livekit-server --dev`
// gives LIVEKIT_API_KEY=devkey, LIVEKIT_API_SECRET=secret on http://127.0.0.1:7880). None runs on CI.
const real = {
  url: process.env.LIVEKIT_URL,
  apiKey: process.env.LIVEKIT_API_KEY ?? 'devkey',
  apiSecret: process.env.LIVEKIT_API_SECRET ?? 'secret',
};
describe.runIf(real.url)('the same contract against a real LiveKit server (only when LIVEKIT_URL is set)', () => {
  it('creates, lists participants of, and deletes a room; a second delete counts as gone; a missing grant is 401', async () => {
    const live = createLiveKitAdapter({ url: real.url!, apiKey: real.apiKey, apiSecret: real.apiSecret });
    const name = breakoutRoomName(`contract-${Date.now()}`, 0);
    const info = await live.createRoom({ name, emptyTimeout: 30, departureTimeout: 10, maxParticipants: 3, metadata: '{}' });
    expect(info).toMatchObject({ name, emptyTimeout: 30, departureTimeout: 10, maxParticipants: 3 });
    expect(await live.listParticipants(name)).toEqual([]);
    expect(await live.deleteRoom(name)).toEqual({ existed: true });
    expect(await live.deleteRoom(name)).toEqual({ existed: false });
    const joinOnly = new AccessToken(real.apiKey, real.apiSecret, { identity: 'x' });
    joinOnly.addGrant({ roomJoin: true, room: name });
    const weak = new RoomServiceClient(real.url!, undefined, undefined, { token: await joinOnly.toJwt() });
    expect(await rejection(weak.listRooms())).toMatchObject({ status: 401, code: 'unauthenticated' });
  });
});
