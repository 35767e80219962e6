import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { api, startServerProcess, type ServerProcess } from './serverProcess.js';
import { recordStream } from './streamRecorder.js';

// Fault suite: the server dies (SIGKILL) while a speaker has the floor and is down when the deadline
// passes. After a restart on the same database nothing is lost, the overrun is recorded once, stamped
// with the time it fell due (FLOOR-14, TIME: deadlines survive restarts), and a stream resumed with
// Last-Event-ID continues without gap or duplicate.

const servers: ServerProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.kill();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('restart after SIGKILL during an intervention', () => {
  it('FLOOR-14: the overrun that fell due while the server was down is recorded once, at its due time; the stream resumes without gap or duplicate', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'convene-restart-'));
    dirs.push(dataDir);
    let server = await startServerProcess(dataDir);
    servers.push(server);
    const base = () => server.baseUrl;

    const { token: chair } = await api(base(), '', 'POST', '/api/auth/dev', { displayName: 'Chair Restart' });
    const created = await api(base(), chair, 'POST', '/api/engagements', { title: 'Restart drill', speakingSeconds: 10 });
    const id: string = created.id;
    const command = (token: string, body: object) => api(base(), token, 'POST', `/api/engagements/${id}/commands`, body);
    await command(chair, { type: 'question.add', text: 'What should capacity-building prioritise?' });
    await command(chair, { type: 'engagement.open' });
    await command(chair, { type: 'engagement.start' });
    const questionId = (await api(base(), chair, 'GET', `/api/engagements/${id}`)).questions[0].id;
    await command(chair, { type: 'question.open', questionId });
    const invitation = await api(base(), chair, 'POST', `/api/engagements/${id}/invitations`, {
      role: 'stakeholder',
      displayName: 'Amina',
      organization: 'Cyber Peace Network',
      category: 'ngo',
    });
    const { token: stakeholder } = await api(base(), '', 'POST', '/api/auth/invitation', { code: invitation.code });
    await command(stakeholder, { type: 'floor.request', questionId });

    const first = await recordStream(base(), id, stakeholder);
    await first.waitFor((m) => m.event === 'snapshot');
    const given = await command(chair, { type: 'floor.give' });
    const deadline: string = given.events.find((e: any) => e.type === 'floor.given').deadline;
    await first.waitFor((m) => m.data?.type === 'floor.given');
    const lastSeen = first.messages[first.messages.length - 1].id;

    await server.kill('SIGKILL');
    first.close();
    // Stay down until the deadline has passed.
    const waitMs = Date.parse(deadline) - Date.now() + 1500;
    await new Promise((r) => setTimeout(r, Math.max(0, waitMs)));

    server = await startServerProcess(dataDir);
    servers.push(server);
    const resumed = await recordStream(base(), id, stakeholder, lastSeen);
    const overran = await resumed.waitFor((m) => m.data?.type === 'floor.overran', 10_000);
    expect(overran.data.dueAt).toBe(deadline);

    // No gap, no duplicate: the resumed stream starts right after the last id seen, one change per version.
    const ids = [...first.messages, ...resumed.messages].filter((m) => m.event === 'change').map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i += 1) expect(ids[i]).toBe(ids[i - 1] + 1);
    expect(resumed.messages[0].id).toBe(lastSeen + 1);
    resumed.close();

    // Exactly once, also across a second restart.
    const versionAfter = (await api(base(), chair, 'GET', `/api/engagements/${id}`)).version;
    await server.kill('SIGKILL');
    server = await startServerProcess(dataDir);
    servers.push(server);
    await new Promise((r) => setTimeout(r, 1500));
    const final = await api(base(), chair, 'GET', `/api/engagements/${id}`);
    expect(final.version).toBe(versionAfter);
    const request = Object.values(final.requests as Record<string, any>)[0];
    expect(final.interventions[request.id].overranAt).toBe(deadline);
    expect(final.currentRequestId).toBe(request.id); // the speaker is never cut off
  }, 90_000);
});
