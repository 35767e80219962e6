import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { assertNever } from '../../domain/events.js';
import { CATEGORY_LABELS, HEADINGS, PROPOSAL_LABELS, metadataLine, proposalText, questionHeading, statusLine } from '../labels.js';
import type { Paragraph as SummaryParagraph, Summary } from '../Summary.js';
import { breakoutAnnexLines, breakoutBlocks, type BreakoutBlock } from '../breakoutBlocks.js';
import { agendaTable, inputsTable, participationTables, speakersTable, timeUseTable, type TextTable } from '../summaryTables.js';

// A Word document built with `docx`, which XML-escapes every text run. User text only ever goes into text
// runs: no field code (DDE, HYPERLINK, INCLUDETEXT) is ever built from it (docs/reliability.md: exports); the only
// fields are the footer's page numbers. Paragraph numbers are literal text (not Word list numbering) so that
// they match the other formats and stay put when the document is edited or pasted elsewhere.
// The time-use chart is a table whose last column holds bars drawn with block characters.

/** A4 portrait with 2 cm margins: the usable width in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1134;
const NUMBER_INDENT = 567;

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });

const numbered = (p: SummaryParagraph) =>
  new Paragraph({
    children: [new TextRun({ children: [`${p.number}.`, new Tab(), p.text] })],
    indent: { left: NUMBER_INDENT, hanging: NUMBER_INDENT },
    tabStops: [{ type: TabStopType.LEFT, position: NUMBER_INDENT }],
    spacing: { after: 120 },
  });

const plain = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
  new Paragraph({ children: [new TextRun({ text, ...options })], spacing: { after: 120 } });

const NUMERIC = /^[+-]?\d+$/;

function table(t: TextTable): Table {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const columnWidths = t.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: columnWidths[i], type: WidthType.DXA },
      shading: header ? { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } : undefined,
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: !header && NUMERIC.test(line) ? AlignmentType.RIGHT : AlignmentType.LEFT,
            children: [new TextRun({ text: line, bold: header, size: 16 })],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    rows: [
      new TableRow({ tableHeader: true, children: t.header.map((c, i) => cell(c, i, true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

/** The time-use table with a bar column: `░` planned, `█` actual, one block per scaled unit. */
function timeUseChart(summary: Summary): Table {
  const t = timeUseTable(summary);
  const max = Math.max(1, ...summary.timeUse.map((r) => Math.max(r.plannedMinutes, r.actualMinutes ?? 0)));
  const bar = (m: number) => '█'.repeat(Math.round((m / max) * 24));
  const planned = (m: number) => '░'.repeat(Math.round((m / max) * 24));
  return table({
    header: [...t.header, 'Planned ░ / actual █'],
    rows: t.rows.map((r, i) => [...r, `${planned(summary.timeUse[i].plannedMinutes)}\n${bar(summary.timeUse[i].actualMinutes ?? 0)}`]),
    widths: [...t.widths, 5],
  });
}

function block(b: BreakoutBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [heading(b.text, b.level === 3 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3)];
    case 'paragraphs':
      return b.paragraphs.map(numbered);
    case 'list':
      return [plain(b.title, { bold: true }), ...b.items.map((i) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(i)] }))];
    case 'table':
      return [...(b.title ? [plain(b.title, { bold: true })] : []), table(b.table), plain('')];
    default:
      return assertNever(b);
  }
}

export async function renderDocx(summary: Summary): Promise<Buffer> {
  const m = summary.metadata;
  const body: (Paragraph | Table)[] = [];
  body.push(heading(`${HEADINGS.title}: ${m.title}`, HeadingLevel.TITLE));
  if (m.theme) body.push(plain(`Theme: ${m.theme}`));
  body.push(plain(metadataLine(summary)), plain(statusLine(summary), { italics: true }));
  body.push(...summary.opening.map(numbered));
  body.push(heading(HEADINGS.questions, HeadingLevel.HEADING_1));
  for (const q of summary.questions) {
    body.push(heading(questionHeading(q.number, q.text), HeadingLevel.HEADING_2), ...q.paragraphs.map(numbered));
    if (q.proposals.length > 0) {
      body.push(plain(HEADINGS.proposals, { bold: true }));
      for (const p of q.proposals) {
        body.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: `${PROPOSAL_LABELS[p.kind]}: `, italics: true }), new TextRun(proposalText(p))] }));
      }
    }
  }
  if (summary.generalDiscussion.length > 0) body.push(heading(HEADINGS.general, HeadingLevel.HEADING_1), ...summary.generalDiscussion.map(numbered));
  if (summary.breakouts) {
    body.push(heading(HEADINGS.breakouts, HeadingLevel.HEADING_1), ...breakoutBlocks(summary).flatMap(block));
  }
  body.push(heading(HEADINGS.closing, HeadingLevel.HEADING_1), ...summary.closing.map(numbered));

  const p = summary.participation;
  body.push(heading(HEADINGS.annexParticipation, HeadingLevel.HEADING_1), plain(`${p.total} participants from ${p.organizationCount} organizations.`));
  for (const t of participationTables(summary)) body.push(table(t), plain(''));
  for (const g of p.organizations) {
    body.push(new Paragraph({ children: [new TextRun({ text: `${CATEGORY_LABELS[g.category]}: `, bold: true }), new TextRun(g.names.join('; '))] }));
  }
  body.push(heading(HEADINGS.annexAgenda, HeadingLevel.HEADING_1), table(agendaTable(summary)));
  body.push(heading(HEADINGS.timeUse, HeadingLevel.HEADING_2), timeUseChart(summary));
  body.push(heading(HEADINGS.annexInputs, HeadingLevel.HEADING_1), table(inputsTable(summary)));
  body.push(heading(HEADINGS.annexSpeakers, HeadingLevel.HEADING_1), table(speakersTable(summary)));
  const attributive = summary.annexes.attributive;
  if (attributive) {
    body.push(heading(HEADINGS.annexAttributive, HeadingLevel.HEADING_1));
    for (const q of attributive.questions) {
      body.push(heading(`Guiding question ${q.questionNumber}`, HeadingLevel.HEADING_2));
      for (const s of q.statements) {
        body.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: s.name ? `${s.organization} (${s.name}): ` : `${s.organization}: `, bold: true }), new TextRun(s.text)] }));
      }
      for (const d of q.deferredSpeakers) {
        body.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(`Not heard: ${d.organization} (${d.name}), ${d.submittedInWriting ? 'submitted in writing' : 'no written input'}`)] }));
      }
    }
    const rooms = breakoutAnnexLines(summary);
    if (rooms.length > 0) {
      body.push(heading(HEADINGS.breakouts, HeadingLevel.HEADING_2));
      for (const l of rooms) body.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(l)] }));
    }
  }

  const doc = new Document({
    title: `${HEADINGS.title}: ${m.title}`,
    creator: 'Convene',
    lastModifiedBy: 'Convene',
    description: statusLine(summary),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16 })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
