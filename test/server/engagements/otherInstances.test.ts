import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../server/appError.js';
import { createEngagementService, type ObservableEngagementService } from '../../../server/engagements/createEngagementService.js';
import { openPostgresEventStore, type PostgresEventStore } from '../../../server/store/postgresEventStore.js';
import { FakeClock } from '../../support/fakeClock.js';
import { createTestDatabase, hasPostgres } from '../../support/postgres.js';
import { LISTEN_LOST_MS, type CommitFeedFactory } from '../../../server/engagements/otherInstances.js';
import { createPostgresCommitFeed, type CommitFeedStatus } from '../../../server/store/postgresCommitFeed.js';
import { chair, chairUser, harnessesDisposedAfterEach, RecordingSink } from './serviceFixture.js';

// Two engagement services on one PostgreSQL, each with its own store (pool) and NO commit feed: B never hears
// of A's commits, so everything B gets right here it gets from the write path's catch-up and the look-ups in the
// log — the paths a feed that is late or reconnecting leaves to them. (Two real processes with their feeds:
// test/faults/severalInstances.test.ts.)

const services: ObservableEngagementService[] = [];
const stores: PostgresEventStore[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
  for (const store of stores.splice(0)) await store.close();
});

async function instance(url: string): Promise<ObservableEngagementService> {
  const store = await openPostgresEventStore(url);
  stores.push(store);
  const service = await createEngagementService({ store, clock: new FakeClock(), log: () => undefined });
  services.push(service);
  return service;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.skipIf(!hasPostgres)('several instances without the feed: catch-up and look-ups in the log', () => {
  it('LIFE-0: an engagement created on A is found on B (looked up in the log, not 404); an unknown id still is 404', async () => {
    const url = await createTestDatabase();
    const a = await instance(url);
    const b = await instance(url);
    const { id } = await a.create(chairUser, { title: 'Made on A' });
    expect(() => b.get(id, chairUser)).toThrow(); // not in B's memory yet
    await b.lookUp(id);
    expect(b.get(id, chairUser).version).toBe(1);
    await b.lookUp('no-such-engagement');
    expect((await refusal(b.execute('no-such-engagement', chair, { type: 'engagement.open' }))).code).toBe('NOT_FOUND');
    // A command on B for an engagement B has never seen is looked up too.
    const { id: other } = await a.create(chairUser, { title: 'Also made on A' });
    expect((await b.execute(other, chair, { type: 'engagement.open' })).version).toBe(2);
  });

  it('LIFE-1: B decides on the state A left (catch-up before deciding): no lost update, no false conflict, a real one is 409', async () => {
    const url = await createTestDatabase();
    const a = await instance(url);
    const b = await instance(url);
    const { id } = await a.create(chairUser, { title: 'Catch-up' });
    await b.lookUp(id);
    // A opens it; B, which holds version 1, is asked with the version A answered.
    const opened = await a.execute(id, chair, { type: 'engagement.open' });
    const added = await b.execute(id, chair, { type: 'question.add', text: 'On B' }, { expectedVersion: opened.version });
    expect(added.version).toBe(opened.version + 1);
    // B's decision saw A's event: opening again is refused by LIFE-1 on B too.
    expect((await refusal(b.execute(id, chair, { type: 'engagement.open' }))).code).toBe('RULE_VIOLATION');
    const stale = await refusal(a.execute(id, chair, { type: 'question.add', text: 'Stale' }, { expectedVersion: opened.version }));
    expect(stale.code).toBe('VERSION_CONFLICT');
    // Both agree, one event per version.
    const onA = await a.execute(id, chair, { type: 'question.add', text: 'On A' });
    expect(onA.version).toBe(added.version + 1);
    expect(a.get(id, chairUser).questions.map((q) => q.text)).toEqual(['On B', 'On A']);
  });

  it('INV-3: an invitation created on A is redeemed on B, which had never heard of it; a second redemption on A is refused', async () => {
    const url = await createTestDatabase();
    const a = await instance(url);
    const b = await instance(url);
    const { id } = await a.create(chairUser, { title: 'Invitations across' });
    await a.execute(id, chair, { type: 'engagement.open' });
    await b.lookUp(id); // B knows the engagement, not the invitation made after
    const invitation = await a.createInvitation(id, chairUser, { role: 'stakeholder', displayName: 'Amina' });
    const redeemed = await b.redeemInvitation(invitation.code);
    expect(redeemed).toMatchObject({ engagementId: id, role: 'stakeholder' });
    expect((await refusal(a.redeemInvitation(invitation.code))).code).toBe('UNAUTHENTICATED');
    // A code made on A for an engagement B never loaded.
    const { id: fresh } = await a.create(chairUser, { title: 'Unknown to B' });
    await a.execute(fresh, chair, { type: 'engagement.open' });
    const second = await a.createInvitation(fresh, chairUser, { role: 'delegation', displayName: 'Delegation of Ruritania' });
    expect((await b.redeemInvitation(second.code)).engagementId).toBe(fresh);
  });
});

describe('several instances: the streams while the LISTEN connection is down', () => {
  // The feed's connection is PostgreSQL's; here a stand-in reports its status, as postgresCommitFeed.ts does
  // (its reconnect and catch-up are tested on a real database in postgresCommitFeed.test.ts).
  const openWithFeed = harnessesDisposedAfterEach();
  const standInFeed = () => {
    const handlers: Parameters<CommitFeedFactory>[0][] = [];
    const factory: CommitFeedFactory = (h) => {
      handlers.push(h);
      return {
        ready: Promise.resolve(),
        watch: () => undefined,
        unwatch: () => undefined,
        lastVersion: () => undefined,
        close: async () => undefined,
      };
    };
    return { factory, status: (status: CommitFeedStatus) => handlers.forEach((h) => h.onStatus?.(status)) };
  };

  it('LIFE-0: given the LISTEN connection lost for longer than a blip, then every stream ends with a retry hint (the client shows "reconnecting" and resumes with Last-Event-ID); a blip ends none', async () => {
    const feed = standInFeed();
    const h = await openWithFeed({}, { commitFeed: feed.factory });
    const { id } = await h.service.create(chairUser, { title: 'LISTEN lost' });
    const sink = new RecordingSink();
    h.service.subscribe(id, chairUser, null, sink);
    expect(sink.kinds()).toEqual(['snapshot']);

    feed.status('reconnecting');
    h.clock.advance(LISTEN_LOST_MS - 1);
    feed.status('listening');
    h.clock.advance(LISTEN_LOST_MS);
    expect(sink.kinds()).toEqual(['snapshot']);

    feed.status('reconnecting');
    h.clock.advance(LISTEN_LOST_MS);
    expect(sink.messages.at(-1)).toMatchObject({ kind: 'end', reason: 'reconnecting' });
    // A stream opened meanwhile stays: it is caught up once the feed is back.
    const later = new RecordingSink();
    h.service.subscribe(id, chairUser, '1', later);
    h.clock.advance(LISTEN_LOST_MS);
    expect(later.kinds()).not.toContain('end');
  });
});

describe.skipIf(!hasPostgres)('several instances: the breakout-round directory LiveKit webhooks use', () => {
  it('BREAKOUT-23: a round planned on A is found on B, which had never heard of it (looked up in the log before the webhook is read)', async () => {
    const url = await createTestDatabase();
    const a = await instance(url);
    const b = await instance(url);
    const { id } = await a.create(chairUser, { title: 'Breakouts across' });
    await a.execute(id, chair, { type: 'engagement.open' });
    await a.execute(id, chair, { type: 'engagement.start' });
    const planned = await a.execute(id, chair, {
      type: 'breakouts.plan',
      mode: 'manual',
      durationMinutes: 20,
      rooms: [{ theme: 'Capacity-building needs', capacity: 4 }],
    });
    const roundId = (planned.events.find((e) => e.type === 'breakouts.planned') as { roundId: string }).roundId;
    expect(b.breakoutRound(roundId)).toBeNull();
    await b.lookUpBreakoutRound(roundId);
    expect(b.breakoutRound(roundId)).toEqual({ engagementId: id, endedAt: null });
    await b.lookUpBreakoutRound('no-such-round');
    expect(b.breakoutRound('no-such-round')).toBeNull();
  });
});

describe.skipIf(!hasPostgres)('several instances with their LISTEN feeds: deadlines', () => {
  it('BREAKOUT-15, BREAKOUT-16: a round started on A is armed on B through NOTIFY; when both clocks pass the warning and the end, each is recorded once', async () => {
    const url = await createTestDatabase();
    const start = new Date('2026-12-07T10:00:00Z');
    const clocks = [new FakeClock(start), new FakeClock(start)];
    const [a, b] = await Promise.all(
      clocks.map(async (clock) => {
        const store = await openPostgresEventStore(url);
        stores.push(store);
        const service = await createEngagementService({
          store,
          clock,
          log: () => undefined,
          commitFeed: (handlers) => createPostgresCommitFeed({ url, store, ...handlers, retryDelayMs: 20 }),
        });
        services.push(service);
        return service;
      }),
    );
    const { id } = await a.create(chairUser, { title: 'Deadlines across' });
    await a.execute(id, chair, { type: 'engagement.open' });
    await a.execute(id, chair, { type: 'engagement.start' });
    const planned = await a.execute(id, chair, {
      type: 'breakouts.plan',
      mode: 'manual',
      durationMinutes: 5,
      rooms: [{ theme: 'Capacity-building needs', capacity: 4 }],
    });
    const roundId = (planned.events.find((e) => e.type === 'breakouts.planned') as { roundId: string }).roundId;
    const started = await a.execute(id, chair, { type: 'breakouts.start', roundId });
    // B hears of the start through its feed (no command on B): wait until it holds that version.
    await until(() => versionOn(b, id) === started.version);

    for (const clock of clocks) clock.advance(4 * 60_000);
    // Each fired deadline re-arms the next one after its commit: time moves on a second at a time on both.
    await until(async () => {
      await Promise.all([a.whenIdle(), b.whenIdle()]);
      for (const clock of clocks) clock.advance(1000);
      return a.get(id, chairUser).breakouts.runningRoundId === null && versionOn(b, id) === versionOn(a, id);
    });
    const log = await stores[0].load(id);
    expect(log.filter((e) => e.type === 'breakouts.warned')).toHaveLength(1);
    expect(log.filter((e) => e.type === 'breakouts.ended')).toHaveLength(1);
    expect(log.map((e) => e.version)).toEqual(log.map((_, i) => i + 1));
  });
});

/** The version an instance holds, 0 while it has not loaded the engagement (it learns of it through NOTIFY). */
const versionOn = (service: ObservableEngagementService, id: string): number => {
  try {
    return service.get(id, chairUser).version;
  } catch {
    return 0;
  }
};

/** Waits for a condition that another process (PostgreSQL's NOTIFY) makes true; the test's own timeout bounds it. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
}
