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
import { registerFonts } from './pdfFonts.js';
import { drawLine, layoutText, lineHeight, type LaidOutLine, type TextOptions } from './pdfText.js';
import { agendaTable, inputsTable, participationTables, speakersTable, type TextTable } from '../summaryTables.js';

// A PDF drawn with pdfkit: no browser, no script, nothing fetched (docs/reliability.md: exports). Every script the
// summary may hold (Latin with any accent, Cyrillic, Arabic, Chinese/Japanese, Korean) is drawn with fonts the
// project's own install brings (pdfFonts.ts, pdfText.ts): embedded and subset, shaped by fontkit, ordered by the Unicode
// bidi algorithm, and an Arabic summary is laid out right to left (numbers, bullets and table columns
// mirrored). The PDF is tagged (a structure tree of headings, paragraphs, lists and tables, and the
// document's /Lang) so that a screen reader reads it in order; page numbers, rules and bars are artifacts.

const MARGIN = 56;
const FOOTER_Y_FROM_BOTTOM = 36;
const NUMBER_INDENT = 26;
const NUMERIC = /^[+-]?\d+$/;

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
/** Each element's tag, for its marked content (pdfkit keeps it in a private dictionary). */
const TAGS = new WeakMap<Struct, string>();

class PdfWriter {
  readonly width: number;
  readonly rtl: boolean;
  private list: Struct | null = null;
  constructor(
    readonly doc: Doc,
    readonly words: SummaryWords,
    readonly root: Struct,
  ) {
    this.width = doc.page.width - 2 * MARGIN;
    this.rtl = words.dir === 'rtl';
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  /** x of a box `width` wide placed `offset` from the start edge (the right edge in an Arabic summary). */
  private at(offset: number, width: number): number {
    return this.rtl ? MARGIN + this.width - offset - width : MARGIN + offset;
  }

  /** A tagged element: its lines are marked content of `el`, split where a page breaks. */
  private element(tag: string, parent: Struct = this.root): Struct {
    // Consecutive bullets are the items of one list (L); anything else at the top level closes it.
    if (parent === this.root && this.list && tag !== 'L') {
      this.list.end();
      this.list = null;
    }
    const el = this.doc.struct(tag);
    TAGS.set(el, tag);
    parent.add(el);
    return el;
  }

  /** Draws wrapped text at `offset` from the start edge, `width` wide, as content of `el`; breaks pages between lines. */
  private block(
    el: Struct,
    text: string,
    offset: number,
    width: number,
    options: Omit<TextOptions, 'rtl'> & { align?: 'start' | 'end' | 'center' },
    laidOut?: LaidOutLine[],
  ): void {
    const doc = this.doc;
    const opts = { ...options, rtl: this.rtl };
    const lines = laidOut ?? layoutText(doc, text, width, opts);
    const lh = lineHeight(options.size);
    let content = doc.markStructureContent(TAGS.get(el)!);
    el.add(content);
    for (const line of lines) {
      if (doc.y + lh > this.bottom) {
        doc.endMarkedContent();
        doc.addPage();
        content = doc.markStructureContent(TAGS.get(el)!);
        el.add(content);
      }
      drawLine(doc, line, this.at(offset, width), doc.y, width, opts);
      doc.y += lh;
    }
    doc.endMarkedContent();
  }

  private ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  heading(text: string, level: 0 | 1 | 2): void {
    const size = [18, 14, 11.5][level];
    this.ensure(lineHeight(size) + 40);
    this.doc.y += level === 0 ? 0 : 8;
    const el = this.element(['H1', 'H2', 'H3'][level]);
    this.block(el, text, 0, this.width, { style: 'bold', size });
    el.end();
    this.doc.y += 4;
  }

  text(text: string, options: { bold?: boolean; italic?: boolean; size?: number } = {}): void {
    const el = this.element('P');
    this.block(el, text, 0, this.width, { style: options.bold ? 'bold' : options.italic ? 'italic' : 'regular', size: options.size ?? 10 });
    el.end();
    this.doc.y += 5;
  }

  numbered(p: Paragraph): void {
    this.ensure(lineHeight(10) * 2);
    const el = this.element('P');
    const y = this.doc.y;
    this.block(el, `${p.number}.`, 0, NUMBER_INDENT, { style: 'regular', size: 10 });
    this.doc.y = y;
    this.block(el, p.text, NUMBER_INDENT, this.width - NUMBER_INDENT, { style: 'regular', size: 10 });
    el.end();
    this.doc.y += 6;
  }

  bullet(label: string, text: string): void {
    this.ensure(lineHeight(10));
    this.list ??= this.element('L');
    const item = this.element('LI', this.list);
    const y = this.doc.y;
    const lbl = this.element('Lbl', item);
    this.block(lbl, '•', 8, 10, { style: 'regular', size: 10 });
    lbl.end();
    this.doc.y = y;
    const body = this.element('LBody', item);
    this.block(body, `${label}${text}`, NUMBER_INDENT, this.width - NUMBER_INDENT, { style: 'regular', size: 10 });
    body.end();
    item.end();
    this.doc.y += 4;
  }

  /** A simple grid: header row repeated on each page, rows never split across pages; columns mirrored right to left. */
  table(t: TextTable, fontSize = 7.5): void {
    const doc = this.doc;
    const total = t.widths.reduce((a, b) => a + b, 0);
    const widths = t.widths.map((w) => (w / total) * this.width);
    const offsets = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
    const pad = 2.5;
    const lh = lineHeight(fontSize);
    const table = this.element('Table');
    // Each cell is laid out once: its line count sizes the row, then its lines are drawn.
    const layoutRow = (cells: string[], header: boolean) =>
      cells.map((c, i) => layoutText(doc, c, widths[i] - 2 * pad, { style: header ? 'bold' : 'regular', size: fontSize, rtl: this.rtl }));
    const rowHeight = (laid: LaidOutLine[][]) => Math.max(...laid.map((lines) => lines.length)) * lh + 2 * pad;
    const drawRow = (cells: string[], header: boolean, h: number, laid: LaidOutLine[][]) => {
      const y = doc.y;
      doc.markContent('Artifact', { type: 'Layout' });
      if (header) doc.rect(MARGIN, y, this.width, h).fill('#e7e6e6').fillColor('black');
      cells.forEach((_, i) => doc.lineWidth(0.4).strokeColor('#888').rect(this.at(offsets[i], widths[i]), y, widths[i], h).stroke());
      doc.endMarkedContent();
      const tr = this.element('TR', table);
      cells.forEach((c, i) => {
        doc.y = y + pad;
        const cell = this.element(header ? 'TH' : 'TD', tr);
        const align = !header && NUMERIC.test(c) ? 'end' : 'start';
        this.block(cell, c, offsets[i] + pad, widths[i] - 2 * pad, { style: header ? 'bold' : 'regular', size: fontSize, align }, laid[i]);
        cell.end();
      });
      tr.end();
      doc.x = MARGIN;
      doc.y = y + h;
    };
    const header = layoutRow(t.header, true);
    const headerHeight = rowHeight(header);
    this.ensure(headerHeight * 2);
    drawRow(t.header, true, headerHeight, header);
    for (const r of t.rows) {
      const laid = layoutRow(r, false);
      const h = rowHeight(laid);
      if (doc.y + h > this.bottom) {
        doc.addPage();
        drawRow(t.header, true, headerHeight, header);
      }
      drawRow(r, false, h, laid);
    }
    table.end();
    doc.y += 10;
  }

  /** Planned (grey) and actual (blue) bars per agenda item; the bars grow from the start edge. */
  timeUseChart(summary: Summary): void {
    const doc = this.doc;
    const rows = summary.timeUse;
    const max = Math.max(1, ...rows.map((r) => Math.max(r.plannedMinutes, r.actualMinutes ?? 0)));
    const labelW = this.width * 0.35;
    const barW = this.width * 0.5;
    const rowH = 20;
    const figure = this.element('Figure');
    for (const r of rows) {
      this.ensure(rowH);
      const y = doc.y;
      doc.y = y + 2;
      const label = r.label.length > 48 ? `${r.label.slice(0, 47)}…` : r.label;
      this.block(figure, label, 0, labelW - 6, { style: 'regular', size: 8 });
      doc.markContent('Artifact', { type: 'Layout' });
      const planned = (r.plannedMinutes / max) * barW;
      const actual = ((r.actualMinutes ?? 0) / max) * barW;
      doc.rect(this.at(labelW, planned), y + 2, planned, 7).fill('#bbbbbb');
      doc.rect(this.at(labelW, actual), y + 10, actual, 7).fill('#2b6cb0');
      doc.fillColor('black');
      doc.endMarkedContent();
      doc.y = y + 5;
      const pair = this.words.t('chart.minutesPair', { planned: r.plannedMinutes, actual: r.actualMinutes ?? '—' });
      this.block(figure, pair, labelW + barW + 6, this.width - labelW - barW - 6, { style: 'regular', size: 8 });
      doc.x = MARGIN;
      doc.y = y + rowH;
    }
    doc.y += 4;
    this.block(figure, this.words.t('chart.legend'), 0, this.width, { style: 'regular', size: 8 });
    figure.end();
    doc.y += 10;
  }

  /** "Page n of m" on every page, written once the page count is known (pages are buffered); an artifact. */
  footers(): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing inside the bottom margin would otherwise make pdfkit start a new page.
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const opts = { style: 'regular' as const, size: 8, rtl: this.rtl, color: '#444', align: 'center' as const };
      const [line] = layoutText(doc, this.words.t('page.of', { page: i + 1, pages: range.count }), this.width, opts);
      doc.markContent('Artifact', { type: 'Pagination' });
      drawLine(doc, line, MARGIN, doc.page.height - FOOTER_Y_FROM_BOTTOM, this.width, opts);
      doc.endMarkedContent();
      doc.page.margins.bottom = bottomMargin;
    }
  }
}

/** `language`: the words around the record (headings, tables, labels); the paragraphs are the record's own. */
export function renderPdf(summary: Summary, options: { language?: string } = {}): Promise<Buffer> {
  const m = summary.metadata;
  const words = wordsFor(options.language ?? m.language);
  const HEADINGS = headingsOf(words);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: words.language,
    tagged: true,
    pdfVersion: '1.7',
    displayTitle: true,
    info: { Title: titleLine(summary, words), Author: 'Convene', Creator: 'Convene', CreationDate: new Date(m.generatedAt) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const w = new PdfWriter(doc, words, root);

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
      for (const d of q.deferredSpeakers)
        w.bullet(`${words.t('annex.notHeard')} `, `${d.organization} (${d.name}), ${notHeardOutcome(d, words)}`);
    }
    const rooms = breakoutAnnexLines(summary, words);
    if (rooms.length > 0) {
      w.heading(HEADINGS.breakouts, 2);
      rooms.forEach((l) => w.bullet('', l));
    }
  }
  root.end();
  w.footers();
  doc.end();
  return done;
}
