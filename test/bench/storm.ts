// Benchmark 2 — floor storm: with S streams open on the engagement, P participants request the floor on
// the open question, all within one second (evenly spread arrivals). Every request must be accepted exactly
// once; command latency p50/p99 from the intended send time (no coordinated omission), sent by a load
// generator process of its own (lib/stormClient.ts) on the load generator's core; afterwards every checked
// subscriber's folded list equals the server's.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setUpMeeting } from './lib/api.js';
import { decode, summarize, type LatencySummary } from './lib/histogram.js';
import { forkPinned, nextMessage, ROOT, startConvene } from './lib/processes.js';

export interface StormResult {
  latency: LatencySummary;
  accepted: number;
  rejected: number;
  listLength: number;
  distinctParticipants: number;
  contiguousVersions: boolean;
}

export async function floorStorm(participants: number, streams: number): Promise<StormResult> {
  const server = await startConvene(0, {}, { memoryDisk: false });
  let client: ChildProcess | undefined;
  let generator: ChildProcess | undefined;
  try {
    const meeting = await setUpMeeting(server.baseUrl, Math.max(participants, streams));
    client = forkPinned(join(ROOT, 'test/bench/lib/sseLoadClient.ts'), 1);
    client.send({
      kind: 'start',
      url: `${server.baseUrl}/api/engagements/${meeting.engagementId}/stream`,
      tokens: meeting.memberTokens.slice(0, streams),
      probes: 0,
      stallShare: 0,
    });
    await nextMessage(client, 'ready');
    const before = await meeting.chair.ok('GET', `/api/engagements/${meeting.engagementId}`);
    generator = forkPinned(join(ROOT, 'test/bench/lib/stormClient.ts'), 1);
    generator.send({
      kind: 'start',
      baseUrl: server.baseUrl,
      engagementId: meeting.engagementId,
      questionId: meeting.questionId,
      tokens: meeting.memberTokens.slice(0, participants),
      windowMs: 1000,
    });
    const done = await nextMessage<{ histogram: string; accepted: number; rejected: number }>(generator, 'done');
    const histogram = decode(done.histogram);
    const { accepted, rejected } = done;
    const after = await meeting.chair.ok('GET', `/api/engagements/${meeting.engagementId}`);
    const list: string[] = after.waiting[meeting.questionId] ?? [];
    const owners = new Set(list.map((id) => after.requests[id].participantId));
    return {
      latency: summarize(histogram),
      accepted,
      rejected,
      listLength: list.length,
      distinctParticipants: owners.size,
      contiguousVersions: after.version - before.version === accepted,
    };
  } finally {
    client?.send({ kind: 'stop' });
    generator?.kill();
    await server.stop();
  }
}
