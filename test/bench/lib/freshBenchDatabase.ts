import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A new, empty database on the server `url` names (left in place: the benchmark's cluster is throw-away); its URL. */
export async function freshBenchDatabase(url: string): Promise<string> {
  const name = `convene_bench_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
