import { aProcess, type ProcessWorld } from '../../domain/process/processWorld.js';

// A small register for the annex's golden file: two themes, a named and an unnamed proponent, a published
// paper revised after publication, a merge and a withdrawal, text that needs escaping.

export function smallRegister(): ProcessWorld {
  const w = aProcess();
  const hubs = w.propose({ proponents: ['kenya', 'fiji'], title: 'Regional CERT hubs <for> SIDS' });
  w.run('kenya', { type: 'proposal.setConsent', proposalId: hubs.id, named: true });
  w.run('kenya', {
    type: 'proposal.update',
    proposalId: hubs.id,
    implementation: {
      action: 'Fund two hubs | one Pacific',
      implementers: 'Fiji with donors',
      beneficiaries: ['small island developing States'],
      resources: 'USD 2m',
      timeline: '2027–2028',
      frameworkElement: 'capacity-building-principle',
    },
  });
  const paperId = w.paper(hubs.id);
  w.run('chair', { type: 'paper.publish', paperId });
  w.run('kenya', { type: 'paper.revise', paperId, language: 'fr', attachmentId: 'att-fr' });
  w.run('ngo', {
    type: 'proposal.putForward',
    source: { kind: 'manual' },
    title: '=Directory of *points of contact*',
    description: 'A global directory.\nKept by the secretariat.',
    theme: 'Confidence-building measures',
  });
  const again = w.propose({ proponents: ['lab'], title: 'Hubs, again', theme: 'Capacity-building' });
  w.run('chair', { type: 'proposal.merge', proposalId: again.id, intoProposalId: hubs.id });
  w.run('ngo', { type: 'proposal.withdraw', proposalId: w.proposal(2).id, reason: 'Covered by the hubs' });
  return w;
}
