import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { assertNever } from '../../domain/events.js';
import {
  categoryLabels,
  headingsOf,
  metadataLine,
  notHeardOutcome,
  participationCount,
  proposalLabel,
  proposalText,
  questionHeading,
  statusLine,
  titleLine,
} from '../labels.js';
import { wordsFor, type SummaryWords } from '../summaryWords.js';
import type { Paragraph, Summary } from '../Summary.js';
import { breakoutAnnexLines, breakoutBlocks } from '../breakoutBlocks.js';
import { agendaTable, inputsTable, participationTables, speakersTable, type TextTable } from '../summaryTables.js';

// A PDF drawn with pdfkit: no browser, no script, nothing fetched (security notes §1.6). The standard
// Helvetica covers Latin-1 only; Arabic, Russian (and accented names beyond Latin-1) need an embedded
// Unicode font, so DejaVu Sans is used when the system has it. No CJK font is assumed: Chinese text needs
// one installed (e.g. Noto Sans CJK) and passed as `fonts`. pdfkit does not reorder right-to-left text.

export interface PdfFonts {
  regular: string;
  bold: string;
  italic: string;
}

const DEJAVU_DIR = '/usr/share/fonts/truetype/dejavu';
const DEJAVU: PdfFonts = {
  regular: `${DEJAVU_DIR}/DejaVuSans.ttf`,
  bold: `${DEJAVU_DIR}/DejaVuSans-Bold.ttf`,
  italic: `${DEJAVU_DIR}/DejaVuSans-Oblique.ttf`,
};
const HELVETICA: PdfFonts = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };

let systemFonts: PdfFonts | null = null;

/** DejaVu Sans when installed (Latin, Cyrillic, Greek, Arabic), else the built-in Helvetica. */
export function defaultPdfFonts(): PdfFonts {
  systemFonts ??= [DEJAVU.regular, DEJAVU.bold, DEJAVU.italic].every((f) => existsSync(f)) ? DEJAVU : HELVETICA;
  return systemFonts;
}

const MARGIN = 56;
const FOOTER_Y_FROM_BOTTOM = 36;
const NUMBER_INDENT = 26;
const NUMERIC = /^[+-]?\d+$/;

type Doc = PDFKit.PDFDocument;

class PdfWriter {
  readonly width: number;
  constructor(
    readonly doc: Doc,
    readonly fonts: PdfFonts,
    readonly words: SummaryWords,
  ) {
    this.width = doc.page.width - 2 * MARGIN;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  private ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  heading(text: string, level: 0 | 1 | 2): void {
    const size = [18, 14, 11.5][level];
    this.doc.font(this.fonts.bold).fontSize(size);
    const h = this.doc.heightOfString(text, { width: this.width });
    this.ensure(h + 40);
    this.doc.moveDown(level === 0 ? 0 : 0.6);
    this.doc.text(text, MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }

  text(text: string, options: { bold?: boolean; italic?: boolean; size?: number } = {}): void {
    this.doc.font(options.bold ? this.fonts.bold : options.italic ? this.fonts.italic : this.fonts.regular).fontSize(options.size ?? 10);
    this.doc.text(text, MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.4);
  }

  numbered(p: Paragraph): void {
    this.doc.font(this.fonts.regular).fontSize(10);
    const w = this.width - NUMBER_INDENT;
    this.ensure(Math.min(this.doc.heightOfString(p.text, { width: w }), 40));
    const y = this.doc.y;
    this.doc.text(`${p.number}.`, MARGIN, y, { width: NUMBER_INDENT, lineBreak: false });
    this.doc.text(p.text, MARGIN + NUMBER_INDENT, y, { width: w });
    this.doc.moveDown(0.5);
  }

  bullet(label: string, text: string): void {
    this.ensure(14);
    const y = this.doc.y;
    this.doc.font(this.fonts.regular).fontSize(10).text('•', MARGIN + 8, y, { width: 10, lineBreak: false });
    this.doc.font(this.fonts.italic).text(label, MARGIN + NUMBER_INDENT, y, { width: this.width - NUMBER_INDENT, continued: true });
    this.doc.font(this.fonts.regular).text(text);
    this.doc.moveDown(0.3);
  }

  /** A simple grid: header row repeated on each page, rows never split across pages. */
  table(t: TextTable, fontSize = 7.5): void {
    const doc = this.doc;
    const total = t.widths.reduce((a, b) => a + b, 0);
    const widths = t.widths.map((w) => (w / total) * this.width);
    const pad = 2.5;
    const rowHeight = (cells: string[], font: string) => {
      doc.font(font).fontSize(fontSize);
      return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 2 * pad }))) + 2 * pad;
    };
    const drawRow = (cells: string[], header: boolean, h: number) => {
      const font = header ? this.fonts.bold : this.fonts.regular;
      const y = doc.y;
      let x = MARGIN;
      if (header) doc.rect(MARGIN, y, this.width, h).fill('#e7e6e6').fillColor('black');
      doc.font(font).fontSize(fontSize);
      cells.forEach((c, i) => {
        doc.lineWidth(0.4).strokeColor('#888').rect(x, y, widths[i], h).stroke();
        doc.text(c, x + pad, y + pad, { width: widths[i] - 2 * pad, align: !header && NUMERIC.test(c) ? 'right' : 'left' });
        x += widths[i];
      });
      doc.x = MARGIN;
      doc.y = y + h;
    };
    const headerHeight = rowHeight(t.header, this.fonts.bold);
    this.ensure(headerHeight * 2);
    drawRow(t.header, true, headerHeight);
    for (const r of t.rows) {
      const h = rowHeight(r, this.fonts.regular);
      if (doc.y + h > this.bottom) {
        doc.addPage();
        drawRow(t.header, true, headerHeight);
      }
      drawRow(r, false, h);
    }
    doc.moveDown(0.8);
  }

  /** Planned (grey) and actual (blue) bars per agenda item. */
  timeUseChart(summary: Summary): void {
    const doc = this.doc;
    const rows = summary.timeUse;
    const max = Math.max(1, ...rows.map((r) => Math.max(r.plannedMinutes, r.actualMinutes ?? 0)));
    const labelW = this.width * 0.35;
    const barW = this.width * 0.5;
    const rowH = 20;
    for (const r of rows) {
      this.ensure(rowH);
      const y = doc.y;
      doc.font(this.fonts.regular).fontSize(8).fillColor('black');
      doc.text(r.label, MARGIN, y + 2, { width: labelW - 6, height: rowH - 2, ellipsis: true });
      doc.rect(MARGIN + labelW, y + 2, (r.plannedMinutes / max) * barW, 7).fill('#bbbbbb');
      doc.rect(MARGIN + labelW, y + 10, ((r.actualMinutes ?? 0) / max) * barW, 7).fill('#2b6cb0');
      doc.fillColor('black').text(this.words.t('chart.minutesPair', { planned: r.plannedMinutes, actual: r.actualMinutes ?? '—' }), MARGIN + labelW + barW + 6, y + 5, { width: this.width - labelW - barW - 6 });
      doc.x = MARGIN;
      doc.y = y + rowH;
    }
    doc.font(this.fonts.regular).fontSize(8).text(this.words.t('chart.legend'), MARGIN, doc.y + 4, { width: this.width });
    doc.moveDown(0.8);
  }

  /** "Page n of m" on every page, written once the page count is known (pages are buffered). */
  footers(): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing inside the bottom margin would otherwise make pdfkit start a new page.
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font(this.fonts.regular).fontSize(8).fillColor('#444');
      doc.text(this.words.t('page.of', { page: i + 1, pages: range.count }), MARGIN, doc.page.height - FOOTER_Y_FROM_BOTTOM, { width: this.width, align: 'center', lineBreak: false });
      doc.page.margins.bottom = bottomMargin;
    }
  }
}

/** `language`: the words around the record (headings, tables, labels); the paragraphs are the record's own. */
export function renderPdf(summary: Summary, options: { fonts?: PdfFonts; language?: string } = {}): Promise<Buffer> {
  const m = summary.metadata;
  const words = wordsFor(options.language ?? m.language);
  const HEADINGS = headingsOf(words);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: words.language,
    displayTitle: true,
    info: { Title: titleLine(summary, words), Author: 'Convene', Creator: 'Convene', CreationDate: new Date(m.generatedAt) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const w = new PdfWriter(doc, options.fonts ?? defaultPdfFonts(), words);

  w.heading(titleLine(summary, words), 0);
  if (m.theme) w.text(`${words.t('heading.theme')} ${m.theme}`);
  w.text(metadataLine(summary, words));
  w.text(statusLine(summary, words), { italic: true, size: 9 });
  summary.opening.forEach((p) => w.numbered(p));
  w.heading(HEADINGS.questions, 1);
  for (const q of summary.questions) {
    w.heading(questionHeading(q.number, q.text, words), 2);
    q.paragraphs.forEach((p) => w.numbered(p));
    if (q.proposals.length > 0) {
      w.text(HEADINGS.proposals, { bold: true });
      for (const p of q.proposals) w.bullet(`${proposalLabel(words, p.kind)}: `, proposalText(p, words));
    }
  }
  if (summary.generalDiscussion.length > 0) {
    w.heading(HEADINGS.general, 1);
    summary.generalDiscussion.forEach((p) => w.numbered(p));
  }
  if (summary.breakouts) {
    w.heading(HEADINGS.breakouts, 1);
    for (const b of breakoutBlocks(summary, words)) {
      switch (b.kind) {
        case 'heading':
          if (b.level === 3) w.heading(b.text, 2);
          else w.text(b.text, { bold: true });
          break;
        case 'paragraphs':
          b.paragraphs.forEach((p) => w.numbered(p));
          break;
        case 'list':
          w.text(b.title, { italic: true });
          b.items.forEach((i) => w.bullet('', i));
          break;
        case 'table':
          if (b.title) w.text(b.title, { italic: true });
          w.table(b.table);
          break;
        default:
          assertNever(b);
      }
    }
  }
  w.heading(HEADINGS.closing, 1);
  summary.closing.forEach((p) => w.numbered(p));

  const p = summary.participation;
  w.heading(HEADINGS.annexParticipation, 1);
  w.text(participationCount(summary, words));
  participationTables(summary, words).forEach((t) => w.table(t, 9));
  const categories = categoryLabels(words);
  for (const g of p.organizations) w.text(`${categories[g.category]}: ${g.names.join('; ')}`, { size: 9 });
  w.heading(HEADINGS.annexAgenda, 1);
  w.table(agendaTable(summary, words), 9);
  w.heading(HEADINGS.timeUse, 2);
  w.timeUseChart(summary);
  w.heading(HEADINGS.annexInputs, 1);
  w.table(inputsTable(summary, words));
  w.heading(HEADINGS.annexSpeakers, 1);
  w.table(speakersTable(summary, words));
  const attributive = summary.annexes.attributive;
  if (attributive) {
    w.heading(HEADINGS.annexAttributive, 1);
    for (const q of attributive.questions) {
      w.heading(words.t('heading.questionNumber', { number: q.questionNumber }), 2);
      for (const s of q.statements) w.bullet(s.name ? `${s.organization} (${s.name}): ` : `${s.organization}: `, s.text);
      for (const d of q.deferredSpeakers) w.bullet(`${words.t('annex.notHeard')} `, `${d.organization} (${d.name}), ${notHeardOutcome(d, words)}`);
    }
    const rooms = breakoutAnnexLines(summary, words);
    if (rooms.length > 0) {
      w.heading(HEADINGS.breakouts, 2);
      rooms.forEach((l) => w.bullet('', l));
    }
  }
  w.footers();
  doc.end();
  return done;
}
