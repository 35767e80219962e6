import { afterEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../server/domain/events.js';
import { createEngagementService } from '../../../server/engagements/createEngagementService.js';
import { openSqliteEventStore } from '../../../server/store/sqliteEventStore.js';
import { FakeClock } from '../../support/fakeClock.js';
import { chair, chairUser, Harness, speaker } from './serviceFixture.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.dispose();
});

type Overran = Extract<StoredEvent, { type: 'floor.overran' }>;
const overruns = (log: StoredEvent[]) => log.filter((e): e is Overran => e.type === 'floor.overran');

/** A speaker who has the floor for 60 s; returns the deadline. */
async function speaking(h: Harness) {
  const { id, questionId } = await h.liveEngagement(2, { speakingSeconds: 60 });
  const { events } = await h.service.execute(id, speaker(0), { type: 'floor.request', questionId });
  const requestId = (events[0] as Extract<StoredEvent, { type: 'floor.requested' }>).requestId;
  const given = await h.service.execute(id, chair, { type: 'floor.give', requestId });
  const deadline = (given.events.find((e) => e.type === 'floor.given') as Extract<StoredEvent, { type: 'floor.given' }>).deadline;
  return { id, questionId, requestId, deadline };
}

describe('server-timed deadlines', () => {
  it('FLOOR-14: given a speaker with 60 s, when the clock passes the deadline, then the overrun is recorded once by the server, at the deadline', async () => {
    const h = await Harness.open();
    harnesses.push(h);
    const { id, requestId, deadline } = await speaking(h);
    expect(Date.parse(deadline) - h.clock.now().getTime()).toBe(60_000);

    h.clock.advance(59_999);
    await h.service.whenIdle();
    expect(overruns(await h.log(id))).toEqual([]);

    h.clock.advance(1);
    await h.service.whenIdle();
    h.clock.advance(10 * 60_000);
    await h.service.whenIdle();
    const recorded = overruns(await h.log(id));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ requestId, dueAt: deadline, at: deadline });
    expect(h.service.get(id, chairUser).interventions[requestId].overranAt).not.toBeNull();
  });

  it('FLOOR-14: given a speaker whose time was extended, when the first deadline passes, then nothing is recorded until the new one', async () => {
    const h = await Harness.open();
    harnesses.push(h);
    const { id, deadline } = await speaking(h);
    h.clock.advance(30_000);
    await h.service.execute(id, chair, { type: 'floor.extend', seconds: 60 });
    h.clock.advance(31_000);
    await h.service.whenIdle();
    expect(overruns(await h.log(id))).toEqual([]);
    h.clock.advance(60_000);
    await h.service.whenIdle();
    const recorded = overruns(await h.log(id));
    expect(recorded).toHaveLength(1);
    expect(Date.parse(recorded[0].dueAt) - Date.parse(deadline)).toBe(60_000);
  });

  it('FLOOR-14: given a speaker who ended in time, when the deadline passes, then no overrun and no timer is left', async () => {
    const h = await Harness.open();
    harnesses.push(h);
    const { id } = await speaking(h);
    h.clock.advance(20_000);
    await h.service.execute(id, chair, { type: 'floor.end' });
    expect(h.clock.pendingTimers()).toBe(0);
    h.clock.advance(120_000);
    await h.service.whenIdle();
    expect(overruns(await h.log(id))).toEqual([]);
  });

  it('FLOOR-14: given a server stopped while someone spoke, when it restarts after the deadline, then the overrun is recorded at once with dueAt = the deadline, and only once across further restarts', async () => {
    const h = await Harness.open();
    harnesses.push(h);
    const { id, requestId, deadline } = await speaking(h);
    await h.service.close();
    expect(h.clock.pendingTimers()).toBe(0);

    const later = new FakeClock(new Date(Date.parse(deadline) + 5 * 60_000));
    await h.start(later);
    later.advance(0);
    await h.service.whenIdle();
    const recorded = overruns(await h.log(id));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ requestId, dueAt: deadline });
    expect(recorded[0].at).toBe(later.now().toISOString());

    await h.restart(new FakeClock(new Date(Date.parse(deadline) + 10 * 60_000)));
    h.clock.advance(60_000);
    await h.service.whenIdle();
    expect(overruns(await h.log(id))).toHaveLength(1);
  });

  it('given the chair extending just as the deadline fires, when both reach the queue, then the stale deadline command meets VERSION_CONFLICT harmlessly and the new deadline is armed', async () => {
    const h = await Harness.open();
    harnesses.push(h);
    const { id, deadline } = await speaking(h);
    // The chair's extension is queued first; the timer computed at the older version fires behind it.
    const extended = h.service.execute(id, chair, { type: 'floor.extend', seconds: 30 });
    h.clock.advance(60_000);
    await extended;
    await h.service.whenIdle();
    expect(overruns(await h.log(id))).toEqual([]);
    expect(h.clock.pendingTimers()).toBe(1);

    h.clock.advance(30_000);
    await h.service.whenIdle();
    const recorded = overruns(await h.log(id));
    expect(recorded).toHaveLength(1);
    expect(Date.parse(recorded[0].dueAt) - Date.parse(deadline)).toBe(30_000);
  });

  it('given an onCommitted listener, when the server records a deadline itself, then the listener hears of it after the commit like any other change', async () => {
    const h = await Harness.open();
    harnesses.push(h);
    const { id, deadline } = await speaking(h);
    await h.service.close();
    const heard: string[] = [];
    const store = openSqliteEventStore(h.file);
    const clock = new FakeClock(new Date(Date.parse(deadline) + 1000));
    /** Per commit: the log's head as read in onCommitted, and the commit's last version (the same: it is durable first). */
    const heads: Promise<[number | undefined, number | undefined]>[] = [];
    const service = await createEngagementService({
      store,
      clock,
      log: (message) => heard.push(`log: ${message}`),
      onCommitted: (engagementId, events, state) => {
        heads.push(store.load(engagementId).then((log) => [log.at(-1)?.version, events.at(-1)?.version]));
        heard.push(
          `${engagementId}:${events.map((e) => e.type).join(',')}:${state.interventions[state.currentRequestId ?? '']?.overranAt !== null}`,
        );
      },
    });
    clock.advance(0);
    await service.whenIdle();
    for (const [head, committed] of await Promise.all(heads)) expect(head).toBe(committed);
    await service.close();
    expect(heard).toEqual([`${id}:floor.overran:true`]);
    await h.start();
  });

  it('BREAKOUT-15, BREAKOUT-16: given a 5-minute breakout round, when the clock passes one minute before and then the deadline, then the warning and the end are recorded once each by the server, also across a restart in between', async () => {
    const h = await Harness.open();
    harnesses.push(h);
    const { id, participantIds } = await h.liveEngagement(2);
    const planned = await h.service.execute(id, chair, {
      type: 'breakouts.plan',
      rooms: [{ theme: 'Finance', capacity: 10 }],
      durationMinutes: 5,
      mode: 'manual',
    });
    const plan = planned.events.find((e) => e.type === 'breakouts.planned') as Extract<StoredEvent, { type: 'breakouts.planned' }>;
    for (const participantId of participantIds) {
      await h.service.execute(id, chair, { type: 'breakouts.assign', roundId: plan.roundId, participantId, roomId: plan.rooms[0].id });
    }
    await h.service.execute(id, chair, { type: 'breakouts.start', roundId: plan.roundId });
    const start = h.clock.now().getTime();
    const types = async () => (await h.log(id)).map((e) => e.type);

    h.clock.advance(4 * 60_000 - 1);
    await h.service.whenIdle();
    expect(await types()).not.toContain('breakouts.warned');
    h.clock.advance(1);
    await h.service.whenIdle();
    expect((await types()).filter((t) => t === 'breakouts.warned')).toHaveLength(1);

    await h.restart(new FakeClock(new Date(start + 5 * 60_000 + 30_000)));
    h.clock.advance(0);
    await h.service.whenIdle();
    h.clock.advance(60_000);
    await h.service.whenIdle();
    const log = await h.log(id);
    expect(log.filter((e) => e.type === 'breakouts.warned')).toHaveLength(1);
    const ended = log.filter((e): e is Extract<StoredEvent, { type: 'breakouts.ended' }> => e.type === 'breakouts.ended');
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ reason: 'deadline', dueAt: new Date(start + 5 * 60_000).toISOString() });
    expect(h.clock.pendingTimers()).toBe(0);
  });
});
