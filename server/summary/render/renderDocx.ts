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
import type { Paragraph as SummaryParagraph, Summary } from '../Summary.js';
import { breakoutAnnexLines, breakoutBlocks, type BreakoutBlock } from '../breakoutBlocks.js';
import { agendaTable, inputsTable, participationTables, speakersTable, timeUseTable, type TextTable } from '../summaryTables.js';

// A Word document built with `docx`, which XML-escapes every text run. User text only ever goes into text
// runs: no field code (DDE, HYPERLINK, INCLUDETEXT) is ever built from it (docs/reliability.md: exports); the only
// fields are the footer's page numbers. Paragraph numbers are literal text (not Word list numbering) so that
// they match the other formats and stay put when the document is edited or pasted elsewhere.
// The time-use chart is a table whose last column holds bars drawn with block characters.
// Languages: the document's language is `w:lang` of the default run, with Simplified Chinese as its East Asian
// and Arabic as its complex-script language, and an East Asian font named, so Word picks a CJK font for Chinese
// names whatever the summary's language (a Korean or Japanese run is marked as such, with its own font). An
// Arabic summary's paragraphs are right-to-left (`w:bidi`); any run holding Arabic letters is marked `w:rtl`, so
// an Arabic name in a French line keeps its order.

/** A4 portrait with 2 cm margins: the usable width in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1134;
const NUMBER_INDENT = 567;

const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** The document's direction, set once per (synchronous) build by `renderDocx`. */
let bidi = false;

// Left to right is Word's default for a run and a paragraph: only right to left is written (`w:rtl`, `w:bidi`),
// not `w:val="false"` on each of the document's thousands of runs and paragraphs (a third of its XML).
const rtl = (text: string) => (RIGHT_TO_LEFT.test(text) ? { rightToLeft: true } : {});
const bidirectional = () => (bidi ? { bidirectional: true } : {});

const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7FF]/;
const KANA = /[\u3040-\u30FF\u31F0-\u31FF\uFF66-\uFF9F]/;
/**
 * East Asian text is Simplified Chinese by default (the styles' `w:eastAsia`); a run holding Hangul is Korean
 * and one holding kana Japanese, each with a font of its own, so Word draws a Korean or Japanese name with a
 * face that has its glyphs and the forms its readers expect.
 */
const eastAsian = (text: string) =>
  HANGUL.test(text)
    ? { language: { eastAsia: 'ko-KR' }, font: { eastAsia: 'Malgun Gothic' } }
    : KANA.test(text)
      ? { language: { eastAsia: 'ja-JP' }, font: { eastAsia: 'Yu Gothic' } }
      : {};

type RunOptions = { bold?: boolean; italics?: boolean; size?: number };
const run = (text: string, options: RunOptions = {}) => new TextRun({ text, ...options, ...rtl(text), ...eastAsian(text) });
const para = (options: ConstructorParameters<typeof Paragraph>[0] & object) => new Paragraph({ ...options, ...bidirectional() });

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => para({ children: [run(text)], heading: level });

const numbered = (p: SummaryParagraph) =>
  para({
    children: [new TextRun({ children: [`${p.number}.`, new Tab(), p.text], ...rtl(p.text), ...eastAsian(p.text) })],
    indent: { start: NUMBER_INDENT, hanging: NUMBER_INDENT },
    tabStops: [{ type: TabStopType.START, position: NUMBER_INDENT }],
    spacing: { after: 120 },
  });

const plain = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
  para({ children: [run(text, options)], spacing: { after: 120 } });

const bullet = (...children: TextRun[]) => para({ bullet: { level: 0 }, children });

const DOCUMENT_LANGUAGE: Record<SummaryWords['language'], string> = {
  ar: 'ar-SA',
  'zh-Hans': 'zh-CN',
  en: 'en-GB',
  fr: 'fr-FR',
  ru: 'ru-RU',
  es: 'es-ES',
};

const NUMERIC = /^[+-]?\d+$/;
/** Table cells' paragraph style (8 pt): set once in the styles, not on each of the thousands of cells' runs. */
const TABLE_TEXT = 'TableText';

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
            alignment: !header && NUMERIC.test(line) ? AlignmentType.END : AlignmentType.START,
            ...bidirectional(),
            style: TABLE_TEXT,
            children: [run(line, header ? { bold: true } : {})],
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
function timeUseChart(summary: Summary, w: SummaryWords): Table {
  const t = timeUseTable(summary, w);
  const max = Math.max(1, ...summary.timeUse.map((r) => Math.max(r.plannedMinutes, r.actualMinutes ?? 0)));
  const bar = (m: number) => '█'.repeat(Math.round((m / max) * 24));
  const planned = (m: number) => '░'.repeat(Math.round((m / max) * 24));
  return table({
    header: [...t.header, `${w.t('chart.planned')} ░ / ${w.t('chart.actual')} █`],
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
      return [plain(b.title, { bold: true }), ...b.items.map((i) => bullet(run(i)))];
    case 'table':
      return [...(b.title ? [plain(b.title, { bold: true })] : []), table(b.table), plain('')];
    default:
      return assertNever(b);
  }
}

/** `language`: the words around the record (headings, tables, labels); the paragraphs are the record's own. */
export async function renderDocx(summary: Summary, language?: string): Promise<Buffer> {
  const m = summary.metadata;
  const w = wordsFor(language ?? m.language);
  const HEADINGS = headingsOf(w);
  bidi = w.dir === 'rtl';
  const body: (Paragraph | Table)[] = [];
  body.push(heading(titleLine(summary, w), HeadingLevel.TITLE));
  if (m.theme) body.push(plain(`${w.t('heading.theme')} ${m.theme}`));
  body.push(plain(metadataLine(summary, w)), plain(statusLine(summary, w), { italics: true }));
  body.push(...summary.opening.map(numbered));
  body.push(heading(HEADINGS.questions, HeadingLevel.HEADING_1));
  for (const q of summary.questions) {
    body.push(heading(questionHeading(q.number, q.text, w), HeadingLevel.HEADING_2), ...q.paragraphs.map(numbered));
    if (q.proposals.length > 0) {
      body.push(plain(HEADINGS.proposals, { bold: true }));
      for (const p of q.proposals) {
        body.push(bullet(run(`${proposalLabel(w, p.kind)}: `, { italics: true }), run(proposalText(p, w))));
      }
    }
  }
  if (summary.generalDiscussion.length > 0)
    body.push(heading(HEADINGS.general, HeadingLevel.HEADING_1), ...summary.generalDiscussion.map(numbered));
  if (summary.breakouts) {
    body.push(heading(HEADINGS.breakouts, HeadingLevel.HEADING_1), ...breakoutBlocks(summary, w).flatMap(block));
  }
  body.push(heading(HEADINGS.closing, HeadingLevel.HEADING_1), ...summary.closing.map(numbered));

  const p = summary.participation;
  body.push(heading(HEADINGS.annexParticipation, HeadingLevel.HEADING_1), plain(participationCount(summary, w)));
  const categories = categoryLabels(w);
  for (const t of participationTables(summary, w)) body.push(table(t), plain(''));
  // One run per name: each keeps its own direction inside the line.
  for (const g of p.organizations) {
    body.push(
      para({
        children: [
          run(`${categories[g.category]}: `, { bold: true }),
          ...g.names.flatMap((n, i) => (i === 0 ? [run(n)] : [run('; '), run(n)])),
        ],
      }),
    );
  }
  body.push(heading(HEADINGS.annexAgenda, HeadingLevel.HEADING_1), table(agendaTable(summary, w)));
  body.push(heading(HEADINGS.timeUse, HeadingLevel.HEADING_2), timeUseChart(summary, w));
  body.push(heading(HEADINGS.annexInputs, HeadingLevel.HEADING_1), table(inputsTable(summary, w)));
  body.push(heading(HEADINGS.annexSpeakers, HeadingLevel.HEADING_1), table(speakersTable(summary, w)));
  const attributive = summary.annexes.attributive;
  if (attributive) {
    body.push(heading(HEADINGS.annexAttributive, HeadingLevel.HEADING_1));
    for (const q of attributive.questions) {
      body.push(heading(w.t('heading.questionNumber', { number: q.questionNumber }), HeadingLevel.HEADING_2));
      for (const s of q.statements) {
        body.push(
          bullet(
            run(s.organization, { bold: true }),
            ...(s.name ? [run(' ('), run(s.name, { bold: true }), run(')')] : []),
            run(': '),
            run(s.text),
          ),
        );
      }
      for (const d of q.deferredSpeakers) {
        body.push(
          bullet(run(`${w.t('annex.notHeard')} `), run(d.organization), run(' ('), run(d.name), run(`), ${notHeardOutcome(d, w)}`)),
        );
      }
    }
    const rooms = breakoutAnnexLines(summary, w);
    if (rooms.length > 0) {
      body.push(heading(HEADINGS.breakouts, HeadingLevel.HEADING_2));
      for (const l of rooms) body.push(bullet(run(l)));
    }
  }

  const doc = new Document({
    title: titleLine(summary, w),
    creator: 'Convene',
    lastModifiedBy: 'Convene',
    description: statusLine(summary, w),
    styles: {
      paragraphStyles: [{ id: TABLE_TEXT, name: 'Table Text', basedOn: 'Normal', run: { size: 16 } }],
      default: {
        document: {
          run: {
            font: { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'Microsoft YaHei', cs: 'Arial' },
            size: 22,
            language: { value: DOCUMENT_LANGUAGE[w.language], eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
          },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [
              para({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: pageOf(w), size: 16 })],
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

/** "Page {{page}} of {{pages}}" with Word's own page fields in place of the two numbers. */
function pageOf(w: SummaryWords): (string | (typeof PageNumber)[keyof typeof PageNumber])[] {
  const text = w.t('page.of');
  return text
    .split(/(\{\{page\}\}|\{\{pages\}\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{{page}}' ? PageNumber.CURRENT : part === '{{pages}}' ? PageNumber.TOTAL_PAGES : part));
}
