import { describe, expect, it } from 'vitest';
import { buildAnnex } from '../../../server/summary/annex/buildAnnex.js';
import { renderAnnexText as renderAnnex } from '../../../server/summary/annex/renderAnnex.js';
import { aProcess } from '../../domain/process/processWorld.js';

const GENERATED_AT = '2026-12-07T12:00:00.000Z';

describe('buildAnnex', () => {
  it('ANNEX-2: given a proposal whose text names an unnamed proponent, then the annex names it neutrally; a named co-proponent keeps its name', () => {
    const w = aProcess();
    const [event] = w.run('chair', {
      type: 'proposal.putForward',
      source: { kind: 'intervention', engagementId: 'eng-1', requestId: 'r-7', note: 'Fiji, for the Pacific' },
      title: 'Fiji and Kenya: Pacific CERT hub',
      description: 'Fiji proposed a hub; Kenya supports it.',
      theme: 'Capacity-building',
      implementation: { implementers: 'Fiji with donors' },
      proponentIds: [w.member('kenya'), w.member('fiji')],
    });
    const id = (event as { proposal: { id: string } }).proposal.id;
    w.run('kenya', { type: 'proposal.setConsent', proposalId: id, named: true });
    const annex = buildAnnex(w.state, { generatedAt: GENERATED_AT });
    const [entry] = annex.themes[0].proposals;
    expect(entry).toMatchObject({
      title: 'A delegation and Kenya: Pacific CERT hub',
      description: 'A delegation proposed a hub; Kenya supports it.',
      implementers: 'A delegation with donors',
      namedProponents: ['Kenya'],
      otherProponents: 1,
      source: 'intervention',
      engagement: 'Informal virtual engagement, March',
    });
    for (const format of ['md', 'html', 'csv', 'json'] as const) {
      const body = renderAnnex(annex, format).body;
      expect(body, format).not.toContain('Fiji');
      expect(body, format).not.toContain('r-7');
    }
  });

  it('ANNEX-3: given a paper revised after publication, then the annex links the published version; an unpublished paper is not linked', () => {
    const w = aProcess();
    const p = w.propose();
    const paperId = w.paper(p.id);
    w.run('chair', { type: 'paper.publish', paperId });
    w.run('kenya', { type: 'paper.revise', paperId, language: 'ar', attachmentId: 'att-ar', title: 'ورقة مفاهيمية' });
    w.paper(w.propose({ title: 'Other' }).id, 'kenya', 'att-other');
    const annex = buildAnnex(w.state, {
      generatedAt: GENERATED_AT,
      paperUrl: (process, paper, v) => `https://portal.example/p/${process}/${paper}/v${v}`,
    });
    const papers = annex.themes.flatMap((t) => t.proposals.flatMap((x) => x.papers));
    expect(papers).toEqual([
      { paperId, title: 'Concept paper', language: 'en', version: 1, url: `https://portal.example/p/oewg/${paperId}/v1` },
    ]);
    expect(renderAnnex(annex, 'html').body).toContain(`href="https://portal.example/p/oewg/${paperId}/v1"`);
    expect(renderAnnex(annex, 'md').body).toContain(`](https://portal.example/p/oewg/${paperId}/v1)`);
  });

  it('ANNEX-4: given a small register, then the Markdown shows the counts and the implementation fields, and a hostile link target is not kept in HTML', () => {
    const w = aProcess();
    const p = w.propose();
    w.run('kenya', {
      type: 'proposal.update',
      proposalId: p.id,
      implementation: {
        action: 'Fund two hubs',
        beneficiaries: ['small island developing States'],
        frameworkElement: 'capacity-building-principle',
      },
    });
    w.propose({ title: 'Second', theme: 'Norms' });
    w.run('sec', { type: 'proposal.withdraw', proposalId: w.proposal(2).id });
    const paperId = w.paper(p.id);
    w.run('chair', { type: 'paper.publish', paperId });
    const annex = buildAnnex(w.state, { generatedAt: GENERATED_AT, paperUrl: () => 'javascript:alert(1)' });
    expect(annex.counts).toMatchObject({ total: 2, papersPublished: 1, byStatus: { elaborated: 1, withdrawn: 1, 'put-forward': 0 } });
    const md = renderAnnex(annex, 'md').body;
    expect(md).toContain('| Elaborated in a concept paper | 1 |');
    expect(md).toContain('- **Concrete action:** Fund two hubs');
    expect(md).toContain('- **Framework element:** Capacity-building principle');
    expect(md).toContain('- **Proponents:** 1 proponent (not named)');
    const html = renderAnnex(annex, 'html').body;
    expect(html).not.toContain('javascript:');
    expect(md).not.toContain('javascript:');
    expect(md).toContain('- **Concept papers:** Concept paper (English, version 1)');
    expect(renderAnnex(annex, 'csv').filename).toBe('progress-report-annex-open-ended-working-group-on-ict-security-2021-2025.csv');
  });
});
