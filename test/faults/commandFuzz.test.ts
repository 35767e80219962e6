import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../server/appError.js';
import { createTestApp, type ApiResponse, type TestApp } from '../support/createTestApp.js';
import { body as commandBody, type IdKind, type IdSlot, type RawBody, type VersionSlot } from './commandArbitraries.js';
import { ACTORS, buildMeeting, versionOf, type Meeting } from './meetingFixture.js';

// Fuzzing the one write endpoint (docs/api.md "Commands"): whatever body arrives, from whoever, the server
// answers with a 2xx or a 4xx, never a 5xx; every error is application/problem+json with a stable `code`;
// nothing is half-applied — a refused command leaves the version where it was, an accepted one advances it
// by exactly the events it returns (and a retried commandId returns the first result without advancing).
// One engagement takes the whole run (rebuilt only once it has ended, when nothing but people and inputs
// can change any more); the ids a body names are drawn from the engagement's ids at the moment it is sent.

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SENDERS = [...ACTORS, 'applicant', 'anonymous'] as const;
type Sender = (typeof SENDERS)[number];

interface Op {
  sender: Sender;
  /** Most requests go to the engagement; some to an id that is not one. */
  target: string | null;
  body: unknown;
  /** Resend the last accepted request that had a commandId, byte for byte. */
  retry: boolean;
}

const op: fc.Arbitrary<Op> = fc.record({
  // Staff most often, since most commands are theirs; everyone else often enough to be refused.
  sender: fc.oneof(
    { weight: 4, arbitrary: fc.constant<Sender>('chair') },
    { weight: 2, arbitrary: fc.constantFrom<Sender>('secretariat', 'delegation', 'stakeholder') },
    { weight: 1, arbitrary: fc.constantFrom<Sender>(...SENDERS) },
  ),
  target: fc.oneof(
    { weight: 24, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom('nope', '00000000-0000-0000-0000-000000000000', 'x'.repeat(80), '%2e%2e', 'engagements') },
  ),
  body: commandBody,
  retry: fc.nat(9).map((n) => n === 0),
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const KIND_OF_KEY: Record<string, IdKind> = {
  questionId: 'question',
  question: 'question',
  itemId: 'item',
  item: 'item',
  participantId: 'participant',
  participant: 'participant',
  chair: 'participant',
  requestId: 'request',
  inputId: 'input',
  invitationId: 'invitation',
  roundId: 'round',
  roomId: 'room',
  rooms: 'room',
};

type Ids = Record<IdKind, string[]>;

/** The ids the engagement has, by kind, harvested from the events it committed. */
function harvest(value: unknown, into: Ids, parentKey = ''): void {
  if (Array.isArray(value)) value.forEach((v) => harvest(v, into, parentKey));
  else if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      const kind = key === 'id' ? KIND_OF_KEY[parentKey] : KIND_OF_KEY[key];
      if (typeof v === 'string' && kind && !into[kind].includes(v)) into[kind] = [...into[kind], v].slice(-50);
      else harvest(v, into, key);
    }
  }
}

function resolve(value: unknown, ids: Ids, version: number): unknown {
  if (Array.isArray(value)) return value.map((v) => resolve(v, ids, version));
  if (!isObject(value)) return value;
  if (typeof value.$id === 'number') {
    const slot = value as unknown as IdSlot;
    const pool = slot.kind ? ids[slot.kind] : Object.values(ids).flat();
    return pool.length > 0 ? pool[slot.$id % pool.length] : 'none-yet';
  }
  if (typeof value.$version === 'number' && Object.keys(value).length === 1) return version + (value as unknown as VersionSlot).$version;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, ids, version)]));
}

describe('POST /commands under fuzzing (docs/api.md "Commands", conventions: problem+json)', () => {
  let app: TestApp;
  let meeting: Meeting;
  let ids: Ids;
  let version: number;
  const accepted = new Map<string, { engagementId: string; response: unknown }>();
  let lastRetryable: { sender: Sender; engagementId: string; text: string; response: unknown } | null = null;
  const tally = { ok: 0, replayed: 0, rebuilt: 0, byStatus: new Map<string, number>() };

  const rebuild = async () => {
    meeting = await buildMeeting(app, 'live');
    ids = {
      question: [...meeting.questionIds],
      item: [...meeting.agendaItemIds],
      participant: Object.values(meeting.participantIds),
      request: Object.values(meeting.requestIds),
      input: Object.values(meeting.inputIds) as string[],
      invitation: [],
      round: [],
      room: [],
    };
    version = await versionOf(meeting);
  };

  beforeAll(async () => {
    app = await createTestApp();
    await rebuild();
  });
  afterAll(async () => {
    await app?.close();
  });

  const send = async (sender: Sender, engagementId: string, payload: string): Promise<ApiResponse> => {
    const client = sender === 'anonymous' ? app.api() : meeting.api[sender];
    return client.post(`/api/engagements/${encodeURIComponent(engagementId)}/commands`, payload);
  };

  it(`given an engagement with people of every role, an open question and floor requests, when ${RUNS} generated bodies are sent by every role, then never a 5xx, every error is problem+json with a code, a 4xx changes nothing and a 200 advances the version by its events`, async () => {
    await fc.assert(
      fc.asyncProperty(op, async ({ sender, target, body, retry }) => {
        const engagementId = target ?? meeting.id;
        let payload: string;
        let who = sender;
        let replayOf: unknown;
        if (retry && lastRetryable && lastRetryable.engagementId === meeting.id) {
          ({ sender: who, text: payload, response: replayOf } = lastRetryable);
        } else {
          const resolved = resolve(body, ids, version);
          payload =
            isObject(resolved) && typeof resolved.$raw === 'string' ? (resolved as unknown as RawBody).$raw : JSON.stringify(resolved);
        }
        const res = await send(who, engagementId, payload);
        const after = await versionOf(meeting);
        const label = `${who} → ${engagementId === meeting.id ? '' : `[${engagementId}] `}${payload.slice(0, 300)}\n← ${res.status} ${res.text.slice(0, 300)}`;
        tally.byStatus.set(
          `${res.status} ${res.body?.code ?? ''}`.trim(),
          (tally.byStatus.get(`${res.status} ${res.body?.code ?? ''}`.trim()) ?? 0) + 1,
        );

        expect(res.status, label).toBeLessThan(500);
        if (res.status !== 200) {
          expect(res.status, label).toBeGreaterThanOrEqual(400);
          expect(res.contentType, label).toMatch(/^application\/problem\+json/);
          expect(Object.keys(ERROR_CODES), label).toContain(res.body.code);
          expect(res.body.status, label).toBe(res.status);
          expect(typeof res.body.detail, label).toBe('string');
          expect(after, `a ${res.status} changed the version: ${label}`).toBe(version);
          return;
        }
        expect(engagementId, label).toBe(meeting.id);
        const parsed = isObject(JSON.parse(payload)) ? (JSON.parse(payload) as Record<string, unknown>) : {};
        const commandId = typeof parsed.commandId === 'string' ? parsed.commandId.trim() : undefined;
        const first = replayOf ?? (commandId ? accepted.get(commandId)?.response : undefined);
        if (first !== undefined) {
          // The same commandId and body: the first result again, and nothing new recorded.
          expect(res.body, label).toEqual(first);
          expect(after, label).toBe(version);
          tally.replayed += 1;
          return;
        }
        const events = res.body.events as { version: number; type: string }[];
        expect(events.length, label).toBeGreaterThan(0);
        expect(res.body.version, label).toBe(version + events.length);
        expect(
          events.map((e) => e.version),
          label,
        ).toEqual(events.map((_, i) => version + 1 + i));
        expect(after, label).toBe(res.body.version);
        tally.ok += 1;
        version = after;
        if (commandId) {
          accepted.set(commandId, { engagementId: meeting.id, response: res.body });
          lastRetryable = { sender: who, engagementId: meeting.id, text: payload, response: res.body };
        }
        harvest(events, ids);
        if (events.some((e) => e.type === 'engagement.ended')) {
          tally.rebuilt += 1;
          await rebuild();
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // The run is only worth something if commands were accepted and every kind of refusal was reached.
    const statuses = [...tally.byStatus.keys()];
    console.info(
      `command fuzz: ${RUNS} runs, ${tally.ok} accepted, ${tally.replayed} replayed, ${tally.rebuilt} rebuilds; ${statuses
        .sort()
        .map((s) => `${s}×${tally.byStatus.get(s)}`)
        .join(', ')}`,
    );
    expect(tally.ok).toBeGreaterThan(RUNS / 50);
    for (const code of ['INVALID_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'RULE_VIOLATION'])
      expect(
        statuses.some((s) => s.endsWith(code)),
        code,
      ).toBe(true);
  }, 600_000);
});
