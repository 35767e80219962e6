import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSummary } from '../../server/summary/buildSummary.js';
import { HEADINGS, questionHeading } from '../../server/summary/labels.js';
import { CSV_COLUMNS } from '../../server/summary/render/renderCsv.js';
import { escapeMarkdown, renderMarkdown } from '../../server/summary/render/renderMarkdown.js';
import { renderPdf } from '../../server/summary/render/renderPdf.js';
import { renderSummary, SUMMARY_FORMATS, type RenderedSummary, type SummaryFormat } from '../../server/summary/renderSummary.js';
import { Summary } from '../../server/summary/Summary.js';
import { FORMULA_TITLE, MARKDOWN_INJECTION_NOTE, SECRET_MARKER, XSS_NAME, fullDayEngagement } from './support/fullDayEngagement.js';
import { GENERATED_AT } from './support/fullDaySummary.js';
import { parseCsv } from './support/parseCsv.js';
import { smallEngagement } from './support/smallEngagement.js';

// Every export format of the full-day summary, read back the way a reader's tool would read it, and each
// checked for the export hazards (docs/reliability.md: exports). Render times are logged, not asserted.

let summary: Summary;
const rendered = {} as Record<SummaryFormat, RenderedSummary>;
const timings: string[] = [];
let dir: string;

const text = (r: RenderedSummary): string => (typeof r.body === 'string' ? r.body : r.body.toString('utf8'));
const squash = (s: string): string => s.replace(/\s+/g, ' ');

function pdfText(body: Buffer | string): string {
  const file = join(dir, 'summary.pdf');
  writeFileSync(file, body);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'convene-summary-'));
  const { state } = fullDayEngagement();
  let t = performance.now();
  summary = buildSummary(state, { generatedAt: GENERATED_AT, attributive: true });
  timings.push(`build ${(performance.now() - t).toFixed(0)} ms`);
  for (const format of SUMMARY_FORMATS) {
    t = performance.now();
    rendered[format] = await renderSummary(summary, format);
    timings.push(`${format} ${(performance.now() - t).toFixed(0)} ms (${rendered[format].body.length} bytes)`);
  }
  console.log(`full-day summary render times: ${timings.join('; ')}`);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renderSummary', () => {
  it('given each format, when rendered, then the content type and filename fit it', () => {
    const slug = 'informal-consultation-with-stakeholders-on-capacity-building';
    expect(rendered.md).toMatchObject({ contentType: 'text/markdown; charset=utf-8', filename: `chairs-summary-${slug}-draft.md` });
    expect(rendered.html.contentType).toBe('text/html; charset=utf-8');
    expect(rendered.docx.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(rendered.pdf).toMatchObject({ contentType: 'application/pdf', filename: `chairs-summary-${slug}-draft.pdf` });
    expect(rendered.json.contentType).toBe('application/json; charset=utf-8');
    expect(rendered.csv.filename).toBe(`chairs-summary-${slug}-draft.csv`);
  });

  it('given a published version and a title in Arabic, when rendered, then the filename carries the version and a fallback slug', async () => {
    const s = buildSummary(smallEngagement(), { generatedAt: GENERATED_AT, version: 3, status: 'published' });
    expect((await renderSummary(s, 'json')).filename).toBe('chairs-summary-stakeholder-consultation-on-capacity-building-v3.json');
    s.metadata.title = 'مشاورة غير رسمية';
    expect((await renderSummary(s, 'md')).filename).toBe('chairs-summary-engagement-v3.md');
  });

  it('given any format, when rendered, then no secretariat note or private request note is in it', async () => {
    for (const format of ['md', 'html', 'json', 'csv'] as const) expect(text(rendered[format])).not.toContain(SECRET_MARKER);
    const xml = await (await JSZip.loadAsync(rendered.docx.body)).file('word/document.xml')!.async('string');
    expect(xml).not.toContain(SECRET_MARKER);
  });
});

describe('DOCX export', () => {
  let xml: string;
  beforeAll(async () => {
    const zip = await JSZip.loadAsync(rendered.docx.body);
    xml = await zip.file('word/document.xml')!.async('string');
  });

  it('given the full day, when unzipped, then word/document.xml holds the headings, the numbered paragraphs and the annex tables', () => {
    expect(xml).toContain('w:val="Heading1"');
    for (const h of [HEADINGS.questions, HEADINGS.annexParticipation, HEADINGS.annexSpeakers, HEADINGS.annexInputs, HEADINGS.timeUse])
      expect(xml).toContain(h);
    const q1 = summary.questions[0];
    expect(xml).toContain(questionHeading(1, q1.text));
    expect(xml).toContain(`>${q1.paragraphs[0].number}.<`);
    expect(xml).toContain(q1.paragraphs[0].text);
    // participation (3), agenda, time use, inputs, speakers list
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(7);
    expect(xml).toContain('█');
  });

  it('given user text with markup, when written, then it is XML-escaped text and never a field code', () => {
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(xml).not.toContain('<img');
    expect(xml).toContain('=HYPERLINK(&quot;http://x&quot;)');
    expect(xml).not.toMatch(/<w:instrText[^>]*>[^<]*HYPERLINK/);
  });

  it('given the footer, when read, then it numbers pages with PAGE of NUMPAGES fields', async () => {
    const zip = await JSZip.loadAsync(rendered.docx.body);
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/footer\d*\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    const footer = footers.join('');
    expect(footer).toContain('Page ');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
  });
});

describe('PDF export', () => {
  let pdf: string;
  beforeAll(() => {
    pdf = pdfText(rendered.pdf.body);
  });

  it('given the full day, when extracted with pdftotext, then it holds the headings, paragraph text and "Page n of m" on every page', () => {
    const flat = squash(pdf);
    for (const h of [HEADINGS.questions, HEADINGS.closing, HEADINGS.annexSpeakers, HEADINGS.annexInputs]) expect(flat).toContain(h);
    expect(flat).toContain("This summary is issued under the Chair's own responsibility.");
    expect(flat).toContain(`${summary.questions[0].interventions} interventions were made on this question over`);
    const pages = pdf.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(5);
    expect(flat).toContain('Page 1 of ');
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('given the annexes, when extracted, then the tables are there (the XSS name is plain text in the speakers list)', () => {
    expect(pdf).toContain(XSS_NAME);
    const flat = squash(pdf);
    for (const column of ['Requested', 'Organization', 'Outcome', 'Allowed', 'Overrun', 'Planned (min)', 'Actual (min)'])
      expect(flat).toContain(column);
    expect(flat).toMatch(/Opening by the Chair +10 +\d+/);
  });

  it('given a Russian title, when rendered, then the Cyrillic survives extraction (drawn with the Noto Sans the install brings)', async () => {
    const s = buildSummary(smallEngagement(), { generatedAt: GENERATED_AT });
    s.metadata.title = 'Неофициальная консультация';
    expect(squash(pdfText(await renderPdf(s)))).toContain('Неофициальная консультация');
  });
});

describe('HTML export', () => {
  let html: string;
  beforeAll(() => {
    html = text(rendered.html);
  });

  it('given user text with markup, when rendered, then it is escaped: no <img> or <script> from user data, the payload shows as text', () => {
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('given the file opened locally, when loaded, then its own CSP forbids script and fetches, and it declares its language', () => {
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en" dir="ltr">/);
    expect(html).not.toMatch(/<link|src=["']?http/i);
  });

  it('given the full day, when rendered, then it holds the numbered paragraphs, the annex tables and an inline SVG time-use chart', () => {
    expect(html).toContain(`<h3>${questionHeading(1, summary.questions[0].text)}</h3>`);
    expect(html).toContain(`<li value="3" dir="auto">`);
    expect(html).toContain('<svg class="chart"');
    expect((html.match(/<table>/g) ?? []).length).toBeGreaterThanOrEqual(6);
  });
});

describe('breakouts section in every format', () => {
  const reports = () => summary.breakouts!.rounds.flatMap((r) => r.rooms).filter((room) => room.report);
  const steps = () => reports().flatMap((room) => room.report!.implementation);

  it('given ten rooms with reports, when rendered as Markdown, then each round has its rooms table and each report its Who / What / When table', () => {
    const md = text(rendered.md);
    const section = md.slice(md.indexOf(`## ${HEADINGS.breakouts}`), md.indexOf(`## ${HEADINGS.closing}`));
    expect(section.match(/^\| Room \| Theme \| Q\. \| Assigned \| Joined \| By category \| By region \|$/gm)).toHaveLength(2);
    expect(section.match(/^\| Who \| What \| When \|$/gm)).toHaveLength(reports().length);
    expect(section.match(/^#### Room \d+: /gm)).toHaveLength(10);
    expect(section).toContain('| The secretariat | Circulate a short survey of needs | Q1 2027 |');
    const first = summary.breakouts!.paragraphs[0];
    expect(section).toContain(`${first.number}. ${escapeMarkdown(first.text)}`);
    // The attributive annex (requested here) names the rapporteurs; the body does not.
    expect(md.slice(md.indexOf(`## ${HEADINGS.annexAttributive}`))).toContain('Office for Disarmament Affairs');
  });

  it('given the same section, when rendered as HTML, then the implementation steps are table rows and the paragraphs keep their numbers', () => {
    const html = text(rendered.html);
    expect(html).toContain(`<h2>${HEADINGS.breakouts}</h2>`);
    expect(html.match(/<caption>Implementation<\/caption>/g)).toHaveLength(reports().length);
    expect(html).toContain(
      '<tr><td dir="auto">The secretariat</td><td dir="auto">Circulate a short survey of needs</td><td dir="auto">Q1 2027</td></tr>',
    );
    expect(html).toContain(`<li value="${summary.breakouts!.paragraphs.at(-1)!.number}" dir="auto">`);
  });

  it('given the same section, when rendered as DOCX and PDF, then the headings, the Who / What / When tables and the open questions are there', async () => {
    const xml = await (await JSZip.loadAsync(rendered.docx.body)).file('word/document.xml')!.async('string');
    expect(xml).toContain(HEADINGS.breakouts);
    expect(xml).toContain('Circulate a short survey of needs');
    expect(xml.match(/>Who</g)?.length).toBe(reports().length);
    const flat = squash(pdfText(rendered.pdf.body));
    expect(flat).toContain(HEADINGS.breakouts);
    expect(flat).toContain('Breakout round 1: Regional perspectives');
    expect(flat).toContain(HEADINGS.breakoutOpenQuestions);
    expect(flat).toContain('Circulate a short survey of needs');
    expect(steps().length).toBeGreaterThan(20);
  });
});

describe('CSV export (speakers-list audit)', () => {
  let raw: string;
  let records: string[][];
  beforeAll(() => {
    raw = text(rendered.csv);
    records = parseCsv(raw.replace(/^\uFEFF/, ''));
  });

  it('given the audit annex, when written, then it is RFC 4180: CRLF records, one per request, quotes doubled inside quoted fields', () => {
    expect(raw.startsWith('\uFEFF')).toBe(true);
    expect(raw).toContain('\r\n');
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(records[0]).toEqual([...CSV_COLUMNS]);
    expect(records.length - 1).toBe(summary.annexes.speakersList.length);
    expect(records.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('given cells that start like formulas, when written, then they are prefixed with an apostrophe; numbers are untouched', () => {
    expect(raw).toContain(`"'=HYPERLINK(""http://x"")"`);
    const title = CSV_COLUMNS.indexOf('written_input_title');
    expect(records.some((r) => r[title] === `'${FORMULA_TITLE}`)).toBe(true);
    const org = CSV_COLUMNS.indexOf('organization');
    expect(records.some((r) => r[org] === "'@Risk Analytics Group")).toBe(true);
    expect(records.slice(1).every((r) => r.every((cell) => !/^[=+\-@\t\r\0]/.test(cell)))).toBe(true);
    const allowance = CSV_COLUMNS.indexOf('allowance_seconds');
    expect(records.slice(1).every((r) => /^\d+$/.test(r[allowance]))).toBe(true);
  });
});

describe('JSON export', () => {
  it('given the summary, when exported, then it parses back to the same summary and satisfies the schema', () => {
    const back = JSON.parse(text(rendered.json));
    expect(back).toEqual(summary);
    expect(() => Summary.parse(back)).not.toThrow();
  });

  it('given a summary off the contract, when exported, then it is refused rather than written', async () => {
    const broken = { ...summary, questions: [{ ...summary.questions[0], interventions: -1 }] } as Summary;
    await expect(renderSummary(broken, 'json')).rejects.toThrow();
  });
});

describe('Markdown export', () => {
  it('given the small engagement, when rendered, then it equals the golden file test/summary/golden/small.md', () => {
    const golden = readFileSync(new URL('./golden/small.md', import.meta.url), 'utf8');
    expect(renderMarkdown(buildSummary(smallEngagement(), { generatedAt: '2026-12-03T12:00:00.000Z' }))).toBe(golden);
  });

  it('LIFE-7: given the small engagement in French and in Arabic, when rendered, then each equals its golden file (test/summary/golden/small.fr.md, small.ar.md)', () => {
    for (const language of ['fr', 'ar'] as const) {
      const golden = readFileSync(new URL(`./golden/small.${language}.md`, import.meta.url), 'utf8');
      expect(renderMarkdown(buildSummary(smallEngagement(), { generatedAt: '2026-12-03T12:00:00.000Z', language }))).toBe(golden);
    }
  });

  it('given metacharacters in user text, when escaped, then they cannot make links, HTML, tables or headings', () => {
    expect(escapeMarkdown(MARKDOWN_INJECTION_NOTE)).toBe(
      '\\# Heading \\[click\\](http://evil.example) \\<script\\>alert(1)\\</script\\> \\| a \\| b \\|',
    );
    expect(escapeMarkdown('- item\nsecond line')).toBe('\\- item second line');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    const md = text(rendered.md);
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
    // Only escaped angle brackets: an unescaped one could open raw HTML in a Markdown viewer.
    expect(md).not.toMatch(/(^|[^\\])<img/m);
    expect(md).not.toMatch(/(^|[^\\])<script/m);
  });
});
