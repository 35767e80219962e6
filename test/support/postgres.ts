import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';

// PostgreSQL for the tests: TEST_DATABASE_URL names a server (scripts/pg-test-cluster.sh starts a throw-away
// one; .ci/run does). Each caller of createTestDatabase() gets a fresh database of its own, dropped when its
// file ends, so files and tests never see each other's rows, advisory locks or notifications (all three are
// per database). Without TEST_DATABASE_URL the PostgreSQL tests skip LOUDLY — unless REQUIRE_POSTGRES=1
// (which .ci/run sets), where a missing database is a failure.

export const TEST_DATABASE_URL: string | null = process.env.TEST_DATABASE_URL?.trim() || null;
const REQUIRED = process.env.REQUIRE_POSTGRES === '1';

if (!TEST_DATABASE_URL) {
  const how = 'Start a throw-away cluster with `eval "$(scripts/pg-test-cluster.sh start)"`.';
  if (REQUIRED)
    throw new Error(`The PostgreSQL tests cannot run: TEST_DATABASE_URL is not set, and REQUIRE_POSTGRES=1 makes that a failure. ${how}`);
  console.warn(`\n*** PostgreSQL tests are SKIPPED: TEST_DATABASE_URL is not set. ${how} ***\n`);
}

/** True when the PostgreSQL tests run (use with describe.skipIf(!hasPostgres)). */
export const hasPostgres = TEST_DATABASE_URL !== null;

const created: string[] = [];

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL! });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the test server; its URL. Dropped (connections and all) after the file's tests. */
export async function createTestDatabase(): Promise<string> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `convene_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  created.push(name);
  return withDatabase(TEST_DATABASE_URL, name);
}

afterAll(async () => {
  const names = created.splice(0);
  if (names.length === 0) return;
  await admin(async (client) => {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
});
