import type { ProcessState } from '../domain/process/state.js';
import { projectProcess } from '../domain/process/visibility.js';
import type { PaperLanguage } from '../domain/process/vocabulary.js';
import { proponentNeutralizer } from '../summary/annex/proponentNeutralizer.js';

// What the portal page (`/p/<process>`, no sign-in) lists: the published concept papers by theme and by
// guiding question, each with the proponents who agreed to be named. Built from the portal's own projection
// (PROCESS-VIEW-5), so it can show nothing the projection hides; the titles are neutralized as the annex's
// (ANNEX-2), so a title cannot name a proponent who did not agree to be named. The page itself is not built yet.

export interface PortalPaper {
  paperId: string;
  proposalNumber: number;
  proposalTitle: string;
  title: string;
  language: PaperLanguage;
  version: number;
  attachmentId: string;
  publishedAt: string | null;
  /** Organizations that agreed to be named (PROPOSAL-8). */
  proponents: string[];
}

export interface PortalListing {
  processId: string;
  title: string;
  description: string | null;
  themes: { theme: string; questions: { questionRef: string | null; papers: PortalPaper[] }[] }[];
}

const byText = (a: string | null, b: string | null) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'en', { numeric: true }));

export function portalListing(state: ProcessState): PortalListing {
  const view = projectProcess(state, null);
  const groups = new Map<string, Map<string | null, PortalPaper[]>>();
  for (const paper of Object.values(view.papers)) {
    const proposal = view.proposals[paper.proposalId];
    const latest = paper.versions[paper.versions.length - 1];
    if (!proposal || !latest) continue;
    const neutral = proponentNeutralizer(state.proposals[proposal.id]);
    const entry: PortalPaper = {
      paperId: paper.id,
      proposalNumber: proposal.number,
      proposalTitle: neutral(proposal.title),
      title: neutral(latest.title),
      language: latest.language,
      version: latest.version,
      attachmentId: latest.attachmentId,
      publishedAt: paper.publishedAt,
      proponents: proposal.proponents.filter((p) => p.named).map((p) => p.organization),
    };
    const theme = groups.get(proposal.theme) ?? new Map<string | null, PortalPaper[]>();
    theme.set(proposal.questionRef, [...(theme.get(proposal.questionRef) ?? []), entry]);
    groups.set(proposal.theme, theme);
  }
  return {
    processId: view.id,
    title: view.settings.title,
    description: view.settings.description,
    themes: [...groups.keys()]
      .sort((a, b) => a.localeCompare(b, 'en'))
      .map((theme) => ({
        theme,
        questions: [...groups.get(theme)!.keys()].sort(byText).map((questionRef) => ({
          questionRef,
          papers: groups
            .get(theme)!
            .get(questionRef)!
            .sort((a, b) => a.proposalNumber - b.proposalNumber || a.paperId.localeCompare(b.paperId)),
        })),
      })),
  };
}
