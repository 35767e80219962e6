import { describe, expect, it } from 'vitest';
import { AppError } from '../../../server/appError.js';
import { MAX_BATCH } from '../../../server/engagements/groupCommit.js';
import { chair, chairUser, harnessesDisposedAfterEach, speaker } from '../engagements/serviceFixture.js';

// LIMIT-2: the write path takes staff's commands first when participants' commands queue.

const harness = harnessesDisposedAfterEach();

describe('staff first in the write path (LIMIT-2)', () => {
  it("LIMIT-2: given more than a batch of participants' commands queued, when the Chair sends a command after them, then the Chair's commits first and the participants' keep their order", async () => {
    const h = await harness();
    const participants = MAX_BATCH + 50;
    const { id, questionId } = await h.liveEngagement(participants);
    const before = h.service.get(id, chairUser).version;

    const requests = Array.from({ length: participants }, (_, i) =>
      h.service.execute(id, speaker(i), { type: 'floor.request', questionId }),
    );
    const chairs = h.service.execute(id, chair, { type: 'note.add', text: 'The Chair speaks first', visibility: 'public' });
    const [noted, ...requested] = await Promise.all([chairs, ...requests]);

    expect(noted.version).toBe(before + 1);
    expect(requested.map((r) => r.version)).toEqual(Array.from({ length: participants }, (_, i) => before + 2 + i));
  });

  it("LIMIT-2: given a stakeholder's command queued, when the Chair makes them an observer in the same turn, then the role change is taken first and the queued command fails 403", async () => {
    const h = await harness();
    const { id, participantIds } = await h.liveEngagement(2);
    const queued = h.service.execute(id, speaker(0), { type: 'input.submit', title: 'Late', text: 'Queued before the change.' });
    const changed = h.service.execute(id, chair, { type: 'participant.setRole', participantId: participantIds[0], role: 'observer' });
    const [refusal] = await Promise.allSettled([queued, changed]);
    expect(refusal.status).toBe('rejected');
    const error = (refusal as PromiseRejectedResult).reason as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(403);
    expect((await changed).events.map((e) => e.type)).toContain('participant.roleChanged');
  });
});
