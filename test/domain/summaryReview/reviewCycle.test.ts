import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../server/domain/summaryReview/canonicalJson.js';
import { SummaryCommand, SUMMARY_ALLOWED, INTERNAL_SUMMARY_COMMANDS } from '../../../server/domain/summaryReview/commands.js';
import { evolveSummary } from '../../../server/domain/summaryReview/evolveSummary.js';
import { isReviewWindowOpen, versionsOf } from '../../../server/domain/summaryReview/state.js';
import { endedMeeting, type SummaryWorld } from './summaryWorld.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const publishOf = (content: object) => {
  const text = canonicalJson(content);
  return { type: 'summary.publish' as const, content: text, contentHash: sha256(text) };
};
const circulated = (): SummaryWorld => {
  const w = endedMeeting();
  w.run('chair', { type: 'summary.circulate', reviewUntil: w.in(7 * 24 * 3600) });
  return w;
};

describe('summary: who may do what (policy rows for ALLOWED)', () => {
  it('AUTH-1 / SUMMARY-8: the rows — staff edit, circulate, resolve and publish; delegations and stakeholders ask for corrections', () => {
    expect(SUMMARY_ALLOWED).toEqual({
      'summary.editParagraph': ['chair', 'secretariat'],
      'summary.circulate': ['chair', 'secretariat'],
      'summary.requestCorrection': ['delegation', 'stakeholder'],
      'summary.resolveCorrection': ['chair', 'secretariat'],
      'summary.publish': ['chair', 'secretariat'],
    });
    expect(INTERNAL_SUMMARY_COMMANDS).toEqual(['summary.publish']);
  });

  it('SUMMARY-8: given an ended engagement, when a stakeholder publishes, then it is forbidden and nothing is published', () => {
    const w = endedMeeting();
    const refusal = w.refusal('spoke', publishOf({ schema: 'convene.summary/1' }));
    expect(refusal).toMatchObject({ kind: 'FORBIDDEN', rule: 'AUTH-1' });
    expect(w.state.summaryReview.published).toEqual([]);
    expect(w.refusal('del', publishOf({ a: 1 })).kind).toBe('FORBIDDEN');
  });

  it('SUMMARY-1: given a draft, when a delegation (or a stakeholder, or an observer) edits a paragraph, then it is forbidden', () => {
    const w = endedMeeting();
    for (const who of ['del', 'spoke', 'obs', 'applicant']) {
      expect(w.refusal(who, { type: 'summary.editParagraph', paragraphKey: 'opening:1', text: 'Ours.' })).toMatchObject({
        kind: 'FORBIDDEN',
      });
    }
    expect(w.state.summaryReview.edits).toEqual({});
  });
});

describe('summary: editing paragraphs', () => {
  it('SUMMARY-1: given a draft, when the Chair and then the secretariat edit paragraphs, then each edit is kept by its key', () => {
    const w = endedMeeting();
    const [event] = w.run('chair', {
      type: 'summary.editParagraph',
      paragraphKey: `question:${w.questionId}:2`,
      text: 'Many participants stressed regional hubs.',
    });
    expect(event).toMatchObject({
      type: 'summary.paragraphEdited',
      paragraphKey: `question:${w.questionId}:2`,
      byParticipantId: w.participantId('chair'),
    });
    w.run('sec', { type: 'summary.editParagraph', paragraphKey: 'closing:1', text: 'The Chair thanked all participants.' });
    expect(Object.keys(w.state.summaryReview.edits).sort()).toEqual(['closing:1', `question:${w.questionId}:2`]);
    expect(w.state.summaryReview.edits['closing:1']).toMatchObject({
      text: 'The Chair thanked all participants.',
      byParticipantId: w.participantId('sec'),
    });
  });

  it('SUMMARY-1: given an edited paragraph, when it is edited to empty text, then the generated text is restored; the same text again is refused', () => {
    const w = endedMeeting();
    w.run('chair', { type: 'summary.editParagraph', paragraphKey: 'opening:2', text: 'Reworded.' });
    expect(w.refusal('chair', { type: 'summary.editParagraph', paragraphKey: 'opening:2', text: 'Reworded.' }).rule).toBe('SUMMARY-1');
    w.run('chair', { type: 'summary.editParagraph', paragraphKey: 'opening:2', text: '' });
    expect(w.state.summaryReview.edits).toEqual({});
    expect(w.refusal('chair', { type: 'summary.editParagraph', paragraphKey: 'opening:2', text: '' }).rule).toBe('SUMMARY-1');
  });

  it('SUMMARY-2: given a key naming a question the engagement lacks, or a malformed key, then it is refused', () => {
    const w = endedMeeting();
    expect(w.refusal('chair', { type: 'summary.editParagraph', paragraphKey: 'question:nope:1', text: 'x' }).rule).toBe('SUMMARY-2');
    const malformed = SummaryCommand.safeParse({ type: 'summary.editParagraph', paragraphKey: 'paragraph 7', text: 'x' });
    expect(malformed.success).toBe(false);
    expect(malformed.error?.issues[0].path).toEqual(['paragraphKey']);
  });
});

describe('summary: circulation and the review window', () => {
  it('SUMMARY-3: given a live engagement, when the Chair circulates the summary, then it is refused (the record is not complete)', () => {
    const w = endedMeeting({ end: false });
    expect(w.refusal('chair', { type: 'summary.circulate', reviewUntil: w.in(3600) }).rule).toBe('SUMMARY-3');
  });

  it('SUMMARY-3: given an ended engagement, when the window would end in the past, then it is refused', () => {
    const w = endedMeeting();
    expect(w.refusal('chair', { type: 'summary.circulate', reviewUntil: w.in(-60) }).rule).toBe('SUMMARY-3');
  });

  it('SUMMARY-3: given an ended engagement, when the Chair circulates, then the reviewers are the stakeholders who spoke (not those deferred)', () => {
    const w = endedMeeting();
    const until = w.in(3 * 24 * 3600);
    const [event] = w.run('chair', { type: 'summary.circulate', reviewUntil: until });
    expect(event).toMatchObject({ type: 'summary.circulated', reviewUntil: until, reviewerIds: [w.participantId('spoke')] });
    expect(w.state.summaryReview).toMatchObject({
      status: 'circulated',
      review: { reviewUntil: until, reviewerIds: [w.participantId('spoke')] },
    });
    expect(isReviewWindowOpen(w.state.summaryReview, w.now)).toBe(true);
  });

  it('SUMMARY-5: given a summary not yet circulated, when a delegation asks for a correction, then it is refused', () => {
    const w = endedMeeting();
    expect(w.refusal('del', { type: 'summary.requestCorrection', paragraphKey: 'opening:2', text: 'Please add our region.' }).rule).toBe(
      'SUMMARY-5',
    );
  });

  it('SUMMARY-5: given a circulated summary, when the window has passed, then a correction is refused', () => {
    const w = circulated();
    w.advance(7 * 24 * 3600);
    expect(isReviewWindowOpen(w.state.summaryReview, w.now)).toBe(false);
    const refusal = w.refusal('del', { type: 'summary.requestCorrection', paragraphKey: 'opening:2', text: 'Too late?' });
    expect(refusal.rule).toBe('SUMMARY-5');
    expect(refusal.detail).toMatch(/review window closed/);
  });

  it('SUMMARY-5 / SUMMARY-10: given a published summary, when a delegation asks for a correction, then it is refused until a new circulation', () => {
    const w = circulated();
    w.run('chair', publishOf({ v: 1 }));
    expect(w.refusal('del', { type: 'summary.requestCorrection', paragraphKey: 'opening:2', text: 'x' }).rule).toBe('SUMMARY-5');
    w.run('chair', { type: 'summary.circulate', reviewUntil: w.in(3600) });
    expect(w.run('del', { type: 'summary.requestCorrection', paragraphKey: 'opening:2', text: 'x' })).toHaveLength(1);
  });
});

describe('summary: corrections', () => {
  it('SUMMARY-4: given a circulated summary, when a delegation names a paragraph inside the window, then the correction is pending', () => {
    const w = circulated();
    const [event] = w.run('del', {
      type: 'summary.requestCorrection',
      paragraphKey: `question:${w.questionId}:1`,
      text: 'The count is wrong.',
    });
    expect(event).toMatchObject({
      type: 'summary.correctionRequested',
      participantId: w.participantId('del'),
      paragraphKey: `question:${w.questionId}:1`,
      requestId: null,
    });
    const id = (event as { correctionId: string }).correctionId;
    expect(w.state.summaryReview.corrections[id]).toMatchObject({ status: 'pending', text: 'The count is wrong.', reply: null });
  });

  it('SUMMARY-6: given a stakeholder who spoke, when they correct their own floor request, then it is accepted; a paragraph or someone else’s request is refused', () => {
    const w = circulated();
    const own = w.run('spoke', { type: 'summary.requestCorrection', requestId: w.requestOf('spoke'), text: 'Our name is misspelt.' });
    expect(own[0]).toMatchObject({ participantId: w.participantId('spoke'), requestId: w.requestOf('spoke'), paragraphKey: null });
    expect(w.refusal('spoke', { type: 'summary.requestCorrection', paragraphKey: 'opening:2', text: 'x' })).toMatchObject({
      rule: 'SUMMARY-6',
      kind: 'FORBIDDEN',
    });
    expect(w.refusal('spoke', { type: 'summary.requestCorrection', requestId: w.requestOf('deferred'), text: 'x' })).toMatchObject({
      rule: 'SUMMARY-6',
      kind: 'FORBIDDEN',
    });
    expect(w.refusal('spoke', { type: 'summary.requestCorrection', requestId: 'no-such-request', text: 'x' })).toMatchObject({
      rule: 'SUMMARY-6',
      kind: 'NOT_FOUND',
    });
  });

  it('SUMMARY-6: given a delegation, when it names someone else’s floor request, then it is refused', () => {
    const w = circulated();
    expect(w.refusal('del', { type: 'summary.requestCorrection', requestId: w.requestOf('spoke'), text: 'x' })).toMatchObject({
      rule: 'SUMMARY-6',
      kind: 'FORBIDDEN',
    });
  });

  it('SUMMARY-4: given a stakeholder who did not speak (deferred), when they ask for a correction, then it is refused; an observer is refused by policy', () => {
    const w = circulated();
    expect(w.refusal('deferred', { type: 'summary.requestCorrection', requestId: w.requestOf('deferred'), text: 'x' })).toMatchObject({
      rule: 'SUMMARY-4',
      kind: 'FORBIDDEN',
    });
    expect(w.refusal('obs', { type: 'summary.requestCorrection', paragraphKey: 'opening:1', text: 'x' })).toMatchObject({
      rule: 'AUTH-1',
      kind: 'FORBIDDEN',
    });
  });

  it('SUMMARY-6: a correction names exactly one thing — both or neither is malformed (400 at the edge)', () => {
    expect(SummaryCommand.safeParse({ type: 'summary.requestCorrection', text: 'x' }).success).toBe(false);
    expect(
      SummaryCommand.safeParse({ type: 'summary.requestCorrection', text: 'x', paragraphKey: 'opening:1', requestId: 'r' }).success,
    ).toBe(false);
    expect(SummaryCommand.safeParse({ type: 'summary.requestCorrection', text: 'x', paragraphKey: 'opening:1' }).success).toBe(true);
  });

  it('SUMMARY-7: given a pending correction, when the Chair accepts it with a reply, then it is resolved once; a delegation cannot resolve', () => {
    const w = circulated();
    const [event] = w.run('del', { type: 'summary.requestCorrection', paragraphKey: 'opening:2', text: 'Add the date.' });
    const correctionId = (event as { correctionId: string }).correctionId;
    expect(w.refusal('del', { type: 'summary.resolveCorrection', correctionId, decision: 'accepted', reply: 'Mine.' }).kind).toBe(
      'FORBIDDEN',
    );
    const [resolved] = w.run('chair', { type: 'summary.resolveCorrection', correctionId, decision: 'accepted', reply: 'Added.' });
    expect(resolved).toMatchObject({
      participantId: w.participantId('del'),
      decision: 'accepted',
      byParticipantId: w.participantId('chair'),
    });
    expect(w.state.summaryReview.corrections[correctionId]).toMatchObject({
      status: 'accepted',
      reply: 'Added.',
      resolvedBy: w.participantId('chair'),
    });
    expect(w.refusal('sec', { type: 'summary.resolveCorrection', correctionId, decision: 'declined', reply: 'No.' }).rule).toBe(
      'SUMMARY-7',
    );
    expect(w.refusal('sec', { type: 'summary.resolveCorrection', correctionId: 'nope', decision: 'declined', reply: '' }).kind).toBe(
      'NOT_FOUND',
    );
  });
});

describe('summary: publication and versions', () => {
  it('SUMMARY-8: given a live engagement, when the Chair publishes, then it is refused', () => {
    const w = endedMeeting({ end: false });
    expect(w.refusal('chair', publishOf({ v: 1 })).rule).toBe('SUMMARY-8');
  });

  it('SUMMARY-8: given a published version 1, when the Chair publishes again, then it is version 2 and version 1 is unchanged, byte for byte', () => {
    const w = circulated();
    const first = publishOf({ schema: 'convene.summary/1', metadata: { title: 'Capacity-building', version: 1 } });
    const [e1] = w.run('chair', first);
    expect(e1).toMatchObject({ type: 'summary.published', summaryVersion: 1, contentHash: first.contentHash, content: first.content });
    expect(w.state.summaryReview.status).toBe('published');
    const v1 = structuredClone(w.state.summaryReview.published[0]);

    w.advance(3600);
    w.run('chair', { type: 'summary.editParagraph', paragraphKey: 'opening:2', text: 'A corrected opening.' });
    const second = publishOf({ schema: 'convene.summary/1', metadata: { title: 'Capacity-building', version: 2 } });
    const [e2] = w.run('sec', second);
    expect(e2).toMatchObject({ summaryVersion: 2, contentHash: second.contentHash });

    expect(w.state.summaryReview.published).toHaveLength(2);
    expect(w.state.summaryReview.published[0]).toEqual(v1);
    expect(sha256(w.state.summaryReview.published[0].content!)).toBe(v1.contentHash);
    expect(versionsOf(w.state.summaryReview).map((v) => v.version)).toEqual([1, 2]);
    expect(w.state.summaryReview.published[1]).toMatchObject({ version: 2, byParticipantId: w.participantId('sec') });
  });

  it('SUMMARY-8: given the draft was never circulated, the Chair may still publish (it is issued under the Chair’s own responsibility)', () => {
    const w = endedMeeting();
    expect(w.run('chair', publishOf({ v: 1 }))[0]).toMatchObject({ summaryVersion: 1 });
  });

  it('SUMMARY-9: given content that is not canonical JSON (spaces, unsorted keys, not an object), when published, then it is refused', () => {
    const w = endedMeeting();
    for (const content of ['{"b":1,"a":2}', '{ "a": 1 }', '[1,2]', 'not json']) {
      expect(w.refusal('chair', { type: 'summary.publish', content, contentHash: sha256(content) }).rule).toBe('SUMMARY-9');
    }
    expect(w.state.summaryReview.published).toEqual([]);
  });

  it('SUMMARY-8: folding the same published event twice does not add a second copy of the version', () => {
    const w = endedMeeting();
    const [event] = w.run('chair', publishOf({ v: 1 }));
    expect(evolveSummary(w.state, event).summaryReview.published).toHaveLength(1);
  });
});
