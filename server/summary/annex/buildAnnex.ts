import type { ConceptPaper, Proposal, ProcessState } from '../../domain/process/state.js';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../../domain/process/vocabulary.js';
import { proponentNeutralizer as neutralizerFor } from './proponentNeutralizer.js';
import type { Annex, AnnexPaper, AnnexProposal } from './Annex.js';

// The progress-report annex, built from a process's state alone (pure: the time and the link format come
// in). ANNEX-1..4 in server/domain/SPEC.md: every proposal, grouped by theme; non-attributive as the Chair's
// summary; only published papers linked; counts that add up.

export interface AnnexOptions {
  generatedAt: string;
  language?: string;
  /** The link to a published paper's version; by default the portal page's anchor (`/p/<process>#paper-<id>`). */
  paperUrl?: (processId: string, paperId: string, version: number) => string;
}

const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
export const portalPaperUrl = (processId: string, paperId: string, version: number): string =>
  `/p/${enc(processId)}#paper-${enc(paperId)}-v${version}`;

const zeroCounts = (): Record<ProposalStatus, number> =>
  Object.fromEntries(PROPOSAL_STATUSES.map((s) => [s, 0])) as Record<ProposalStatus, number>;

function annexProposal(state: ProcessState, proposal: Proposal, papers: readonly ConceptPaper[], options: AnnexOptions): AnnexProposal {
  const neutral = neutralizerFor(proposal);
  const n = (text: string | null) => (text === null ? null : neutral(text));
  const impl = proposal.implementation;
  const paperUrl = options.paperUrl ?? portalPaperUrl;
  const published: AnnexPaper[] = papers
    .filter((p) => p.publishedVersion !== null)
    .map((p) => {
      const version = p.versions.find((v) => v.version === p.publishedVersion) ?? p.versions[p.versions.length - 1];
      return {
        paperId: p.id,
        title: neutral(version.title),
        language: version.language,
        version: version.version,
        url: paperUrl(state.id, p.id, version.version),
      };
    });
  return {
    number: proposal.number,
    title: neutral(proposal.title),
    description: neutral(proposal.description),
    questionRef: proposal.questionRef,
    theme: proposal.theme,
    status: proposal.status,
    mergedIntoNumber: proposal.mergedIntoId ? (state.proposals[proposal.mergedIntoId]?.number ?? null) : null,
    action: n(impl.action),
    implementers: n(impl.implementers),
    beneficiaries: impl.beneficiaries,
    resources: n(impl.resources),
    timeline: impl.timeline,
    frameworkElement: impl.frameworkElement,
    namedProponents: proposal.proponents.filter((p) => p.named).map((p) => p.organization),
    otherProponents: proposal.proponents.filter((p) => !p.named).length,
    source: proposal.source.kind,
    engagement: proposal.source.engagementId ? (state.engagements[proposal.source.engagementId]?.title ?? null) : null,
    papers: published,
  };
}

export function buildAnnex(state: ProcessState, options: AnnexOptions): Annex {
  const papersOf = new Map<string, ConceptPaper[]>();
  for (const paper of Object.values(state.papers)) papersOf.set(paper.proposalId, [...(papersOf.get(paper.proposalId) ?? []), paper]);
  // ANNEX-1: themes in alphabetical order (the same in every locale: compared as 'en'), proposals by number.
  const byTheme = new Map<string, AnnexProposal[]>();
  const ordered = Object.values(state.proposals).sort((a, b) => a.number - b.number);
  for (const proposal of ordered) {
    const entry = annexProposal(state, proposal, papersOf.get(proposal.id) ?? [], options);
    byTheme.set(proposal.theme, [...(byTheme.get(proposal.theme) ?? []), entry]);
  }
  const themes = [...byTheme.keys()].sort((a, b) => a.localeCompare(b, 'en')).map((theme) => ({ theme, proposals: byTheme.get(theme)! }));
  // ANNEX-4: the counts are counted from the same proposals the annex lists, so they always add up.
  const byStatus = zeroCounts();
  const themeCounts = themes.map(({ theme, proposals }) => {
    const counts = zeroCounts();
    for (const p of proposals) {
      counts[p.status] += 1;
      byStatus[p.status] += 1;
    }
    return { theme, total: proposals.length, byStatus: counts };
  });
  return {
    schema: 'convene.annex/1',
    metadata: { processId: state.id, title: state.settings.title, language: options.language ?? 'en', generatedAt: options.generatedAt },
    counts: {
      total: ordered.length,
      byStatus,
      byTheme: themeCounts,
      papersPublished: themes.reduce((sum, t) => sum + t.proposals.reduce((s, p) => s + p.papers.length, 0), 0),
    },
    themes,
  };
}
