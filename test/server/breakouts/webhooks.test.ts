import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttendanceRecord } from '../../../server/domain/breakouts/state.js';
import { assertFresh } from '../../../server/http/livekitWebhookRoute.js';
import { createLiveKitAdapter } from '../../../server/integrations/livekit.js';
import { API_KEY, API_SECRET, breakoutMeeting, command, tokenFor, type BreakoutMeeting, type Person } from './breakoutHttp.js';

// LiveKit's signed webhooks → breakout attendance, end to end over real HTTP: the LiveKit double posts the
// very bytes and tokens LiveKit would (with faults on demand) to the real app, which records attendance in
// real SQLite (BREAKOUT-23..27, BREAKOUT-VIEW-6).

let m: BreakoutMeeting | undefined;
afterEach(async () => {
  await m?.close();
  m = undefined;
});

const webhookUrl = (meeting: BreakoutMeeting) => `${meeting.app.baseUrl}/api/livekit/webhook`;

/** Joins `who` to room `index` on the LiveKit double with a token from Convene; returns the connection's sid. */
async function joinRoom(meeting: BreakoutMeeting, who: Person, index: 0 | 1): Promise<string> {
  const res = await tokenFor(meeting, who, meeting.rooms[index]);
  expect(res.status, res.text).toBe(200);
  return (await meeting.double!.join(res.body.token)).participantSid;
}

async function attendanceSeenBy(meeting: BreakoutMeeting, who: Person): Promise<Record<string, AttendanceRecord>> {
  const res = await who.api.get(`/api/engagements/${meeting.engagementId}`);
  expect(res.status, res.text).toBe(200);
  return res.body.breakouts.rounds[meeting.roundId].attendance;
}

const attendanceEvents = async (meeting: BreakoutMeeting) =>
  (await meeting.app.store.load(meeting.engagementId)).filter((e) => e.type === 'breakouts.attendanceRecorded');
const statuses = (meeting: BreakoutMeeting, event: string) =>
  meeting
    .double!.sentWebhooks()
    .filter((w) => w.event === event)
    .map((w) => w.status);

async function post(url: string, body: string, headers: Record<string, string>) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/webhook+json', ...headers }, body });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : null };
}

describe('LiveKit webhooks → breakout attendance', () => {
  it('BREAKOUT-24, BREAKOUT-VIEW-6: given a participant joins and leaves their room, then the Chair sees the connection’s times and a stakeholder sees no attendance', async () => {
    m = await breakoutMeeting({ livekit: true });
    const sid = await joinRoom(m, m.ana, 0);
    await m.double!.settleWebhooks();
    let seen = await attendanceSeenBy(m, m.chair);
    expect(seen[sid]).toMatchObject({ participantId: m.ana.participantId, roomId: m.rooms[0], leftAt: null, source: 'webhook' });
    expect(seen[sid].joinedAt).not.toBeNull();

    m.double!.leave(m.roomNames[0], m.ana.participantId);
    await m.double!.settleWebhooks();
    seen = await attendanceSeenBy(m, m.chair);
    expect(seen[sid]).toMatchObject({ leftBy: 'livekit' });
    expect(Date.parse(seen[sid].leftAt!)).toBeGreaterThanOrEqual(Date.parse(seen[sid].joinedAt!));
    expect(statuses(m, 'participant_joined')).toEqual([200]);
    expect(statuses(m, 'participant_left')).toEqual([200]);

    expect(await attendanceSeenBy(m, m.stan)).toEqual({});
    expect(await attendanceSeenBy(m, m.ana)).toEqual({});
  });

  it('given a webhook whose body was altered, signed with another secret, or unsigned, then it is 401 problem+json and nothing is recorded', async () => {
    m = await breakoutMeeting({ livekit: true });
    await joinRoom(m, m.ana, 0);
    await m.double!.settleWebhooks();
    const original = m.double!.sentWebhooks().find((w) => w.event === 'participant_joined')!;
    const before = (await attendanceEvents(m)).length;

    const altered = original.body.replace(m.ana.participantId, m.ben.participantId);
    const tampered = await post(webhookUrl(m), altered, { authorization: original.authorization });
    expect(tampered.status).toBe(401);
    expect(tampered.contentType).toMatch(/application\/problem\+json/);
    expect(tampered.body.code).toBe('UNAUTHENTICATED');

    const now = Math.floor(Date.now() / 1000);
    const forgedToken = await new SignJWT({ sha256: createHash('sha256').update(altered).digest('base64') })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(API_KEY)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + 300)
      .sign(new TextEncoder().encode('not-the-livekit-secret-but-long-enough'));
    expect((await post(webhookUrl(m), altered, { authorization: forgedToken })).status).toBe(401);
    expect((await post(webhookUrl(m), altered, {})).status).toBe(401);
    expect(await attendanceEvents(m)).toHaveLength(before);
  });

  it('given LiveKit delivers the same webhook twice (a retry), then both are answered 200 and one event is recorded', async () => {
    m = await breakoutMeeting({ livekit: true });
    m.double!.faults.duplicateNext();
    const sid = await joinRoom(m, m.ana, 0);
    await m.double!.settleWebhooks();
    expect(statuses(m, 'participant_joined')).toEqual([200, 200]);
    expect((await attendanceEvents(m)).filter((e) => e.type === 'breakouts.attendanceRecorded' && e.participantSid === sid)).toHaveLength(
      1,
    );
    // The dedupe is the store's UNIQUE(command id): the webhook's id is the command's.
    const delivered = m.double!.sentWebhooks().find((w) => w.event === 'participant_joined')!;
    expect(await m.app.store.findCommand(`livekit-${delivered.id}`)).toMatchObject({ engagementId: m.engagementId });
  });

  it('BREAKOUT-24: given a leave delivered before its join, then the connection is recorded with both times and the late join adds nothing wrong', async () => {
    m = await breakoutMeeting({ livekit: true });
    m.double!.faults.reorderNext();
    const sid = await joinRoom(m, m.ben, 1);
    m.double!.leave(m.roomNames[1], m.ben.participantId);
    await m.double!.settleWebhooks();
    const order = m
      .double!.sentWebhooks()
      .filter((w) => w.event.startsWith('participant_'))
      .map((w) => w.event);
    expect(order).toEqual(['participant_left', 'participant_joined']);
    const record = (await attendanceSeenBy(m, m.chair))[sid];
    expect(record).toMatchObject({ participantId: m.ben.participantId, roomId: m.rooms[1], leftBy: 'livekit' });
    expect(record.joinedAt).not.toBeNull();
    expect(Date.parse(record.leftAt!)).toBeGreaterThanOrEqual(Date.parse(record.joinedAt!));
    expect(statuses(m, 'participant_joined')).toEqual([200]);
  });

  it('given a webhook created more than 5 minutes ago (a replay with a fresh token), then it is refused with 401 and nothing is recorded', async () => {
    m = await breakoutMeeting({ livekit: true });
    m.double!.faults.backdateNext(6 * 60);
    const sid = await joinRoom(m, m.ana, 0);
    await m.double!.settleWebhooks();
    expect(statuses(m, 'participant_joined')).toEqual([401]);
    expect((await attendanceSeenBy(m, m.chair))[sid]).toBeUndefined();
  });

  it('given a signed webhook for a room that is no breakout room of any engagement, then it is answered 200 (no retries) and nothing is recorded', async () => {
    m = await breakoutMeeting({ livekit: true });
    const adapter = createLiveKitAdapter({ url: m.double!.url, apiKey: API_KEY, apiSecret: API_SECRET });
    const { token } = await adapter.mintJoinToken({
      room: 'breakout-unknown-round-1',
      identity: m.ana.participantId,
      name: 'Ana',
      canPublish: true,
    });
    await m.double!.join(token);
    await m.double!.settleWebhooks();
    expect(statuses(m, 'participant_joined')).toEqual([200]);
    expect(await attendanceEvents(m)).toHaveLength(0);
  });

  it('BREAKOUT-26: given a participant still connected when the Chair ends the round, then their connection is closed at the round’s end', async () => {
    m = await breakoutMeeting({ livekit: true });
    const sid = await joinRoom(m, m.ana, 0);
    await m.double!.settleWebhooks();
    const [ended] = await command(m.chair.api, m.engagementId, { type: 'breakouts.end', roundId: m.roundId });
    expect((await attendanceSeenBy(m, m.chair))[sid]).toMatchObject({ leftAt: ended.at, leftBy: 'round-end' });
  });

  it('BREAKOUT-27: given LiveKit closes a room with someone still recorded in it, then room_finished closes the connection', async () => {
    m = await breakoutMeeting({ livekit: true });
    m.double!.faults.dropNext();
    const sid = await joinRoom(m, m.ana, 0);
    await m.double!.settleWebhooks();
    // The join webhook was lost: the Chair reconciles, then LiveKit closes the room (its left webhook is lost too).
    const reconciled = await m.chair.api.post(`/api/engagements/${m.engagementId}/breakouts/reconcile`);
    expect(reconciled.status, JSON.stringify(reconciled.body)).toBe(200);
    m.double!.faults.dropNext();
    const admin = createLiveKitAdapter({ url: m.double!.url, apiKey: API_KEY, apiSecret: API_SECRET });
    await admin.deleteRoom(m.roomNames[0]);
    await m.double!.settleWebhooks();
    expect(statuses(m, 'room_finished')).toEqual([200]);
    expect((await attendanceSeenBy(m, m.chair))[sid]).toMatchObject({ leftBy: 'room-finished' });
  });

  it('given no LiveKit server configured, then the webhook endpoint is 404 problem+json', async () => {
    m = await breakoutMeeting({ livekit: false, start: false });
    const res = await post(webhookUrl(m), '{}', { authorization: 'x.y.z' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('reconciling attendance with LiveKit', () => {
  it('BREAKOUT-24: given lost join and leave webhooks, when the Chair reconciles, then LiveKit’s participant list fills the gaps, and reconciling again records nothing', async () => {
    m = await breakoutMeeting({ livekit: true });
    m.double!.faults.dropNext();
    const sid = await joinRoom(m, m.ana, 0);
    await m.double!.settleWebhooks();
    expect((await attendanceSeenBy(m, m.chair))[sid]).toBeUndefined();

    const reconcile = () => m!.chair.api.post(`/api/engagements/${m!.engagementId}/breakouts/reconcile`);
    const first = await reconcile();
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ rooms: 2, recorded: 1 });
    expect((await attendanceSeenBy(m, m.chair))[sid]).toMatchObject({
      participantId: m.ana.participantId,
      leftAt: null,
      source: 'reconcile',
    });
    expect((await reconcile()).body).toMatchObject({ recorded: 0 });

    m.double!.faults.dropNext();
    m.double!.leave(m.roomNames[0], m.ana.participantId);
    await m.double!.settleWebhooks();
    expect((await reconcile()).body).toMatchObject({ recorded: 1 });
    expect((await attendanceSeenBy(m, m.chair))[sid].leftAt).not.toBeNull();
    const events = (await attendanceEvents(m)).length;
    expect((await reconcile()).body).toMatchObject({ recorded: 0 });
    expect(await attendanceEvents(m)).toHaveLength(events);
  });

  it('given a stakeholder, then reconciling is 403; without LiveKit it is 503 LIVEKIT_NOT_CONFIGURED', async () => {
    m = await breakoutMeeting({ livekit: true });
    expect((await m.ana.api.post(`/api/engagements/${m.engagementId}/breakouts/reconcile`)).status).toBe(403);
    await m.close();
    m = await breakoutMeeting({ livekit: false });
    const res = await m.chair.api.post(`/api/engagements/${m.engagementId}/breakouts/reconcile`);
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('LIVEKIT_NOT_CONFIGURED');
  });
});

describe('the webhook replay window', () => {
  const now = new Date('2026-11-28T09:00:00.000Z');
  const seconds = Math.floor(now.getTime() / 1000);

  it('given createdAt within 5 minutes back or 60 s ahead, then it passes; beyond either, then it is 401 UNAUTHENTICATED', () => {
    expect(() => assertFresh(seconds - 300, now)).not.toThrow();
    expect(() => assertFresh(seconds + 60, now)).not.toThrow();
    expect(() => assertFresh(seconds - 301, now)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', status: 401 }));
    expect(() => assertFresh(seconds + 61, now)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', status: 401 }));
    expect(() => assertFresh(0, now)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
});
