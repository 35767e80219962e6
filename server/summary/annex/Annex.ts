import { z } from 'zod';
import { FRAMEWORK_ELEMENTS, PAPER_LANGUAGES, PROPOSAL_SOURCES, PROPOSAL_STATUSES } from '../../domain/process/vocabulary.js';

// The progress-report annex as data: every proposal of a process, grouped by theme, with its implementation
// fields, status and links to its published concept papers, and the counts by status and by theme. This
// schema IS the JSON export; every renderer reads only this shape (like the Chair's summary, Summary.ts).
// Non-attributive (ANNEX-2): only proponents who agreed to be named are listed by name.

const Count = z.number().int().min(0);
const StatusCounts = z.record(z.enum(PROPOSAL_STATUSES), Count);

export const AnnexPaper = z.object({
  paperId: z.string(),
  title: z.string(),
  language: z.enum(PAPER_LANGUAGES),
  /** The latest published version. */
  version: z.number().int().min(1),
  url: z.string(),
});
export type AnnexPaper = z.infer<typeof AnnexPaper>;

export const AnnexProposal = z.object({
  number: z.number().int().min(1),
  title: z.string(),
  description: z.string(),
  questionRef: z.string().nullable(),
  theme: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  /** The number of the proposal it was merged into, when merged. */
  mergedIntoNumber: z.number().int().min(1).nullable(),
  action: z.string().nullable(),
  implementers: z.string().nullable(),
  beneficiaries: z.array(z.string()),
  resources: z.string().nullable(),
  timeline: z.string().nullable(),
  frameworkElement: z.enum(FRAMEWORK_ELEMENTS).nullable(),
  /** Proponents who agreed to be named (PROPOSAL-8), by organization. */
  namedProponents: z.array(z.string()),
  /** How many proponents are not named. */
  otherProponents: Count,
  source: z.enum(PROPOSAL_SOURCES),
  /** The title of the engagement it was heard in, or null (put forward by hand). */
  engagement: z.string().nullable(),
  papers: z.array(AnnexPaper),
});
export type AnnexProposal = z.infer<typeof AnnexProposal>;

export const Annex = z.object({
  schema: z.literal('convene.annex/1'),
  metadata: z.object({
    processId: z.string(),
    title: z.string(),
    /** The language of the annex's own words (BCP 47). */
    language: z.string(),
    generatedAt: z.string(),
  }),
  counts: z.object({
    total: Count,
    byStatus: StatusCounts,
    /** Themes in the annex's order, each with its count by status. */
    byTheme: z.array(z.object({ theme: z.string(), total: Count, byStatus: StatusCounts })),
    papersPublished: Count,
  }),
  themes: z.array(z.object({ theme: z.string(), proposals: z.array(AnnexProposal) })),
});
export type Annex = z.infer<typeof Annex>;
