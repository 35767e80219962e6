import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../server/domain/events.js';
import { evolve } from '../../../server/domain/evolve.js';
import type { EngagementState } from '../../../server/domain/state.js';
import { createTestApp, type ApiClient, type TestApp } from '../../support/createTestApp.js';
import type { FakeClock } from '../../support/fakeClock.js';
import { openSse, type SseConnection, type SseMessage } from '../../support/sseClient.js';

// The whole meeting over real HTTP and real SQLite: a chair prepares and runs an engagement, three
// stakeholders join by invitation and request the floor, and every step shows on a stakeholder's live
// stream. A stream resumed from Last-Event-ID loses nothing and repeats nothing, and folding what a
// stream delivered gives exactly what GET returns (docs/api.md "The live stream", VIEW-9).

const dataMessages = (conn: SseConnection) => conn.messages.filter((m) => m.event === 'snapshot' || m.event === 'change');

function stateOf(view: Record<string, unknown>): EngagementState {
  const { version, me, serverNow, ...state } = view;
  void version;
  void me;
  void serverNow;
  return state as unknown as EngagementState;
}

/** What a client does with the stream: take snapshots whole, fold visible changes with the domain's evolve. */
function fold(messages: SseMessage[], start?: EngagementState): EngagementState | undefined {
  let state = start;
  for (const m of messages) {
    if (m.event === 'snapshot') state = stateOf(m.json());
    else if (m.event === 'change') {
      const event = m.json();
      if (event.type !== 'hidden' && state) state = evolve(state, event as StoredEvent);
    }
  }
  return state;
}

describe('a meeting over HTTP, seen live by stakeholders', () => {
  let app: TestApp<FakeClock>;
  let chair: ApiClient;
  let engagementId: string;
  const stakeholders: { name: string; token: string; participantId: string; api: ApiClient }[] = [];
  let streamA: SseConnection;
  let streamB: SseConnection;
  let questionId: string;
  const requestIds: string[] = [];

  beforeAll(async () => {
    app = await createTestApp();
    chair = app.api(await app.signIn('Flow Chair'));
  });
  afterAll(async () => {
    streamA?.close();
    streamB?.close();
    await app?.close();
  });

  /** Runs a chair or stakeholder command, expects 200, and waits until stakeholder A's stream shows its last event. */
  const step = async (client: ApiClient, command: Record<string, unknown>, expectedTypes: string[]) => {
    const res = await client.command(engagementId, command);
    expect(res.status, `${command.type}: ${res.text}`).toBe(200);
    const types = (res.body.events as { type: string }[]).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(expectedTypes));
    const version = res.body.version as number;
    const seen = await streamA.waitFor((m) => m.id === String(version));
    if (seen.event === 'change' && seen.json().type !== 'hidden') expect(expectedTypes).toContain(seen.json().type);
    return res.body as { version: number; events: (StoredEvent & Record<string, any>)[] };
  };

  it('given a chair, when they create, prepare and open an engagement, then it is open with its questions', async () => {
    const created = await chair.post('/api/engagements', {
      title: 'Capacity-building consultation',
      theme: 'capacity-building',
      plannedMinutes: 60,
      speakingSeconds: 180,
    });
    expect(created.status).toBe(201);
    engagementId = created.body.id;
    const q1 = await chair.command(engagementId, {
      type: 'question.add',
      text: 'How can capacity-building be needs-based?',
      plannedMinutes: 20,
    });
    expect(q1.status).toBe(200);
    questionId = q1.body.events.find((e: { type: string }) => e.type === 'question.added').question.id;
    expect((await chair.command(engagementId, { type: 'question.add', text: 'What role for the private sector?' })).status).toBe(200);
    expect((await chair.command(engagementId, { type: 'engagement.open' })).status).toBe(200);
    expect((await chair.get(`/api/engagements/${engagementId}`)).body.status).toBe('open');
  });

  it('INV-3: given three invitations, when redeemed, then each stakeholder is an approved participant bound to the engagement', async () => {
    for (const name of ['Amina Diallo', 'Lena Sørensen', 'Rahul Mehta']) {
      const invitation = await chair.post(`/api/engagements/${engagementId}/invitations`, {
        role: 'stakeholder',
        displayName: name,
        organization: `${name.split(' ')[1]} Org`,
        category: 'ngo',
      });
      expect(invitation.status).toBe(201);
      expect(invitation.body.url).toContain('/join#code=');
      const session = await app.api().post('/api/auth/invitation', { code: invitation.body.code });
      expect(session.status).toBe(200);
      expect(session.body).toMatchObject({ engagementId, role: 'stakeholder', user: { displayName: name } });
      stakeholders.push({ name, token: session.body.token, participantId: session.body.participantId, api: app.api(session.body.token) });
    }
    const view = await stakeholders[0].api.get(`/api/engagements/${engagementId}`);
    expect(view.status).toBe(200);
    expect(view.body.me).toMatchObject({ role: 'stakeholder', status: 'approved' });
  });

  it('given stakeholders connect to the stream, then the first message is a snapshot at the current version, with SSE headers', async () => {
    const url = `${app.baseUrl}/api/engagements/${engagementId}/stream`;
    streamA = await openSse(url, { token: stakeholders[0].token });
    streamB = await openSse(url, { token: stakeholders[1].token });
    expect(streamA.status).toBe(200);
    expect(streamA.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(streamA.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(streamA.headers.get('x-accel-buffering')).toBe('no');
    const snapshot = await streamA.waitFor((m) => m.event === 'snapshot');
    const current = (await stakeholders[0].api.get(`/api/engagements/${engagementId}`)).body.version;
    expect(snapshot.id).toBe(String(current));
    expect(snapshot.json()).toMatchObject({
      id: engagementId,
      version: current,
      serverNow: app.clock.now().toISOString(),
      me: { role: 'stakeholder' },
    });
    expect(streamA.retries[0]).toBeGreaterThanOrEqual(1000);
    expect(streamA.retries[0]).toBeLessThanOrEqual(5000);
    await streamB.waitFor((m) => m.event === 'snapshot');
  });

  it('when the chair starts and opens a question, and three stakeholders request the floor, then each step shows on the stream', async () => {
    await step(chair, { type: 'engagement.start' }, ['engagement.started']);
    await step(chair, { type: 'question.open', questionId }, ['question.opened']);
    for (const s of stakeholders) {
      const result = await step(s.api, { type: 'floor.request', questionId, note: `${s.name} on needs` }, ['floor.requested']);
      requestIds.push(result.events.find((e) => e.type === 'floor.requested')!.requestId);
    }
    const view = (await chair.get(`/api/engagements/${engagementId}`)).body;
    expect(view.waiting[questionId]).toEqual(requestIds);
  });

  it('when the chair gives the floor, pauses, extends and ends it, then each step shows on the stream', async () => {
    const given = await step(chair, { type: 'floor.give' }, ['floor.given']);
    expect(given.events.find((e) => e.type === 'floor.given')!.requestId).toBe(requestIds[0]);
    app.clock.advance(60_000);
    await step(chair, { type: 'floor.pause' }, ['floor.paused']);
    app.clock.advance(20_000);
    await step(chair, { type: 'floor.resume' }, ['floor.resumed']);
    await step(chair, { type: 'floor.extend', seconds: 60 }, ['floor.extended']);
    // Stakeholder B leaves here: they resume later from their Last-Event-ID.
    const seenByB = await streamB.waitFor((m) => m.event === 'change' && m.json().type === 'floor.extended');
    streamB.close();
    expect(streamB.lastEventId).toBe(seenByB.id);
    app.clock.advance(30_000);
    const ended = await step(chair, { type: 'floor.end' }, ['floor.ended']);
    expect(ended.events.find((e) => e.type === 'floor.ended')).toMatchObject({ requestId: requestIds[0], spokeSeconds: 90 });
  });

  it('when the chair gives the floor to the next speaker, then the second request speaks', async () => {
    const next = await step(chair, { type: 'floor.give' }, ['floor.given']);
    expect(next.events.find((e) => e.type === 'floor.given')!.requestId).toBe(requestIds[1]);
  });

  it('given the stream ids, then they are contiguous from the snapshot: nothing lost, nothing repeated', async () => {
    const ids = dataMessages(streamA).map((m) => Number(m.id));
    for (let i = 1; i < ids.length; i++) expect(ids[i]).toBe(ids[i - 1] + 1);
    const final = (await chair.get(`/api/engagements/${engagementId}`)).body.version;
    expect(ids.at(-1)).toBe(final);
  });

  it('given stakeholder B reconnects with Last-Event-ID, then they get exactly the changes after it, no snapshot, no duplicate', async () => {
    const firstPart = dataMessages(streamB);
    const resumeFrom = streamB.lastEventId!;
    const final = (await chair.get(`/api/engagements/${engagementId}`)).body.version as number;
    const resumed = await openSse(`${app.baseUrl}/api/engagements/${engagementId}/stream`, {
      token: stakeholders[1].token,
      lastEventId: resumeFrom,
    });
    try {
      await resumed.waitFor((m) => m.id === String(final));
      const secondPart = dataMessages(resumed);
      expect(secondPart.every((m) => m.event === 'change')).toBe(true);
      expect(secondPart.map((m) => Number(m.id))).toEqual(
        Array.from({ length: final - Number(resumeFrom) }, (_, i) => Number(resumeFrom) + 1 + i),
      );
      // VIEW-9 over the wire: folding what B received equals what GET returns to B at that version.
      const folded = fold([...firstPart, ...secondPart]);
      const view = (await stakeholders[1].api.get(`/api/engagements/${engagementId}`)).body;
      expect(view.version).toBe(final);
      expect(folded).toEqual(stateOf(view));
    } finally {
      resumed.close();
    }
  });

  it('given stakeholder A, then folding their stream equals their GET view', async () => {
    const view = (await stakeholders[0].api.get(`/api/engagements/${engagementId}`)).body;
    expect(fold(dataMessages(streamA))).toEqual(stateOf(view));
  });

  it('given a Last-Event-ID from the future or garbage, then the stream starts with a snapshot', async () => {
    for (const lastEventId of ['999999', 'not-a-version']) {
      const conn = await openSse(`${app.baseUrl}/api/engagements/${engagementId}/stream`, { token: stakeholders[2].token, lastEventId });
      try {
        const first = await conn.waitFor(() => true);
        expect(first.event).toBe('snapshot');
      } finally {
        conn.close();
      }
    }
  });

  it('given the chair ends the engagement, then the stream shows the end', async () => {
    await step(chair, { type: 'engagement.end' }, ['floor.ended', 'floor.deferred', 'engagement.ended']);
    expect((await chair.get(`/api/engagements/${engagementId}`)).body.status).toBe('ended');
  });

  it('given a stream without a token, then 401 problem+json, not a stream', async () => {
    const conn = await openSse(`${app.baseUrl}/api/engagements/${engagementId}/stream`);
    expect(conn.status).toBe(401);
    expect(conn.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
