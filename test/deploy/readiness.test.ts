import { chmodSync, existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../faults/serverProcess.js';

// /api/health is liveness (the process answers), /api/ready is readiness (the store answers a query).
// The real server process on a real SQLite file, over real HTTP.

const servers: ServerProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.kill();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'convene-ready-'));
  dirs.push(dataDir);
  const server = await startServerProcess(dataDir, { LOG_LEVEL: 'silent', ...env });
  servers.push(server);
  return { server, dataDir };
}

describe('/api/health and /api/ready', { timeout: 60_000 }, () => {
  it('given a healthy store, when both are asked, then both answer 200 and say LiveKit is not configured', async () => {
    const { server } = await start();
    const health = await fetch(`${server.baseUrl}/api/health`);
    const ready = await fetch(`${server.baseUrl}/api/ready`);
    expect(health.status).toBe(200);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', storage: 'sqlite', livekit: 'not-configured' });
  });

  it('given LiveKit settings, when /api/ready is asked, then it says LiveKit is configured', async () => {
    const { server } = await start({
      LIVEKIT_URL: 'wss://media.example',
      LIVEKIT_API_KEY: 'key',
      LIVEKIT_API_SECRET: 'a-secret-of-enough-length-000000',
    });
    expect(await (await fetch(`${server.baseUrl}/api/ready`)).json()).toMatchObject({ status: 'ready', livekit: 'configured' });
  });

  it('given the database file made unreadable, when both are asked, then /api/ready is a 503 problem and /api/health still 200', async () => {
    const { server, dataDir } = await start();
    const file = join(dataDir, 'convene.db');
    // Root ignores file modes, so the file is also replaced by bytes that are no database (with its WAL
    // moved aside too: the newest pages live there until a checkpoint).
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, `${file}${suffix}.moved`);
    writeFileSync(file, 'this is not a database, and it is long enough to have a header of sorts');
    chmodSync(file, 0o000);

    const ready = await fetch(`${server.baseUrl}/api/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('content-type')).toContain('application/problem+json');
    expect(await ready.json()).toMatchObject({ status: 503, code: 'STORAGE_UNAVAILABLE' });
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
  });
});
