import { describe, expect, it } from 'vitest';
import { processViewFor } from '../../server/domain/process/visibility.js';
import { ALL, interventionsToFile, registerRows, themesOf } from '../../plugin/src/features/console/proposalRegister.js';
import { myProposals } from '../../plugin/src/features/panel/myProposals.js';
import { register } from '../domain/process/registerWorld.js';

// "My proposals" in the side panel: what a proponent has to do, read from its own view of the process.

describe('my proposals', () => {
  it('PROPOSAL-10, FEEDBACK-3: a proponent sees its proposals, the questions waiting for its answer, its papers and the feedback received', () => {
    const { w, kenyaPaper } = register();
    const kenya = myProposals(processViewFor(w.state, 1, { userId: 'dev:kenya' }));
    expect(kenya).toHaveLength(1);
    expect(kenya[0]).toMatchObject({ number: 1, openQuestions: [{ text: 'Who hosts?' }], answeredCount: 0, feedbackCount: 1 });
    expect(kenya[0]).toMatchObject({ live: true, feedback: [{ text: 'Good idea.' }] });
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

describe('the staff register', () => {
  it('PROPOSAL-12: the register filters by theme, status and engagement; an intervention already filed is marked filed', () => {
    const { w } = register();
    const view = processViewFor(w.state, 1, { userId: 'dev:chair' });
    expect(registerRows(view, { theme: ALL, status: ALL, engagementId: ALL }).map((p) => p.number)).toEqual([1, 2]);
    // Compared as English, as the annex orders themes (ANNEX-1).
    expect(themesOf(view)).toEqual(['Capacity-building', 'CBMs']);
    expect(registerRows(view, { theme: 'CBMs', status: ALL, engagementId: ALL }).map((p) => p.number)).toEqual([2]);
    expect(registerRows(view, { theme: ALL, status: 'withdrawn', engagementId: ALL })).toEqual([]);
    expect(registerRows(view, { theme: ALL, status: ALL, engagementId: 'elsewhere' })).toEqual([]);

    const engagement = {
      interventions: {
        r1: { requestId: 'r1', participantId: 'p1', startedAt: '2026-01-01T10:00:00Z' },
        r2: { requestId: 'r2', participantId: 'p2', startedAt: '2026-01-01T09:00:00Z' },
      },
      participants: { p1: { organization: 'Kenya', displayName: 'Amb. K' }, p2: { organization: 'Fiji', displayName: 'Amb. F' } },
    } as unknown as Parameters<typeof interventionsToFile>[0];
    const filedView = {
      ...view,
      proposals: { x: { ...Object.values(view.proposals)[0], source: { ...Object.values(view.proposals)[0].source, requestId: 'r1' } } },
    };
    expect(interventionsToFile(engagement, filedView)).toEqual([
      { requestId: 'r2', speaker: 'Fiji (Amb. F)', filed: false },
      { requestId: 'r1', speaker: 'Kenya (Amb. K)', filed: true },
    ]);
  });
});
