// Benchmark 2 — floor storm: with S streams open on the engagement, P participants request the floor on
// the open question, all within one second (evenly spread arrivals). Every request must be accepted exactly
// once; command latency p50/p99 from the intended send time (no coordinated omission); afterwards every
// checked subscriber's folded list equals the server's.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Api, setUpMeeting } from './lib/api.js';
import { newHistogram, summarize, type LatencySummary } from './lib/histogram.js';
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
    const histogram = newHistogram();
    let accepted = 0;
    let rejected = 0;
    const start = performance.now();
    const spacing = 1000 / participants;
    await Promise.all(
      meeting.memberTokens.slice(0, participants).map(async (token, i) => {
        const intended = start + i * spacing;
        const wait = intended - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const answer = await new Api(server.baseUrl, token).call('POST', `/api/engagements/${meeting.engagementId}/commands`, {
          type: 'floor.request',
          questionId: meeting.questionId,
          commandId: `storm-${i}`,
        });
        histogram.recordValue(Math.max(1, Math.round((performance.now() - intended) * 1000)));
        if (answer.status === 200) accepted += 1;
        else rejected += 1;
      }),
    );
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
    await server.stop();
  }
}
