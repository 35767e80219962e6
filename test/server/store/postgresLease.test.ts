import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresLease, type PostgresLease } from '../../../server/store/postgresLease.js';
import { createTestDatabase, hasPostgres } from '../../support/postgres.js';

// BREAKOUT-28 across instances: the attendance reconciler runs on one instance at a time, the one holding a
// lease (a session advisory lock on a connection of its own). When that instance dies (its connection goes),
// the next one to ask takes the lease over.

const leases: PostgresLease[] = [];
afterEach(async () => {
  for (const lease of leases.splice(0)) await lease.close();
});

const lease = (url: string, applicationName: string) => {
  const made = createPostgresLease({ url, name: 'attendance-reconciler', applicationName });
  leases.push(made);
  return made;
};

describe.skipIf(!hasPostgres)('a lease for one instance at a time', () => {
  it('BREAKOUT-28: given two instances asking at once, then exactly one holds the lease, and keeps it while it asks again', async () => {
    const url = await createTestDatabase();
    const a = lease(url, 'lease-a');
    const b = lease(url, 'lease-b');
    const first = await Promise.all([a.held(), b.held()]);
    expect(first.filter(Boolean)).toHaveLength(1);
    expect(await Promise.all([a.held(), b.held()])).toEqual(first);
  });

  it('BREAKOUT-28: given the holder’s connection terminated (its instance died), when the other asks, then it takes the lease over; the first no longer holds it', async () => {
    const url = await createTestDatabase();
    const a = lease(url, 'lease-a');
    const b = lease(url, 'lease-b');
    expect(await a.held()).toBe(true);
    expect(await b.held()).toBe(false);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const { rows } = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', ['lease-a']);
      expect(rows).toHaveLength(1);
    } finally {
      await admin.end();
    }
    // The terminated backend's lock is released once PostgreSQL has ended it; ask until then.
    let taken = false;
    for (let i = 0; i < 50 && !taken; i += 1) taken = await b.held();
    expect(taken).toBe(true);
    expect(await a.held()).toBe(false);
  });
});
