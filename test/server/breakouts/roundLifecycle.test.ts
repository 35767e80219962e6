import { afterEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../server/domain/events.js';
import { BREAKOUT_TOPIC } from '../../../server/engagements/breakoutMedia.js';
import { startLiveKitDouble, type LiveKitDouble } from '../../fakes/livekitServerDouble.js';
import { createTestApp, type ApiClient, type TestApp } from '../../support/createTestApp.js';
import type { FakeClock } from '../../support/fakeClock.js';
import { command } from './breakoutHttp.js';

// Issue 4's acceptance over real HTTP: a breakout round's whole life through POST /commands, with media
// composed as main.ts composes it (LIVEKIT_* → the real adapter → the service's `media` and the breakout
// routes) against the protocol-faithful LiveKit double. Convene's time is a FakeClock, so the one-minute
// warning and the end are driven by the server's own timers without waiting; LiveKit's API tokens use real
// time, which the double checks, so the two clocks never meet.

const API_KEY = 'convene-round-lifecycle-key';
const API_SECRET = 'convene-round-lifecycle-secret-long-enough';
const ROUND_MINUTES = 5;
const MINUTE = 60_000;

let double: LiveKitDouble | undefined;
let app: TestApp<FakeClock> | undefined;
afterEach(async () => {
  await app?.close();
  await double?.close();
  app = undefined;
  double = undefined;
});

interface Meeting {
  app: TestApp<FakeClock>;
  double: LiveKitDouble;
  chair: ApiClient;
  engagementId: string;
  roundId: string;
  roomIds: [string, string];
  themes: [string, string];
}

/** A live engagement with a planned manual round of two rooms, everyone assigned; nothing started yet. */
async function plannedRound(): Promise<Meeting> {
  double = await startLiveKitDouble({ apiKey: API_KEY, apiSecret: API_SECRET });
  app = (await createTestApp({ livekit: { url: double.url, apiKey: API_KEY, apiSecret: API_SECRET } })) as TestApp<FakeClock>;
  const chair = app.api(await app.signIn('The Chair'));
  const created = await chair.post('/api/engagements', { title: 'Informal consultation on capacity-building', plannedMinutes: 90 });
  expect(created.status, created.text).toBe(201);
  const engagementId = created.body.id as string;
  await command(chair, engagementId, { type: 'engagement.open' });
  const approved = async (name: string, role: 'stakeholder' | 'delegation') => {
    const api = app!.api(await app!.signIn(name));
    const [registered] = await command(api, engagementId, {
      type: 'participant.register',
      organization: `${name} organisation`,
      category: role === 'delegation' ? 'member-state' : 'ngo',
    });
    const participantId = (registered.participant as { id: string }).id;
    await command(chair, engagementId, { type: 'participant.approve', participantId, role });
    return participantId;
  };
  const ana = await approved('Ana', 'stakeholder');
  const ben = await approved('Ben', 'delegation');
  await command(chair, engagementId, { type: 'engagement.start' });
  const themes: [string, string] = ['Capacity-building needs', 'Public-private partnerships'];
  const [planned] = await command(chair, engagementId, {
    type: 'breakouts.plan',
    mode: 'manual',
    durationMinutes: ROUND_MINUTES,
    rooms: [
      { theme: themes[0], capacity: 4 },
      { theme: themes[1], capacity: 6 },
    ],
  });
  const roundId = planned.roundId as string;
  const roomIds = (planned.rooms as Array<{ id: string }>).map((r) => r.id) as [string, string];
  await command(chair, engagementId, { type: 'breakouts.assign', roundId, participantId: ana, roomId: roomIds[0] });
  await command(chair, engagementId, { type: 'breakouts.assign', roundId, participantId: ben, roomId: roomIds[1] });
  return { app, double, chair, engagementId, roundId, roomIds, themes };
}

/** The round's events as stored in the log (what the server recorded, not what a view derives). */
const logged = async (m: Meeting, type: string) =>
  (await m.app.store.load(m.engagementId)).filter(
    (e: StoredEvent) => e.type === type && (e as { roundId?: string }).roundId === m.roundId,
  ) as Array<StoredEvent & Record<string, any>>;

/** Moves Convene's clock and lets every timer's command (warning, expiry) finish. */
async function advance(m: Meeting, ms: number): Promise<void> {
  m.app.clock.advance(ms);
  await m.app.engagements.whenIdle();
}

const kindsIn = (m: Meeting, name: string) => m.double.dataMessages(name).map((d) => (JSON.parse(d.text) as { kind: string }).kind);

describe('a breakout round over HTTP with LiveKit', () => {
  it('BREAKOUT-14, BREAKOUT-21: given a planned round, when the Chair starts it, then LiveKit has one room per breakout, named breakout-<roundId>-<n>, sized and timed for the round, with theme and end time in its metadata', async () => {
    const m = await plannedRound();
    const res = await m.chair.command(m.engagementId, { type: 'breakouts.start', roundId: m.roundId });
    expect(res.status, res.text).toBe(200);
    const started = res.body.events.find((e: { type: string }) => e.type === 'breakouts.started');
    expect(started.deadline).toBe(new Date(m.app.clock.now().getTime() + ROUND_MINUTES * MINUTE).toISOString());
    const names = [`breakout-${m.roundId}-1`, `breakout-${m.roundId}-2`];
    expect(started.roomNames).toEqual({ [m.roomIds[0]]: names[0], [m.roomIds[1]]: names[1] });

    const rooms = m.double.rooms().sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(rooms.map((r) => r.name)).toEqual(names);
    // emptyTimeout covers the whole round (plus a margin: our timer, not LiveKit, closes the room).
    for (const room of rooms) {
      expect(room.emptyTimeout).toBeGreaterThanOrEqual(ROUND_MINUTES * 60);
      expect(room.departureTimeout).toBe(120);
    }
    // Capacity plus staff headroom: the Chair and the secretariat come on top (BREAKOUT-11).
    expect(rooms[0].maxParticipants).toBeGreaterThan(4);
    expect(rooms[1].maxParticipants - rooms[0].maxParticipants).toBe(6 - 4);
    rooms.forEach((room, i) => {
      expect(JSON.parse(room.metadata)).toEqual({ theme: m.themes[i], endsAt: started.deadline, roundId: m.roundId, roomId: m.roomIds[i] });
    });
    const view = await m.chair.get(`/api/engagements/${m.engagementId}`);
    expect(view.body.breakouts.rounds[m.roundId]).toMatchObject({ status: 'running', deadline: started.deadline });
  });

  it('BREAKOUT-18: given a running round, when the Chair broadcasts, then every LiveKit room receives the message on the breakouts topic', async () => {
    const m = await plannedRound();
    await command(m.chair, m.engagementId, { type: 'breakouts.start', roundId: m.roundId });
    const [broadcast] = await command(m.chair, m.engagementId, {
      type: 'breakouts.broadcast',
      roundId: m.roundId,
      message: 'Please agree on one proposal per room',
    });
    expect(broadcast).toMatchObject({ type: 'breakouts.broadcast', message: 'Please agree on one proposal per room' });
    // Sent after the commit (best effort), so it lands a moment after the answer.
    for (const name of [`breakout-${m.roundId}-1`, `breakout-${m.roundId}-2`]) {
      await expect.poll(() => m.double.dataMessages(name).length, { timeout: 5000 }).toBe(1);
      const [data] = m.double.dataMessages(name);
      expect(data.topic).toBe(BREAKOUT_TOPIC);
      expect(JSON.parse(data.text)).toEqual({
        roundId: m.roundId,
        kind: 'broadcast',
        message: 'Please agree on one proposal per room',
        at: broadcast.at,
      });
    }
  });

  it('BREAKOUT-15, BREAKOUT-16, BREAKOUT-17, BREAKOUT-21: given a running round, when the server’s clock reaches T−60 s and then T, then the warning and the end are recorded once, at those times, the rooms hear the warning and are deleted at T', async () => {
    const m = await plannedRound();
    const res = await m.chair.command(m.engagementId, { type: 'breakouts.start', roundId: m.roundId });
    expect(res.status, res.text).toBe(200);
    const deadline: string = res.body.events.find((e: { type: string }) => e.type === 'breakouts.started').deadline;
    const warnAt = new Date(Date.parse(deadline) - MINUTE).toISOString();
    const names = [`breakout-${m.roundId}-1`, `breakout-${m.roundId}-2`];

    // Not a millisecond early.
    await advance(m, (ROUND_MINUTES - 1) * MINUTE - 1);
    expect(await logged(m, 'breakouts.warned')).toEqual([]);
    await advance(m, 1);
    const warned = await logged(m, 'breakouts.warned');
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ at: warnAt, deadline, secondsLeft: 60 });
    for (const name of names) await expect.poll(() => kindsIn(m, name), { timeout: 5000 }).toEqual(['warning']);
    expect(m.double.rooms()).toHaveLength(2);

    await advance(m, MINUTE - 1);
    expect(await logged(m, 'breakouts.ended')).toEqual([]);
    await advance(m, 1);
    const ended = await logged(m, 'breakouts.ended');
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ at: deadline, reason: 'deadline', dueAt: deadline });
    await expect.poll(() => m.double.rooms().length, { timeout: 5000 }).toBe(0);

    // Once: more time adds nothing, and the view agrees.
    const version = (await m.chair.get(`/api/engagements/${m.engagementId}`)).body.version;
    await advance(m, 10 * MINUTE);
    expect(await logged(m, 'breakouts.warned')).toHaveLength(1);
    expect(await logged(m, 'breakouts.ended')).toHaveLength(1);
    const view = await m.chair.get(`/api/engagements/${m.engagementId}`);
    expect(view.body.version).toBe(version);
    expect(view.body.breakouts.rounds[m.roundId]).toMatchObject({ status: 'ended', warnedAt: warnAt, endedAt: deadline });
  });

  it('BREAKOUT-21: given LiveKit fails while the rooms open, when the Chair starts the round, then 503 problem+json LIVEKIT_UNAVAILABLE, no room is left and the round is still planned at the same version; a retry then starts it', async () => {
    const m = await plannedRound();
    const before = (await m.chair.get(`/api/engagements/${m.engagementId}`)).body;
    m.double.faults.failNextCall('CreateRoom', 'unavailable', 1); // the second room fails, after the first opened
    const res = await m.chair.command(m.engagementId, { type: 'breakouts.start', roundId: m.roundId });
    expect(res.status, res.text).toBe(503);
    expect(res.contentType).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'LIVEKIT_UNAVAILABLE', status: 503 });
    expect(res.body.detail).toMatch(/has not started/);
    expect(m.double.rooms()).toEqual([]);

    const after = (await m.chair.get(`/api/engagements/${m.engagementId}`)).body;
    expect(after.version).toBe(before.version);
    expect(after.breakouts.rounds[m.roundId]).toMatchObject({ status: 'planned', deadline: null });
    expect(await logged(m, 'breakouts.started')).toEqual([]);
    // No timer was armed for a round that never started.
    await advance(m, 2 * ROUND_MINUTES * MINUTE);
    expect((await m.chair.get(`/api/engagements/${m.engagementId}`)).body.version).toBe(before.version);

    const retry = await m.chair.command(m.engagementId, { type: 'breakouts.start', roundId: m.roundId });
    expect(retry.status, retry.text).toBe(200);
    expect(m.double.rooms()).toHaveLength(2);
  });
});
