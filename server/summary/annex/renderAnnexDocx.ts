import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { PROPOSAL_STATUSES } from '../../domain/process/vocabulary.js';
import type { Annex } from './Annex.js';
import {
  ANNEX_TITLE,
  countsLine,
  STATUS_LABELS,
  implementationRows,
  paperLabel,
  proponentsLine,
  sourceText,
  statusText,
} from './annexLabels.js';

// The annex as a Word document, built like the Chair's summary's (renderDocx.ts): `docx` XML-escapes every
// text run, user text only ever goes into text runs, and no field code is built from it — a paper's link is
// printed as text, never a HYPERLINK field. The only fields are the footer's page numbers.

/** A4 portrait with 2 cm margins: the usable width in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1134;

const plain = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
  new Paragraph({ children: [new TextRun({ text, ...options })], spacing: { after: 120 } });

const field = (label: string, value: string) =>
  new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)], spacing: { after: 60 } });

function countsTable(header: string[], rows: string[][]): Table {
  const width = Math.floor(TEXT_WIDTH / header.length);
  const cell = (text: string, head: boolean, numeric: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      shading: head ? { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } : undefined,
      children: [
        new Paragraph({
          alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: head, size: 16 })],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: header.map(() => width),
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true, false)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, i > 0)) })),
    ],
  });
}

export async function renderAnnexDocx(annex: Annex): Promise<Buffer> {
  const c = annex.counts;
  const body: (Paragraph | Table)[] = [
    new Paragraph({ text: ANNEX_TITLE, heading: HeadingLevel.TITLE }),
    plain(annex.metadata.title, { bold: true }),
    plain(countsLine(annex)),
    new Paragraph({ text: 'Proposals by status', heading: HeadingLevel.HEADING_1 }),
    countsTable(
      ['Status', 'Proposals'],
      PROPOSAL_STATUSES.map((s) => [STATUS_LABELS[s], String(c.byStatus[s])]),
    ),
    new Paragraph({ text: 'Proposals by theme', heading: HeadingLevel.HEADING_1 }),
    countsTable(
      ['Theme', 'Proposals', ...PROPOSAL_STATUSES.map((s) => STATUS_LABELS[s])],
      c.byTheme.map((t) => [t.theme, String(t.total), ...PROPOSAL_STATUSES.map((s) => String(t.byStatus[s]))]),
    ),
  ];
  for (const { theme, proposals } of annex.themes) {
    body.push(new Paragraph({ text: theme, heading: HeadingLevel.HEADING_1 }));
    for (const p of proposals) {
      body.push(new Paragraph({ text: `Proposal ${p.number}: ${p.title}`, heading: HeadingLevel.HEADING_2 }), plain(p.description));
      body.push(field('Status', statusText(p)));
      if (p.questionRef) body.push(field('Guiding question or agenda item', p.questionRef));
      body.push(field('Proponents', proponentsLine(p)), field('Source', sourceText(p)));
      for (const [label, value] of implementationRows(p)) body.push(field(label, value));
      for (const paper of p.papers) body.push(field('Concept paper', `${paperLabel(paper)}, ${paper.url}`));
    }
  }
  const doc = new Document({
    title: `${ANNEX_TITLE}: ${annex.metadata.title}`,
    creator: 'Convene',
    lastModifiedBy: 'Convene',
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
