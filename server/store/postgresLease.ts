// "One instance at a time" on PostgreSQL: a session advisory lock held on a connection of its own. Whoever
// holds it does the work (the attendance reconciler); when its process dies or its connection drops, PostgreSQL
// releases the lock, and the next instance to ask takes it over. Asked before each round of work, so a
// take-over happens within one interval; a database that cannot be reached means "not now".
import pg from 'pg';

/** The first key of every lease's advisory lock (the engagements' appends use 0x436f6e77). */
export const LEASE_CLASS = 0x436f6e78;

export interface PostgresLease {
  /** True while this instance holds the lease (taken now if it is free). */
  held(): Promise<boolean>;
  close(): Promise<void>;
}

export function createPostgresLease(options: {
  url: string;
  /** Which lease: hashtext(name) is the lock's second key. */
  name: string;
  applicationName?: string;
  log?: (message: string, error?: unknown) => void;
}): PostgresLease {
  let client: pg.Client | null = null;
  let closed = false;
  let asking: Promise<boolean> | null = null;

  const drop = (which: pg.Client) => {
    if (client === which) client = null;
    void which.end().catch(() => undefined);
  };

  const ask = async (): Promise<boolean> => {
    if (closed) return false;
    if (client) {
      const holder = client;
      try {
        // Still connected, hence still holding it.
        await holder.query('SELECT 1');
        return true;
      } catch (error) {
        options.log?.(`the ${options.name} lease's connection was lost`, error);
        drop(holder);
      }
    }
    const next = new pg.Client({
      connectionString: options.url,
      application_name: options.applicationName ?? 'convene-lease',
      keepAlive: true,
    });
    next.on('error', () => drop(next));
    try {
      await next.connect();
      const { rows } = await next.query<{ taken: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS taken', [
        LEASE_CLASS,
        options.name,
      ]);
      if (rows[0]?.taken && !closed) {
        client = next;
        return true;
      }
    } catch {
      // Not reachable: not now.
    }
    await next.end().catch(() => undefined);
    return false;
  };

  return {
    held() {
      asking ??= ask().finally(() => {
        asking = null;
      });
      return asking;
    },
    async close() {
      closed = true;
      await asking?.catch(() => undefined);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
