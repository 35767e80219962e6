import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../server/domain/events.js';
import { openSqliteEventStore } from '../../server/store/sqliteEventStore.js';
import { startLiveKitDouble, type LiveKitDouble } from '../fakes/livekitServerDouble.js';
import { api, startServerProcess, type ServerProcess } from './serverProcess.js';
import { recordStream } from './streamRecorder.js';

// Fault suite: the server dies (SIGKILL) while a breakout round runs and is down when the round's deadline
// passes. After a restart on the same database the round still ends, once, stamped with the time it fell
// due (BREAKOUT-16; docs/api.md: deadlines are recorded exactly once, also across a restart); its LiveKit rooms
// are deleted (BREAKOUT-21); a stream resumed with Last-Event-ID continues without gap or duplicate; and a
// second restart adds nothing. A round lasts whole minutes, so this drill waits one real minute (~70 s in
// all on an idle machine; each server start takes longer under load, hence the generous timeout).

const API_KEY = 'convene-restart-breakout-key';
const API_SECRET = 'convene-restart-breakout-secret-long-enough';

const servers: ServerProcess[] = [];
const dirs: string[] = [];
let double: LiveKitDouble | undefined;
afterEach(async () => {
  for (const server of servers.splice(0)) await server.kill();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  await double?.close();
  double = undefined;
});

describe('restart after SIGKILL during a breakout round', () => {
  it('BREAKOUT-15, BREAKOUT-16, BREAKOUT-21: the round whose deadline passed while the server was down ends once, at its due time, and its rooms are deleted; the stream resumes without gap or duplicate; a second restart adds nothing', async () => {
    double = await startLiveKitDouble({ apiKey: API_KEY, apiSecret: API_SECRET });
    const env = { LIVEKIT_URL: double.url, LIVEKIT_API_KEY: API_KEY, LIVEKIT_API_SECRET: API_SECRET };
    const dataDir = mkdtempSync(join(tmpdir(), 'convene-restart-breakout-'));
    dirs.push(dataDir);
    let server = await startServerProcess(dataDir, env);
    servers.push(server);
    const base = () => server.baseUrl;

    const { token: chair } = await api(base(), '', 'POST', '/api/auth/dev', { displayName: 'Chair Breakout Restart' });
    const created = await api(base(), chair, 'POST', '/api/engagements', { title: 'Breakout restart drill', plannedMinutes: 60 });
    const id: string = created.id;
    const command = (body: object) => api(base(), chair, 'POST', `/api/engagements/${id}/commands`, body);
    await command({ type: 'engagement.open' });
    await command({ type: 'engagement.start' });
    const planned = await command({
      type: 'breakouts.plan',
      mode: 'self-select',
      durationMinutes: 1,
      rooms: [
        { theme: 'Capacity-building needs', capacity: 4 },
        { theme: 'Public-private partnerships', capacity: 4 },
      ],
    });
    const roundId: string = planned.events.find((e: any) => e.type === 'breakouts.planned').roundId;
    const names = [`breakout-${roundId}-1`, `breakout-${roundId}-2`];

    const first = await recordStream(base(), id, chair);
    await first.waitFor((m) => m.event === 'snapshot');
    const started = await command({ type: 'breakouts.start', roundId });
    const deadline: string = started.events.find((e: any) => e.type === 'breakouts.started').deadline;
    expect(
      double
        .rooms()
        .map((r) => r.name)
        .sort(),
    ).toEqual(names);
    // A one-minute round is due its warning at once (BREAKOUT-15); let it be recorded, so that the drill
    // is the same every run, then kill the server while the round runs.
    await first.waitFor((m) => m.data?.type === 'breakouts.warned');
    const lastSeen = first.messages[first.messages.length - 1].id;
    expect(Date.now()).toBeLessThan(Date.parse(deadline));

    await server.kill('SIGKILL');
    first.close();
    // Stay down until the deadline has passed; the rooms outlive the dead server.
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(deadline) - Date.now() + 500)));
    expect(double.rooms()).toHaveLength(2);

    server = await startServerProcess(dataDir, env);
    servers.push(server);
    const resumed = await recordStream(base(), id, chair, lastSeen);
    const ended = await resumed.waitFor((m) => m.data?.type === 'breakouts.ended', 10_000);
    expect(ended.data).toMatchObject({ roundId, reason: 'deadline', dueAt: deadline });
    // The expiry is late (recorded at the restart), never before its time.
    expect(Date.parse(ended.data.at)).toBeGreaterThanOrEqual(Date.parse(deadline));
    await expect.poll(() => double!.rooms().length, { timeout: 10_000 }).toBe(0);

    // No gap, no duplicate: the resumed stream starts right after the last id seen, one change per version.
    const changes = [...first.messages, ...resumed.messages].filter((m) => m.event === 'change');
    const ids = changes.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i += 1) expect(ids[i]).toBe(ids[i - 1] + 1);
    expect(resumed.messages[0].id).toBe(lastSeen + 1);
    expect(changes.filter((m) => m.data?.type === 'breakouts.warned')).toHaveLength(1);
    expect(changes.filter((m) => m.data?.type === 'breakouts.ended')).toHaveLength(1);
    resumed.close();

    // Exactly once, also across a second restart.
    const versionAfter = (await api(base(), chair, 'GET', `/api/engagements/${id}`)).version;
    await server.kill('SIGKILL');
    server = await startServerProcess(dataDir, env);
    servers.push(server);
    await new Promise((r) => setTimeout(r, 1500));
    const final = await api(base(), chair, 'GET', `/api/engagements/${id}`);
    expect(final.version).toBe(versionAfter);
    expect(final.breakouts.rounds[roundId]).toMatchObject({ status: 'ended', deadline });
    await server.kill('SIGKILL');

    // The log itself, read after the last kill: one warning, one end.
    const store = openSqliteEventStore(join(dataDir, 'convene.db'));
    try {
      const events = (await store.load(id)).filter((e: StoredEvent) => (e as { roundId?: string }).roundId === roundId);
      expect(events.filter((e) => e.type === 'breakouts.warned')).toHaveLength(1);
      const ends = events.filter((e) => e.type === 'breakouts.ended');
      expect(ends).toHaveLength(1);
      expect(ends[0]).toMatchObject({ reason: 'deadline', dueAt: deadline });
    } finally {
      await store.close();
    }
  }, 120_000);
});
