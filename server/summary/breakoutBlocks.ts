import { headingsOf } from './labels.js';
import type { SummaryWords } from './summaryWords.js';
import type { Paragraph, Summary } from './Summary.js';
import { breakoutRoomsTable, implementationTable, type TextTable } from './summaryTables.js';

// The breakouts section laid out once, as a list of blocks, so that Markdown, HTML, DOCX and PDF show the same
// headings, paragraphs, lists and tables in the same order; each renderer only draws the blocks. Paragraph
// text is taken from `breakouts.paragraphs` by number, so the Chair's edits (applied there) show.

export type BreakoutBlock =
  /** level 3: a round; level 4: a room. */
  | { kind: 'heading'; level: 3 | 4; text: string }
  | { kind: 'paragraphs'; paragraphs: Paragraph[] }
  | { kind: 'list'; title: string; items: string[] }
  | { kind: 'table'; title: string | null; table: TextTable };

export function breakoutBlocks(summary: Summary, w: SummaryWords): BreakoutBlock[] {
  const section = summary.breakouts;
  if (!section) return [];
  const HEADINGS = headingsOf(w);
  const byNumber = new Map(section.paragraphs.map((p) => [p.number, p]));
  const placed = new Set<number>();
  const paragraphsOf = (numbers: number[] | undefined): BreakoutBlock[] => {
    const ps = (numbers ?? []).map((n) => byNumber.get(n)).filter((p): p is Paragraph => p !== undefined);
    ps.forEach((p) => placed.add(p.number));
    return ps.length > 0 ? [{ kind: 'paragraphs', paragraphs: ps }] : [];
  };
  const blocks: BreakoutBlock[] = [];
  section.rounds.forEach((round, i) => {
    const name = round.title
      ? w.t('breakout.roundHeading', { number: i + 1, title: round.title })
      : w.t('breakout.roundName', { number: i + 1 });
    blocks.push({ kind: 'heading', level: 3, text: name }, ...paragraphsOf(round.paragraphNumbers));
    blocks.push({ kind: 'table', title: null, table: breakoutRoomsTable(round, w) });
    for (const room of round.rooms) {
      blocks.push(
        { kind: 'heading', level: 4, text: room.theme ? w.t('breakout.roomHeading', { room: room.name, theme: room.theme }) : room.name },
        ...paragraphsOf(room.paragraphNumbers),
      );
      const report = room.report;
      if (!report) continue;
      if (report.proposals.length > 0) blocks.push({ kind: 'list', title: HEADINGS.breakoutProposals, items: report.proposals });
      const steps = implementationTable(room, w);
      if (steps) blocks.push({ kind: 'table', title: HEADINGS.breakoutImplementation, table: steps });
      if (report.openQuestions.length > 0)
        blocks.push({ kind: 'list', title: HEADINGS.breakoutOpenQuestions, items: report.openQuestions });
    }
  });
  // Paragraphs no round or room claims (a summary of the first schema) lead the section, in their order.
  const loose = section.paragraphs.filter((p) => !placed.has(p.number));
  return loose.length > 0 ? [{ kind: 'paragraphs', paragraphs: loose }, ...blocks] : blocks;
}

/** The attributive annex's breakout lines: who facilitated and who reported, room by room (never in the body). */
export function breakoutAnnexLines(summary: Summary, w: SummaryWords): string[] {
  const who = (p: { organization: string; name: string } | null): string =>
    p ? w.t('breakout.who', { name: p.name, organization: p.organization }) : w.t('breakout.noneNamed');
  const rows = summary.annexes.attributive?.breakouts ?? [];
  const roundNumber = new Map((summary.breakouts?.rounds ?? []).map((r, i) => [r.roundId, i + 1]));
  return rows.map((r) =>
    w.t('breakout.annexLine', {
      round: roundNumber.get(r.roundId) ?? '?',
      room: r.roomName,
      theme: r.theme,
      facilitator: who(r.facilitator),
      rapporteur: who(r.rapporteur),
      report: r.reportedBy ? w.t('breakout.reportBy', { who: who(r.reportedBy) }) : w.t('breakout.noReportShort'),
    }),
  );
}
