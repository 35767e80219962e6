// A process's write path (docs/processes.md) on SQLite with synchronous=FULL: a burst of proposals put forward
// together (group-committed by the engagement's commit stage: how many appends, how long), one command at a
// time (latency), and a start-up that folds the whole log. Baseline: the same burst's decide+evolve alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../server/clock.js';
import type { Actor } from '../../server/domain/context.js';
import { createProcessService } from '../../server/processes/createProcessService.js';
import type { EventStore } from '../../server/store/EventStore.js';
import { openSqliteEventStore } from '../../server/store/sqliteEventStore.js';
import type { ExtraBenchmark } from './extras.js';
import { newHistogram, summarize } from './lib/histogram.js';

const chair = { userId: 'bench-chair', displayName: 'Chair' };
const actor: Actor = { kind: 'user', ...chair };
const proposal = (n: number) => ({
  type: 'proposal.putForward' as const,
  source: { kind: 'manual' as const },
  title: `Proposal ${n}`,
  description: 'A capacity-building portal matching needs and offers.',
  theme: `Theme ${n % 7}`,
});
const deps = { engagementState: () => undefined, attachmentExists: async () => false, log: () => undefined };

export const processBenchmark: ExtraBenchmark = {
  name: 'processes',
  async run({ quick }) {
    const burst = quick ? 100 : 300;
    const dir = mkdtempSync(join(tmpdir(), 'convene-bench-process-'));
    try {
      const file = join(dir, 'convene.db');
      const sqlite = openSqliteEventStore(file);
      let appends = 0;
      const counted: EventStore = {
        ...sqlite,
        append: (...args) => {
          appends += 1;
          return sqlite.append(...args);
        },
      };
      const service = await createProcessService({ store: counted, clock: systemClock, ...deps });
      const { id } = await service.create(chair, { title: 'Bench process' });

      appends = 0;
      const t0 = performance.now();
      await Promise.all(Array.from({ length: burst }, (_, i) => service.execute(id, actor, proposal(i))));
      const burstMs = performance.now() - t0;
      const burstAppends = appends;

      const histogram = newHistogram();
      for (let i = 0; i < 50; i += 1) {
        const s = performance.now();
        await service.execute(id, actor, proposal(burst + i));
        histogram.recordValue(Math.max(1, Math.round((performance.now() - s) * 1000)));
      }
      const one = summarize(histogram);
      await service.close();
      await sqlite.close();

      const reopened = openSqliteEventStore(file);
      const l0 = performance.now();
      const again = await createProcessService({ store: reopened, clock: systemClock, ...deps });
      const loadMs = performance.now() - l0;
      const version = again.get(id, { userId: chair.userId }).version;
      await again.close();
      await reopened.close();

      const lines = [
        `process burst: ${burst} proposal.putForward together in ${burstMs.toFixed(0)} ms, ${burstAppends} appends (group commit: ${(burst / Math.max(burstAppends, 1)).toFixed(0)} commands per fsync)`,
        `process command one at a time: p50 ${one.p50} / max ${one.max} ms (SQLite, synchronous=FULL)`,
        `process start-up: ${version} events folded in ${loadMs.toFixed(0)} ms`,
      ];
      for (const line of lines) console.log(line);
      return lines;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
