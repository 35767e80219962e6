import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock.js';
import type { StoredEvent } from '../../../server/domain/events.js';
import { reopenedAfterEnd } from '../../../server/engagements/breakoutMedia.js';
import { startLiveKitDouble, type LiveKitDouble } from '../../fakes/livekitServerDouble.js';
import { createTestApp, type ApiClient, type TestApp } from '../../support/createTestApp.js';
import { command } from './breakoutHttp.js';

// BREAKOUT-29: a participant whose join token is still valid re-creates a breakout room after its round ended
// (LiveKit auto-creates rooms on join). Composed as main.ts composes it (the adapter is
// the service's media and the webhook route's), over real HTTP and real SQLite, against the protocol-faithful
// LiveKit double posting its signed webhooks to the app. Real time: LiveKit's tokens are checked against it.

const API_KEY = 'convene-reopened-room-key';
const API_SECRET = 'convene-reopened-room-secret-long-enough';

let double: LiveKitDouble | undefined;
let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  await double?.close();
  app = undefined;
  double = undefined;
});

interface EndedRound {
  app: TestApp;
  double: LiveKitDouble;
  engagementId: string;
  roomName: string;
  /** Ana's join token, asked for while the round ran; still valid after it ended. */
  anaToken: string;
}

/** A round that ran with one room (Ana's token minted meanwhile) and was ended by the Chair; its room is gone. */
async function endedRound(): Promise<EndedRound> {
  double = await startLiveKitDouble({ apiKey: API_KEY, apiSecret: API_SECRET });
  app = await createTestApp({ clock: systemClock, livekit: { url: double.url, apiKey: API_KEY, apiSecret: API_SECRET } });
  double.setWebhookUrl(`${app.baseUrl}/api/livekit/webhook`);
  const chair: ApiClient = app.api(await app.signIn('The Chair'));
  const created = await chair.post('/api/engagements', { title: 'Informal consultation on capacity-building', plannedMinutes: 90 });
  expect(created.status, created.text).toBe(201);
  const engagementId = created.body.id as string;
  await command(chair, engagementId, { type: 'engagement.open' });
  const ana = app.api(await app.signIn('Ana'));
  const [registered] = await command(ana, engagementId, {
    type: 'participant.register',
    organization: 'Ana organisation',
    category: 'ngo',
  });
  const anaId = (registered.participant as { id: string }).id;
  await command(chair, engagementId, { type: 'participant.approve', participantId: anaId, role: 'stakeholder' });
  await command(chair, engagementId, { type: 'engagement.start' });
  const [planned] = await command(chair, engagementId, {
    type: 'breakouts.plan',
    mode: 'manual',
    durationMinutes: 20,
    rooms: [{ theme: 'Capacity-building needs', capacity: 4 }],
  });
  const roundId = planned.roundId as string;
  const roomId = (planned.rooms as Array<{ id: string }>)[0].id;
  await command(chair, engagementId, { type: 'breakouts.assign', roundId, participantId: anaId, roomId });
  await command(chair, engagementId, { type: 'breakouts.start', roundId });
  const roomName = `breakout-${roundId}-1`;
  expect(double.rooms().map((r) => r.name)).toEqual([roomName]);
  const token = await ana.post(`/api/engagements/${engagementId}/breakouts/${roomId}/token`);
  expect(token.status, token.text).toBe(200);

  await command(chair, engagementId, { type: 'breakouts.end', roundId });
  await expect.poll(() => double!.rooms().length, { timeout: 5000 }).toBe(0);
  await double.settleWebhooks();
  return { app, double, engagementId, roomName, anaToken: token.body.token as string };
}

const attendanceEvents = async (m: EndedRound) =>
  (await m.app.store.load(m.engagementId)).filter((e: StoredEvent) => e.type === 'breakouts.attendanceRecorded');

async function deliverAgain(m: EndedRound, event: string) {
  const sent = m.double.sentWebhooks().findLast((w) => w.event === event && w.body.includes(m.roomName))!;
  const res = await fetch(`${m.app.baseUrl}/api/livekit/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/webhook+json', authorization: sent.authorization },
    body: sent.body,
  });
  return { status: res.status, body: await res.json() };
}

describe('a breakout room re-created after its round ended', () => {
  it('BREAKOUT-29: given a late joiner re-creates the room with a still-valid token, when room_started arrives, then the room is deleted again, the joiner is disconnected and nothing is attendance; a redelivery is harmless', async () => {
    const m = await endedRound();
    const before = (await attendanceEvents(m)).length;
    const version = (await m.app.store.load(m.engagementId)).length;

    const joined = await m.double.join(m.anaToken);
    expect(joined.room).toBe(m.roomName);
    await m.double.settleWebhooks();
    await expect.poll(() => m.double.rooms().length, { timeout: 5000 }).toBe(0);
    await m.double.settleWebhooks();

    const late = m.double.sentWebhooks().filter((w) => w.body.includes(joined.participantSid) || w.event === 'room_started');
    expect(
      m.double
        .sentWebhooks()
        .filter((w) => w.event === 'room_started')
        .every((w) => w.status === 200),
    ).toBe(true);
    expect(late.every((w) => w.status === 200)).toBe(true);
    const left = JSON.parse(
      m.double.sentWebhooks().find((w) => w.event === 'participant_left' && w.body.includes(joined.participantSid))!.body,
    );
    expect(left.participant.disconnectReason).toBe('ROOM_DELETED');
    expect(await attendanceEvents(m)).toHaveLength(before);
    expect(await m.app.store.load(m.engagementId)).toHaveLength(version);

    // LiveKit delivers the late room_started again (a retry): nothing more to delete, still no attendance.
    expect(await deliverAgain(m, 'room_started')).toMatchObject({ status: 200, body: { outcome: 'refused' } });
    expect(m.double.rooms()).toEqual([]);
    expect(await m.app.store.load(m.engagementId)).toHaveLength(version);
  });

  it('BREAKOUT-29: given the room_started webhook is lost, when participant_joined arrives for a connection begun after the end, then the room is deleted again and the join is not attendance', async () => {
    const m = await endedRound();
    const version = (await m.app.store.load(m.engagementId)).length;
    m.double.faults.dropNext();
    const joined = await m.double.join(m.anaToken);
    await m.double.settleWebhooks();
    expect(m.double.droppedWebhooks().map((w) => w.event)).toEqual(['room_started']);
    await expect.poll(() => m.double.rooms().length, { timeout: 5000 }).toBe(0);
    await m.double.settleWebhooks();
    expect(m.double.sentWebhooks().find((w) => w.event === 'participant_joined' && w.body.includes(joined.participantSid))?.status).toBe(
      200,
    );
    expect(await m.app.store.load(m.engagementId)).toHaveLength(version);
  });

  it('BREAKOUT-29: given LiveKit cannot be reached to delete the room again, then the webhook is answered 503 (LiveKit delivers it again) and its redelivery deletes the room', async () => {
    const m = await endedRound();
    m.double.faults.setUnreachable(true);
    await m.double.join(m.anaToken);
    await m.double.settleWebhooks();
    const started = m.double.sentWebhooks().findLast((w) => w.event === 'room_started')!;
    expect(started.status).toBe(503);
    expect(m.double.rooms().map((r) => r.name)).toEqual([m.roomName]);

    m.double.faults.setUnreachable(false);
    await m.double.resendWebhook(started.id);
    await expect.poll(() => m.double.rooms().length, { timeout: 5000 }).toBe(0);
  });
});

describe('reopenedAfterEnd', () => {
  const endedAt = '2026-11-28T10:00:00.000Z';
  const end = Date.parse(endedAt);

  it('BREAKOUT-29: a room created at or after the end, or a connection begun at or after it, is the room open again', () => {
    expect(reopenedAfterEnd({ event: 'room_started', createdAt: end / 1000, room: { createdAtMs: end + 1 } }, endedAt)).toBe(true);
    expect(reopenedAfterEnd({ event: 'participant_joined', createdAt: end / 1000, participant: { joinedAtMs: end } }, endedAt)).toBe(true);
    // Without LiveKit's millisecond time, the event's own (whole-second) time decides.
    expect(reopenedAfterEnd({ event: 'room_started', createdAt: end / 1000 + 1, room: { createdAtMs: 0 } }, endedAt)).toBe(true);
  });

  it('BREAKOUT-25, BREAKOUT-29: a late-delivered join begun before the end, the round’s own room_started, and other events are not', () => {
    expect(
      reopenedAfterEnd({ event: 'participant_joined', createdAt: end / 1000 + 30, participant: { joinedAtMs: end - 5_000 } }, endedAt),
    ).toBe(false);
    expect(reopenedAfterEnd({ event: 'room_started', createdAt: end / 1000 + 30, room: { createdAtMs: end - 20 * 60_000 } }, endedAt)).toBe(
      false,
    );
    expect(reopenedAfterEnd({ event: 'participant_left', createdAt: end / 1000 + 30, participant: { joinedAtMs: end + 1 } }, endedAt)).toBe(
      false,
    );
    expect(reopenedAfterEnd({ event: 'room_finished', createdAt: end / 1000 + 30 }, endedAt)).toBe(false);
  });
});
