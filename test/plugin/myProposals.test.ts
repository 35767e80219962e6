import { describe, expect, it } from 'vitest';
import { processViewFor } from '../../server/domain/process/visibility.js';
import { myProposals } from '../../plugin/src/features/panel/myProposals.js';
import { register } from '../domain/process/registerWorld.js';

// "My proposals" in the side panel: what a proponent has to do, read from its own view of the process.

describe('my proposals', () => {
  it('PROPOSAL-10, FEEDBACK-3: a proponent sees its proposals, the questions waiting for its answer, its papers and the feedback received', () => {
    const { w, kenyaPaper } = register();
    const kenya = myProposals(processViewFor(w.state, 1, { userId: 'dev:kenya' }));
    expect(kenya).toHaveLength(1);
    expect(kenya[0]).toMatchObject({ number: 1, openQuestions: [{ text: 'Who hosts?' }], answeredCount: 0, feedbackCount: 1 });
    expect(kenya[0].papers).toEqual([{ id: kenyaPaper, title: expect.any(String), versions: 2, published: true }]);
    // Answered: nothing waits any more.
    const questionId = kenya[0].openQuestions[0].id;
    w.run('kenya', { type: 'proposal.answer', questionId, text: 'A regional hub.' });
    expect(myProposals(processViewFor(w.state, 2, { userId: 'dev:kenya' }))[0]).toMatchObject({ openQuestions: [], answeredCount: 1 });
    // PROCESS-VIEW-2: another member's own list holds only its own proposal; staff and non-members have none.
    expect(myProposals(processViewFor(w.state, 2, { userId: 'dev:ngo' })).map((p) => p.number)).toEqual([2]);
    expect(myProposals(processViewFor(w.state, 2, { userId: 'dev:chair' }))).toEqual([]);
    expect(myProposals(processViewFor(w.state, 2, null))).toEqual([]);
  });
});
