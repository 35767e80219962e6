import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, hasPostgres } from '../support/postgres.js';
import { api, startServerProcess, type ServerProcess } from './serverProcess.js';
import { recordStream, type StreamRecorder } from './streamRecorder.js';

// Several instances on one PostgreSQL, as operators run them: two real server processes (server/main.ts,
// spawned with DATABASE_URL, one SESSION_SECRET and a port each), no sticky sessions. A command on either
// instance is seen live on the other, concurrent commands split across both lose nothing, a lost LISTEN
// connection loses no event, and a deadline is recorded once by whichever instance survives.

const SESSION_SECRET = 'several-instances-test-secret-'.padEnd(48, 'x');

const servers: ServerProcess[] = [];
const streams: StreamRecorder[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  for (const server of servers.splice(0)) await server.kill();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function instance(url: string): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'convene-instance-'));
  dirs.push(dataDir);
  const server = await startServerProcess(dataDir, { DATABASE_URL: url, SESSION_SECRET, LOG_LEVEL: 'warn' });
  servers.push(server);
  return server;
}

async function twoInstances() {
  const url = await createTestDatabase();
  // One after the other only so that the first applies the migrations alone (they are locked anyway).
  const a = await instance(url);
  const b = await instance(url);
  return { url, a, b };
}

async function stream(baseUrl: string, engagementId: string, token: string, lastEventId?: number) {
  const recorder = await recordStream(baseUrl, engagementId, token, lastEventId);
  streams.push(recorder);
  return recorder;
}

const signIn = async (baseUrl: string, name: string): Promise<string> =>
  (await api(baseUrl, '', 'POST', '/api/auth/dev', { displayName: name })).token;

/** Every change id once, in order, without a gap, from `from` + 1 up to `to`. */
function expectContiguous(recorder: StreamRecorder, from: number, to: number) {
  const ids = recorder.messages.filter((m) => m.event === 'change').map((m) => m.id);
  expect(ids).toEqual(Array.from({ length: to - from }, (_, i) => from + 1 + i));
}

/** A live engagement on `server` with an open question and `n` approved stakeholders (invitations redeemed where they were made). */
async function liveEngagement(servers: ServerProcess[], chair: string, n: number, speakingSeconds = 120) {
  const home = servers[0].baseUrl;
  const { id } = await api(home, chair, 'POST', '/api/engagements', { title: 'Two instances', speakingSeconds });
  const command = (body: object) => api(home, chair, 'POST', `/api/engagements/${id}/commands`, body);
  await command({ type: 'question.add', text: 'What should capacity-building prioritise?' });
  await command({ type: 'engagement.open' });
  await command({ type: 'engagement.start' });
  const questionId: string = (await api(home, chair, 'GET', `/api/engagements/${id}`)).questions[0].id;
  await command({ type: 'question.open', questionId });
  const tokens: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const base = servers[i % servers.length].baseUrl;
    const invitation = await api(base, chair, 'POST', `/api/engagements/${id}/invitations`, {
      role: 'stakeholder',
      displayName: `Speaker ${i}`,
      organization: `Network ${i}`,
      category: 'ngo',
    });
    tokens.push((await api(base, '', 'POST', '/api/auth/invitation', { code: invitation.code })).token);
  }
  return { id, questionId, tokens };
}

describe.skipIf(!hasPostgres)('several instances on one PostgreSQL (two server processes)', () => {
  it('LIFE-0: a command on A reaches a stream on B; B answers for an engagement created on A (not 404); an expectedVersion read on A is current on B, a stale one is 409', async () => {
    const { a, b } = await twoInstances();
    const chair = await signIn(a.baseUrl, 'Chair Across');
    const { id } = await api(a.baseUrl, chair, 'POST', '/api/engagements', { title: 'Across instances' });
    // Created on A, asked of B at once: looked up in the store, not 404.
    const onB = await api(b.baseUrl, chair, 'GET', `/api/engagements/${id}`);
    expect(onB.version).toBe(1);
    const live = await stream(b.baseUrl, id, chair);
    await live.waitFor((m) => m.event === 'snapshot');

    const added = await api(a.baseUrl, chair, 'POST', `/api/engagements/${id}/commands`, { type: 'question.add', text: 'Seen on B?' });
    const change = await live.waitFor((m) => m.event === 'change' && m.data.type === 'question.added');
    expect(change.id).toBe(added.version);

    // A version read on A is the current one on B, whatever B's memory held: no false conflict.
    const version: number = (await api(a.baseUrl, chair, 'POST', `/api/engagements/${id}/commands`, { type: 'question.add', text: 'Two' }))
      .version;
    const onBAgain = await api(b.baseUrl, chair, 'POST', `/api/engagements/${id}/commands`, {
      type: 'question.add',
      text: 'Three',
      expectedVersion: version,
    });
    expect(onBAgain.version).toBe(version + 1);
    // A real conflict still is one, on either instance.
    const stale = await fetch(`${a.baseUrl}/api/engagements/${id}/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${chair}` },
      body: JSON.stringify({ type: 'question.add', text: 'Stale', expectedVersion: version }),
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).code).toBe('VERSION_CONFLICT');
    await live.waitFor((m) => m.id === version + 1);
    expectContiguous(live, 1, version + 1);
  }, 60_000);

  it('FLOOR-1: 200 concurrent floor requests split across A and B → 200 entries, contiguous versions, each accepted once', async () => {
    const { url, a, b } = await twoInstances();
    const chair = await signIn(a.baseUrl, 'Chair Burst');
    const { id, questionId, tokens } = await liveEngagement([a, b], chair, 200);
    const before: number = (await api(a.baseUrl, chair, 'GET', `/api/engagements/${id}`)).version;

    const results = await Promise.all(
      tokens.map((token, i) =>
        api([a, b][i % 2].baseUrl, token, 'POST', `/api/engagements/${id}/commands`, { type: 'floor.request', questionId }),
      ),
    );
    // Contiguous from the first; `before` was read through A, which may not have heard B's last write yet (reads
    // across instances follow within the NOTIFY's delay, docs/reliability.md), so it bounds the start from below.
    const versions = results.map((r) => r.version).sort((x, y) => x - y);
    expect(versions[0]).toBeGreaterThan(before);
    expect(versions).toEqual(Array.from({ length: 200 }, (_, i) => versions[0] + i));

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: number; type: string; data: string }>(
        'SELECT version, type, data FROM events WHERE engagement_id = $1 ORDER BY version',
        [id],
      );
      expect(rows.map((r) => r.version)).toEqual(Array.from({ length: before + 200 }, (_, i) => i + 1));
      const requested = rows.filter((r) => r.type === 'floor.requested').map((r) => JSON.parse(r.data).participantId);
      expect(requested).toHaveLength(200);
      expect(new Set(requested).size).toBe(200);
    } finally {
      await client.end();
    }
    // Both instances hold the same state.
    for (const server of [a, b]) {
      const view = await api(server.baseUrl, chair, 'GET', `/api/engagements/${id}`);
      expect(view.version).toBe(before + 200);
      expect(view.waiting[questionId]).toHaveLength(200);
    }
  }, 120_000);

  it('pg_terminate_backend on B’s LISTEN connection mid-burst → B’s stream gets every event of A’s commands, in order, once', async () => {
    const { url, a, b } = await twoInstances();
    const chair = await signIn(a.baseUrl, 'Chair Listen');
    const { id } = await api(a.baseUrl, chair, 'POST', '/api/engagements', { title: 'LISTEN lost' });
    const onB = await stream(b.baseUrl, id, chair);
    await onB.waitFor((m) => m.event === 'snapshot');

    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const terminate = () =>
        admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
          `convene-listen-${b.child.pid}`,
        ]);
      const add = (i: number) => api(a.baseUrl, chair, 'POST', `/api/engagements/${id}/commands`, { type: 'question.add', text: `Q${i}` });
      const first = await Promise.all(Array.from({ length: 30 }, (_, i) => add(i)));
      const [{ rows }] = await Promise.all([terminate(), ...Array.from({ length: 30 }, (_, i) => add(30 + i))]);
      expect(rows).toHaveLength(1); // B's one LISTEN connection, and only it
      const rest = await Promise.all(Array.from({ length: 30 }, (_, i) => add(60 + i)));
      expect(first.length + rest.length).toBe(60);
      await terminate();
      const last = (await add(90)).version as number;
      expect(last).toBe(92);
      await onB.waitFor((m) => m.id === last, 20_000);
      expectContiguous(onB, 1, last);
    } finally {
      await admin.end();
    }
  }, 60_000);

  it('INV-3: a single-use invitation created on A and redeemed on A and B at once → exactly one redemption succeeds', async () => {
    const { a, b } = await twoInstances();
    const chair = await signIn(a.baseUrl, 'Chair Invitations');
    const { id } = await api(a.baseUrl, chair, 'POST', '/api/engagements', { title: 'Single use' });
    await api(a.baseUrl, chair, 'POST', `/api/engagements/${id}/commands`, { type: 'engagement.open' });
    for (let round = 0; round < 5; round += 1) {
      const invitation = await api(a.baseUrl, chair, 'POST', `/api/engagements/${id}/invitations`, {
        role: 'stakeholder',
        displayName: `Holder ${round}`,
        organization: 'Network',
        category: 'ngo',
      });
      // B may not have heard of the invitation yet: it finds it in the log.
      const answers = await Promise.all(
        [b, a].map((server) =>
          fetch(`${server.baseUrl}/api/auth/invitation`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ code: invitation.code }),
          }),
        ),
      );
      expect(answers.map((r) => r.status).sort()).toEqual([200, 401]);
    }
    const view = await api(b.baseUrl, chair, 'GET', `/api/engagements/${id}`);
    expect(Object.values(view.participants as Record<string, any>).filter((p) => p.displayName.startsWith('Holder'))).toHaveLength(5);
  }, 60_000);

  it('PAPER-1: a document uploaded to A is downloaded from B (attachments in PostgreSQL)', async () => {
    const { a, b } = await twoInstances();
    const chair = await signIn(a.baseUrl, 'Chair Files');
    const { id } = await api(a.baseUrl, chair, 'POST', '/api/engagements', { title: 'Files across' });
    await api(a.baseUrl, chair, 'POST', `/api/engagements/${id}/commands`, { type: 'engagement.open' });
    const text = 'A statement for the record.\n';
    const form = new FormData();
    form.append('file', new Blob([text], { type: 'text/plain' }), 'statement.txt');
    const uploaded = await fetch(`${a.baseUrl}/api/engagements/${id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${chair}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const { id: attachmentId } = await uploaded.json();
    const downloaded = await fetch(`${b.baseUrl}/api/engagements/${id}/attachments/${attachmentId}`, {
      headers: { authorization: `Bearer ${chair}` },
    });
    expect(downloaded.status).toBe(200);
    expect(await downloaded.text()).toBe(text);
  }, 60_000);

  it('FLOOR-14: both instances arm the deadline of a floor given on B; the overrun is recorded once, at the deadline', async () => {
    const { a, b } = await twoInstances();
    const chair = await signIn(a.baseUrl, 'Chair Both Armed');
    const { id, questionId, tokens } = await liveEngagement([a], chair, 1, 10);
    await api(a.baseUrl, tokens[0], 'POST', `/api/engagements/${id}/commands`, { type: 'floor.request', questionId });
    const onA = await stream(a.baseUrl, id, chair);
    const onB = await stream(b.baseUrl, id, chair);
    await Promise.all([onA, onB].map((s) => s.waitFor((m) => m.event === 'snapshot')));
    const given = await api(b.baseUrl, chair, 'POST', `/api/engagements/${id}/commands`, { type: 'floor.give' });
    const deadline: string = given.events.find((e: any) => e.type === 'floor.given').deadline;
    const [fromA, fromB] = await Promise.all([onA, onB].map((s) => s.waitFor((m) => m.data?.type === 'floor.overran', 20_000)));
    expect(fromA.data.dueAt).toBe(deadline);
    expect(fromB.id).toBe(fromA.id);
    // Nothing was recorded after it: the next command takes the version right after the overrun, on both.
    const next = await api(a.baseUrl, chair, 'POST', `/api/engagements/${id}/commands`, { type: 'question.add', text: 'Next' });
    expect(next.version).toBe(fromA.id + 1);
    for (const s of [onA, onB]) {
      await s.waitFor((m) => m.id === next.version);
      expect(s.messages.filter((m) => m.data?.type === 'floor.overran')).toHaveLength(1);
    }
  }, 60_000);

  it('FLOOR-14: SIGKILL A while a speaker has the floor → B records the overrun once, at the deadline; A’s client resumes on B with its Last-Event-ID and misses nothing', async () => {
    const { url, a, b } = await twoInstances();
    const chair = await signIn(a.baseUrl, 'Chair Fail-over');
    const { id, tokens } = await liveEngagement([a], chair, 1, 10);
    const [speaker] = tokens;
    await api(a.baseUrl, speaker, 'POST', `/api/engagements/${id}/commands`, {
      type: 'floor.request',
      questionId: (await api(a.baseUrl, chair, 'GET', `/api/engagements/${id}`)).questions[0].id,
    });
    const onA = await stream(a.baseUrl, id, speaker);
    await onA.waitFor((m) => m.event === 'snapshot');
    const onB = await stream(b.baseUrl, id, chair);
    await onB.waitFor((m) => m.event === 'snapshot');

    const given = await api(a.baseUrl, chair, 'POST', `/api/engagements/${id}/commands`, { type: 'floor.give' });
    const deadline: string = given.events.find((e: any) => e.type === 'floor.given').deadline;
    await onA.waitFor((m) => m.data?.type === 'floor.given');
    // B heard of the floor through NOTIFY (its stream shows it), so it armed the deadline too.
    await onB.waitFor((m) => m.data?.type === 'floor.given');
    const lastSeen = onA.messages.at(-1)!.id;
    await a.kill('SIGKILL');
    onA.close();
    expect(Date.now()).toBeLessThan(Date.parse(deadline)); // A died before its timer could fire

    const overran = await onB.waitFor((m) => m.data?.type === 'floor.overran', 20_000);
    expect(overran.data.dueAt).toBe(deadline);
    expect(overran.id).toBe(given.version + 1);

    // A's client, on B with its cursor: exactly the changes after it.
    const resumed = await stream(b.baseUrl, id, speaker, lastSeen);
    await resumed.waitFor((m) => m.data?.type === 'floor.overran');
    expect(resumed.messages.filter((m) => m.event === 'change').map((m) => m.id)).toEqual([lastSeen + 1]);

    // Once: a third instance started now arms the engagement too and records nothing more; the next command,
    // on either survivor, takes the version right after the overrun.
    const c = await instance(url);
    expect((await api(c.baseUrl, chair, 'GET', `/api/engagements/${id}`)).version).toBe(overran.id);
    const next = await api(c.baseUrl, chair, 'POST', `/api/engagements/${id}/commands`, {
      type: 'question.add',
      text: 'After the overrun',
    });
    expect(next.version).toBe(overran.id + 1);
    await onB.waitFor((m) => m.id === next.version);
    expect(onB.messages.filter((m) => m.data?.type === 'floor.overran')).toHaveLength(1);
  }, 90_000);
});
