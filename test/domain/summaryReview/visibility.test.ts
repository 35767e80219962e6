import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { membershipOf } from '../../../server/domain/view.js';
import { canonicalJson } from '../../../server/domain/summaryReview/canonicalJson.js';
import { evolveSummary } from '../../../server/domain/summaryReview/evolveSummary.js';
import { emptySummaryReview, type SummaryReviewState } from '../../../server/domain/summaryReview/state.js';
import {
  projectSummaryReview,
  publishedVersionFor,
  redactSummaryEvent,
  summaryAccessOf,
} from '../../../server/domain/summaryReview/visibility.js';
import { endedMeeting, type SummaryWorld } from './summaryWorld.js';

const VIEWERS = ['chair', 'sec', 'del', 'del2', 'spoke', 'deferred', 'obs', 'applicant', 'stranger'] as const;
const me = (w: SummaryWorld, name: string) => membershipOf(w.state, { userId: `dev:${name}` });
const publish = (v: number) => {
  const content = canonicalJson({ schema: 'convene.summary/1', v });
  return { type: 'summary.publish' as const, content, contentHash: createHash('sha256').update(content).digest('hex') };
};

/** The whole cycle: edits before and during review, corrections from both kinds of reviewer, two versions. */
function fullCycle(): SummaryWorld {
  const w = endedMeeting();
  w.run('chair', { type: 'summary.editParagraph', paragraphKey: 'opening:2', text: 'Before circulation.' });
  w.run('chair', { type: 'summary.circulate', reviewUntil: w.in(86_400) });
  w.run('sec', { type: 'summary.editParagraph', paragraphKey: 'closing:1', text: 'During review.' });
  const [c1] = w.run('del', { type: 'summary.requestCorrection', paragraphKey: 'opening:2', text: 'From the delegation.' });
  w.run('spoke', { type: 'summary.requestCorrection', requestId: w.requestOf('spoke'), text: 'From the stakeholder.' });
  w.run('chair', {
    type: 'summary.resolveCorrection',
    correctionId: (c1 as { correctionId: string }).correctionId,
    decision: 'declined',
    reply: 'Kept as is.',
  });
  w.run('chair', publish(1));
  w.run('chair', { type: 'summary.editParagraph', paragraphKey: 'opening:2', text: 'After publication.' });
  w.run('chair', publish(2));
  return w;
}

describe('summary: what each viewer sees', () => {
  it('SUMMARY-VIEW-1..5: given the whole cycle, then each viewer’s fold of redacted events equals their projection after every event (VIEW-9)', () => {
    const w = fullCycle();
    for (const name of VIEWERS) {
      const viewer = { userId: `dev:${name}` };
      let folded: SummaryReviewState = projectSummaryReview(emptySummaryReview(), membershipOf(w.log[0].before, viewer));
      let resyncs = 0;
      for (const { event, before, after } of w.log) {
        const membership = membershipOf(after, viewer);
        const sent = redactSummaryEvent(event, before.summaryReview, membership);
        if (sent === 'resync') {
          resyncs += 1;
          folded = projectSummaryReview(after.summaryReview, membership);
        } else if (sent !== null) {
          folded = evolveSummary({ summaryReview: folded }, JSON.parse(JSON.stringify(sent))).summaryReview;
        }
        expect(folded, `${name} after ${event.type}`).toEqual(projectSummaryReview(after.summaryReview, membership));
      }
      // Only reviewers need a snapshot, and only when the draft appears (circulation) or leaves them (publication).
      expect(resyncs, name).toBe(['del', 'del2', 'spoke'].includes(name) ? 2 : 0);
    }
  });

  it('SUMMARY-VIEW-1: staff see every edit and every correction', () => {
    const w = fullCycle();
    const view = projectSummaryReview(w.state.summaryReview, me(w, 'sec'));
    expect(Object.keys(view.corrections)).toHaveLength(2);
    expect(view.edits['opening:2'].text).toBe('After publication.');
    expect(summaryAccessOf(w.state.summaryReview, me(w, 'chair'))).toEqual({
      draft: true,
      attributive: true,
      published: true,
      publish: true,
    });
  });

  it('SUMMARY-VIEW-2: given a circulated draft, then delegations and the stakeholder who spoke see its edits; the deferred stakeholder and the observer do not', () => {
    const w = endedMeeting();
    w.run('chair', { type: 'summary.editParagraph', paragraphKey: 'opening:2', text: 'Reworded.' });
    expect(projectSummaryReview(w.state.summaryReview, me(w, 'del')).edits).toEqual({});
    w.run('chair', { type: 'summary.circulate', reviewUntil: w.in(86_400) });
    for (const reviewer of ['del', 'del2', 'spoke']) {
      expect(projectSummaryReview(w.state.summaryReview, me(w, reviewer)).edits, reviewer).toHaveProperty('opening:2');
      expect(summaryAccessOf(w.state.summaryReview, me(w, reviewer)), reviewer).toEqual({
        draft: true,
        attributive: false,
        published: true,
        publish: false,
      });
    }
    for (const other of ['deferred', 'obs']) {
      expect(projectSummaryReview(w.state.summaryReview, me(w, other)).edits, other).toEqual({});
      expect(summaryAccessOf(w.state.summaryReview, me(w, other)), other).toEqual({
        draft: false,
        attributive: false,
        published: true,
        publish: false,
      });
    }
  });

  it('SUMMARY-VIEW-3: a correction is seen by staff and its requester only', () => {
    const w = fullCycle();
    const mine = (name: string) => Object.values(projectSummaryReview(w.state.summaryReview, me(w, name)).corrections).map((c) => c.text);
    expect(mine('del')).toEqual(['From the delegation.']);
    expect(mine('spoke')).toEqual(['From the stakeholder.']);
    expect(mine('del2')).toEqual([]);
    expect(mine('obs')).toEqual([]);
  });

  it('SUMMARY-VIEW-4 / SUMMARY-VIEW-5: published versions are for every member; applicants and strangers see nothing of the summary', () => {
    const w = fullCycle();
    for (const member of ['del', 'spoke', 'deferred', 'obs']) {
      const view = projectSummaryReview(w.state.summaryReview, me(w, member));
      expect(
        view.published.map((p) => p.version),
        member,
      ).toEqual([1, 2]);
      expect(view.edits, `${member}: the draft after publication is staff's again`).toEqual({});
    }
    for (const outsider of ['applicant', 'stranger']) {
      expect(projectSummaryReview(w.state.summaryReview, me(w, outsider)), outsider).toEqual(emptySummaryReview());
      expect(() => publishedVersionFor(w.state.summaryReview, me(w, outsider)), outsider).toThrow(
        expect.objectContaining({ kind: 'FORBIDDEN' }),
      );
      expect(summaryAccessOf(w.state.summaryReview, me(w, outsider)), outsider).toEqual({
        draft: false,
        attributive: false,
        published: false,
        publish: false,
      });
    }
  });

  it('SUMMARY-VIEW-4 / SUMMARY-9: no view carries a version’s content, not even staff’s; members read it through publishedVersionFor, byte for byte', () => {
    const w = fullCycle();
    for (const name of ['chair', 'del', 'obs']) {
      const listed = projectSummaryReview(w.state.summaryReview, me(w, name)).published;
      expect(
        listed.map((p) => [p.version, p.contentHash, 'content' in p]),
        name,
      ).toEqual([
        [1, w.state.summaryReview.published[0].contentHash, false],
        [2, w.state.summaryReview.published[1].contentHash, false],
      ]);
    }
    const published = w.log.find((l) => l.event.type === 'summary.published')!;
    expect(redactSummaryEvent(published.event, published.before.summaryReview, me(w, 'chair'))).not.toHaveProperty('content');
    expect(publishedVersionFor(w.state.summaryReview, me(w, 'obs'), 1).content).toBe(publish(1).content);
    expect(publishedVersionFor(w.state.summaryReview, me(w, 'deferred')).version).toBe(2);
    expect(() => publishedVersionFor(w.state.summaryReview, me(w, 'obs'), 3)).toThrow(
      expect.objectContaining({ kind: 'NOT_FOUND', detail: 'There is no published version 3; the published versions are 1, 2.' }),
    );
    expect(() => publishedVersionFor(emptySummaryReview(), me(w, 'obs'))).toThrow(
      expect.objectContaining({ detail: 'No version of the summary has been published yet.' }),
    );
  });
});
