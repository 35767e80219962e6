// A real service on a real SQLite file in a temp dir, driven by a fake clock, with helpers that build an
// engagement through the public write path (never by writing state directly).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { afterEach } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../../server/domain/context.js';
import type { StoredEvent } from '../../../server/domain/events.js';
import type { EngagementView } from '../../../server/domain/view.js';
import type { StreamChange, StreamSink } from '../../../server/engagements/EngagementService.js';
import {
  createEngagementService,
  type EngagementServiceDeps,
  type EngagementServiceLimits,
  type ObservableEngagementService,
} from '../../../server/engagements/createEngagementService.js';
import { openSqliteEventStore } from '../../../server/store/sqliteEventStore.js';
import { FakeClock } from '../../support/fakeClock.js';

export const chairUser = { userId: 'dev:chair', displayName: 'Chair Person' };
export const chair: Actor = { kind: 'user', ...chairUser };
export const speaker = (i: number): Actor => ({ kind: 'user', userId: `dev:speaker-${i}`, displayName: `Speaker ${i}` });

// Real SQLite, on tmpfs where there is one: these tests are about the write path, not the disk's fsync
// (test/server/store covers durability and disk faults), and an fsync per command would make building an
// engagement of 1,000 participants take tens of seconds on a shared CI disk.
const scratch = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

export class Harness {
  readonly dir = mkdtempSync(join(scratch, 'convene-engagements-'));
  readonly file = join(this.dir, 'convene.db');
  clock = new FakeClock();
  service!: ObservableEngagementService;
  logs: string[] = [];

  private constructor(
    private readonly limits: EngagementServiceLimits,
    private readonly extra: Pick<EngagementServiceDeps, 'onCommitted' | 'media' | 'monotonicNow' | 'commitFeed'>,
  ) {}

  /** A harness with its service started (start-up reads the store, so it is asynchronous). */
  static async open(
    limits: EngagementServiceLimits = {},
    extra: Pick<EngagementServiceDeps, 'onCommitted' | 'media' | 'monotonicNow' | 'commitFeed'> = {},
  ): Promise<Harness> {
    const h = new Harness(limits, extra);
    await h.start();
    return h;
  }

  async start(clock = this.clock): Promise<ObservableEngagementService> {
    this.clock = clock;
    this.service = await createEngagementService({
      store: openSqliteEventStore(this.file),
      clock,
      limits: this.limits,
      random: () => 0.5,
      // A frozen pace clock: every pass is free, so changes reach the sinks before `execute` resolves
      // (the pacing itself is tested on the hub in liveHubPacing.test.ts).
      monotonicNow: () => 0,
      log: (message) => this.logs.push(message),
      ...this.extra,
    });
    return this.service;
  }

  async restart(clock = this.clock): Promise<ObservableEngagementService> {
    await this.service.close();
    return this.start(clock);
  }

  async dispose(): Promise<void> {
    await this.service.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  async log(engagementId: string): Promise<StoredEvent[]> {
    const store = openSqliteEventStore(this.file);
    try {
      return await store.load(engagementId);
    } finally {
      await store.close();
    }
  }

  /** An open, live engagement with one open question and `speakers` approved stakeholders. */
  async liveEngagement(speakers: number, options: { speakingSeconds?: number } = {}) {
    const s = this.service;
    const view = await s.create(chairUser, { title: 'Consultation on the pact', speakingSeconds: options.speakingSeconds ?? 120 });
    const id = view.id;
    await s.execute(id, chair, { type: 'engagement.open' });
    const added = await s.execute(id, chair, { type: 'question.add', text: 'What should the pact say?' });
    const questionId = (added.events[0] as Extract<StoredEvent, { type: 'question.added' }>).question.id;
    await s.execute(id, chair, { type: 'question.open', questionId });
    await s.execute(id, chair, { type: 'engagement.start' });
    const participantIds: string[] = [];
    for (let i = 0; i < speakers; i++) {
      const registered = await s.execute(id, speaker(i), { type: 'participant.register', organization: `NGO ${i}`, category: 'ngo' });
      const participantId = (registered.events[0] as Extract<StoredEvent, { type: 'participant.registered' }>).participant.id;
      await s.execute(id, chair, { type: 'participant.approve', participantId });
      participantIds.push(participantId);
    }
    return { id, questionId, participantIds };
  }
}

export type Message =
  | { kind: 'snapshot'; version: number; view: EngagementView; serverNow: string }
  | { kind: 'change'; version: number; event: StoredEvent | null; bytes: number }
  | { kind: 'end'; retryMs: number; reason: string };

/** A sink that records what the hub sends; `buffered` stands in for the socket's unsent bytes. */
export class RecordingSink implements StreamSink {
  messages: Message[] = [];
  buffered = 0;
  snapshot(view: EngagementView, serverNow: string): number {
    this.messages.push({ kind: 'snapshot', version: view.version, view, serverNow });
    return Buffer.byteLength(JSON.stringify(view));
  }
  /** Every batch handed over, as given (tests check that subscribers of one audience share one array). */
  batches: (readonly StreamChange[])[] = [];
  changes(batch: readonly StreamChange[]): void {
    this.batches.push(batch);
    for (const { version, event } of batch) {
      this.messages.push({ kind: 'change', version, event, bytes: Buffer.byteLength(JSON.stringify({ version, event })) });
    }
  }
  end(retryMs: number, reason: string): void {
    this.messages.push({ kind: 'end', retryMs, reason });
  }
  bufferedBytes(): number {
    return this.buffered;
  }
  versions(): number[] {
    return this.messages.flatMap((m) => (m.kind === 'end' ? [] : [m.version]));
  }
  kinds(): string[] {
    return this.messages.map((m) => m.kind);
  }
}

/** Returns a maker of harnesses that are disposed after each test of the calling file. */
export function harnessesDisposedAfterEach(): (...args: Parameters<typeof Harness.open>) => Promise<Harness> {
  const harnesses: Harness[] = [];
  afterEach(async () => {
    for (const h of harnesses.splice(0)) await h.dispose();
  });
  return async (...args) => {
    const h = await Harness.open(...args);
    harnesses.push(h);
    return h;
  };
}
