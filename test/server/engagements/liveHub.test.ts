import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../server/domain/events.js';
import { evolve } from '../../../server/domain/evolve.js';
import type { project } from '../../../server/domain/view.js';
import { chair, chairUser, harnessesDisposedAfterEach, RecordingSink, speaker } from './serviceFixture.js';

const harness = harnessesDisposedAfterEach();

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('the live hub', () => {
  it('given a new subscriber, when commands commit, then it gets a snapshot at the head first and then one change per event, in order', async () => {
    const h = await harness();
    const { id, questionId } = await h.liveEngagement(2);
    const head = h.service.get(id, chairUser).version;
    const sink = new RecordingSink();
    h.service.subscribe(id, chairUser, null, sink);
    await h.service.execute(id, speaker(0), { type: 'floor.request', questionId });
    await h.service.execute(id, speaker(1), { type: 'floor.request', questionId });

    expect(sink.kinds()).toEqual(['snapshot', 'change', 'change']);
    expect(sink.versions()).toEqual([head, head + 1, head + 2]);
    const snapshot = sink.messages[0];
    expect(snapshot.kind === 'snapshot' && snapshot.serverNow).toBe(h.clock.now().toISOString());
  });

  it('VIEW-9: given a stakeholder subscribed, when they fold the changes into their snapshot, then they hold exactly what GET returns at that version', async () => {
    const h = await harness();
    const { id, questionId } = await h.liveEngagement(2);
    const viewer = { userId: 'dev:speaker-1' };
    const sink = new RecordingSink();
    h.service.subscribe(id, viewer, null, sink);
    await h.service.execute(id, speaker(0), { type: 'floor.request', questionId, note: 'private to staff and me' });
    await h.service.execute(id, speaker(1), { type: 'floor.request', questionId });
    await h.service.execute(id, chair, { type: 'note.add', text: 'secretariat only', visibility: 'secretariat' });

    let folded = null as ReturnType<typeof project> | null;
    for (const m of sink.messages) {
      if (m.kind === 'snapshot') {
        const { version: _v, me: _me, ...state } = m.view;
        folded = state;
      } else if (m.kind === 'change' && m.event) folded = evolve(folded!, m.event);
    }
    const { version, me: _me, ...expected } = h.service.get(id, viewer);
    expect(sink.versions().at(-1)).toBe(version);
    expect(folded).toEqual(expected);
  });

  it('VIEW-6, VIEW-9: given staff, members, an applicant and a public viewer subscribed, when members ask for the floor with notes, then each fold equals their own GET (shared redactions never leak a note)', async () => {
    const h = await harness();
    const { id, questionId } = await h.liveEngagement(12);
    await h.service.execute(
      id,
      { kind: 'user', userId: 'dev:applicant', displayName: 'A' },
      { type: 'participant.register', organization: 'X', category: 'ngo' },
    );
    const viewers = [
      chairUser,
      { userId: 'dev:applicant' },
      { userId: 'dev:nobody' },
      ...Array.from({ length: 12 }, (_, i) => ({ userId: `dev:speaker-${i}` })),
    ];
    const sinks = viewers.map((viewer) => {
      const sink = new RecordingSink();
      h.service.subscribe(id, viewer, null, sink);
      return sink;
    });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => h.service.execute(id, speaker(i), { type: 'floor.request', questionId, note: `note of ${i}` })),
    );
    viewers.forEach((viewer, v) => {
      let folded = null as ReturnType<typeof project> | null;
      for (const m of sinks[v].messages) {
        if (m.kind === 'snapshot') {
          const { version: _v, me: _me, ...state } = m.view;
          folded = state;
        } else if (m.kind === 'change' && m.event) folded = evolve(folded!, m.event);
      }
      const { version: _version, me: _me, ...expected } = h.service.get(id, viewer);
      expect(folded, viewer.userId).toEqual(expected);
    });
    const notesSeenBy = (userId: string) => Object.values(h.service.get(id, { userId }).requests).flatMap((r) => (r.note ? [r.note] : []));
    expect(notesSeenBy('dev:speaker-3')).toEqual(['note of 3']);
  });

  it('VIEW-4, VIEW-9: given two delegations and a stakeholder subscribed, when each delegation objects to an applicant, then each fold equals their own GET (an objection reaches only the delegation that made it)', async () => {
    const h = await harness();
    const { id } = await h.liveEngagement(1);
    const delegation = (i: number) => ({ kind: 'user' as const, userId: `dev:delegation-${i}`, displayName: `Delegation ${i}` });
    for (const i of [0, 1]) {
      const { events } = await h.service.execute(id, delegation(i), {
        type: 'participant.register',
        organization: `State ${i}`,
        category: 'member-state',
      });
      const participantId = (events[0] as Extract<StoredEvent, { type: 'participant.registered' }>).participant.id;
      await h.service.execute(id, chair, { type: 'participant.approve', participantId });
    }
    const applicant = await h.service.execute(
      id,
      { kind: 'user', userId: 'dev:applicant', displayName: 'A' },
      { type: 'participant.register', organization: 'NGO', category: 'ngo' },
    );
    const applicantId = (applicant.events[0] as Extract<StoredEvent, { type: 'participant.registered' }>).participant.id;
    const viewers = [
      chairUser,
      { userId: 'dev:delegation-0' },
      { userId: 'dev:delegation-1' },
      { userId: 'dev:speaker-0' },
      { userId: 'dev:applicant' },
    ];
    const sinks = viewers.map((viewer) => {
      const sink = new RecordingSink();
      h.service.subscribe(id, viewer, null, sink);
      return sink;
    });
    for (const i of [0, 1])
      await h.service.execute(id, delegation(i), { type: 'participant.object', participantId: applicantId, reason: `reason ${i}` });

    viewers.forEach((viewer, v) => {
      let folded = null as ReturnType<typeof project> | null;
      for (const m of sinks[v].messages) {
        if (m.kind === 'snapshot') {
          const { version: _v, me: _me, ...state } = m.view;
          folded = state;
        } else if (m.kind === 'change' && m.event) folded = evolve(folded!, m.event);
      }
      const { version: _version, me: _me, ...expected } = h.service.get(id, viewer);
      expect(folded, viewer.userId).toEqual(expected);
    });
    expect(h.service.get(id, { userId: 'dev:delegation-1' }).objections.map((o) => o.reason)).toEqual(['reason 1']);
  });

  it('given a client resuming while its own stream triggers a new command, when it replays, then versions stay contiguous with no duplicate', async () => {
    const h = await harness();
    const { id, questionId } = await h.liveEngagement(3);
    for (const i of [0, 1]) await h.service.execute(id, speaker(i), { type: 'floor.request', questionId });
    const head = h.service.get(id, chairUser).version;
    const sink = new RecordingSink();
    let pending: Promise<unknown> | null = null;
    const changes = sink.changes.bind(sink);
    sink.changes = (batch) => {
      changes(batch);
      pending ??= h.service.execute(id, speaker(2), { type: 'floor.request', questionId });
    };
    h.service.subscribe(id, chairUser, String(head - 2), sink);
    await pending;
    expect(sink.versions()).toEqual(range(head - 1, head + 1));
  });

  it('given a client that saw version N, when it resumes with Last-Event-ID N, then it gets exactly N+1 … head, no snapshot, then live changes', async () => {
    const h = await harness();
    const { id, questionId } = await h.liveEngagement(4);
    for (const i of [0, 1, 2]) await h.service.execute(id, speaker(i), { type: 'floor.request', questionId });
    const head = h.service.get(id, chairUser).version;
    const n = head - 3;

    const sink = new RecordingSink();
    h.service.subscribe(id, chairUser, String(n), sink);
    expect(sink.kinds()).toEqual(['change', 'change', 'change']);
    expect(sink.versions()).toEqual(range(n + 1, head));
    await h.service.execute(id, speaker(3), { type: 'floor.request', questionId });
    expect(sink.versions()).toEqual(range(n + 1, head + 1));
  });

  it('given a resume from further back than memory holds (after a restart), when it connects, then the replay is folded from the log and still exact', async () => {
    const h = await harness({ historyWindow: 2 });
    const { id, questionId } = await h.liveEngagement(3);
    for (const i of [0, 1, 2]) await h.service.execute(id, speaker(i), { type: 'floor.request', questionId });
    const head = h.service.get(id, chairUser).version;
    await h.restart();

    const sink = new RecordingSink();
    h.service.subscribe(id, chairUser, '2', sink);
    // The store is asynchronous: the replay lands once the log has been read (a turn of the event loop here).
    await new Promise((resolve) => setImmediate(resolve));
    expect(sink.kinds().every((k) => k === 'change')).toBe(true);
    expect(sink.versions()).toEqual(range(3, head));
    const requested = sink.messages.filter((m) => m.kind === 'change' && m.event?.type === 'floor.requested');
    expect(requested).toHaveLength(3);
  });

  it('given a Last-Event-ID from the future, garbage or negative, when the client connects, then it gets a snapshot at the head (no error loop)', async () => {
    const h = await harness();
    const { id } = await h.liveEngagement(0);
    const head = h.service.get(id, chairUser).version;
    for (const lastEventId of [String(head + 5), 'abc', '-1', '1.5', '', '99999999999999999999']) {
      const sink = new RecordingSink();
      h.service.subscribe(id, chairUser, lastEventId, sink);
      expect(sink.kinds(), lastEventId).toEqual(['snapshot']);
      expect(sink.versions()).toEqual([head]);
    }
  });

  it('given a resume further back than the replay limit, when the client connects, then it gets a snapshot at the head instead of a long replay', async () => {
    const h = await harness({ maxReplay: 3 });
    const { id, questionId } = await h.liveEngagement(5);
    for (const i of [0, 1, 2, 3, 4]) await h.service.execute(id, speaker(i), { type: 'floor.request', questionId });
    const head = h.service.get(id, chairUser).version;
    const far = new RecordingSink();
    h.service.subscribe(id, chairUser, String(head - 4), far);
    expect(far.kinds()).toEqual(['snapshot']);
    expect(far.versions()).toEqual([head]);
    const near = new RecordingSink();
    h.service.subscribe(id, chairUser, String(head - 3), near);
    expect(near.versions()).toEqual(range(head - 2, head));
  });

  it("VIEW-9: given a replay that crosses the viewer's own approval, when it resumes, then the replay switches to a snapshot at that version and continues with changes after it", async () => {
    const h = await harness();
    const { id, questionId } = await h.liveEngagement(1);
    const newcomer = { kind: 'user' as const, userId: 'dev:newcomer', displayName: 'New' };
    const registered = await h.service.execute(id, newcomer, { type: 'participant.register', organization: 'NGO', category: 'ngo' });
    const n = registered.version;
    const participantId = (registered.events[0] as Extract<StoredEvent, { type: 'participant.registered' }>).participant.id;
    const approved = await h.service.execute(id, chair, { type: 'participant.approve', participantId });
    const requested = await h.service.execute(id, speaker(0), { type: 'floor.request', questionId });

    const sink = new RecordingSink();
    h.service.subscribe(id, { userId: newcomer.userId }, String(n), sink);
    expect(sink.kinds()).toEqual(['snapshot', 'change']);
    expect(sink.versions()).toEqual([approved.version, requested.version]);
  });

  it('given a client at the head, when it resumes with Last-Event-ID = head, then nothing is replayed and the next change follows without a duplicate', async () => {
    const h = await harness();
    const { id, questionId } = await h.liveEngagement(1);
    const head = h.service.get(id, chairUser).version;
    const sink = new RecordingSink();
    h.service.subscribe(id, chairUser, String(head), sink);
    expect(sink.messages).toEqual([]);
    await h.service.execute(id, speaker(0), { type: 'floor.request', questionId });
    expect(sink.versions()).toEqual([head + 1]);
  });

  it('given a reader whose socket buffer passes the limit, when the next change comes, then its stream is ended as a slow reader with a retry and dropped; others go on', async () => {
    const h = await harness({ maxBufferedBytes: 1024 });
    const { id, questionId } = await h.liveEngagement(2);
    const slow = new RecordingSink();
    const fast = new RecordingSink();
    h.service.subscribe(id, chairUser, null, slow);
    h.service.subscribe(id, chairUser, null, fast);
    expect(h.service.subscriberCount(id)).toBe(2);

    slow.buffered = 4096;
    await h.service.execute(id, speaker(0), { type: 'floor.request', questionId });
    const last = slow.messages.at(-1);
    expect(last?.kind).toBe('end');
    expect(last?.kind === 'end' && last.reason).toBe('slow-reader');
    expect(last?.kind === 'end' && last.retryMs).toBeGreaterThanOrEqual(500);
    expect(h.service.subscriberCount(id)).toBe(1);

    const before = slow.messages.length;
    await h.service.execute(id, speaker(1), { type: 'floor.request', questionId });
    expect(slow.messages).toHaveLength(before);
    expect(fast.kinds()).toEqual(['snapshot', 'change', 'change']);
  });

  it('given a snapshot larger than the slow-reader limit (an engagement of thousands), when a client subscribes and its socket has not yet taken the snapshot, then it is not cut off for it; a backlog beyond the limit still is', async () => {
    const h = await harness({ maxBufferedBytes: 1024 });
    const { id, questionId } = await h.liveEngagement(30);
    const sink = new RecordingSink();
    let snapshotBytes = 0;
    const snapshot = sink.snapshot.bind(sink);
    sink.snapshot = (view, serverNow) => (snapshotBytes = snapshot(view, serverNow));
    // The socket takes nothing: the whole snapshot is still buffered.
    sink.bufferedBytes = () => snapshotBytes + sink.messages.filter((m) => m.kind === 'change').length * 100;
    h.service.subscribe(id, chairUser, null, sink);
    expect(snapshotBytes).toBeGreaterThan(1024);
    await h.service.execute(id, speaker(0), { type: 'floor.request', questionId });
    expect(h.service.subscriberCount(id), 'kept: only the snapshot is waiting').toBe(1);
    expect(sink.kinds()).toEqual(['snapshot', 'change']);

    for (let i = 1; i < 12; i += 1) await h.service.execute(id, speaker(i), { type: 'floor.request', questionId });
    expect(h.service.subscriberCount(id), 'cut off: 1,100 bytes of changes wait beyond the snapshot').toBe(0);
    expect(sink.messages.at(-1)).toMatchObject({ kind: 'end', reason: 'slow-reader' });
  });

  it('given an engagement with 10 or with 1,000 participants, when one floor request commits, then each subscriber gets a change of the same size (never a snapshot)', async () => {
    const sizes: number[][] = [];
    for (const people of [10, 1000]) {
      const h = await harness();
      const { id, questionId } = await h.liveEngagement(people);
      const staff = new RecordingSink();
      const member = new RecordingSink();
      h.service.subscribe(id, chairUser, null, staff);
      h.service.subscribe(id, { userId: 'dev:speaker-1' }, null, member);
      await h.service.execute(id, speaker(0), { type: 'floor.request', questionId, note: 'n' });
      const changes = [staff, member].map((s) => s.messages.at(-1)!);
      expect(changes.map((m) => m.kind)).toEqual(['change', 'change']);
      // The version's own digits (in the message and in the event) are the only thing allowed to grow.
      sizes.push(changes.map((m) => (m.kind === 'change' ? m.bytes - 2 * String(m.version).length : 0)));
    }
    expect(sizes[1]).toEqual(sizes[0]);
    expect(sizes[0][0]).toBeLessThan(600);
  }, 60_000);

  it('given a viewer whose own standing changes (approval), when the event commits, then they get a fresh snapshot instead of a change', async () => {
    const h = await harness();
    const { id } = await h.liveEngagement(0);
    const newcomer = { userId: 'dev:newcomer' };
    const registered = await h.service.execute(
      id,
      { kind: 'user', userId: newcomer.userId, displayName: 'New' },
      {
        type: 'participant.register',
        organization: 'NGO',
        category: 'ngo',
      },
    );
    const sink = new RecordingSink();
    h.service.subscribe(id, newcomer, null, sink);
    const participantId = (registered.events[0] as Extract<StoredEvent, { type: 'participant.registered' }>).participant.id;
    const approved = await h.service.execute(id, chair, { type: 'participant.approve', participantId });
    expect(sink.kinds()).toEqual(['snapshot', 'snapshot']);
    const last = sink.messages[1];
    expect(last.kind === 'snapshot' && last.view.me.audience).toBe('member');
    expect(last.kind === 'snapshot' && last.version).toBe(approved.version);
  });

  it('given open streams, when the service closes, then each is ended with a retry between 500 and 5000 ms and no timer is left', async () => {
    const h = await harness();
    const { id } = await h.liveEngagement(0);
    const sinks = [new RecordingSink(), new RecordingSink()];
    for (const sink of sinks) h.service.subscribe(id, chairUser, null, sink);
    await h.service.close();
    for (const sink of sinks) {
      const last = sink.messages.at(-1);
      expect(last?.kind).toBe('end');
      if (last?.kind === 'end') {
        expect(last.reason).toBe('shutdown');
        expect(last.retryMs).toBeGreaterThanOrEqual(500);
        expect(last.retryMs).toBeLessThanOrEqual(5000);
      }
    }
    expect(h.clock.pendingTimers()).toBe(0);
    await h.start();
  });

  it('given an unsubscribed client, when changes commit, then it gets nothing more', async () => {
    const h = await harness();
    const { id, questionId } = await h.liveEngagement(1);
    const sink = new RecordingSink();
    const unsubscribe = h.service.subscribe(id, chairUser, null, sink);
    unsubscribe();
    await h.service.execute(id, speaker(0), { type: 'floor.request', questionId });
    expect(sink.kinds()).toEqual(['snapshot']);
    expect(h.service.subscriberCount(id)).toBe(0);
  });
});
