import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngagementEvent, StoredEvent } from '../../../server/domain/events.js';
import { createPostgresCommitFeed, type CommitFeed, type CommitFeedStatus } from '../../../server/store/postgresCommitFeed.js';
import { openPostgresEventStore, type PostgresEventStore } from '../../../server/store/postgresEventStore.js';
import { createTestDatabase, hasPostgres } from '../../support/postgres.js';

// Instance B's view of instance A's commits: the LISTEN wake-up, the read after the last version, and the
// catch-up after the LISTEN connection is lost (docs/reliability.md, "pg_terminate_backend drill").

const at = '2026-11-28T09:00:00.000Z';
const updated = (description: string): EngagementEvent => ({ type: 'engagement.updated', at, changes: { description } });

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

interface Instance {
  url: string;
  writer: PostgresEventStore;
  reader: PostgresEventStore;
  feed: CommitFeed;
  delivered: Map<string, number[]>;
  statuses: CommitFeedStatus[];
  /** Resolves once `engagementId` has been delivered up to `version`. */
  reached(engagementId: string, version: number): Promise<void>;
}

async function twoInstances(applicationName: string): Promise<Instance> {
  const url = await createTestDatabase();
  const writer = await openPostgresEventStore(url, { applicationName: 'instance-a' });
  const reader = await openPostgresEventStore(url, { applicationName: 'instance-b' });
  const delivered = new Map<string, number[]>();
  const statuses: CommitFeedStatus[] = [];
  const waiters: { id: string; version: number; resolve: () => void }[] = [];
  const feed = createPostgresCommitFeed({
    url,
    store: reader,
    applicationName,
    retryDelayMs: 20,
    log: () => undefined,
    onStatus: (status) => statuses.push(status),
    deliver: (engagementId, events: StoredEvent[]) => {
      const list = delivered.get(engagementId) ?? [];
      list.push(...events.map((e) => e.version));
      delivered.set(engagementId, list);
      for (const waiter of waiters.filter((w) => w.id === engagementId && w.version <= list.at(-1)!)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    },
  });
  closers.push(
    () => writer.close(),
    () => reader.close(),
    () => feed.close(),
  );
  await feed.ready;
  const reached = (id: string, version: number) =>
    (delivered.get(id)?.at(-1) ?? 0) >= version
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiters.push({ id, version, resolve }));
  return { url, writer, reader, feed, delivered, statuses, reached };
}

describe.skipIf(!hasPostgres)('the commit feed across instances (LISTEN / NOTIFY)', () => {
  it('given B watches an engagement, when A commits to it and to another, then B gets the watched one’s events in order, once, and nothing else', async () => {
    const b = await twoInstances('feed-basic');
    await b.writer.append('e1', 0, [updated('before watching')]);
    b.feed.watch('e1', 1);
    await b.writer.append('e1', 1, [updated('x'), updated('y')]);
    await b.writer.append('other', 0, [updated('not watched')]);
    await b.writer.append('e1', 3, [updated('z')]);
    await b.reached('e1', 4);
    expect(b.delivered.get('e1')).toEqual([2, 3, 4]);
    expect(b.delivered.has('other')).toBe(false);
    expect(b.statuses).toEqual(['listening']);
  });

  it('given a burst of commits, when B’s LISTEN connection is terminated in the middle, then B still gets every event, in order, once, and says it was reconnecting', async () => {
    const b = await twoInstances('feed-drill');
    const admin = new pg.Client({ connectionString: b.url });
    await admin.connect();
    closers.push(() => admin.end());
    b.feed.watch('e1', 0);
    b.feed.watch('e2', 0);
    let terminated = 0;
    for (let v = 0; v < 150; v++) {
      await Promise.all([b.writer.append('e1', v, [updated(`e1 #${v}`)]), b.writer.append('e2', v, [updated(`e2 #${v}`)])]);
      if (v === 50 || v === 100) {
        const { rows } = await admin.query<{ n: number }>(
          "SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = 'feed-drill'",
        );
        terminated += rows[0]!.n;
      }
    }
    await Promise.all([b.reached('e1', 150), b.reached('e2', 150)]);
    expect(terminated).toBeGreaterThanOrEqual(1);
    const all = Array.from({ length: 150 }, (_, i) => i + 1);
    expect(b.delivered.get('e1')).toEqual(all);
    expect(b.delivered.get('e2')).toEqual(all);
    expect(b.statuses).toContain('reconnecting');
    expect(b.statuses.at(-1)).toBe('listening');
  }, 60_000);

  it('given an engagement no longer watched, when A commits to it, then B reads nothing of it', async () => {
    const b = await twoInstances('feed-unwatch');
    b.feed.watch('e1', 0);
    b.feed.watch('e2', 0);
    await b.writer.append('e1', 0, [updated('a')]);
    await b.reached('e1', 1);
    b.feed.unwatch('e1');
    await b.writer.append('e1', 1, [updated('b')]);
    await b.writer.append('e2', 0, [updated('sentinel')]);
    await b.reached('e2', 1);
    expect(b.delivered.get('e1')).toEqual([1]);
    expect(b.feed.lastVersion('e1')).toBeUndefined();
  });
});
