import { describe, expect, it } from 'vitest';
import { portalListing } from '../../server/portal/portalListing.js';
import { register } from '../domain/process/registerWorld.js';

describe('the portal listing', () => {
  it('PROCESS-VIEW-5: given published and unpublished papers, then the portal lists the published ones by theme and guiding question, naming only consenting proponents', () => {
    const { w, kenyaPaper } = register();
    const fijiOnly = w.propose({ proponents: ['fiji'], title: 'Fiji: a Pacific hub', theme: 'Capacity-building' });
    const fijiPaper = w.paper(fijiOnly.id, 'fiji', 'att-fiji');
    w.run('chair', { type: 'paper.publish', paperId: fijiPaper });
    const listing = portalListing(w.state);
    expect(listing).toMatchObject({ processId: 'oewg', title: 'Open-ended working group on ICT security, 2021–2025' });
    expect(listing.themes.map((t) => t.theme)).toEqual(['Capacity-building']);
    const [question] = listing.themes[0].questions;
    expect(question.questionRef).toBe('GQ 1');
    expect(question.papers.map((p) => [p.paperId, p.version, p.proponents])).toEqual([
      [kenyaPaper, 1, ['Kenya']],
      [fijiPaper, 1, []],
    ]);
    expect(question.papers[1].proposalTitle).toBe('A delegation: a Pacific hub');
    expect(JSON.stringify(listing)).not.toContain('Fiji');
    expect(JSON.stringify(listing)).not.toContain('Directory');
  });
});
