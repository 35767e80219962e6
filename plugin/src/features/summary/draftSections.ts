import type { SummaryDraftResponse } from '../../../../server/domain/wireContract.js';
import { i18n } from '../../i18n/i18n.js';
import { paragraphKeysOf, type ParagraphEdit, type SummaryBody } from '../../../../server/domain/summaryReview/index.js';

// The draft's numbered paragraphs, grouped under their headings, each with its stable key (SUMMARY-2, the
// domain's own `paragraphKeysOf`) and whether the Chair's wording replaced the generated text (SUMMARY-1).
// The JSON draft the server sends already has the edits applied; the edits say which ones.

/** The part of `GET …/summary?format=json` the tab reads, as the wire contract has it (server/domain/wireContract.ts). */
export type DraftSummary = SummaryDraftResponse & SummaryBody;

export interface DraftParagraph {
  key: string;
  number: number;
  text: string;
  edited: boolean;
}

export interface DraftSection {
  id: string;
  title: string;
  paragraphs: DraftParagraph[];
}

/** `question:q1:2` → `question:q1`; `opening:3` → `opening`. */
export const sectionOfKey = (key: string): string => key.slice(0, key.lastIndexOf(':'));

export function draftSections(draft: DraftSummary, edits: Readonly<Record<string, Pick<ParagraphEdit, 'text'>>>): DraftSection[] {
  const titles = new Map<string, string>([
    ['opening', i18n.t('summary.section.opening')],
    ...draft.questions.map(
      (q) => [`question:${q.questionId}`, i18n.t('summary.section.question', { number: q.number, text: q.text })] as [string, string],
    ),
    ['general', i18n.t('summary.section.general')],
    ['breakouts', i18n.t('summary.section.breakouts')],
    ['closing', i18n.t('summary.section.closing')],
  ]);
  const sections: DraftSection[] = [];
  for (const p of paragraphKeysOf(draft)) {
    const id = sectionOfKey(p.key);
    let section = sections.at(-1);
    if (!section || section.id !== id) {
      section = { id, title: titles.get(id) ?? id, paragraphs: [] };
      sections.push(section);
    }
    const edit = edits[p.key];
    section.paragraphs.push({ key: p.key, number: p.number, text: p.text, edited: Boolean(edit && edit.text !== '') });
  }
  return sections;
}

/** Where a correction points, in words: "paragraph 12" or "your entry in the speakers list". */
export function correctionTarget(
  correction: { paragraphKey: string | null; requestId: string | null },
  sections: DraftSection[] | null,
): string {
  if (correction.paragraphKey) {
    const p = sections?.flatMap((s) => s.paragraphs).find((x) => x.key === correction.paragraphKey);
    return p ? i18n.t('summary.paragraphN', { number: p.number }) : i18n.t('summary.paragraphKey', { key: correction.paragraphKey });
  }
  return i18n.t('summary.anEntry');
}

/**
 * `<input type="datetime-local">` gives local wall time without a zone; the command wants an ISO instant.
 * Null when empty or unreadable.
 */
export function instantFromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The value for a datetime-local input, `hours` after `fromMs`, in local time. */
export function localInputValue(fromMs: number, hours: number): string {
  const d = new Date(fromMs + hours * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
