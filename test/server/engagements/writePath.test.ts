import { describe, expect, it } from 'vitest';
import { AppError } from '../../../server/appError.js';
import type { StoredEvent } from '../../../server/domain/events.js';
import { createEngagementService } from '../../../server/engagements/createEngagementService.js';
import { openSqliteEventStore } from '../../../server/store/sqliteEventStore.js';
import { FakeClock } from '../../support/fakeClock.js';
import { chair, chairUser, harnessesDisposedAfterEach, speaker } from './serviceFixture.js';

const harness = harnessesDisposedAfterEach();

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a rejection');
}

describe('the write path', () => {
  it('given 200 approved stakeholders, when all ask for the floor at once, then 200 requests are recorded with contiguous versions and no duplicate (commands are serialized per engagement)', async () => {
    const h = await harness();
    const { id, questionId } = await h.liveEngagement(200);
    const before = h.service.get(id, chairUser).version;

    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => h.service.execute(id, speaker(i), { type: 'floor.request', questionId })),
    );

    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => before + 1 + i));
    const log = await h.log(id);
    expect(log.map((e) => e.version)).toEqual(Array.from({ length: before + 200 }, (_, i) => i + 1));
    const requests = log.filter((e): e is Extract<StoredEvent, { type: 'floor.requested' }> => e.type === 'floor.requested');
    expect(requests).toHaveLength(200);
    expect(new Set(requests.map((e) => e.participantId)).size).toBe(200);
    expect(new Set(requests.map((e) => e.requestId)).size).toBe(200);
    const view = h.service.get(id, chairUser);
    expect(view.version).toBe(before + 200);
    expect(view.waiting[questionId]).toHaveLength(200);
  });

  it('given commands arriving together, when they are group-committed, then there are fewer commits than commands and each caller still gets its own answer in order', async () => {
    let commits = 0;
    const h = await harness({}, { onCommitted: () => void commits++ });
    const { id, questionId } = await h.liveEngagement(50);
    commits = 0;
    const before = h.service.get(id, chairUser).version;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => h.service.execute(id, speaker(i), { type: 'floor.request', questionId })),
    );
    expect(results.map((r) => r.version)).toEqual(Array.from({ length: 50 }, (_, i) => before + 1 + i));
    results.forEach((r, i) => expect(r.events[0]).toMatchObject({ type: 'floor.requested', version: before + 1 + i }));
    expect(commits).toBeGreaterThan(0);
    expect(commits).toBeLessThan(50);
    expect((await h.log(id)).map((e) => e.version)).toEqual(Array.from({ length: before + 50 }, (_, i) => i + 1));
  });

  it('FLOOR-4: given one batch holding a refused command between two good ones, when it commits, then the refused one alone fails and the others keep contiguous versions', async () => {
    const h = await harness();
    const { id, questionId } = await h.liveEngagement(2);
    const before = h.service.get(id, chairUser).version;
    const [a, b, c] = await Promise.allSettled([
      h.service.execute(id, speaker(0), { type: 'floor.request', questionId }),
      h.service.execute(id, speaker(0), { type: 'floor.request', questionId }),
      h.service.execute(id, speaker(1), { type: 'floor.request', questionId }),
    ]);
    expect(a.status === 'fulfilled' && a.value.version).toBe(before + 1);
    expect(b.status === 'rejected' && (b.reason as AppError).extra.rule).toBe('FLOOR-4');
    expect(c.status === 'fulfilled' && c.value.version).toBe(before + 2);
    expect(await h.log(id)).toHaveLength(before + 2);
  });

  it('given two commands expecting the same version sent together, when they are batched, then the first applies and the second meets VERSION_CONFLICT', async () => {
    const h = await harness();
    const { id } = await h.liveEngagement(0);
    const version = h.service.get(id, chairUser).version;
    const [first, second] = await Promise.allSettled([
      h.service.execute(id, chair, { type: 'question.add', text: 'One' }, { expectedVersion: version }),
      h.service.execute(id, chair, { type: 'question.add', text: 'Two' }, { expectedVersion: version }),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second.status === 'rejected' && (second.reason as AppError).code).toBe('VERSION_CONFLICT');
    expect(h.service.get(id, chairUser).version).toBe(version + 1);
  });

  it('given a command with a commandId, when it is sent twice (at once and again later), then it takes effect once and both answers are the first result', async () => {
    const h = await harness();
    const { id, questionId } = await h.liveEngagement(1);
    const send = () =>
      h.service.execute(id, speaker(0), { type: 'floor.request', questionId, note: 'on point 2' }, { commandId: 'retry-1' });
    const [first, second] = await Promise.all([send(), send()]);
    const third = await send();
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect((await h.log(id)).filter((e) => e.type === 'floor.requested')).toHaveLength(1);
    expect(h.service.get(id, chairUser).version).toBe(first.version);
  });

  it('given a commandId already used, when a different body is sent under it, then 422 IDEMPOTENCY_KEY_REUSED and nothing changes', async () => {
    const h = await harness();
    const { id, questionId } = await h.liveEngagement(1);
    const first = await h.service.execute(id, speaker(0), { type: 'floor.request', questionId }, { commandId: 'k-1' });
    const error = await rejection(
      h.service.execute(id, speaker(0), { type: 'floor.request', questionId, note: 'changed' }, { commandId: 'k-1' }),
    );
    expect(error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(error.status).toBe(422);
    // The same id from someone else is a different command too.
    expect((await rejection(h.service.execute(id, chair, { type: 'floor.request', questionId }, { commandId: 'k-1' }))).status).toBe(422);
    expect(h.service.get(id, chairUser).version).toBe(first.version);
  });

  it('given an engagement that moved on, when a command expects the old version, then 409 VERSION_CONFLICT and the version is unchanged', async () => {
    const h = await harness();
    const { id } = await h.liveEngagement(0);
    const version = h.service.get(id, chairUser).version;
    const error = await rejection(h.service.execute(id, chair, { type: 'question.add', text: 'Late?' }, { expectedVersion: version - 1 }));
    expect(error.code).toBe('VERSION_CONFLICT');
    expect(error.status).toBe(409);
    expect(h.service.get(id, chairUser).version).toBe(version);
    expect(await h.log(id)).toHaveLength(version);
    const ok = await h.service.execute(id, chair, { type: 'question.add', text: 'On time' }, { expectedVersion: version });
    expect(ok.version).toBe(version + 1);
  });

  it('FLOOR-4: given a waiting request, when the same speaker asks again, then 409 RULE_VIOLATION naming the rule, and nothing is written', async () => {
    const h = await harness();
    const { id, questionId } = await h.liveEngagement(1);
    await h.service.execute(id, speaker(0), { type: 'floor.request', questionId });
    const version = h.service.get(id, chairUser).version;
    const error = await rejection(h.service.execute(id, speaker(0), { type: 'floor.request', questionId }));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.extra.rule).toBe('FLOOR-4');
    expect(h.service.get(id, chairUser).version).toBe(version);
    expect(await h.log(id)).toHaveLength(version);
  });

  it('AUTH-1: given a signed-in person, when they send an internal command (floor.recordOverrun, invitation.redeem), then it is refused and nothing is written', async () => {
    const h = await harness();
    const { id } = await h.liveEngagement(0);
    const version = h.service.get(id, chairUser).version;
    const error = await rejection(h.service.execute(id, chair, { type: 'floor.recordOverrun', requestId: 'x' }));
    expect(error.code).toBe('FORBIDDEN');
    const redeem = await rejection(
      h.service.execute(id, chair, { type: 'invitation.redeem', invitationId: 'x', userId: 'inv:x', displayName: 'Me' }),
    );
    expect(redeem.code).toBe('FORBIDDEN');
    expect(h.service.get(id, chairUser).version).toBe(version);
  });

  it('given an unknown engagement, when it is read or written, then NOT_FOUND', async () => {
    const h = await harness();
    expect((await rejection(h.service.execute('nope', chair, { type: 'engagement.open' }))).code).toBe('NOT_FOUND');
    expect(() => h.service.get('nope', chairUser)).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('given a created engagement, when the caller lists and reads, then they see it as its chair; after a restart the state is folded back from the log', async () => {
    const h = await harness();
    const view = await h.service.create(chairUser, { title: 'Pact consultation', scheduledStart: '2026-12-01T14:00:00.000Z' });
    expect(view.version).toBe(1);
    expect(view.me.role).toBe('chair');
    expect(h.service.list(chairUser)).toEqual([
      { id: view.id, title: 'Pact consultation', status: 'draft', role: 'chair', scheduledStart: '2026-12-01T14:00:00.000Z' },
    ]);
    expect(h.service.list({ userId: 'dev:someone-else', displayName: 'X' })).toEqual([]);
    await h.service.execute(view.id, chair, { type: 'engagement.open' });
    const before = h.service.get(view.id, chairUser);
    await h.restart();
    expect(h.service.get(view.id, chairUser)).toEqual(before);
    expect(h.service.list(chairUser)).toHaveLength(1);
  });

  it('given a closing service, when a command arrives, then it is refused (503) and commands already queued finish first', async () => {
    const h = await harness();
    const { id } = await h.liveEngagement(0);
    const queued = h.service.execute(id, chair, { type: 'question.add', text: 'Queued before close' });
    const closing = h.service.close();
    expect((await rejection(h.service.execute(id, chair, { type: 'question.add', text: 'Too late' }))).status).toBe(503);
    await closing;
    expect((await queued).events[0].type).toBe('question.added');
    await h.start();
    expect((await h.log(id)).at(-1)?.type).toBe('question.added');
  });

  it('given a store that can no longer write, when a command arrives, then 503 STORAGE_UNAVAILABLE and the engagement in memory is unchanged (nothing half-applied)', async () => {
    const h = await harness();
    const { id } = await h.liveEngagement(0);
    await h.service.close();
    const store = openSqliteEventStore(h.file);
    const service = await createEngagementService({ store, clock: new FakeClock(), log: () => undefined });
    const before = service.get(id, chairUser);
    await store.close();
    const outcomes = await Promise.allSettled(
      ['Lost?', 'Also lost?', 'And this?'].map((text) => service.execute(id, chair, { type: 'question.add', text })),
    );
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      expect(outcome.status === 'rejected' && (outcome.reason as AppError).code).toBe('STORAGE_UNAVAILABLE');
      expect(outcome.status === 'rejected' && (outcome.reason as AppError).status).toBe(503);
    }
    expect(service.get(id, chairUser)).toEqual(before);
    await h.start();
    expect(h.service.get(id, chairUser).version).toBe(before.version);
  });
});
