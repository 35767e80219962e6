import { afterEach, describe, expect, it } from 'vitest';
import { Harness, RecordingSink, speaker } from './serviceFixture.js';

// How the hub paces live delivery (server/engagements/liveHub.ts): a pass runs at once when the previous one
// was cheap; otherwise events wait until fan-out has used at most half the time since the last pass began,
// and then leave together. A pass over many subscribers yields between slices. The pace clock is fake here:
// each write to a sink "costs" 1 ms on it, so the tests see exactly what a loaded server would do.

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.dispose();
});

class CostlySink extends RecordingSink {
  constructor(private readonly pace: { now: number }) {
    super();
  }
  override changes(batch: Parameters<RecordingSink['changes']>[0]): void {
    super.changes(batch);
    this.pace.now += 1;
  }
}

async function setUp(subscribers: number) {
  const pace = { now: 0 };
  const h = await Harness.open({}, { monotonicNow: () => pace.now });
  harnesses.push(h);
  // Speakers 0–4 ask for the floor; speakers 5… only watch, so no event names them (they share their audience's batch).
  const { id, questionId } = await h.liveEngagement(5 + subscribers);
  const sinks = Array.from({ length: subscribers }, (_, i) => {
    const sink = new CostlySink(pace);
    h.service.subscribe(id, { userId: `dev:speaker-${5 + i}` }, null, sink);
    return sink;
  });
  const request = (i: number) => h.service.execute(id, speaker(i), { type: 'floor.request', questionId });
  return { h, id, pace, sinks, request };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 500 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(condition()).toBe(true);
};

describe('pacing live delivery', () => {
  it('given a pass that cost 3 ms, when three more events commit at once, then they wait for their turn and leave as ONE batch per subscriber, the same array for one audience', async () => {
    const { pace, sinks, request } = await setUp(3);
    await request(0);
    expect(
      sinks.map((s) => s.batches.length),
      'the first event goes out at once',
    ).toEqual([1, 1, 1]);

    await request(1);
    await request(2);
    await request(3);
    expect(
      sinks.map((s) => s.batches.length),
      'the next events wait: the last pass cost 3 ms of the last 3',
    ).toEqual([1, 1, 1]);

    pace.now += 3; // time passes: fan-out has now used half of it
    await until(() => sinks.every((s) => s.batches.length === 2));
    const v = sinks[0].batches[0][0].version;
    for (const sink of sinks) expect(sink.batches[1].map((c) => c.version)).toEqual([v + 1, v + 2, v + 3]);
    expect(sinks[1].batches[1], 'one array shared by the audience, framed once').toBe(sinks[0].batches[1]);
    expect(sinks[2].batches[1]).toBe(sinks[0].batches[1]);
  });

  it('given a pass over ten subscribers at 1 ms each, then it yields after a 4 ms slice, and an event committed meanwhile reaches everyone after the first, in order', async () => {
    const { pace, sinks, request } = await setUp(10);
    const first = request(0);
    await first;
    // The first slice ran inside the commit; the rest run on later turns, letting I/O (new commands) in between.
    expect(sinks.filter((s) => s.batches.length === 1).length).toBe(4);
    await request(1);
    pace.now += 100;
    await until(() => sinks.every((s) => s.versions().length === 3));
    const head = sinks[0].versions().at(-1)!;
    for (const sink of sinks) {
      expect(sink.kinds()).toEqual(['snapshot', 'change', 'change']);
      expect(sink.versions().slice(1)).toEqual([head - 1, head]);
    }
  });
});
