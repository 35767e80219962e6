import type { BreakoutReportContent, ImplementationStep } from '../../../../server/domain/breakouts/index.js';
import { i18n } from '../../i18n/i18n.js';

// The rapporteur's form keeps free text (one item per line) and who/what/when rows; the command wants lists.
// BREAKOUT-19: at least one item in all; a row needs all three parts.

export interface ReportDraft {
  keyPoints: string;
  proposals: string;
  openQuestions: string;
  implementation: { who: string; what: string; when: string }[];
}

export const emptyReportDraft = (): ReportDraft => ({
  keyPoints: '',
  proposals: '',
  openQuestions: '',
  implementation: [{ who: '', what: '', when: '' }],
});

/** One item per non-empty line; a leading "-", "*", "•" or "1." is list markup, not content. */
export const linesOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim())
    .filter((line) => line.length > 0);

export type ReportCheck = { ok: true; report: BreakoutReportContent } | { ok: false; problems: string[] };

export function reportFromDraft(draft: ReportDraft): ReportCheck {
  const problems: string[] = [];
  const implementation: ImplementationStep[] = [];
  draft.implementation.forEach((row, i) => {
    const who = row.who.trim();
    const what = row.what.trim();
    const when = row.when.trim();
    if (!who && !what && !when) return;
    if (!who || !what || !when) {
      problems.push(i18n.t('breakouts.report.rowIncomplete', { number: i + 1 }));
      return;
    }
    implementation.push({ who, what, when });
  });
  const report: BreakoutReportContent = {
    keyPoints: linesOf(draft.keyPoints),
    proposals: linesOf(draft.proposals),
    implementation,
    openQuestions: linesOf(draft.openQuestions),
  };
  const items = report.keyPoints.length + report.proposals.length + report.implementation.length + report.openQuestions.length;
  if (items === 0 && problems.length === 0) problems.push(i18n.t('breakouts.report.empty'));
  return problems.length ? { ok: false, problems } : { ok: true, report };
}

/** A filed report back into the form, to revise it (a new report replaces the old, BREAKOUT-19). */
export function draftFromReport(report: BreakoutReportContent): ReportDraft {
  return {
    keyPoints: report.keyPoints.join('\n'),
    proposals: report.proposals.join('\n'),
    openQuestions: report.openQuestions.join('\n'),
    implementation: report.implementation.length ? report.implementation.map((s) => ({ ...s })) : [{ who: '', what: '', when: '' }],
  };
}
