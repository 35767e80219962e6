import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../../server/domain/context.js';
import type { StoredEvent } from '../../../server/domain/events.js';
import { evolve } from '../../../server/domain/evolve.js';
import { emptyState, type EngagementState } from '../../../server/domain/state.js';
import { STATE_SCHEMA_VERSION } from '../../../server/domain/stateSchemaVersion.js';
import { viewFor, type EngagementView } from '../../../server/domain/view.js';
import type { StoredSnapshot } from '../../../server/store/EventStore.js';
import { openSqliteEventStore } from '../../../server/store/sqliteEventStore.js';
import { chair, chairUser, harnessesDisposedAfterEach, RecordingSink, speaker, type Harness } from './serviceFixture.js';

// State snapshots: a start-up folds only the events after an engagement's latest snapshot. Real service,
// real SQLite; "the truth" is always a fold of the whole log read back from the file.

const harness = harnessesDisposedAfterEach();

const EVERY = 20;
const fold = (events: StoredEvent[]): EngagementState =>
  events.reduce<EngagementState>((state, event) => evolve(state, event), emptyState());
const headOf = (h: Harness, id: string) => h.service.get(id, chairUser).version;

async function withStore<T>(h: Harness, run: (store: ReturnType<typeof openSqliteEventStore>) => Promise<T>): Promise<T> {
  const store = openSqliteEventStore(h.file);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}
const snapshotOf = (h: Harness, id: string): Promise<StoredSnapshot | null> => withStore(h, (store) => store.loadSnapshot(id));
/** Overwrites the stored snapshot (what a stale deploy or a damaged file would leave). */
const plant = (h: Harness, id: string, version: number, schema: number, state: EngagementState) =>
  withStore(h, (store) => store.saveSnapshot(id, version, schema, JSON.stringify(state)));

/** One speech: a request, the floor given, the floor ended (3 events, the floor's records grow). */
async function speech(h: Harness, id: string, questionId: string, i: number) {
  await h.service.execute(id, speaker(i), { type: 'floor.request', questionId, note: `note ${i}` });
  await h.service.execute(id, chair, { type: 'floor.give' });
  await h.service.execute(id, chair, { type: 'floor.end' });
}

/**
 * A live engagement with 4 speakers, speeches until the version reaches `atLeast`, then notes until at
 * least one event follows the latest snapshot (a tail to fold); every write settled.
 */
async function engagementOf(h: Harness, atLeast: number) {
  const built = await h.liveEngagement(4);
  for (let i = 0; headOf(h, built.id) < atLeast; i += 1) await speech(h, built.id, built.questionId, i % 4);
  do {
    await h.service.execute(built.id, chair, {
      type: 'note.add',
      questionId: built.questionId,
      text: 'A note for the record.',
      visibility: 'public',
    });
    await h.service.whenIdle();
  } while (((await snapshotOf(h, built.id))?.version ?? 0) === headOf(h, built.id));
  return built;
}

const viewers: Viewer[] = [chairUser, { userId: 'dev:speaker-1' }, { userId: 'dev:nobody' }];

/** The service's answer equals the fold of the whole log, for staff, a member and the public. */
async function expectSameAsWholeFold(h: Harness, id: string) {
  const log = await h.log(id);
  const truth = fold(log);
  for (const viewer of viewers) expect(h.service.get(id, viewer), viewer.userId).toEqual(viewFor(truth, log.length, viewer));
  return truth;
}

describe('state snapshots', () => {
  it(`given snapshots every ${EVERY} events, when commands move the version ${EVERY} past the last one, then a snapshot of exactly the folded log is stored after the commit, and not before`, async () => {
    const h = await harness({ snapshotEvery: EVERY });
    const { id, questionId } = await h.liveEngagement(4);
    expect(headOf(h, id)).toBeLessThan(EVERY);
    await h.service.whenIdle();
    expect(await snapshotOf(h, id)).toBeNull();

    while (headOf(h, id) < EVERY) await speech(h, id, questionId, 0);
    await h.service.whenIdle();
    // Written on the turn after the commit that reached EVERY, with the state of that moment.
    const first = (await snapshotOf(h, id))!;
    expect(first.version).toBeGreaterThanOrEqual(EVERY);
    expect(first.version).toBeLessThanOrEqual(headOf(h, id));
    expect(first.schema).toBe(STATE_SCHEMA_VERSION);
    expect(JSON.parse(first.state)).toEqual(fold((await h.log(id)).slice(0, first.version)));

    // Fewer than EVERY further events: the snapshot stays where it was.
    await speech(h, id, questionId, 1);
    await h.service.whenIdle();
    expect((await snapshotOf(h, id))!.version).toBe(first.version);
  });

  it('given a snapshot and a tail of events after it, when the service restarts, then state and version equal a fold of the whole log, and commands go on from there', async () => {
    const h = await harness({ snapshotEvery: EVERY });
    const { id, questionId } = await engagementOf(h, 3 * EVERY + 5);
    const snapshot = (await snapshotOf(h, id))!;
    const head = headOf(h, id);
    expect(snapshot.version).toBeGreaterThan(2 * EVERY);
    expect(snapshot.version).toBeLessThan(head);
    // The stored state plus the tail is the whole fold (deep-equal, not just the views).
    const log = await h.log(id);
    const truth = fold(log);
    expect(log.slice(snapshot.version).reduce<EngagementState>((s, e) => evolve(s, e), JSON.parse(snapshot.state))).toEqual(truth);

    await h.restart();
    expect(headOf(h, id)).toBe(head);
    await expectSameAsWholeFold(h, id);
    expect(h.logs.filter((m) => m.includes('set aside'))).toEqual([]);

    const result = await h.service.execute(id, speaker(2), { type: 'floor.request', questionId });
    expect(result.version).toBe(head + 1);
    await expectSameAsWholeFold(h, id);
  });

  it('given a snapshot with the current schema, when the service restarts, then the state comes from it and only later events are folded (a marker planted in the snapshot shows)', async () => {
    const h = await harness({ snapshotEvery: EVERY });
    const { id } = await engagementOf(h, EVERY + 5);
    const snapshot = (await snapshotOf(h, id))!;
    const state = JSON.parse(snapshot.state) as EngagementState;
    await plant(h, id, snapshot.version, STATE_SCHEMA_VERSION, { ...state, settings: { ...state.settings, title: 'PLANTED' } });
    await h.restart();
    expect(h.service.get(id, chairUser).settings.title).toBe('PLANTED');
  });

  it('given a snapshot stamped with another state schema, when the service restarts, then it is ignored: the whole log is folded and a snapshot with the current schema replaces it', async () => {
    const h = await harness({ snapshotEvery: EVERY });
    const { id } = await engagementOf(h, EVERY + 5);
    const snapshot = (await snapshotOf(h, id))!;
    const state = JSON.parse(snapshot.state) as EngagementState;
    await plant(h, id, snapshot.version, STATE_SCHEMA_VERSION + 1, { ...state, settings: { ...state.settings, title: 'PLANTED' } });
    await h.restart();
    expect(h.service.get(id, chairUser).settings.title).toBe('Consultation on the pact');
    const truth = await expectSameAsWholeFold(h, id);
    expect(h.logs.some((m) => m.includes(id) && m.includes(`schema is ${STATE_SCHEMA_VERSION + 1}`))).toBe(true);
    const replaced = (await snapshotOf(h, id))!;
    expect(replaced).toMatchObject({ version: headOf(h, id), schema: STATE_SCHEMA_VERSION });
    expect(JSON.parse(replaced.state)).toEqual(truth);
  });

  it('given a snapshot newer than the log (a damaged or replaced file), when the service restarts, then it is ignored: the whole log is folded and the snapshot is rewritten at the head', async () => {
    const h = await harness({ snapshotEvery: EVERY });
    const { id } = await engagementOf(h, EVERY + 5);
    const head = headOf(h, id);
    const state = fold(await h.log(id));
    await plant(h, id, head + 100, STATE_SCHEMA_VERSION, { ...state, settings: { ...state.settings, title: 'PLANTED' } });
    await h.restart();
    expect(headOf(h, id)).toBe(head);
    expect(h.service.get(id, chairUser).settings.title).toBe('Consultation on the pact');
    await expectSameAsWholeFold(h, id);
    expect(h.logs.some((m) => m.includes(id) && m.includes("past the log's head"))).toBe(true);
    expect(await snapshotOf(h, id)).toMatchObject({ version: head, schema: STATE_SCHEMA_VERSION });
  });

  it('given a disk that refuses snapshots, when the version passes the threshold, then the commands still succeed and the failure is logged', async () => {
    const h = await harness({ snapshotEvery: EVERY });
    const db = new Database(h.file);
    db.exec(`CREATE TRIGGER refuse_snapshots BEFORE INSERT ON snapshots BEGIN SELECT RAISE(ABORT, 'no room for snapshots'); END`);
    db.close();
    const { id } = await engagementOf(h, EVERY + 5);
    expect(headOf(h, id)).toBeGreaterThanOrEqual(EVERY + 5);
    expect(await h.log(id)).toHaveLength(headOf(h, id));
    expect(await snapshotOf(h, id)).toBeNull();
    expect(h.logs.some((m) => m.includes('could not be saved'))).toBe(true);
  });

  it('API (Last-Event-ID): given clients that saw versions before the snapshot, inside the tail and at the head, when they resume across a restart, then each gets every later change once, in order, and its fold equals GET', async () => {
    // A resume window of 4 transitions: a cursor before the snapshot replays from the log, one in the tail from memory.
    const h = await harness({ snapshotEvery: EVERY, historyWindow: 4 });
    const { id, questionId } = await engagementOf(h, 2 * EVERY + 2);
    const snapshot = (await snapshotOf(h, id))!;
    // A live stream before the restart: what a tab held when the server went down.
    const before = new RecordingSink();
    h.service.subscribe(id, chairUser, null, before);
    await speech(h, id, questionId, 3);
    await speech(h, id, questionId, 0);
    const lastSeen = before.versions().at(-1)!;
    const headAtRestart = headOf(h, id);
    expect(lastSeen).toBe(headAtRestart);
    expect(headAtRestart - snapshot.version).toBeGreaterThan(4);

    await h.restart();
    const log = await h.log(id);
    const cursors = [snapshot.version - 3, headAtRestart - 2, lastSeen];
    const sinks = cursors.map((cursor) => {
      const sink = new RecordingSink();
      h.service.subscribe(id, chairUser, String(cursor), sink);
      return sink;
    });
    await h.service.execute(id, speaker(1), { type: 'floor.request', questionId });
    await h.service.execute(id, chair, { type: 'floor.give' });
    const head = headOf(h, id);

    cursors.forEach((cursor, i) => {
      const sink = sinks[i];
      expect(
        sink.kinds().every((k) => k === 'change'),
        `cursor ${cursor}`,
      ).toBe(true);
      expect(sink.versions(), `cursor ${cursor}`).toEqual(Array.from({ length: head - cursor }, (_, k) => cursor + 1 + k));
      // What the client held at its cursor, plus the changes, is what GET says now.
      const { version: _v, me: _m, ...held } = viewFor(fold(log.slice(0, cursor)), cursor, chairUser) as EngagementView;
      let folded: EngagementState = held;
      for (const m of sink.messages) if (m.kind === 'change' && m.event) folded = evolve(folded, m.event);
      const { version: _version, me: _me, ...expected } = h.service.get(id, chairUser);
      expect(folded, `cursor ${cursor}`).toEqual(expected);
    });
  });
});
