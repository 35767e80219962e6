import type { ProcessView } from '../../../../server/domain/process/visibility.js';

// "My proposals" (docs/processes.md): what a proponent has to do across a process — the questions staff put to
// it and not yet answered, its papers, the feedback it received. Pure: read from the process's own view.

export interface MyProposal {
  id: string;
  number: number;
  title: string;
  status: string;
  /** Questions put to me (or to all proponents), not yet answered, oldest first. */
  openQuestions: { id: string; text: string; askedAt: string }[];
  answeredCount: number;
  papers: { id: string; title: string; versions: number; published: boolean }[];
  feedbackCount: number;
  /** Visible comments on its papers, oldest first (FEEDBACK-3: hidden ones are not in the view). */
  feedback: { id: string; text: string }[];
  /** Neither merged nor withdrawn: papers may still be uploaded (PAPER-1). */
  live: boolean;
}

export function myProposals(view: ProcessView): MyProposal[] {
  const memberId = view.me.memberId;
  if (!memberId) return [];
  return Object.values(view.proposals)
    .filter((p) => p.proponents.some((x) => x.memberId === memberId))
    .sort((a, b) => a.number - b.number)
    .map((proposal) => {
      const questions = Object.values(view.questions).filter((q) => q.proposalId === proposal.id);
      const papers = Object.values(view.papers).filter((p) => p.proposalId === proposal.id);
      const paperIds = new Set(papers.map((p) => p.id));
      const feedback = Object.values(view.feedback)
        .filter((f) => paperIds.has(f.paperId) && !f.hidden)
        .sort((a, b) => a.at.localeCompare(b.at));
      return {
        id: proposal.id,
        number: proposal.number,
        title: proposal.title,
        status: proposal.status,
        openQuestions: questions
          .filter((q) => q.answer === null && (q.toMemberId === null || q.toMemberId === memberId))
          .sort((a, b) => a.askedAt.localeCompare(b.askedAt))
          .map((q) => ({ id: q.id, text: q.text, askedAt: q.askedAt })),
        answeredCount: questions.filter((q) => q.answer !== null).length,
        papers: papers.map((p) => ({
          id: p.id,
          title: p.versions.at(-1)?.title ?? '',
          versions: p.versions.length,
          published: p.publishedVersion !== null,
        })),
        feedbackCount: feedback.length,
        feedback: feedback.map((f) => ({ id: f.id, text: f.text })),
        live: proposal.status !== 'merged' && proposal.status !== 'withdrawn',
      };
    });
}
