import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { Annex } from '../../../server/summary/annex/Annex.js';
import { buildAnnex } from '../../../server/summary/annex/buildAnnex.js';
import { ANNEX_CSV_COLUMNS } from '../../../server/summary/annex/renderAnnexCsv.js';
import { ANNEX_TEXT_FORMATS, renderAnnex, renderAnnexText } from '../../../server/summary/annex/renderAnnex.js';
import { escapeHtml } from '../../../server/summary/render/renderHtml.js';
import { escapeMarkdown } from '../../../server/summary/render/renderMarkdown.js';
import { neutralizeFormula } from '../../../server/summary/render/renderCsv.js';
import { PROPOSAL_STATUSES } from '../../../server/domain/process/vocabulary.js';
import { parseCsv } from '../support/parseCsv.js';
import { generateYear, type GeneratedYear } from './support/generateYear.js';

// The annex for a generated year (5 engagements, 300 proposals, 120 concept papers): its counts against the
// ledger the generator kept, and every format read back as the Chair's summary's are (renderFormats.test.ts).

const GENERATED_AT = '2026-12-07T12:00:00.000Z';
let cached: GeneratedYear | undefined;
const year = (): GeneratedYear => (cached ??= generateYear());
const dir = mkdtempSync(join(tmpdir(), 'convene-annex-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text a reader's tool gets out of each binary format: Word's document.xml (tags dropped), pdftotext. */
async function docxText(body: Buffer | string): Promise<string> {
  const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
  return xml
    .replace(/<w:p[ >].*?<\/w:p>/gs, (p) => `${p.replace(/<[^>]+>/g, '')}\n`)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
function pdfText(body: Buffer | string): string {
  const file = join(dir, 'annex.pdf');
  writeFileSync(file, body);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
const squash = (s: string): string => s.replace(/\s+/g, ' ');

describe('the progress-report annex for a generated year', () => {
  it("ANNEX-4: given a year of 300 proposals and 120 papers, then the counts by status and by theme match the generator's ledger exactly", () => {
    const { state, ledger } = year();
    expect(Object.keys(state.proposals)).toHaveLength(300);
    expect(Object.keys(state.papers)).toHaveLength(120);
    expect(Object.keys(state.engagements)).toHaveLength(5);
    const annex = buildAnnex(state, { generatedAt: GENERATED_AT });
    expect(annex.counts.total).toBe(ledger.total);
    expect(annex.counts.byStatus).toEqual(ledger.byStatus);
    expect(Object.fromEntries(annex.counts.byTheme.map((t) => [t.theme, t.byStatus]))).toEqual(Object.fromEntries(ledger.byTheme));
    expect(annex.counts.papersPublished).toBe(ledger.papersPublished);
    for (const t of annex.themes)
      for (const p of t.proposals) expect([p.theme, p.status]).toEqual([ledger.themeOf.get(p.number), ledger.statusOf.get(p.number)]);
    // Every status of the road is reached, so the counts are not trivially zero.
    for (const s of PROPOSAL_STATUSES) expect(ledger.byStatus[s], s).toBeGreaterThan(0);
  });

  it('ANNEX-1: given the year, then proposals are grouped by theme in alphabetical order, by number inside a theme, each once', () => {
    const annex = buildAnnex(year().state, { generatedAt: GENERATED_AT });
    const themes = annex.themes.map((t) => t.theme);
    expect(themes).toEqual([...themes].sort((a, b) => a.localeCompare(b, 'en')));
    const numbers = annex.themes.flatMap((t) => t.proposals.map((p) => p.number));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    for (const t of annex.themes)
      expect(t.proposals.map((p) => p.number)).toEqual([...t.proposals.map((p) => p.number)].sort((a, b) => a - b));
  });

  it('ANNEX-2: given proponents who never agreed to be named, then no format names them; those who agreed are named', () => {
    const { state, ledger } = year();
    const annex = buildAnnex(state, { generatedAt: GENERATED_AT });
    expect(ledger.neverNamed.size).toBeGreaterThan(5);
    for (const format of ANNEX_TEXT_FORMATS) {
      const body = renderAnnexText(annex, format).body;
      for (const org of ledger.neverNamed) expect(body.includes(org), `${format} names ${org}`).toBe(false);
      for (const org of ledger.named) expect(body.includes(org), `${format} does not name ${org}`).toBe(true);
    }
  });

  it('ANNEX-3: given papers published and not, then the annex links exactly the published ones, at their published version', () => {
    const { state } = year();
    const annex = buildAnnex(state, { generatedAt: GENERATED_AT });
    const linked = annex.themes.flatMap((t) => t.proposals.flatMap((p) => p.papers));
    const published = Object.values(state.papers).filter((p) => p.publishedVersion !== null);
    expect(linked.map((p) => p.paperId).sort()).toEqual(published.map((p) => p.id).sort());
    for (const link of linked) expect(link.version).toBe(state.papers[link.paperId].publishedVersion);
    expect(linked[0].url).toMatch(/^\/p\/oewg-2026#paper-/);
  });

  it('ANNEX-4: given the year, then every format reads back — CSV parses with one record per proposal, JSON parses against the schema, HTML and Markdown hold every title escaped', () => {
    const annex = buildAnnex(year().state, { generatedAt: GENERATED_AT });
    const titles = annex.themes.flatMap((t) => t.proposals.map((p) => p.title));

    const csv = renderAnnexText(annex, 'csv').body;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const records = parseCsv(csv.slice(1));
    expect(records[0]).toEqual([...ANNEX_CSV_COLUMNS]);
    const rows = records.slice(1).filter((r) => r.length > 1);
    expect(rows).toHaveLength(300);
    expect(rows.map((r) => r[2]).sort()).toEqual(titles.map(neutralizeFormula).sort());
    expect(rows.every((r) => !/^[=+\-@]/.test(r[2]))).toBe(true);

    const json = JSON.parse(renderAnnexText(annex, 'json').body);
    expect(Annex.parse(json)).toEqual(annex);

    const html = renderAnnexText(annex, 'html').body;
    const md = renderAnnexText(annex, 'md').body;
    for (const title of titles) {
      expect(html).toContain(escapeHtml(title));
      expect(md).toContain(escapeMarkdown(title));
    }
    expect(html).not.toMatch(/<script>/i);
    expect(html).toContain('Content-Security-Policy');
    expect(md).not.toMatch(/^<script>/m);
    expect(titles.some((t) => t.includes('<script>'))).toBe(true);
  });

  it('ANNEX-4: given the year, then the Word document and the PDF read back with every title (Latin ones in the PDF), the counts, no field code from user text and no unnamed proponent', async () => {
    const { state, ledger } = year();
    const annex = buildAnnex(state, { generatedAt: GENERATED_AT });
    const docx = await renderAnnex(annex, 'docx');
    expect(docx.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const word = await docxText(docx.body);
    const pdf = await renderAnnex(annex, 'pdf');
    expect(pdf.contentType).toBe('application/pdf');
    const printed = squash(pdfText(pdf.body));
    const titles = annex.themes.flatMap((t) => t.proposals.map((p) => p.title));
    // No CJK font is assumed for the PDF (renderPdf.ts): Chinese titles are checked in Word only; pdftotext
    // may reorder Arabic, so the PDF is checked on Latin titles.
    for (const title of titles) {
      expect(word).toContain(title.split('\n')[0]);
      if (/^[\x20-\x7e\n]+$/.test(title)) expect(printed).toContain(squash(title));
    }
    expect(printed).toContain(`Reflected in the progress report: ${ledger.byStatus.reflected}`);
    expect(printed).toMatch(/Page 1 of \d+/);
    for (const org of ledger.neverNamed) {
      expect(word.includes(org), `docx names ${org}`).toBe(false);
      expect(printed.includes(org), `pdf names ${org}`).toBe(false);
    }
    // A title that reads like a field (`=HYPERLINK(…)`) stays text: the only field codes are the page numbers.
    const xml = await (await JSZip.loadAsync(docx.body)).file('word/document.xml')!.async('string');
    expect(word).toContain('=HYPERLINK(');
    expect([...xml.matchAll(/<w:instrText[^>]*>([^<]*)</g)].map((m) => m[1].trim()).filter((f) => !/^(PAGE|NUMPAGES)$/.test(f))).toEqual(
      [],
    );
    expect(xml).not.toMatch(/<w:fldSimple|<w:hyperlink/);
  }, 60_000);
});
