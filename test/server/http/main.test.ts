import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, hasPostgres } from '../../support/postgres.js';
import { openSse } from '../../support/sseClient.js';

// server/main.ts as an operator runs it: a first development start seeds the demo engagement and prints
// how to join; SIGTERM ends open streams with a retry hint and exits cleanly; a bad environment stops the start
// with every problem named; DATABASE_URL runs it on PostgreSQL.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const children: ChildProcess[] = [];
const dirs: string[] = [];

function start(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'convene-main-'));
  dirs.push(dataDir);
  // node directly, not npx: an npx chain can outlive the test and hold its pipes.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_URL: 'http://localhost:5999',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = output.match(pattern);
        if (match) {
          clearInterval(timer);
          resolve(match);
        }
      }, 50);
      setTimeout(() => {
        clearInterval(timer);
        reject(new Error(`timed out waiting for ${pattern}; output:\n${output}`));
      }, timeoutMs);
    });
  return { child, exited, waitFor, output: () => output };
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('server/main.ts', { timeout: 60_000 }, () => {
  it('given a first development start, then the demo engagement is open and the console prints the chair sign-in and invitation links; SIGTERM ends streams with retry and exits 0', async () => {
    const server = start({ NODE_ENV: 'development' });
    const [, port] = await server.waitFor(/listens on http:\/\/127\.0\.0\.1:(\d+)/);
    await server.waitFor(/join#code=[^\s]+\n[^\n]*join#code=[^\s]+\n[^\n]*join#code=[^\s]+/);
    expect(server.output()).toContain('"Demo Chair"');
    expect(server.output()).toContain('Informal virtual engagement with stakeholders on capacity-building');
    const base = `http://127.0.0.1:${port}`;

    const signIn = await fetch(`${base}/api/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: 'Demo Chair' }),
    });
    const { token } = await signIn.json();
    const list = await (await fetch(`${base}/api/engagements`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(list).toEqual([
      expect.objectContaining({
        title: 'Informal virtual engagement with stakeholders on capacity-building',
        status: 'open',
        role: 'chair',
      }),
    ]);
    const view = await (await fetch(`${base}/api/engagements/${list[0].id}`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(view.questions).toHaveLength(4);
    expect(view.hardStop).not.toBeNull();
    expect(Object.keys(view.invitations)).toHaveLength(4);

    // A stakeholder link from the console works.
    const code = decodeURIComponent(server.output().match(/join#code=([^\s]+)/)![1]);
    const redeemed = await fetch(`${base}/api/auth/invitation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(redeemed.status).toBe(200);

    const stream = await openSse(`${base}/api/engagements/${list[0].id}/stream`, { token });
    await stream.waitFor((m) => m.event === 'snapshot');
    const retriesBefore = stream.retries.length;
    server.child.kill('SIGTERM');
    await stream.ended;
    expect(stream.retries.length).toBe(retriesBefore + 1);
    expect(await server.exited).toBe(0);
  });

  it('given DATABASE_URL without SESSION_SECRET, or of a database that cannot be reached, then the start stops in plain words with a non-zero exit', async () => {
    const unsigned = start({ DATABASE_URL: 'postgres://convene@127.0.0.1:1/convene' });
    expect(await unsigned.exited).not.toBe(0);
    expect(unsigned.output()).toMatch(/SESSION_SECRET: required with DATABASE_URL/);

    const unreachable = start({ DATABASE_URL: 'postgres://convene@127.0.0.1:1/convene', SESSION_SECRET: 's'.repeat(40) });
    expect(await unreachable.exited).not.toBe(0);
    expect(unreachable.output()).toMatch(/Cannot open the event log in PostgreSQL \(DATABASE_URL\): .*cannot be reached/);
  });

  it.skipIf(!hasPostgres)(
    'given two servers started at once on one fresh PostgreSQL database, then both migrate without racing, start (health says postgres) and exit 0 on SIGTERM',
    async () => {
      const env = {
        DATABASE_URL: await createTestDatabase(),
        SESSION_SECRET: 's'.repeat(40),
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://convene.test',
      };
      const servers = [start(env), start(env)];
      for (const server of servers) {
        const [, port] = await server.waitFor(/listens on http:\/\/127\.0\.0\.1:(\d+) \(.*event log in PostgreSQL/);
        const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
        expect(health).toMatchObject({ status: 'ok', storage: 'postgres' });
      }
      for (const server of servers) server.child.kill('SIGTERM');
      for (const server of servers) expect(await server.exited).toBe(0);
    },
  );

  it('given several bad variables, then every problem is listed at once and the exit is non-zero', async () => {
    const server = start({ PORT: 'eighty', NODE_ENV: 'staging', LIVEKIT_URL: 'wss://media.example' });
    expect(await server.exited).not.toBe(0);
    expect(server.output()).toMatch(/PORT:/);
    expect(server.output()).toMatch(/NODE_ENV:/);
    expect(server.output()).toMatch(/LIVEKIT_URL: set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET together/);
  });
});
