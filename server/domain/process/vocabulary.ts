import { z } from 'zod';

// The words of a process and its proposals register (SPEC.md, PROCESS / PROPOSAL / PAPER / FEEDBACK), as
// closed sets. Everything stored or sent uses exactly these strings.

/**
 * Where a proposal stands (PROPOSAL-5). The first six are the road from "what" to "how", in order;
 * `merged` and `withdrawn` are final (PROPOSAL-6).
 */
export const PROPOSAL_STATUSES = [
  'put-forward',
  'under-study',
  'question-to-proponent',
  'elaborated',
  'discussed',
  'reflected',
  'merged',
  'withdrawn',
] as const;
export const ProposalStatus = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

/** The statuses staff set by `proposal.setStatus`; merging and withdrawing have their own commands. */
export const SETTABLE_STATUSES = ['under-study', 'question-to-proponent', 'elaborated', 'discussed', 'reflected'] as const;
export const SettableStatus = z.enum(SETTABLE_STATUSES);
export type SettableStatus = z.infer<typeof SettableStatus>;

export const FINAL_STATUSES: readonly ProposalStatus[] = ['merged', 'withdrawn'];
export const isFinalStatus = (status: ProposalStatus): boolean => status === 'merged' || status === 'withdrawn';

/** Where a proposal was first heard (PROPOSAL-1). */
export const PROPOSAL_SOURCES = ['intervention', 'written-input', 'breakout-report', 'manual'] as const;
export const ProposalSourceKind = z.enum(PROPOSAL_SOURCES);
export type ProposalSourceKind = z.infer<typeof ProposalSourceKind>;

/** The element of the framework of responsible State behaviour a proposal implements. */
export const FRAMEWORK_ELEMENTS = ['norm', 'confidence-building-measure', 'capacity-building-principle', 'other'] as const;
export const FrameworkElement = z.enum(FRAMEWORK_ELEMENTS);
export type FrameworkElement = z.infer<typeof FrameworkElement>;

/** The six official languages of the United Nations: a concept paper is written in one of them (PAPER-1). */
export const PAPER_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export const PaperLanguage = z.enum(PAPER_LANGUAGES);
export type PaperLanguage = z.infer<typeof PaperLanguage>;
