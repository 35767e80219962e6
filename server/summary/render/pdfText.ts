import bidiFactory from 'bidi-js';
import PDFDocument from 'pdfkit';
import { type Family, type FontStyle, registerFonts } from './pdfFonts.js';

// Text in any of the summary's scripts, laid out for pdfkit: pdfkit shapes with fontkit (Arabic joining
// forms come from the font) but draws one font per call, never reorders right-to-left text and wraps only
// left to right. So each paragraph is split here into lines (by measured width), each line into runs of one
// font and one bidi level (Unicode bidi algorithm, bidi-js), and the runs are drawn in visual order from the
// start edge of the line: the right edge in an Arabic summary. The fonts and
// where they come from: pdfFonts.ts.

const bidi = bidiFactory();

type Doc = PDFKit.PDFDocument;

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const CJK =
  /[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u312F\u3190-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[\uD840-\uD87F][\uDC00-\uDFFF]/;
/** Hangul: jamo, compatibility jamo, extended jamo and the syllables (Korean separates its words with spaces). */
const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7AF\uD7B0-\uD7FF]/;
/** Drawn from the Chinese face: block elements of the DOCX-style bars are not in Noto Sans. */
const CJK_FALLBACK = /[\u2580-\u259F]/;
const NEUTRAL = /[\s\d\p{P}\p{S}]/u;

function familyOf(ch: string): Family | null {
  if (ARABIC.test(ch)) return 'arabic';
  if (HANGUL.test(ch)) return 'hangul';
  if (CJK.test(ch) || CJK_FALLBACK.test(ch)) return 'cjk';
  if (NEUTRAL.test(ch)) return null;
  return 'latin';
}

/** Each code unit's family: neutral characters (spaces, digits, punctuation) take their neighbour's. */
export function families(text: string, fallback: Family): Family[] {
  const out: (Family | null)[] = [...text].flatMap((ch) => {
    const f = familyOf(ch);
    return ch.length === 2 ? [f, f] : [f];
  });
  let last: Family | null = null;
  for (let i = 0; i < out.length; i++) {
    if (out[i] === null) out[i] = last;
    else last = out[i];
  }
  let next: Family = fallback;
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] === null) out[i] = next;
    else next = out[i]!;
  }
  return out as Family[];
}

interface Run {
  text: string;
  font: string;
  width: number;
  arabic: boolean;
  /** A bracket in right-to-left text: its own glyph drawn flipped, so the text layer keeps the character typed. */
  mirror?: boolean;
}

export interface TextOptions {
  style: FontStyle;
  size: number;
  /** The paragraph's base direction: the document's. */
  rtl: boolean;
  color?: string;
}

/** A paragraph prepared for drawing: lines of runs in visual order, each with its width. */
export interface LaidOutLine {
  runs: Run[];
  width: number;
}

/**
 * The Noto faces decompose letters into a base and marks (`ccmp`): Arabic into a dotless base and dots, some
 * accented Latin ("ị") into "i" and a combining dot. The base glyph is shared, so the PDF's text layer (one
 * Unicode value per glyph) would read "ت" for "ي" or "i" for "ị". Their precomposed forms draw the same letters
 * and keep the text layer exact.
 */
const NO_DECOMPOSITION = { features: { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[] };
/** Only where it matters: passing features turns pdfkit's layout cache off, and layout is a page's main cost. */
const DECOMPOSED = /[\u0300-\u036F\u1E00-\u1EFF\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const featuresFor = (text: string) => (DECOMPOSED.test(text) ? NO_DECOMPOSITION : {});

// pdfkit caches layouts only without OpenType features, and fontkit's layout is the costly part of a page:
// widths are kept here per face and text, at size 1 (advances scale with the size).
const widths = new Map<string, number>();
const MAX_CACHED = 100_000;

/**
 * Widths are taken on a document of their own that is never written: selecting a face on the summary's own
 * document would embed it there, so what a PDF holds would depend on what earlier renders had measured.
 */
let rulerDoc: Doc | null = null;
function ruler(): Doc {
  if (!rulerDoc) {
    rulerDoc = new PDFDocument({ autoFirstPage: false });
    registerFonts(rulerDoc);
  }
  return rulerDoc;
}

function measure(_doc: Doc, font: string, size: number, text: string): number {
  const key = `${font}\u0000${text}`;
  let unit = widths.get(key);
  if (unit === undefined) {
    if (widths.size > MAX_CACHED) widths.clear();
    const doc = ruler().font(font);
    cacheLayouts(doc);
    unit = doc.fontSize(1000).widthOfString(text, featuresFor(text)) / 1000;
    widths.set(key, unit);
  }
  return unit * size;
}

/**
 * Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko, …, their presentation forms and the
 * supplementary right-to-left blocks), Arabic digits and the explicit direction controls: without any of them
 * a left-to-right paragraph is all at level 0, and the bidi algorithm can be skipped.
 */
const NEEDS_BIDI =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200F\u202A-\u202E\u2066-\u2069]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDFFF]|\uD83A[\uDC00-\uDFFF]|\uD83B[\uDC00-\uDFFF]/;

type Levels = ReturnType<typeof bidi.getEmbeddingLevels>;

/**
 * A table cell's text (an organization, a category, a time) recurs throughout a summary, and across the
 * summaries, languages and versions of an engagement: a text is laid out once per face, size, width and
 * direction, for the process's life (bounded, like the widths), and drawn the same wherever it recurs. A
 * layout depends on nothing else (the faces are the same in every document), and drawing only reads it.
 */
const laidOut = new Map<string, LaidOutLine[]>();
const MAX_LAID_OUT = 20_000;

/** Splits `text` into lines no wider than `width`, then orders each line's runs visually. */
export function layoutText(doc: Doc, text: string, width: number, options: TextOptions): LaidOutLine[] {
  const key = `${options.style}\u0000${options.size}\u0000${options.rtl}\u0000${width}\u0000${text}`;
  let lines = laidOut.get(key);
  if (!lines) {
    if (laidOut.size > MAX_LAID_OUT) laidOut.clear();
    lines = layoutUncached(doc, text, width, options);
    laidOut.set(key, lines);
  }
  return lines;
}

function layoutUncached(doc: Doc, text: string, width: number, options: TextOptions): LaidOutLine[] {
  const fallback: Family = options.rtl ? 'arabic' : 'latin';
  const fam = families(text, fallback);
  const fontAt = (i: number) => `${fam[i]}-${options.style}`;
  const levels: Levels | null = options.rtl || NEEDS_BIDI.test(text) ? bidi.getEmbeddingLevels(text, options.rtl ? 'rtl' : 'ltr') : null;
  // A line is measured whole, run by run, as it will be drawn (shaping joins letters across a word's edge).
  const widthOf = (start: number, end: number): number => {
    let w = 0;
    let s = start;
    for (let i = start + 1; i <= end; i++) {
      if (i === end || fontAt(i) !== fontAt(s)) {
        w += measure(doc, fontAt(s), options.size, text.slice(s, i));
        s = i;
      }
    }
    return w;
  };
  // Break opportunities: after spaces, and between CJK characters (which have no spaces).
  const words: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    const breakHere =
      i === text.length ||
      (/\s/.test(text[i - 1]) && !/\s/.test(text[i])) ||
      (fam[i - 1] === 'cjk' && fam[i] === 'cjk' && !/\s/.test(text[i]));
    if (breakHere) {
      words.push([start, i]);
      start = i;
    }
  }
  // Greedy, word by word: a word's width is measured once (cached), a line's is the sum of its words'.
  const lines: [number, number][] = [];
  let lineStart = 0;
  let lineWidth = 0;
  for (const [s, e] of words) {
    const bare = trimEnd(text, s, e);
    if (s > lineStart && lineWidth + widthOf(s, bare) > width) {
      lines.push([lineStart, s]);
      lineStart = s;
      lineWidth = 0;
    }
    lineWidth += widthOf(s, e);
  }
  if (lineStart < text.length || lines.length === 0) lines.push([lineStart, text.length]);
  return lines.map(([s, e]) => orderLine(doc, text, s, trimEnd(text, s, e), levels, fontAt, options.size));
}

const trimEnd = (text: string, s: number, e: number): number => {
  while (e > s && /\s/.test(text[e - 1])) e--;
  return e;
};

function orderLine(
  doc: Doc,
  text: string,
  start: number,
  end: number,
  bidiLevels: Levels | null,
  fontAt: (i: number) => string,
  size: number,
): LaidOutLine {
  if (end <= start) return { runs: [], width: 0 };
  // Without bidi levels (see NEEDS_BIDI) the line is all left to right: logical order, nothing mirrored.
  const levels = bidiLevels ?? { levels: new Uint8Array(text.length), paragraphs: [] };
  const order = bidiLevels
    ? bidi.getReorderedIndices(text, bidiLevels, start, end - 1).slice(start, end)
    : Array.from({ length: end - start }, (_, k) => start + k);
  const mirrored = bidiLevels ? bidi.getMirroredCharactersMap(text, bidiLevels.levels, start, end - 1) : new Map<number, string>();
  const runs: Run[] = [];
  let i = 0;
  while (i < order.length) {
    const first = order[i];
    const level = levels.levels[first];
    const font = fontAt(first);
    let j = i + 1;
    const alone = (k: number) => mirrored.has(order[k]);
    while (
      j < order.length &&
      !alone(i) &&
      !alone(j) &&
      levels.levels[order[j]] === level &&
      fontAt(order[j]) === font &&
      Math.abs(order[j] - order[j - 1]) === 1
    )
      j++;
    const indices = order.slice(i, j);
    const low = Math.min(...indices);
    const high = Math.max(...indices);
    const logical = text.slice(low, high + 1);
    // fontkit lays an Arabic run out right to left itself (from its script); any other right-to-left run
    // (brackets, punctuation between Arabic words) is handed over already in visual order.
    const runText = level % 2 === 1 && !ARABIC.test(logical) ? [...logical].reverse().join('') : logical;
    const arabic = ARABIC.test(logical);
    runs.push({ text: runText, font, arabic, width: measure(doc, font, size, runText), ...(alone(i) ? { mirror: true } : {}) });
    i = j;
  }
  return { runs, width: runs.reduce((w, r) => w + r.width, 0) };
}

interface LayoutFont {
  font: object;
  layoutRun(text: string, features: unknown): unknown;
}
const cachedFonts = new WeakSet<object>();
/** Per parsed face: its layouts by features and text, shared by every document (see cacheLayouts). */
const layouts = new WeakMap<object, Map<string, unknown>>();
const MAX_LAYOUTS = 50_000;

/**
 * pdfkit lays text out again for each document (its cache lives on the document's font) and every time for a
 * run drawn with OpenType features, and fontkit's shaping is the main cost of a page. The faces are parsed
 * once per process (parsedFonts), so a layout (glyph ids, advances, positions at pdfkit's scale) is the same
 * in every document: it is kept per face and text for the process's life, bounded. pdfkit only reads a layout
 * when it encodes it; the glyph ids go into each document's own subset.
 */
/** A features object's key: pdfkit hands over the same object for every run drawn with it. */
const featureKeys = new WeakMap<object, string>();
function featureKey(features: unknown): string {
  if (typeof features !== 'object' || features === null) return JSON.stringify(features);
  let key = featureKeys.get(features);
  if (key === undefined) {
    key = JSON.stringify(features);
    featureKeys.set(features, key);
  }
  return key;
}

function cacheLayouts(doc: Doc): void {
  const embedded = (doc as unknown as { _font?: LayoutFont })._font;
  if (!embedded || cachedFonts.has(embedded) || typeof embedded.layoutRun !== 'function') return;
  cachedFonts.add(embedded);
  const layoutRun = embedded.layoutRun.bind(embedded);
  let cache = layouts.get(embedded.font);
  if (!cache) {
    cache = new Map();
    layouts.set(embedded.font, cache);
  }
  const shared = cache;
  embedded.layoutRun = (text, features) => {
    const key = features ? `${featureKey(features)}\u0000${text}` : text;
    let run = shared.get(key);
    if (run === undefined) {
      if (shared.size > MAX_LAYOUTS) shared.clear();
      run = layoutRun(text, features);
      shared.set(key, run);
    }
    return run;
  };
}

/** Draws one laid-out line at `y`, from the start edge of [x, x + width] (the right edge when `rtl`). */
export function drawLine(
  doc: Doc,
  line: LaidOutLine,
  x: number,
  y: number,
  width: number,
  options: TextOptions & { align?: 'start' | 'end' | 'center' },
): void {
  const align = options.align ?? 'start';
  const fromRight = (align === 'start') === options.rtl;
  let cursor = align === 'center' ? x + (width - line.width) / 2 : fromRight ? x + width - line.width : x;
  doc.fontSize(options.size).fillColor(options.color ?? 'black');
  for (const run of line.runs) {
    if (run.mirror) doc.save().transform(-1, 0, 0, 1, 2 * cursor + run.width, 0);
    doc.font(run.font).fontSize(options.size);
    cacheLayouts(doc);
    // pdfkit measures a fragment again only for links and underlines (none here) unless told its width: it is known.
    const fragment = { lineBreak: false, textWidth: run.width, wordCount: 1, ...featuresFor(run.text) } as PDFKit.Mixins.TextOptions;
    doc.text(run.text, cursor, y, fragment);
    if (run.mirror) doc.restore();
    cursor += run.width;
  }
}

/** The line height pdfkit uses for a size, with the summary's leading. */
export const lineHeight = (size: number): number => size * 1.35;
