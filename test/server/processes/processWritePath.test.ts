import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../server/appError.js';
import type { Actor } from '../../../server/domain/context.js';
import { createProcessService } from '../../../server/processes/createProcessService.js';
import type { EventStore } from '../../../server/store/EventStore.js';
import { openPostgresEventStore } from '../../../server/store/postgresEventStore.js';
import { openSqliteEventStore } from '../../../server/store/sqliteEventStore.js';
import { FakeClock } from '../../support/fakeClock.js';
import { createTestDatabase, hasPostgres } from '../../support/postgres.js';

// A process's write path (server/processes/createProcessService.ts): the engagement's commit stage over
// processAggregate, in the stream `process:<id>` of the same store, on SQLite and on PostgreSQL.

const dirs: string[] = [];
const stores: EventStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const adapters = [
  {
    name: 'sqlite',
    available: true,
    async fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'convene-process-'));
      dirs.push(dir);
      return join(dir, 'convene.db');
    },
    open: async (where: string): Promise<EventStore> => openSqliteEventStore(where),
  },
  { name: 'postgres', available: hasPostgres, fresh: createTestDatabase, open: (url: string) => openPostgresEventStore(url) },
];

const chair = { userId: 'u-chair', displayName: 'Chair' };
const asUser = (user: { userId: string; displayName: string }): Actor => ({ kind: 'user', ...user });
const noEngagements = { engagementState: () => undefined, attachmentExists: async () => false };

for (const adapter of adapters) {
  describe.skipIf(!adapter.available)(`a process's write path on ${adapter.name}`, () => {
    const service = async (where: string) => {
      const store = await adapter.open(where);
      stores.push(store);
      return createProcessService({ store, clock: new FakeClock(), ...noEngagements, log: () => undefined });
    };

    it('PROCESS-1: the creator is the Chair; the log is `process:<id>`, never an engagement; a restart folds it back', async () => {
      const where = await adapter.fresh();
      const first = await service(where);
      const view = await first.create(chair, { title: 'OEWG on ICT security' });
      expect(view.me).toMatchObject({ audience: 'staff', role: 'chair' });
      await first.execute(view.id, asUser(chair), {
        type: 'process.addMember',
        userId: 'u-ngo',
        displayName: 'Ana',
        organization: 'Cyber NGO',
        category: 'ngo',
        role: 'stakeholder',
      });
      await first.close();
      const store = stores.at(-1)!;
      expect(await store.engagementIds()).toEqual([]);
      expect(await store.streamIds('process')).toEqual([view.id]);

      const again = await service(where);
      const reloaded = again.get(view.id, { userId: 'u-chair' });
      expect(reloaded.version).toBe(2);
      expect(Object.values(reloaded.members).map((m) => m.organization)).toContain('Cyber NGO');
      expect(again.list(chair)).toEqual([{ id: view.id, title: 'OEWG on ICT security', role: 'chair' }]);
    });

    it('PROCESS-2: commands arriving together are group-committed, each answered in order; a stale expectedVersion is a 409; a retried commandId is answered from the log', async () => {
      const processes = await service(await adapter.fresh());
      const { id } = await processes.create(chair, { title: 'Process' });
      const results = await Promise.all(
        [1, 2, 3].map((n) =>
          processes.execute(id, asUser(chair), {
            type: 'proposal.putForward',
            source: { kind: 'manual' },
            title: `Proposal ${n}`,
            description: 'A proposal',
            theme: 'Capacity building',
          }),
        ),
      );
      expect(results.map((r) => r.version)).toEqual([2, 3, 4]);
      const stale = await processes
        .execute(id, asUser(chair), { type: 'process.update', title: 'Renamed' }, { expectedVersion: 1 })
        .catch((e) => e);
      expect(stale).toBeInstanceOf(AppError);
      expect((stale as AppError).code).toBe('VERSION_CONFLICT');
      const once = await processes.execute(id, asUser(chair), { type: 'process.update', title: 'Renamed' }, { commandId: 'rename-1' });
      const twice = await processes.execute(id, asUser(chair), { type: 'process.update', title: 'Renamed' }, { commandId: 'rename-1' });
      expect(twice).toEqual(once);
      expect(processes.get(id, { userId: chair.userId }).version).toBe(5);
      // PROCESS-2: someone who is not a member acts as no role.
      const outsider = await processes
        .execute(id, asUser({ userId: 'u-x', displayName: 'X' }), { type: 'process.update', title: 'Mine' })
        .catch((e) => e);
      expect((outsider as AppError).status).toBe(403);
      // PROCESS-1: the internal command is not for POST /commands.
      const internal = await processes.execute(id, asUser(chair), { type: 'process.create', title: 'Again' }).catch((e) => e);
      expect((internal as AppError).status).toBe(403);
      const unknown = await processes.execute('no-such', asUser(chair), { type: 'process.update', title: 'x' }).catch((e) => e);
      expect((unknown as AppError).status).toBe(404);
    });

    it('PROCESS-1: a snapshot every N events (the same table, key `process:<id>`) is where a start-up folds from; a snapshot that cannot be trusted is set aside', async () => {
      const where = await adapter.fresh();
      const store = await adapter.open(where);
      stores.push(store);
      const first = await createProcessService({ store, clock: new FakeClock(), ...noEngagements, log: () => undefined, snapshotEvery: 3 });
      const { id } = await first.create(chair, { title: 'Snapshotted' });
      for (const title of ['A', 'B', 'C', 'D']) await first.execute(id, asUser(chair), { type: 'process.update', title });
      await first.whenIdle();
      await first.close();
      const snapshot = await store.loadSnapshot(`process:${id}`);
      expect(snapshot?.version).toBe(3);
      expect(await store.engagementIds()).toEqual([]);

      const again = await createProcessService({ store, clock: new FakeClock(), ...noEngagements, log: () => undefined, snapshotEvery: 3 });
      expect(again.get(id, { userId: chair.userId })).toMatchObject({ version: 5, settings: { title: 'D' } });
      await again.close();

      await store.saveSnapshot(`process:${id}`, 4, 1, '{"id":"someone-else"}');
      const logged: string[] = [];
      const third = await createProcessService({
        store,
        clock: new FakeClock(),
        ...noEngagements,
        log: (m) => logged.push(m),
        snapshotEvery: 3,
      });
      expect(third.get(id, { userId: chair.userId })).toMatchObject({ version: 5, settings: { title: 'D' } });
      expect(logged.join('\n')).toContain('its state is not this process');
      // The set-aside snapshot was replaced at once.
      expect((await store.loadSnapshot(`process:${id}`))?.version).toBe(5);
      await third.close();
    });

    it('PAPER-1: a concept paper names an attachment uploaded to the process, else 409 naming the rule and nothing is written', async () => {
      const processes = await service(await adapter.fresh());
      const { id } = await processes.create(chair, { title: 'Process' });
      const put = await processes.execute(id, asUser(chair), {
        type: 'proposal.putForward',
        source: { kind: 'manual' },
        title: 'Proposal',
        description: 'A proposal',
        theme: 'Theme',
      });
      const proposalId = (put.events[0] as { proposal: { id: string } }).proposal.id;
      const error = await processes
        .execute(id, asUser(chair), { type: 'paper.submit', proposalId, title: 'Paper', language: 'en', attachmentId: 'nope' })
        .catch((e) => e);
      expect((error as AppError).status).toBe(409);
      expect((error as AppError).extra).toMatchObject({ rule: 'PAPER-1' });
      expect(processes.get(id, { userId: chair.userId }).version).toBe(2);
    });
  });
}
