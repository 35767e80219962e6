import { aProcess, type ProcessWorld } from './processWorld.js';

// A small register shared by the view tests and the portal listing's.

/** Kenya's proposal (Kenya named, Fiji not) with a published paper; NGO's proposal with an unpublished paper. */
export function register(): { w: ProcessWorld; kenyaPaper: string; ngoPaper: string } {
  const w = aProcess();
  const hubs = w.propose({ proponents: ['kenya', 'fiji'] });
  w.run('kenya', { type: 'proposal.setConsent', proposalId: hubs.id, named: true });
  w.run('chair', { type: 'proposal.ask', proposalId: hubs.id, text: 'Who hosts?' });
  const kenyaPaper = w.paper(hubs.id);
  w.run('chair', { type: 'paper.publish', paperId: kenyaPaper });
  w.run('kenya', { type: 'paper.revise', paperId: kenyaPaper, language: 'ar', attachmentId: 'att-ar' });
  w.run('ngo', {
    type: 'proposal.putForward',
    source: { kind: 'manual' },
    title: 'Directory <b>of</b> PoCs',
    description: 'D',
    theme: 'CBMs',
  });
  const ngoPaper = w.paper(w.proposal(2).id, 'ngo', 'att-ngo');
  w.run('lab', { type: 'feedback.post', paperId: kenyaPaper, text: 'Good idea.' });
  return { w, kenyaPaper, ngoPaper };
}
