import PDFDocument from 'pdfkit';
import { PROPOSAL_STATUSES } from '../../domain/process/vocabulary.js';
import { fontFiles } from '../render/pdfFonts.js';
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

// The annex as a PDF drawn with pdfkit, as the Chair's summary's (renderPdf.ts): no browser, no script,
// nothing fetched; the summary's own Noto Sans from the project's install (Latin with any accent, Cyrillic).
// Arabic shaping, bidi and CJK (render/pdfText.ts) are not wired into the annex yet. Text flows and breaks
// pages by itself; "Page n of m" is written on every page at the end.

export interface PdfFonts {
  regular: string;
  bold: string;
  italic: string;
}

const defaultPdfFonts = (): PdfFonts => fontFiles().latin;

const MARGIN = 56;

export function renderAnnexPdf(annex: Annex, options: { fonts?: PdfFonts } = {}): Promise<Buffer> {
  const fonts = options.fonts ?? defaultPdfFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: annex.metadata.language,
    displayTitle: true,
    info: {
      Title: `${ANNEX_TITLE}: ${annex.metadata.title}`,
      Author: 'Convene',
      Creator: 'Convene',
      CreationDate: new Date(annex.metadata.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const text = (value: string, size = 10, bold = false) =>
    doc
      .font(bold ? fonts.bold : fonts.regular)
      .fontSize(size)
      .fillColor('#111')
      .text(value, MARGIN, undefined, { width });
  const heading = (value: string, size: number) => {
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
    doc.moveDown(0.6);
    text(value, size, true);
    doc.moveDown(0.2);
  };
  const field = (label: string, value: string) =>
    doc.font(fonts.bold).fontSize(9.5).text(`${label}: `, MARGIN, undefined, { width, continued: true }).font(fonts.regular).text(value);

  const c = annex.counts;
  heading(ANNEX_TITLE, 16);
  text(annex.metadata.title, 11, true);
  text(countsLine(annex));
  heading('Proposals by status', 13);
  for (const s of PROPOSAL_STATUSES) field(STATUS_LABELS[s], String(c.byStatus[s]));
  heading('Proposals by theme', 13);
  for (const t of c.byTheme)
    field(
      t.theme,
      `${t.total} (${PROPOSAL_STATUSES.filter((s) => t.byStatus[s] > 0)
        .map((s) => `${STATUS_LABELS[s]} ${t.byStatus[s]}`)
        .join('; ')})`,
    );
  for (const { theme, proposals } of annex.themes) {
    heading(theme, 13);
    for (const p of proposals) {
      heading(`Proposal ${p.number}: ${p.title}`, 11);
      text(p.description);
      field('Status', statusText(p));
      if (p.questionRef) field('Guiding question or agenda item', p.questionRef);
      field('Proponents', proponentsLine(p));
      field('Source', sourceText(p));
      for (const [label, value] of implementationRows(p)) field(label, value);
      for (const paper of p.papers) field('Concept paper', `${paperLabel(paper)}, ${paper.url}`);
    }
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(fonts.regular)
      .fontSize(8)
      .fillColor('#444')
      .text(`Page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - 36, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
