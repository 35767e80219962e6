import type { FrameworkElement, ProposalSourceKind, ProposalStatus } from '../../domain/process/vocabulary.js';
import type { Annex, AnnexPaper, AnnexProposal } from './Annex.js';

// The words every annex renderer prints, in one place so that the formats say the same thing.

export const ANNEX_TITLE = 'Annex to the progress report: proposals and their implementation';

export const STATUS_LABELS: Record<ProposalStatus, string> = {
  'put-forward': 'Put forward',
  'under-study': 'Under study',
  'question-to-proponent': 'Question to the proponent',
  elaborated: 'Elaborated in a concept paper',
  discussed: 'Discussed',
  reflected: 'Reflected in the progress report',
  merged: 'Merged into another proposal',
  withdrawn: 'Withdrawn',
};

export const FRAMEWORK_LABELS: Record<FrameworkElement, string> = {
  norm: 'Norm',
  'confidence-building-measure': 'Confidence-building measure',
  'capacity-building-principle': 'Capacity-building principle',
  other: 'Other',
};

export const SOURCE_LABELS: Record<ProposalSourceKind, string> = {
  intervention: 'Intervention',
  'written-input': 'Written input',
  'breakout-report': 'Breakout report',
  manual: 'Put forward in writing',
};

export const LANGUAGE_LABELS: Record<AnnexPaper['language'], string> = {
  ar: 'Arabic',
  zh: 'Chinese',
  en: 'English',
  fr: 'French',
  ru: 'Russian',
  es: 'Spanish',
};

/** "Kenya; Fiji and 2 other proponents", "3 proponents (not named)", or "—". */
export function proponentsLine(p: AnnexProposal): string {
  const others = p.otherProponents;
  if (p.namedProponents.length === 0) return others === 0 ? '—' : `${others} proponent${others === 1 ? '' : 's'} (not named)`;
  const names = p.namedProponents.join('; ');
  return others === 0 ? names : `${names} and ${others} other proponent${others === 1 ? '' : 's'}`;
}

export function statusText(p: AnnexProposal): string {
  return p.mergedIntoNumber === null ? STATUS_LABELS[p.status] : `${STATUS_LABELS[p.status]} (proposal ${p.mergedIntoNumber})`;
}

export const paperLabel = (paper: AnnexPaper): string => `${paper.title} (${LANGUAGE_LABELS[paper.language]}, version ${paper.version})`;

/** The implementation fields as label/value pairs, in the annex's order; empty ones print as "—". */
export function implementationRows(p: AnnexProposal): [string, string][] {
  const or = (v: string | null) => (v === null || v === '' ? '—' : v);
  return [
    ['Concrete action', or(p.action)],
    ['Who would implement it', or(p.implementers)],
    ['Who benefits', p.beneficiaries.length === 0 ? '—' : p.beneficiaries.join('; ')],
    ['Resources or capacity needed', or(p.resources)],
    ['Timeline', or(p.timeline)],
    ['Framework element', p.frameworkElement === null ? '—' : FRAMEWORK_LABELS[p.frameworkElement]],
  ];
}

export const sourceText = (p: AnnexProposal): string =>
  p.engagement === null ? SOURCE_LABELS[p.source] : `${SOURCE_LABELS[p.source]}, ${p.engagement}`;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "300 proposals under 8 themes; 1 published concept paper." */
export const countsLine = (annex: Annex): string =>
  `${plural(annex.counts.total, 'proposal', 'proposals')} under ${plural(annex.counts.byTheme.length, 'theme', 'themes')}; ${plural(annex.counts.papersPublished, 'published concept paper', 'published concept papers')}.`;
