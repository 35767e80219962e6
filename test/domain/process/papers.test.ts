import { describe, expect, it } from 'vitest';
import { aProcess } from './processWorld.js';

describe('concept papers', () => {
  it("PAPER-1: given Kenya's proposal, when Kenya uploads a concept paper in French, then the paper holds version 1 and the proposal is elaborated", () => {
    const w = aProcess();
    const p = w.propose();
    const [submitted] = w.run('kenya', {
      type: 'paper.submit',
      proposalId: p.id,
      title: 'Centres régionaux',
      language: 'fr',
      attachmentId: 'att-fr',
    });
    const paper = w.state.papers[(submitted as { paperId: string }).paperId];
    expect(paper).toMatchObject({
      proposalId: p.id,
      publishedVersion: null,
      versions: [{ version: 1, language: 'fr', attachmentId: 'att-fr', byMemberId: w.member('kenya') }],
    });
    expect(w.state.proposals[p.id].status).toBe('elaborated');
    expect(w.refusal('kenya', { type: 'paper.revise', paperId: 'nope', language: 'en', attachmentId: 'x' })).toMatchObject({
      kind: 'NOT_FOUND',
      rule: 'PAPER-1',
    });
  });

  it('PAPER-2: given a paper, when its proponent builds on feedback, then a second version is added; the same attachment again is refused', () => {
    const w = aProcess();
    const p = w.propose();
    const paperId = w.paper(p.id);
    w.run('kenya', { type: 'paper.revise', paperId, language: 'en', attachmentId: 'att-2', title: 'Concept paper, revised' });
    expect(w.state.papers[paperId].versions.map((v) => [v.version, v.attachmentId, v.title])).toEqual([
      [1, 'att-1', 'Concept paper'],
      [2, 'att-2', 'Concept paper, revised'],
    ]);
    expect(w.refusal('kenya', { type: 'paper.revise', paperId, language: 'en', attachmentId: 'att-1' }).rule).toBe('PAPER-2');
    expect(w.refusal('ngo', { type: 'paper.revise', paperId, language: 'en', attachmentId: 'att-9' }).rule).toBe('PROPOSAL-4');
  });

  it('PAPER-3: given a paper, when the Chair publishes it, then every version so far is published; the same again, or unpublishing twice, is refused', () => {
    const w = aProcess();
    const p = w.propose();
    const paperId = w.paper(p.id);
    expect(w.refusal('kenya', { type: 'paper.publish', paperId }).kind).toBe('FORBIDDEN');
    w.run('chair', { type: 'paper.publish', paperId });
    expect(w.state.papers[paperId].publishedVersion).toBe(1);
    expect(w.refusal('chair', { type: 'paper.publish', paperId }).rule).toBe('PAPER-3');
    w.run('kenya', { type: 'paper.revise', paperId, language: 'es', attachmentId: 'att-es' });
    expect(w.state.papers[paperId].publishedVersion).toBe(1);
    w.run('chair', { type: 'paper.publish', paperId });
    expect(w.state.papers[paperId].publishedVersion).toBe(2);
    w.run('chair', { type: 'paper.unpublish', paperId });
    expect(w.refusal('chair', { type: 'paper.unpublish', paperId }).rule).toBe('PAPER-3');
  });
});

describe('feedback on papers', () => {
  it('FEEDBACK-1: given an unpublished paper, when another stakeholder comments, then it is refused; once published, it comments', () => {
    const w = aProcess();
    const paperId = w.paper(w.propose().id);
    expect(w.refusal('ngo', { type: 'feedback.post', paperId, text: 'Early thoughts' })).toMatchObject({
      kind: 'FORBIDDEN',
      rule: 'FEEDBACK-1',
    });
    w.run('kenya', { type: 'feedback.post', paperId, text: 'A note to our co-sponsors' });
    w.run('chair', { type: 'paper.publish', paperId });
    w.run('ngo', { type: 'feedback.post', paperId, text: 'Consider regional CERTs.' });
    w.run('obs', { type: 'feedback.post', paperId, text: 'Observers welcome this.' });
    expect(Object.values(w.state.feedback).map((f) => f.text)).toEqual([
      'A note to our co-sponsors',
      'Consider regional CERTs.',
      'Observers welcome this.',
    ]);
  });

  it('FEEDBACK-2: given comments on two papers, when a reply names a comment on another paper or a hidden one, then it is refused; threads hold', () => {
    const w = aProcess();
    const first = w.paper(w.propose().id);
    const second = w.paper(w.propose({ title: 'Other', proponents: ['fiji'] }).id, 'fiji', 'att-f');
    w.run('chair', { type: 'paper.publish', paperId: first });
    w.run('chair', { type: 'paper.publish', paperId: second });
    const [root] = w.run('ngo', { type: 'feedback.post', paperId: first, text: 'Who funds it?' });
    const rootId = (root as { feedbackId: string }).feedbackId;
    w.run('kenya', { type: 'feedback.post', paperId: first, parentId: rootId, text: 'Voluntary contributions.' });
    expect(Object.values(w.state.feedback).map((f) => f.parentId)).toEqual([null, rootId]);
    expect(w.refusal('lab', { type: 'feedback.post', paperId: second, parentId: rootId, text: 'Wrong thread' })).toMatchObject({
      kind: 'NOT_FOUND',
      rule: 'FEEDBACK-2',
    });
    w.run('sec', { type: 'feedback.hide', feedbackId: rootId, reason: 'Off topic' });
    expect(w.refusal('lab', { type: 'feedback.post', paperId: first, parentId: rootId, text: 'Reply' }).rule).toBe('FEEDBACK-2');
  });

  it('FEEDBACK-3: given a comment, when staff hide and show it, then it stays in the record; a participant cannot moderate, nor hide twice', () => {
    const w = aProcess();
    const paperId = w.paper(w.propose().id);
    w.run('chair', { type: 'paper.publish', paperId });
    const [posted] = w.run('ngo', { type: 'feedback.post', paperId, text: 'Spam?' });
    const feedbackId = (posted as { feedbackId: string }).feedbackId;
    expect(w.refusal('kenya', { type: 'feedback.hide', feedbackId }).kind).toBe('FORBIDDEN');
    w.run('sec', { type: 'feedback.hide', feedbackId, reason: 'Off topic' });
    expect(w.state.feedback[feedbackId]).toMatchObject({ hidden: true, hiddenReason: 'Off topic', text: 'Spam?' });
    expect(w.refusal('sec', { type: 'feedback.hide', feedbackId }).rule).toBe('FEEDBACK-3');
    w.run('chair', { type: 'feedback.show', feedbackId });
    expect(w.state.feedback[feedbackId].hidden).toBe(false);
    expect(w.refusal('chair', { type: 'feedback.show', feedbackId }).rule).toBe('FEEDBACK-3');
  });
});
