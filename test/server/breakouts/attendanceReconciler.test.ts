import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../server/domain/context.js';
import type { StoredEvent } from '../../../server/domain/events.js';
import { joinTokenFor } from '../../../server/engagements/breakoutMedia.js';
import { createEngagementService, type ObservableEngagementService } from '../../../server/engagements/createEngagementService.js';
import { createLiveKitAdapter, type LiveKitAdapter } from '../../../server/integrations/livekit.js';
import { openSqliteEventStore } from '../../../server/store/sqliteEventStore.js';
import { startLiveKitDouble, type LiveKitDouble } from '../../fakes/livekitServerDouble.js';
import { FakeClock } from '../../support/fakeClock.js';

// BREAKOUT-28: while a round runs, the server checks attendance against LiveKit's participant lists on a
// timer, because webhooks get lost. The real service on real SQLite, the real adapter, the protocol-faithful
// LiveKit double with no webhook URL (every webhook is lost), Convene's time on a FakeClock (LiveKit's own
// tokens and join times use real time, so the clock starts at the real now).

const KEY = 'convene-reconciler-key';
const SECRET = 'convene-reconciler-secret-long-enough';
const EVERY_MS = 60_000;
const chairUser = { userId: 'dev:chair', displayName: 'The Chair' };
const chair: Actor = { kind: 'user', ...chairUser };

interface Round {
  service: ObservableEngagementService;
  clock: FakeClock;
  double: LiveKitDouble;
  media: LiveKitAdapter;
  logs: string[];
  id: string;
  roundId: string;
  roomIds: [string, string];
  roomNames: [string, string];
  people: { ana: string; ben: string };
  dir: string;
}

let r: Round | undefined;
afterEach(async () => {
  await r?.service.close();
  await r?.double.close();
  if (r) rmSync(r.dir, { recursive: true, force: true });
  r = undefined;
});

function startService(
  dir: string,
  clock: FakeClock,
  media: LiveKitAdapter,
  logs: string[],
  reconcileOnlyWhen?: () => Promise<boolean>,
): Promise<ObservableEngagementService> {
  return createEngagementService({
    store: openSqliteEventStore(join(dir, 'convene.db')),
    clock,
    media,
    reconcileAttendanceEveryMs: EVERY_MS,
    reconcileOnlyWhen,
    log: (message) => logs.push(message),
  });
}

/** A live engagement with a running manual round of two rooms: Ana in room 1, Ben in room 2. */
async function runningRound(durationMinutes = 20, reconcileOnlyWhen?: () => Promise<boolean>): Promise<Round> {
  const double = await startLiveKitDouble({ apiKey: KEY, apiSecret: SECRET });
  const media = createLiveKitAdapter({ url: double.url, apiKey: KEY, apiSecret: SECRET });
  const clock = new FakeClock(new Date());
  const dir = mkdtempSync(join(tmpdir(), 'convene-reconciler-'));
  const logs: string[] = [];
  const service = await startService(dir, clock, media, logs, reconcileOnlyWhen);
  const { id } = await service.create(chairUser, { title: 'Consultation on capacity-building' });
  await service.execute(id, chair, { type: 'engagement.open' });
  const approved = async (name: string) => {
    const actor: Actor = { kind: 'user', userId: `dev:${name}`, displayName: name };
    const result = await service.execute(id, actor, {
      type: 'participant.register',
      organization: `${name} organisation`,
      category: 'ngo',
    });
    const participantId = (result.events[0] as Extract<StoredEvent, { type: 'participant.registered' }>).participant.id;
    await service.execute(id, chair, { type: 'participant.approve', participantId, role: 'stakeholder' });
    return participantId;
  };
  const people = { ana: await approved('Ana'), ben: await approved('Ben') };
  await service.execute(id, chair, { type: 'engagement.start' });
  const planned = await service.execute(id, chair, {
    type: 'breakouts.plan',
    mode: 'manual',
    durationMinutes,
    rooms: [
      { theme: 'Capacity-building needs', capacity: 4 },
      { theme: 'Public-private partnerships', capacity: 4 },
    ],
  });
  const event = planned.events.find((e) => e.type === 'breakouts.planned') as Extract<StoredEvent, { type: 'breakouts.planned' }>;
  const roomIds = event.rooms.map((room) => room.id) as [string, string];
  await service.execute(id, chair, { type: 'breakouts.assign', roundId: event.roundId, participantId: people.ana, roomId: roomIds[0] });
  await service.execute(id, chair, { type: 'breakouts.assign', roundId: event.roundId, participantId: people.ben, roomId: roomIds[1] });
  const started = await service.execute(id, chair, { type: 'breakouts.start', roundId: event.roundId });
  const names = (started.events.find((e) => e.type === 'breakouts.started') as Extract<StoredEvent, { type: 'breakouts.started' }>)
    .roomNames;
  const roomNames = [names[roomIds[0]], names[roomIds[1]]] as [string, string];
  return { service, clock, double, media, logs, id, roundId: event.roundId, roomIds, roomNames, people, dir };
}

/** A LiveKit client joining with a token minted for `identity` (webhooks are lost: there is no webhook URL). */
async function connect(round: Round, identity: string, roomName: string): Promise<string> {
  const { token } = await round.media.mintJoinToken({ room: roomName, identity, name: identity, canPublish: true });
  return (await round.double.join(token)).participantSid;
}

/** Lets one reconcile interval pass and every check and command it started finish. */
async function tick(round: Round): Promise<void> {
  round.clock.advance(EVERY_MS);
  await round.service.whenIdle();
}

const viewOf = (round: Round) => round.service.get(round.id, { userId: chairUser.userId });
const attendance = (round: Round) => viewOf(round).breakouts.rounds[round.roundId].attendance;
const listCalls = (round: Round) => round.double.calls().filter((m) => m === 'ListParticipants').length;

describe('attendance reconciled with LiveKit on a timer while a round runs', () => {
  it('BREAKOUT-28: given several instances, when another one holds the reconciler’s lease, then this one asks LiveKit nothing and records nothing; once it holds the lease, it reconciles', async () => {
    let holds = false;
    r = await runningRound(20, async () => holds);
    const sid = await connect(r, r.people.ana, r.roomNames[0]);
    const calls = listCalls(r);
    await tick(r);
    expect(listCalls(r)).toBe(calls);
    expect(attendance(r)).toEqual({});
    holds = true;
    await tick(r);
    expect(attendance(r)[sid]).toMatchObject({ participantId: r.people.ana, source: 'reconcile' });
  });

  it('BREAKOUT-28: given a join whose webhook was lost, when the interval passes, then the join is recorded at LiveKit’s join time; given a lost leave, the next check records it', async () => {
    r = await runningRound();
    const sid = await connect(r, r.people.ana, r.roomNames[0]);
    const joinedAtMs = r.double.rooms().find((room) => room.name === r!.roomNames[0])!.participants[0].joinedAtMs;
    expect(attendance(r)).toEqual({});

    await tick(r);
    expect(attendance(r)[sid]).toEqual({
      participantId: r.people.ana,
      roomId: r.roomIds[0],
      joinedAt: new Date(joinedAtMs).toISOString(),
      leftAt: null,
      leftBy: null,
      source: 'reconcile',
    });

    r.double.leave(r.roomNames[0], r.people.ana);
    await tick(r);
    expect(attendance(r)[sid]).toMatchObject({ leftAt: r.clock.now().toISOString(), leftBy: 'livekit', source: 'reconcile' });
  });

  it('BREAKOUT-28: given nothing changed since the last check (and a stranger LiveKit lists), when the interval passes, then nothing is appended and the version does not move', async () => {
    r = await runningRound();
    await connect(r, r.people.ana, r.roomNames[0]);
    await connect(r, 'not-a-participant', r.roomNames[1]);
    await tick(r);
    const version = viewOf(r).version;
    const calls = listCalls(r);

    await tick(r);
    await tick(r);
    expect(listCalls(r)).toBe(calls + 4);
    expect(viewOf(r).version).toBe(version);
    expect(Object.keys(attendance(r))).toHaveLength(1);
  });

  it('BREAKOUT-28: given LiveKit unreachable during a check, then nothing is recorded, nothing crashes and it is logged; the next check records what was missed', async () => {
    r = await runningRound();
    const sid = await connect(r, r.people.ana, r.roomNames[0]);
    const version = viewOf(r).version;

    r.double.faults.setUnreachable(true);
    await tick(r);
    expect(viewOf(r).version).toBe(version);
    expect(r.logs.some((l) => /attendance of breakout round .* not checked: LiveKit did not answer/.test(l))).toBe(true);

    r.double.faults.setUnreachable(false);
    await tick(r);
    expect(attendance(r)[sid]).toMatchObject({ participantId: r.people.ana, leftAt: null, source: 'reconcile' });
  });

  it('BREAKOUT-28: given one room’s list fails while the other’s succeeds, then the check records nothing at all (no half-written check); the next records both rooms', async () => {
    r = await runningRound();
    const anaSid = await connect(r, r.people.ana, r.roomNames[0]);
    const benSid = await connect(r, r.people.ben, r.roomNames[1]);
    const version = viewOf(r).version;

    r.double.faults.failNextCall('ListParticipants', 'unavailable', 1);
    await tick(r);
    expect(viewOf(r).version).toBe(version);
    expect(attendance(r)).toEqual({});

    await tick(r);
    expect(Object.keys(attendance(r)).sort()).toEqual([anaSid, benSid].sort());
  });

  it('BREAKOUT-28: given the round ends, then the checks stop; the next round is checked again; nothing is checked after shutdown', async () => {
    r = await runningRound();
    await tick(r);
    expect(listCalls(r)).toBe(2);
    await r.service.execute(r.id, chair, { type: 'breakouts.end', roundId: r.roundId });
    await r.service.whenIdle();
    const calls = listCalls(r);
    await tick(r);
    await tick(r);
    expect(listCalls(r)).toBe(calls);

    // A restart with a running round picks the timer up from the log.
    const next = await r.service.execute(r.id, chair, {
      type: 'breakouts.plan',
      mode: 'self-select',
      durationMinutes: 20,
      rooms: [{ theme: 'Follow-up', capacity: 4 }],
    });
    const roundId = (next.events.find((e) => e.type === 'breakouts.planned') as Extract<StoredEvent, { type: 'breakouts.planned' }>)
      .roundId;
    await r.service.execute(r.id, chair, { type: 'breakouts.start', roundId });
    await r.service.close();
    r.service = await startService(r.dir, r.clock, r.media, r.logs);
    await tick(r);
    expect(listCalls(r)).toBe(calls + 1);

    await r.service.close();
    await tick(r);
    expect(listCalls(r)).toBe(calls + 1);
  });

  it('BREAKOUT-20: given a round ending in 2 minutes, then a join token lives until 60 s past the deadline, not 10 minutes; early in a round it lives 10 minutes', async () => {
    r = await runningRound(15);
    const ana = { userId: 'dev:Ana' };
    const mint = async () => {
      const view = r!.service.get(r!.id, ana);
      const { token, expiresAt } = await joinTokenFor(r!.media, view, view.me, r!.roomIds[0], r!.clock.now().toISOString());
      const claims = decodeJwt(token);
      expect(Date.parse(expiresAt)).toBe(claims.exp! * 1000);
      return claims.exp! - claims.nbf!;
    };
    expect(await mint()).toBe(10 * 60);
    r.clock.advance(13 * 60_000);
    await r.service.whenIdle();
    expect(await mint()).toBe(2 * 60 + 60);
  });
});
