import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fullableTmpfs, probeExt4Loop, probeTmpfs, readOnlyOnError, type FaultyDisk } from './faultyDisk.js';
import { startServerProcess, type ServerProcess } from './serverProcess.js';

// The disk under a running server fills up, or turns read-only: commands are refused with a clear
// 503 STORAGE_UNAVAILABLE problem, nothing is half-written (once the fault clears, the version, the events
// and the idempotency rows are exactly as before the failed command; PRAGMA integrity_check is ok), and the
// server records changes again. End to end: the real server process, real HTTP, real SQLite on a real
// (faulty) filesystem. The store-level counterpart is test/server/store/sqliteEventStore.test.ts.

const REQUIRE = process.env.REQUIRE_FAULTS === '1';
const tmpfsMissing = probeTmpfs();
const ext4Missing = probeExt4Loop();
for (const [what, why] of [
  ['full disk (tmpfs)', tmpfsMissing],
  ['read-only disk (ext4 on loop)', ext4Missing],
] as const) {
  if (why)
    console.warn(
      `\n*** storage fault test "${what}" ${REQUIRE ? 'FAILS' : 'is SKIPPED'}: ${why}. Set REQUIRE_FAULTS=1 to make this an error. ***\n`,
    );
}

const servers: ServerProcess[] = [];
const disks: FaultyDisk[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.kill();
  for (const disk of disks.splice(0)) disk.dispose();
});

/** A faulty disk of the kind `make` builds, disposed of after the test; an error if this machine cannot make one. */
function faultyDisk(make: () => FaultyDisk, missing: string | null): FaultyDisk {
  if (missing) throw new Error(`REQUIRE_FAULTS=1 but ${missing}`);
  const disk = make();
  disks.push(disk);
  return disk;
}

/** A server process on `disk`, killed after the test. */
async function serverOn(disk: FaultyDisk): Promise<ServerProcess> {
  const server = await startServerProcess(disk.dir);
  servers.push(server);
  return server;
}

/** Skipped where the fault cannot be made here, unless REQUIRE_FAULTS=1; the title says why. */
const faultTest = (missing: string | null) => it.skipIf(missing !== null && !REQUIRE);
const skipNote = (missing: string | null) => (missing ? ` [skipped: ${missing}]` : '');

async function call(server: ServerProcess, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(server.baseUrl + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : null, text };
}

async function okCall(server: ServerProcess, token: string, method: string, path: string, body?: unknown) {
  const res = await call(server, token, method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${res.text}`);
  return res.body;
}

/** The log as stored: every event row and every idempotency row of the engagement. */
function readLog(dataDir: string, engagementId: string) {
  const db = new Database(join(dataDir, 'convene.db'), { fileMustExist: true });
  try {
    return {
      events: db.prepare('SELECT version, type, at, data FROM events WHERE engagement_id = ? ORDER BY version').all(engagementId),
      commands: db
        .prepare('SELECT command_id, fingerprint, result FROM commands WHERE engagement_id = ? ORDER BY command_id')
        .all(engagementId),
      integrity: db.pragma('integrity_check', { simple: true }),
    };
  } finally {
    db.close();
  }
}

/** A meeting under way: a question, the engagement open, a few changes recorded with commandIds. */
async function meetingOn(server: ServerProcess) {
  const { token } = await okCall(server, '', 'POST', '/api/auth/dev', { displayName: 'Chair Storage' });
  const { id } = await okCall(server, token, 'POST', '/api/engagements', { title: 'Storage drill' });
  const command = (body: object) => call(server, token, 'POST', `/api/engagements/${id}/commands`, body);
  for (let i = 0; i < 3; i += 1) {
    const res = await command({ type: 'question.add', text: `Guiding question ${i + 1}`, commandId: `setup-${i}` });
    expect(res.status, res.text).toBe(200);
  }
  expect((await command({ type: 'engagement.open' })).status).toBe(200);
  const version = async () => (await okCall(server, token, 'GET', `/api/engagements/${id}`)).version as number;
  return { token, id, command, version };
}

/** A change big enough to need new pages in the WAL (20,000 characters of context). */
const bigChange = (i: number) => ({
  type: 'question.add',
  text: `A long question ${i}`,
  context: Array.from({ length: 2_000 }, (_, k) => `w${(i * 7919 + k * 104729) % 100_000}`)
    .join(' ')
    .slice(0, 20_000),
  commandId: `big-${i}`,
});

function expectStorageProblem(res: { status: number; contentType: string; body: any; text: string }) {
  expect(res.status, res.text).toBe(503);
  expect(res.contentType).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toBe('STORAGE_UNAVAILABLE');
  expect(res.body.detail).toMatch(/database cannot be written/);
  expect(res.body.detail).toMatch(/Nothing was changed/);
}

describe('storage faults under a running server (docs/api.md conventions: problem+json; STORAGE_UNAVAILABLE)', () => {
  faultTest(tmpfsMissing)(
    `given the data directory on a 2 MiB tmpfs, when the disk fills up, then commands fail with 503 STORAGE_UNAVAILABLE, nothing is half-written, and after space is freed the same commandId is recorded once${skipNote(tmpfsMissing)}`,
    async () => {
      const disk = faultyDisk(fullableTmpfs, tmpfsMissing);
      const meeting = await meetingOn(await serverOn(disk));

      disk.fault();
      // A WAL that was checkpointed is rewritten in place, so a small change may still fit: send big
      // changes until the disk refuses one (each accepted one is simply part of the record).
      let failed: { res: Awaited<ReturnType<typeof call>>; i: number; before: number; log: ReturnType<typeof readLog> } | null = null;
      for (let i = 0; i < 40 && !failed; i += 1) {
        const before = await meeting.version();
        const log = readLog(disk.dir, meeting.id);
        const res = await meeting.command(bigChange(i));
        if (res.status !== 200) failed = { res, i, before, log };
      }
      expect(failed, 'the full disk never refused a change').not.toBeNull();
      const { res, i, before, log } = failed!;
      console.info(`full disk: ${i} big changes still fitted, change ${i + 1} was refused`);
      expectStorageProblem(res);
      // Refused again while full, and the state the server serves did not move.
      expectStorageProblem(await meeting.command(bigChange(i)));
      expect(await meeting.version()).toBe(before);

      disk.clear();
      expect(await meeting.version()).toBe(before);
      const after = readLog(disk.dir, meeting.id);
      expect(after.integrity).toBe('ok');
      expect(after.events).toEqual(log.events);
      expect(after.commands).toEqual(log.commands);
      expect(after.commands.map((c: any) => c.command_id)).not.toContain(`big-${i}`);

      // The retry with the same commandId is a new command now, recorded once.
      const retried = await meeting.command(bigChange(i));
      expect(retried.status, retried.text).toBe(200);
      expect(retried.body.version).toBe(before + 1);
      const again = await meeting.command(bigChange(i));
      expect(again.body).toEqual(retried.body);
      expect(await meeting.version()).toBe(before + 1);
      expect(readLog(disk.dir, meeting.id).integrity).toBe('ok');
    },
    90_000,
  );

  faultTest(ext4Missing)(
    `given the data directory on ext4 (errors=remount-ro), when an I/O error turns it read-only under the server, then commands fail with 503 STORAGE_UNAVAILABLE, and after repair and restart the log is exactly as before${skipNote(ext4Missing)}`,
    async () => {
      const disk = faultyDisk(readOnlyOnError, ext4Missing);
      const server = await serverOn(disk);
      const meeting = await meetingOn(server);
      const before = await meeting.version();
      const log = readLog(disk.dir, meeting.id);

      disk.fault();
      const refused = await meeting.command({ type: 'question.add', text: 'Written to a read-only disk?', commandId: 'ro-1' });
      expectStorageProblem(refused);
      expectStorageProblem(await meeting.command({ type: 'engagement.start', commandId: 'ro-2' }));
      // Reads are served from memory and show no trace of the refused changes.
      expect(await meeting.version()).toBe(before);

      await server.kill('SIGTERM');
      disk.clear();
      const after = readLog(disk.dir, meeting.id);
      expect(after.integrity).toBe('ok');
      expect(after.events).toEqual(log.events);
      expect(after.commands).toEqual(log.commands);

      const restarted = await serverOn(disk);
      // Dev sign-in ids derive from the name, so signing in again is the same chair (the old token is the next test's subject).
      const { token } = await okCall(restarted, '', 'POST', '/api/auth/dev', { displayName: 'Chair Storage' });
      const view = await call(restarted, token, 'GET', `/api/engagements/${meeting.id}`);
      expect(view.status, view.text).toBe(200);
      expect(view.body.version).toBe(before);
      const retried = await call(restarted, token, 'POST', `/api/engagements/${meeting.id}/commands`, {
        type: 'question.add',
        text: 'Written to a read-only disk?',
        commandId: 'ro-1',
      });
      expect(retried.status, retried.text).toBe(200);
      expect(retried.body.version).toBe(before + 1);
    },
    90_000,
  );

  faultTest(ext4Missing)(
    `given a server that has just started for the first time on ext4, when an I/O error turns the disk read-only, then after repair and restart the sessions it issued are still valid (the session key was made durable)${skipNote(ext4Missing)}`,
    async () => {
      const disk = faultyDisk(readOnlyOnError, ext4Missing);
      const server = await serverOn(disk);
      const meeting = await meetingOn(server);
      disk.fault();
      await server.kill('SIGTERM');
      disk.clear();
      const restarted = await serverOn(disk);
      // An invitation holder cannot sign in again (codes are single-use): losing the key locks them out.
      const view = await call(restarted, meeting.token, 'GET', `/api/engagements/${meeting.id}`);
      expect(view.status, `the session key did not survive the fault: ${view.text}`).toBe(200);
    },
    90_000,
  );
});
