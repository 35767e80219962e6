import { createParser } from 'eventsource-parser';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/createTestApp.js';
import { openSse, type SseConnection } from '../support/sseClient.js';
import { buildMeeting, versionOf, type Meeting } from './meetingFixture.js';

// The live stream's resume contract under faults (docs/api.md "The live stream"): a cursor
// that makes no sense gets a fresh snapshot (never an error, never a loop); a client dropped at a random
// point resumes with Last-Event-ID and sees every version exactly once, in order, while commands keep
// coming; a reader that stops reading is cut off by the server once its buffer passes the limit (1 MiB by
// default) and resumes without a gap. Real HTTP, real SQLite, a stakeholder's redacted view.

const dataOf = (conn: SseConnection) => conn.messages.filter((m) => m.event === 'snapshot' || m.event === 'change');

/** A seeded generator, so that a failing drop schedule can be replayed (the seed is in the test's output). */
function seeded(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

describe('resuming the live stream', () => {
  let app: TestApp;
  let meeting: Meeting;
  const streamUrl = () => `${app.baseUrl}/api/engagements/${meeting.id}/stream`;
  let stakeholderToken: string;

  beforeAll(async () => {
    app = await createTestApp();
    meeting = await buildMeeting(app, 'live');
    stakeholderToken = meeting.tokens.stakeholder;
  });
  afterAll(async () => {
    await app?.close();
  });

  for (const cursor of ['1000000', 'abc', '-1', '1e9', '99999999999999999999999999', ' ', '3.5', '0x10']) {
    it(`given Last-Event-ID ${JSON.stringify(cursor)} (from the future or garbage), when the client reconnects 5 times in a row, then each time it gets 200 and a snapshot of the current version first`, async () => {
      const head = await versionOf(meeting);
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const conn = await openSse(streamUrl(), { token: stakeholderToken, lastEventId: cursor });
        try {
          expect(conn.status, conn.errorBody ?? '').toBe(200);
          expect(conn.headers.get('content-type')).toMatch(/^text\/event-stream/);
          const first = await conn.waitFor((m) => m.event === 'snapshot' || m.event === 'change');
          expect(first.event).toBe('snapshot');
          expect(first.id).toBe(String(head));
          expect(first.json().version).toBe(head);
        } finally {
          conn.close();
        }
      }
    });
  }

  it('given a client dropped after a random number of events, when it resumes with Last-Event-ID while commands keep arriving, then it sees every version once, strictly +1, no gap and no duplicate', async () => {
    const seed = Number(process.env.RESUME_SEED ?? Date.now() % 1_000_000);
    const random = seeded(seed);
    console.info(`stream resume drill: seed ${seed} (RESUME_SEED=${seed} replays it)`);

    // A writer that never stops during the drill: public and secretariat notes (the stakeholder sees only
    // the first: the second arrives as a hidden change that still advances the version), and questions.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        const body =
          written % 3 === 0
            ? { type: 'note.add', text: `Public note ${written}`, visibility: 'public' }
            : written % 3 === 1
              ? { type: 'note.add', text: `Staff note ${written}`, visibility: 'secretariat' }
              : { type: 'question.add', text: `Follow-up question ${written}` };
        const res = await meeting.api.chair.command(meeting.id, body);
        if (res.status !== 200) throw new Error(`writer: ${res.status} ${res.text}`);
        written += 1;
      }
    })();

    const received: { id: number; event: string; type?: string }[] = [];
    let cursor: string | null = null;
    let snapshots = 0;
    try {
      for (let round = 0; round < 6; round += 1) {
        const conn = await openSse(streamUrl(), { token: stakeholderToken, lastEventId: cursor });
        expect(conn.status, conn.errorBody ?? '').toBe(200);
        const dropAfter = 1 + Math.floor(random() * 12);
        await conn.waitFor(() => dataOf(conn).length >= dropAfter, 15_000);
        conn.close();
        await conn.ended;
        const got = dataOf(conn);
        if (cursor !== null) {
          // A resume inside the replay window is a replay, not a snapshot, and it starts right after the cursor.
          expect(got[0].event, `round ${round}`).toBe('change');
          expect(Number(got[0].id), `round ${round}`).toBe(Number(cursor) + 1);
        }
        for (const m of got) {
          if (m.event === 'snapshot') snapshots += 1;
          received.push({ id: Number(m.id), event: m.event, type: m.event === 'change' ? m.json().type : undefined });
        }
        cursor = conn.lastEventId;
        expect(cursor).toBe(got.at(-1)!.id);
      }
    } finally {
      writing = false;
      await writer;
    }

    // The last resume, once the writer has stopped, catches up to the head. One more change after the last
    // drop, so that there is something to catch up on even when the last connection had seen everything.
    const final = await meeting.api.chair.command(meeting.id, { type: 'note.add', text: 'After the drill', visibility: 'public' });
    expect(final.status, final.text).toBe(200);
    const head = await versionOf(meeting);
    const last = await openSse(streamUrl(), { token: stakeholderToken, lastEventId: cursor });
    await last.waitFor((m) => m.id === String(head), 15_000);
    last.close();
    for (const m of dataOf(last))
      received.push({ id: Number(m.id), event: m.event, type: m.event === 'change' ? m.json().type : undefined });

    expect(snapshots, 'only the first connection starts with a snapshot').toBe(1);
    expect(received[0].event).toBe('snapshot');
    const ids = received.map((m) => m.id);
    expect(new Set(ids).size, 'duplicates').toBe(ids.length);
    for (let i = 1; i < ids.length; i += 1) expect(ids[i], `after ${ids[i - 1]}`).toBe(ids[i - 1] + 1);
    expect(ids.at(-1)).toBe(head);
    expect(written).toBeGreaterThan(6);
    expect(
      received.some((m) => m.type === 'hidden'),
      'secretariat notes reach a stakeholder as hidden changes',
    ).toBe(true);
  }, 60_000);

  it('given a reader that stops reading, when changes pile up past the buffer limit, then the server ends its stream, and the client resumes from its last complete message without a gap', async () => {
    const before = await versionOf(meeting);
    const paused = await rawStream(streamUrl(), stakeholderToken, String(before));
    expect(paused.response.statusCode).toBe(200);
    paused.response.pause();
    await waitUntil(() => app.engagements.subscriberCount(meeting.id) >= 1, 5_000);

    // Big changes: 20,000 control characters of context, each escaped to six bytes in JSON (≈120 kB per
    // message), so that the kernel's socket buffers fill and the server's own buffer passes 1 MiB quickly.
    const context = '\u0001'.repeat(20_000);
    let sent = 0;
    while (app.engagements.subscriberCount(meeting.id) > 0 && sent < 400) {
      const batch = await Promise.all(
        Array.from({ length: 4 }, (_, k) =>
          meeting.api.chair.command(meeting.id, { type: 'question.add', text: `Backlog question ${sent + k}`, context }),
        ),
      );
      for (const res of batch) expect(res.status, res.text).toBe(200);
      sent += batch.length;
    }
    expect(app.engagements.subscriberCount(meeting.id), `the server kept a reader that read nothing through ${sent} changes`).toBe(0);
    // Changes made while the reader is cut off: the resume must bring them. (What the server had queued before
    // the cut-off is flushed with the end, so on a machine with large socket buffers the cut-off reader may
    // hold every change made until then; these make the resume carry something either way.)
    for (let k = 0; k < 3; k += 1) {
      const res = await meeting.api.chair.command(meeting.id, { type: 'question.add', text: `While cut off ${k}` });
      expect(res.status, res.text).toBe(200);
    }
    const head = await versionOf(meeting);

    // Reading again: what the server had handed over before cutting off arrives, then the end.
    paused.response.resume();
    await paused.ended;
    const ids = paused.messages.filter((m) => m.event === 'change').map((m) => Number(m.id));
    expect(ids.length, 'the cut-off reader cannot have seen the changes made after the cut-off').toBeLessThanOrEqual(head - before - 3);
    ids.forEach((id, i) => expect(id).toBe(before + 1 + i));
    expect(paused.retries.length, 'the server ends a slow reader with a retry hint').toBeGreaterThan(0);

    console.info(`slow reader: cut off after ${sent} changes of ≈120 kB; it had received ${ids.length} of them`);
    const resumedFrom = ids.at(-1) ?? before;
    const resumed = await openSse(streamUrl(), { token: stakeholderToken, lastEventId: String(resumedFrom) });
    expect(resumed.status).toBe(200);
    await resumed.waitFor((m) => m.id === String(head), 30_000);
    resumed.close();
    const rest = dataOf(resumed).map((m) => Number(m.id));
    expect(dataOf(resumed)[0].event).toBe('change');
    expect(rest).toEqual(Array.from({ length: head - resumedFrom }, (_, i) => resumedFrom + 1 + i));
  }, 120_000);
});

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A stream read through node:http, so that the test can stop reading (pause) and let the socket fill. */
function rawStream(url: string, token: string, lastEventId: string) {
  return new Promise<{ response: IncomingMessage; messages: { id?: string; event: string }[]; retries: number[]; ended: Promise<void> }>(
    (resolve, reject) => {
      const req = httpRequest(
        url,
        { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', 'last-event-id': lastEventId } },
        (response) => {
          const messages: { id?: string; event: string }[] = [];
          const retries: number[] = [];
          const parser = createParser({
            onEvent: (e) => messages.push({ id: e.id, event: e.event ?? 'message' }),
            onRetry: (ms) => retries.push(ms),
          });
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => parser.feed(chunk));
          const ended = new Promise<void>((done) => {
            response.on('end', () => done());
            response.on('close', () => done());
            response.on('error', () => done());
          });
          resolve({ response, messages, retries, ended });
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}
