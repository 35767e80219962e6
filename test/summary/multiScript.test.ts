import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_LANGUAGES, type SummaryLanguage } from '../../server/domain/vocabulary.js';
import { buildSummary } from '../../server/summary/buildSummary.js';
import { type Family, fontFiles } from '../../server/summary/render/pdfFonts.js';
import { families } from '../../server/summary/render/pdfText.js';
import { renderDocx } from '../../server/summary/render/renderDocx.js';
import { renderPdf } from '../../server/summary/render/renderPdf.js';
import type { Summary } from '../../server/summary/Summary.js';
import { wordsFor } from '../../server/summary/summaryWords.js';
import { multiScriptEngagement } from './support/multiScriptEngagement.js';

// Issue 11: a summary whose people and organizations write in Arabic, Chinese, Russian and accented Latin,
// in each of the six languages. The PDF's text layer gives back every name in reading order; its fonts are
// embedded; every character drawn is in the font chosen for it (no missing-glyph boxes); it is tagged with
// the document's language. The DOCX, converted by LibreOffice, gives back the same names.

interface GlyphSource {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

const GENERATED_AT = '2026-12-03T12:00:00.000Z';
const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
const REQUIRED = process.env.REQUIRE_BROWSER === '1' || process.env.REQUIRE_SOFFICE === '1';

/**
 * Bidi controls that pdftotext writes around runs, all white space (a name may wrap inside a table cell), and
 * hyphens (pdftotext joins "Ñúñez-" at a line's end to the next line without its hyphen).
 */
const squash = (text: string) => text.normalize('NFC').replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\s-]/g, '');
/**
 * poppler's text extraction places the brackets next to an Arabic run by their glyphs' positions, not as a
 * pair: "مؤسسة … (Digital Dialogue Foundation)" reads "( مؤسسة …Digital Dialogue Foundation)" although it is
 * drawn right (in LibreOffice's PDF too). So a name with Arabic letters is checked bracket-free; every other
 * character, and the order of the words, is checked.
 */
const ARABIC = /\p{Script=Arabic}/u;
const noBrackets = (text: string) => text.replace(/[()]/g, '');

/** The names of `summary` that `extracted` (pdftotext's output) does not hold. */
function missingNames(summary: Summary, extracted: string): string[] {
  const text = squash(extracted);
  const bracketFree = noBrackets(text);
  return namesIn(summary).filter((n) => !(ARABIC.test(n) ? bracketFree.includes(noBrackets(squash(n))) : text.includes(squash(n))));
}

function namesIn(summary: Summary): string[] {
  const people = summary.annexes.speakersList.flatMap((r) => [r.name, r.organization]);
  return [...new Set([...people, ...summary.participation.organizations.flatMap((g) => g.names)])];
}

const summaries = new Map<SummaryLanguage, Summary>();
const pdfs = new Map<SummaryLanguage, Buffer>();
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'convene-multiscript-'));
  for (const language of SUMMARY_LANGUAGES) {
    const summary = buildSummary(multiScriptEngagement(), { generatedAt: GENERATED_AT, language });
    summaries.set(language, summary);
    pdfs.set(language, await renderPdf(summary));
    writeFileSync(join(dir, `${language}.pdf`), pdfs.get(language)!);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a summary of people writing in four scripts, in each of the six languages (issue 11)', () => {
  it('given the fixture, then its names really mix Arabic, Chinese, Cyrillic and accented Latin', () => {
    const names = namesIn(summaries.get('en')!).join(' ');
    for (const script of [
      /\p{Script=Arabic}/u,
      /\p{Script=Han}/u,
      /\p{Script=Hangul}/u,
      /\p{Script=Hiragana}/u,
      /\p{Script=Katakana}/u,
      /\p{Script=Cyrillic}/u,
      /[À-ɏḀ-ỿ]/u,
    ])
      expect(names).toMatch(script);
  });

  it('given a Korean name and a Japanese one, then Hangul is drawn from Noto Sans KR and kana from Noto Sans SC, each having every glyph, and both faces are embedded', () => {
    const files = fontFiles();
    const korean = fontkit.openSync(files.hangul.regular);
    const chinese = fontkit.openSync(files.cjk.regular);
    for (const [text, family, font] of [
      ['김민준 대한민국', 'hangul', korean],
      ['佐藤ゆき サイバーセキュリティ・ラボ', 'cjk', chinese],
    ] as const) {
      const chosen = families(text, 'latin');
      const drawn = [...text].filter((ch) => ch !== ' ');
      expect(new Set(chosen)).toEqual(new Set([family]));
      expect(drawn.filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!))).toEqual([]);
    }
    // Noto Sans SC has no Hangul syllable: without the Korean face the name would be drawn as boxes.
    expect(chinese.hasGlyphForCodePoint('김'.codePointAt(0)!)).toBe(false);
    const fonts = execFileSync('pdffonts', [join(dir, 'en.pdf')]).toString('utf8');
    expect(fonts).toMatch(/\+NotoSansKR-Regular\s/);
    expect(fonts).toMatch(/\+NotoSansSC-Regular\s/);
  });

  it.each([...SUMMARY_LANGUAGES])(
    'given the %s PDF, when read with pdftotext, then every name and organization is there in reading order',
    (language) => {
      const extracted = execFileSync('pdftotext', [join(dir, `${language}.pdf`), '-']).toString('utf8');
      expect({ language, missing: missingNames(summaries.get(language)!, extracted) }).toEqual({ language, missing: [] });
      expect(squash(extracted)).toContain(squash(wordsFor(language).t('heading.title')));
    },
  );

  it.each([...SUMMARY_LANGUAGES])('given the %s PDF, when its fonts are listed, then every one is embedded and subset', (language) => {
    const lines = execFileSync('pdffonts', [join(dir, `${language}.pdf`)])
      .toString('utf8')
      .trim()
      .split('\n')
      .slice(2);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line, line).toMatch(/^[A-Z]{6}\+\S+\s.*\syes\s+yes\s+yes\s/);
  });

  it('given every text drawn in any language, then the font chosen for each character has a glyph for it', () => {
    const files = fontFiles();
    const fonts = Object.fromEntries(
      (Object.keys(files) as Family[]).map((f) => [f, fontkit.openSync(files[f].regular) as GlyphSource]),
    ) as Record<Family, GlyphSource>;
    const missing = new Set<string>();
    for (const language of SUMMARY_LANGUAGES) {
      const catalog = readFileSync(new URL(`../../server/summary/locales/${language}.json`, import.meta.url), 'utf8');
      const texts = [JSON.stringify(summaries.get(language)), catalog.replace(/\{\{\w+\}\}/g, '')];
      for (const text of texts) {
        const chosen = families(text, language === 'ar' ? 'arabic' : 'latin');
        let index = 0;
        for (const ch of text) {
          const family = chosen[index];
          index += ch.length;
          if (/[\s\u200e\u200f]/.test(ch)) continue;
          if (!fonts[family].hasGlyphForCodePoint(ch.codePointAt(0)!))
            missing.add(`${language} ${family} U+${ch.codePointAt(0)!.toString(16)} ${ch}`);
        }
      }
    }
    expect([...missing]).toEqual([]);
  });

  it.each([...SUMMARY_LANGUAGES])(
    'given the %s PDF, then it is tagged: a structure tree, marked content and the document language',
    (language) => {
      const raw = pdfs.get(language)!.toString('latin1');
      expect(raw).toContain('/StructTreeRoot');
      expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
      expect(raw).toContain('/Marked true');
      expect(raw).toContain(`/Lang (${language})`);
      expect(raw).toMatch(/\/S \/H1/);
      expect(raw).toMatch(/\/S \/Table/);
      expect(raw).toMatch(/\/S \/L\b/);
    },
  );
});

describe('the DOCX read back through LibreOffice (issue 11)', () => {
  it.skipIf(!hasSoffice && !REQUIRED)(
    'given the six DOCX files, when converted to PDF with soffice headless, then pdftotext of each finds every name',
    async () => {
      if (!hasSoffice)
        throw new Error(
          'soffice (LibreOffice, Debian libreoffice-writer-nogui) is required here: REQUIRE_BROWSER or REQUIRE_SOFFICE is set',
        );
      const files: string[] = [];
      for (const language of SUMMARY_LANGUAGES) {
        const file = join(dir, `${language}.docx`);
        writeFileSync(file, await renderDocx(summaries.get(language)!));
        files.push(file);
      }
      // One soffice run for all six: starting LibreOffice is the slow part.
      const profile = `file://${join(dir, 'profile')}`;
      execFileSync(
        'soffice',
        [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'docx'), ...files],
        {
          stdio: 'pipe',
          timeout: 240_000,
        },
      );
      for (const language of SUMMARY_LANGUAGES) {
        const extracted = execFileSync('pdftotext', [join(dir, 'docx', `${language}.pdf`), '-']).toString('utf8');
        expect({ language, missing: missingNames(summaries.get(language)!, extracted) }).toEqual({ language, missing: [] });
      }
    },
    300_000,
  );
  if (!hasSoffice && !REQUIRED)
    console.warn('SKIPPED: the DOCX-through-LibreOffice check needs soffice (Debian libreoffice-writer-nogui).');
});

describe('language markup in DOCX, HTML and Markdown (issue 11)', () => {
  it('given the Arabic DOCX, then the document language is Arabic, paragraphs are right to left, Arabic runs are rtl and East Asian text has its font and language', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await renderDocx(summaries.get('ar')!));
    const styles = await zip.file('word/styles.xml')!.async('string');
    const document = await zip.file('word/document.xml')!.async('string');
    expect(styles).toMatch(/<w:lang w:val="ar-SA" w:eastAsia="zh-CN" w:bidi="ar-SA"\/>/);
    expect(styles).toMatch(/w:eastAsia="Microsoft YaHei"/);
    expect(document).toContain('<w:bidi/>');
    expect(document).toContain('<w:rtl/>');
    const french = await JSZip.loadAsync(await renderDocx(summaries.get('fr')!));
    expect(await french.file('word/styles.xml')!.async('string')).toContain('w:val="fr-FR"');
    expect(await french.file('word/document.xml')!.async('string')).not.toContain('<w:bidi/>');
  });

  it('given the English DOCX, then the Korean name is marked Korean and the Japanese one Japanese, each with its East Asian font; Chinese keeps the default', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await renderDocx(summaries.get('en')!));
    const document = await zip.file('word/document.xml')!.async('string');
    const runOf = (text: string) => {
      const end = document.indexOf(`>${text}</w:t>`);
      return document.slice(document.lastIndexOf('<w:r>', end), end);
    };
    expect(runOf('김민준')).toMatch(/<w:rFonts w:eastAsia="Malgun Gothic"\/>/);
    expect(runOf('김민준')).toMatch(/<w:lang w:eastAsia="ko-KR"\/>/);
    expect(runOf('佐藤ゆき')).toMatch(/<w:lang w:eastAsia="ja-JP"\/>/);
    expect(runOf('王小明')).not.toContain('w:eastAsia');
  });

  it('given the HTML in French and in Arabic, then the page has its lang and dir and every name typed is isolated with <bdi>', async () => {
    const { renderHtml } = await import('../../server/summary/render/renderHtml.js');
    const ar = renderHtml(summaries.get('ar')!);
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(renderHtml(summaries.get('fr')!)).toContain('<html lang="fr" dir="ltr">');
    expect(ar).toContain('<bdi>Российский университет дружбы народов</bdi>');
    expect(ar).toContain('<td dir="auto">王小明</td>');
  });

  it('LIFE-7: given the English HTML, then an Arabic passage inside an English line is isolated, so the cell takes its direction from the English', async () => {
    const { renderHtml } = await import('../../server/summary/render/renderHtml.js');
    const en = renderHtml(summaries.get('en')!);
    expect(en).toContain('<td dir="auto"><bdi>مؤسسة الحوار الرقمي</bdi> (Digital Dialogue Foundation)</td>');
    // A cell that is one passage from end to end is isolated by its own dir="auto".
    expect(en).toContain('<td dir="auto">فاطمة الزهراء</td>');
    const ar = renderHtml(summaries.get('ar')!);
    expect(ar).toContain('<td dir="auto">مؤسسة الحوار الرقمي (<bdi>Digital Dialogue Foundation</bdi>)</td>');
  });

  it('LIFE-7: given the Markdown in English and in Arabic, then every passage in the other direction is isolated with <bdi>, names whole with their punctuation', async () => {
    const { renderMarkdown } = await import('../../server/summary/render/renderMarkdown.js');
    const en = renderMarkdown(summaries.get('en')!);
    expect(en).toContain('**Member States:** Brasil, Missão Permanente; <bdi>مصر</bdi>; 대한민국');
    expect(en).toContain('| <bdi>مؤسسة الحوار الرقمي</bdi> (Digital Dialogue Foundation) | Nguyễn Thị Hằng |');
    // Scripts written left to right are not isolated in an English document.
    expect(en).not.toMatch(/<bdi>[^<]*(대한민국|Ольга|王小明)/);
    const ar = renderMarkdown(summaries.get('ar')!);
    expect(ar).toContain('# موجز الرئيس: <bdi>Consultation informelle — 信息通信技术 — неофициальная</bdi>');
    expect(ar).toContain('| مؤسسة الحوار الرقمي (<bdi>Digital Dialogue Foundation</bdi>) | <bdi>Nguyễn Thị Hằng</bdi> |');
    expect(ar).not.toContain('<bdi>مصر');
  });
});
