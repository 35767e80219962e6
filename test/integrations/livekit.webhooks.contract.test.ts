// Webhook contract: the double signs and sends webhooks as livekit/protocol's notifier does (livekit/protocol and
// livekit/livekit); the real WebhookReceiver and Convene's adapter verify them; faults arrive as asked.
import { decodeJwt } from 'jose';
import { RoomServiceClient, WebhookReceiver } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { startLiveKitDouble } from '../fakes/livekitServerDouble.js';
import { API_KEY, API_SECRET, eventIds, eventNames, rejection, startWebhookSink, useLiveKitTestBed } from './livekitContractKit.js';

const t = useLiveKitTestBed();

describe('webhooks, verified by the real WebhookReceiver', () => {
  const receiver = new WebhookReceiver(API_KEY, API_SECRET);

  async function oneRoomLifecycle(): Promise<void> {
    const token = await t.adapter.mintJoinToken({ room: 'w', identity: 'P-1', name: 'Ana', canPublish: true });
    await t.double.join(token.token);
    t.double.leave('w', 'P-1');
  }

  it('given a join and a leave, then room_started, participant_joined, participant_left arrive signed as LiveKit signs them', async () => {
    await oneRoomLifecycle();
    await t.double.settleWebhooks();
    expect(eventNames(t.sink.received)).toEqual(['room_started', 'participant_joined', 'participant_left']);
    for (const r of t.sink.received) {
      expect(r.contentType).toBe('application/webhook+json');
      expect(r.authorization).not.toMatch(/^Bearer /);
      const claims = decodeJwt(r.authorization!);
      expect([claims.iss, claims.exp! - claims.iat!, claims.nbf]).toEqual([API_KEY, 300, claims.iat]);
      const event = await receiver.receive(r.body, r.authorization);
      expect(event.id).toMatch(/^EV_/);
      expect(Number(event.createdAt)).toBeGreaterThan(Date.now() / 1000 - 10);
    }
    const left = await t.adapter.receiveWebhook(t.sink.received[2].body, t.sink.received[2].authorization);
    const joined = await t.adapter.receiveWebhook(Buffer.from(t.sink.received[1].body), t.sink.received[1].authorization);
    expect(left.participant).toMatchObject({ identity: 'P-1', state: 'DISCONNECTED', disconnectReason: 'CLIENT_INITIATED' });
    expect(left.participant!.sid).toBe(joined.participant!.sid);
    expect(left.room).toMatchObject({ name: 'w', numParticipants: 0 });
    expect(new Set(eventIds(t.sink.received)).size).toBe(3);
  });

  it('given a room with people in it, when it is deleted, then each gets participant_left (ROOM_DELETED), then room_finished', async () => {
    await t.adapter.createRoom({ name: 'd', emptyTimeout: 60, departureTimeout: 60, maxParticipants: 4, metadata: '' });
    await t.double.join((await t.adapter.mintJoinToken({ room: 'd', identity: 'P-1', name: 'A', canPublish: true })).token);
    await t.adapter.deleteRoom('d');
    await t.double.settleWebhooks();
    const events = await Promise.all(t.sink.received.map((r) => t.adapter.receiveWebhook(r.body, r.authorization)));
    expect(events.map((e) => e.event)).toEqual(['room_started', 'participant_joined', 'participant_left', 'room_finished']);
    expect(events[2].participant?.disconnectReason).toBe('ROOM_DELETED');
    expect(events[3].roomEndReason).toBe('ROOM_END_API_DELETE');
  });

  it('given a tampered body or a re-serialized body, then verification fails', async () => {
    await oneRoomLifecycle();
    await t.double.settleWebhooks();
    const { body, authorization } = t.sink.received[1];
    const tampered = body.replace('"P-1"', '"P-2"');
    await expect(receiver.receive(tampered, authorization)).rejects.toThrow('sha256 checksum of body does not match');
    expect(await rejection(t.adapter.receiveWebhook(tampered, authorization))).toMatchObject({ code: 'UNAUTHENTICATED' });
    // The raw bytes are what is signed: parsing and stringifying again changes them.
    const reserialized = JSON.stringify(JSON.parse(body));
    expect(reserialized).not.toBe(body);
    await expect(receiver.receive(reserialized, authorization)).rejects.toThrow('sha256');
    expect(await rejection(t.adapter.receiveWebhook(body, undefined))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('given duplicateNext, then the same event (same id, bytes and token) is delivered twice', async () => {
    t.double.faults.duplicateNext();
    await oneRoomLifecycle();
    await t.double.settleWebhooks();
    expect(eventNames(t.sink.received)).toEqual(['room_started', 'room_started', 'participant_joined', 'participant_left']);
    expect(t.sink.received[0]).toMatchObject({ body: t.sink.received[1].body, authorization: t.sink.received[1].authorization });
  });

  it('given dropNext, then that event is never delivered and the ones after it are', async () => {
    t.double.faults.dropNext();
    await oneRoomLifecycle();
    await t.double.settleWebhooks();
    expect(eventNames(t.sink.received)).toEqual(['participant_joined', 'participant_left']);
    expect(t.double.droppedWebhooks().map((d) => d.event)).toEqual(['room_started']);
  });

  it('given reorderNext, then that event arrives after the one that follows it', async () => {
    await t.adapter.createRoom({ name: 'w', emptyTimeout: 60, departureTimeout: 60, maxParticipants: 4, metadata: '' });
    await t.double.settleWebhooks();
    t.double.faults.reorderNext();
    const token = await t.adapter.mintJoinToken({ room: 'w', identity: 'P-1', name: 'Ana', canPublish: true });
    await t.double.join(token.token);
    t.double.leave('w', 'P-1');
    await t.double.settleWebhooks();
    expect(eventNames(t.sink.received)).toEqual(['room_started', 'participant_left', 'participant_joined']);
  });

  it('given delayNext(800), then that event arrives at least 800 ms late, after later ones that did not wait for it', async () => {
    t.double.faults.delayNext(800);
    const start = Date.now();
    await oneRoomLifecycle();
    await t.double.settleWebhooks();
    expect(eventNames(t.sink.received)).toEqual(['participant_joined', 'participant_left', 'room_started']);
    expect(t.sink.received[2].atMs - start).toBeGreaterThanOrEqual(800);
  });

  it('given a virtual clock, when the reaper runs past emptyTimeout, then the unjoined room closes with room_finished (idle timeout)', async () => {
    let now = Date.now();
    const clocked = await startLiveKitDouble({ apiKey: API_KEY, apiSecret: API_SECRET, webhookUrl: t.sink.url, now: () => now });
    try {
      const lk = new RoomServiceClient(clocked.url, API_KEY, API_SECRET);
      await lk.createRoom({ name: 'idle', emptyTimeout: 60 });
      now += 59_000;
      clocked.reap();
      expect(clocked.rooms().map((r) => r.name)).toEqual(['idle']);
      now += 1_000;
      clocked.reap();
      expect(clocked.rooms()).toEqual([]);
      await clocked.settleWebhooks();
      expect(eventNames(t.sink.received)).toEqual(['room_started', 'room_finished']);
      expect(JSON.parse(t.sink.received[1].body)).toMatchObject({ roomEndReason: 'ROOM_END_IDLE_TIMEOUT' });
    } finally {
      await clocked.close();
    }
  });

  it('given backdateNext(600), then that event says it was created 10 minutes ago while its token is fresh and valid', async () => {
    t.double.faults.backdateNext(600);
    await oneRoomLifecycle();
    await t.double.settleWebhooks();
    const [first, second] = await Promise.all(t.sink.received.slice(0, 2).map((r) => t.adapter.receiveWebhook(r.body, r.authorization)));
    expect(second.createdAt - first.createdAt).toBeGreaterThanOrEqual(600);
    expect(first.createdAt).toBeLessThan(Date.now() / 1000 - 590);
  });

  it('given a delivered webhook, when resent later, then the very same bytes and token arrive again (a replay)', async () => {
    await oneRoomLifecycle();
    await t.double.settleWebhooks();
    const [first] = t.double.sentWebhooks();
    await t.double.resendWebhook(first.id);
    expect(t.sink.received).toHaveLength(4);
    expect(t.sink.received[3]).toMatchObject({ body: first.body, authorization: first.authorization });
  });

  it('given retries on and a receiver that fails twice, then the same event is retried until it is accepted', async () => {
    const flaky = await startWebhookSink({ failFirst: 2 });
    const retrying = await startLiveKitDouble({
      apiKey: API_KEY,
      apiSecret: API_SECRET,
      webhookUrl: flaky.url,
      webhookRetry: { attempts: 4, backoffMs: 10 },
    });
    try {
      await new RoomServiceClient(retrying.url, API_KEY, API_SECRET).createRoom({ name: 'r' });
      await retrying.settleWebhooks();
      expect(retrying.sentWebhooks().map((w) => [w.attempt, w.status])).toEqual([
        [1, 503],
        [2, 503],
        [3, 200],
      ]);
      expect(new Set(eventIds(flaky.received)).size).toBe(1);
    } finally {
      await retrying.close();
      await flaky.close();
    }
  });
});
