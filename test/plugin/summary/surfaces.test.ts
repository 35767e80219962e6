import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Membership } from '../../../server/domain/context.js';
import { emptyState, type EngagementState, type Participant } from '../../../server/domain/state.js';
import type { SummaryReviewState } from '../../../server/domain/summaryReview/state.js';
import { SummaryConsole } from '../../../plugin/src/features/summary/SummaryConsole.js';
import { SummaryPanel } from '../../../plugin/src/features/summary/SummaryPanel.js';

// The summary surfaces rendered to HTML in Node: what the Chair and each kind of participant read at each
// step of the summary's cycle. The draft's paragraphs arrive by fetch after mounting, so they are not here.

const T = '2026-11-28T12:00:00.000Z';
const serverNow = () => Date.parse(T);
const html = (element: ReactElement) =>
  renderToString(createElement(FluentProvider, { theme: teamsLightTheme }, element))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');

const person = (id: string, role: Participant['role'], displayName: string): Participant => ({
  id,
  role,
  displayName,
  organization: `${displayName} org`,
  category: role === 'delegation' ? 'member-state' : 'ngo',
  region: null,
  country: null,
  accreditation: null,
  status: 'approved',
  registeredAt: T,
  decidedAt: T,
  declineReason: null,
  invitationId: null,
});

function stateWith(review: SummaryReviewState): EngagementState {
  return {
    ...emptyState(),
    id: 'eng-1',
    status: 'ended',
    endedAt: T,
    participants: {
      'p-chair': person('p-chair', 'chair', 'Chair'),
      'p-del': person('p-del', 'delegation', 'Ruritania'),
      'p-ngo': person('p-ngo', 'stakeholder', 'Access Now'),
      'p-obs': person('p-obs', 'observer', 'Observer'),
    },
    summaryReview: review,
  } as EngagementState;
}

const member = (participantId: string, role: Participant['role'], audience: Membership['audience']): Membership => ({
  participantId,
  role,
  status: 'approved',
  audience,
});

const circulated: SummaryReviewState = {
  status: 'circulated',
  edits: {},
  review: { circulatedAt: T, reviewUntil: '2026-12-01T12:00:00.000Z', reviewerIds: ['p-ngo'] },
  corrections: {
    c1: {
      id: 'c1',
      participantId: 'p-del',
      paragraphKey: 'opening:1',
      requestId: null,
      text: 'Say "informal".',
      requestedAt: T,
      status: 'pending',
      reply: null,
      resolvedAt: null,
      resolvedBy: null,
    },
  },
  published: [
    { version: 1, publishedAt: '2026-11-28T11:00:00.000Z', contentHash: 'a'.repeat(64), content: '{}', byParticipantId: 'p-chair' },
  ],
};

describe('the Chair’s summary console', () => {
  it('SUMMARY-7, SUMMARY-8: given a circulated draft with a pending correction and one version, then the Chair can answer, publish version 2 and download every format', () => {
    const text = html(createElement(SummaryConsole, { state: stateWith(circulated), me: member('p-chair', 'chair', 'staff'), serverNow }));
    expect(text).toContain('Circulated for review');
    expect(text).toContain('Corrections (1 to answer)');
    expect(text).toContain('Ruritania, Ruritania org');
    expect(text).toContain('Accept');
    expect(text).toContain('Publish version 2');
    expect(text).toContain('1 correction is still unanswered');
    expect(text).toContain('Version 1 (latest)');
    for (const f of ['MD', 'HTML', 'DOCX', 'PDF', 'JSON', 'CSV']) expect(text).toContain(` ${f} `);
  });
});

describe('the participants’ summary panel', () => {
  it('SUMMARY-VIEW-2, SUMMARY-6: given a circulated draft, then a delegation reads it and may correct a paragraph or its own entry', () => {
    const text = html(
      createElement(SummaryPanel, { state: stateWith(circulated), me: member('p-del', 'delegation', 'delegation'), serverNow }),
    );
    expect(text).toContain('The draft is circulated for review until');
    expect(text).toContain('A paragraph of the summary');
    expect(text).toContain('Your corrections');
  });

  it('SUMMARY-6: given a stakeholder who spoke, then the correction is on their own entry only (no paragraph choice)', () => {
    const text = html(
      createElement(SummaryPanel, { state: stateWith(circulated), me: member('p-ngo', 'stakeholder', 'member'), serverNow }),
    );
    expect(text).toContain('Ask for a correction');
    expect(text).not.toContain('A paragraph of the summary');
  });

  it('SUMMARY-VIEW-4: given an observer, then only the published versions show, with their downloads', () => {
    const text = html(createElement(SummaryPanel, { state: stateWith(circulated), me: member('p-obs', 'observer', 'member'), serverNow }));
    expect(text).not.toContain('circulated for review');
    expect(text).toContain('Version 1 (latest)');
  });

  it('SUMMARY-5: given the review window has closed, then no correction form is offered', () => {
    const closed = { ...circulated, review: { ...circulated.review!, reviewUntil: '2026-11-28T11:59:00.000Z' } };
    const text = html(
      createElement(SummaryPanel, { state: stateWith(closed), me: member('p-del', 'delegation', 'delegation'), serverNow }),
    );
    expect(text).toContain('The review window has closed');
    expect(text).not.toContain('Ask for a correction');
  });
});
