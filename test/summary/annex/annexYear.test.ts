import { describe, expect, it } from 'vitest';
import { Annex } from '../../../server/summary/annex/Annex.js';
import { buildAnnex } from '../../../server/summary/annex/buildAnnex.js';
import { ANNEX_CSV_COLUMNS } from '../../../server/summary/annex/renderAnnexCsv.js';
import { ANNEX_FORMATS, renderAnnex } from '../../../server/summary/annex/renderAnnex.js';
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

describe('the progress-report annex for a generated year', () => {
  it('ANNEX-4: given a year of 300 proposals and 120 papers, then the counts by status and by theme match the generator\'s ledger exactly', () => {
    const { state, ledger } = year();
    expect(Object.keys(state.proposals)).toHaveLength(300);
    expect(Object.keys(state.papers)).toHaveLength(120);
    expect(Object.keys(state.engagements)).toHaveLength(5);
    const annex = buildAnnex(state, { generatedAt: GENERATED_AT });
    expect(annex.counts.total).toBe(ledger.total);
    expect(annex.counts.byStatus).toEqual(ledger.byStatus);
    expect(Object.fromEntries(annex.counts.byTheme.map((t) => [t.theme, t.byStatus]))).toEqual(Object.fromEntries(ledger.byTheme));
    expect(annex.counts.papersPublished).toBe(ledger.papersPublished);
    for (const t of annex.themes) for (const p of t.proposals) expect([p.theme, p.status]).toEqual([ledger.themeOf.get(p.number), ledger.statusOf.get(p.number)]);
    // Every status of the road is reached, so the counts are not trivially zero.
    for (const s of PROPOSAL_STATUSES) expect(ledger.byStatus[s], s).toBeGreaterThan(0);
  });

  it('ANNEX-1: given the year, then proposals are grouped by theme in alphabetical order, by number inside a theme, each once', () => {
    const annex = buildAnnex(year().state, { generatedAt: GENERATED_AT });
    const themes = annex.themes.map((t) => t.theme);
    expect(themes).toEqual([...themes].sort((a, b) => a.localeCompare(b, 'en')));
    const numbers = annex.themes.flatMap((t) => t.proposals.map((p) => p.number));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    for (const t of annex.themes) expect(t.proposals.map((p) => p.number)).toEqual([...t.proposals.map((p) => p.number)].sort((a, b) => a - b));
  });

  it('ANNEX-2: given proponents who never agreed to be named, then no format names them; those who agreed are named', () => {
    const { state, ledger } = year();
    const annex = buildAnnex(state, { generatedAt: GENERATED_AT });
    expect(ledger.neverNamed.size).toBeGreaterThan(5);
    for (const format of ANNEX_FORMATS) {
      const body = renderAnnex(annex, format).body;
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

    const csv = renderAnnex(annex, 'csv').body;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const records = parseCsv(csv.slice(1));
    expect(records[0]).toEqual([...ANNEX_CSV_COLUMNS]);
    const rows = records.slice(1).filter((r) => r.length > 1);
    expect(rows).toHaveLength(300);
    expect(rows.map((r) => r[2]).sort()).toEqual(titles.map(neutralizeFormula).sort());
    expect(rows.every((r) => !/^[=+\-@]/.test(r[2]))).toBe(true);

    const json = JSON.parse(renderAnnex(annex, 'json').body);
    expect(Annex.parse(json)).toEqual(annex);

    const html = renderAnnex(annex, 'html').body;
    const md = renderAnnex(annex, 'md').body;
    for (const title of titles) {
      expect(html).toContain(escapeHtml(title));
      expect(md).toContain(escapeMarkdown(title));
    }
    expect(html).not.toMatch(/<script>/i);
    expect(html).toContain('Content-Security-Policy');
    expect(md).not.toMatch(/^<script>/m);
    expect(titles.some((t) => t.includes('<script>'))).toBe(true);
  });
});
