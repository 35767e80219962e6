import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

// The summary's fonts, from npm packages the project installs (Noto Sans, Noto Sans Arabic, Noto Sans SC,
// Noto Sans KR; SIL Open Font License), never from the machine: where each face is, which are missing (the
// server says so at start-up), and the faces parsed once per process for pdfkit. Laid out by pdfText.ts.

const require = createRequire(import.meta.url);

export type FontStyle = 'regular' | 'bold' | 'italic';
export type Family = 'latin' | 'arabic' | 'cjk' | 'hangul';

const FILES: Record<Family, Record<FontStyle, string>> = {
  latin: {
    regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
    italic: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  },
  arabic: {
    regular: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
    // Arabic has no italic; the upright face is the typographic norm.
    italic: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  },
  cjk: {
    regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
    italic: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  },
  // Noto Sans SC draws Chinese and Japanese kana but no Hangul syllables: Korean has a face of its own.
  hangul: {
    regular: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf',
    italic: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
  },
};

/** What each family draws, as the server's start-up message names it. */
const SCRIPTS: Record<Family, string> = {
  latin: 'Latin, Greek and Cyrillic',
  arabic: 'Arabic',
  cjk: 'Chinese and Japanese',
  hangul: 'Korean (Hangul)',
};

type Resolve = (path: string) => string;

function resolvable(path: string, resolve: Resolve): boolean {
  try {
    return existsSync(resolve(path));
  } catch {
    return false;
  }
}

export interface MissingFont {
  family: Family;
  /** The scripts this family draws, in words. */
  scripts: string;
  /** The npm package that ships it. */
  packageName: string;
}

/**
 * The families whose font package is not installed (a partial or hand-pruned install): the PDF draws their
 * scripts with the Latin face instead, so their letters print as missing glyphs. The server says so once at
 * start-up (server/main.ts); without the Latin face no PDF summary can be drawn at all.
 */
export function missingFonts(resolve: Resolve = require.resolve): MissingFont[] {
  return (Object.entries(FILES) as [Family, Record<FontStyle, string>][])
    .filter(([, styles]) => Object.values(styles).some((path) => !resolvable(path, resolve)))
    .map(([family, styles]) => ({ family, scripts: SCRIPTS[family], packageName: styles.regular.split('/').slice(0, 2).join('/') }));
}

/** The start-up message for `missing` (null when every face is there). */
export function describeMissingFonts(missing: MissingFont[]): string | null {
  if (missing.length === 0) return null;
  const packages = missing.map((m) => m.packageName).join(', ');
  const install = `${missing.length === 1 ? 'is' : 'are'} not installed (npm ci installs ${missing.length === 1 ? 'it' : 'them'})`;
  if (missing.some((m) => m.family === 'latin')) return `PDF summaries cannot be drawn: ${packages} ${install}.`;
  return `PDF summaries cannot draw ${missing.map((m) => m.scripts).join(', ')}: ${packages} ${install}; those letters print as missing glyphs.`;
}

/**
 * The font files' paths inside node_modules, per family and style; a family whose package is missing gets the
 * Latin face's (see missingFonts). Throws when the Latin face itself is missing.
 */
export function fontFiles(resolve: Resolve = require.resolve): Record<Family, Record<FontStyle, string>> {
  const missing = new Set(missingFonts(resolve).map((m) => m.family));
  return Object.fromEntries(
    (Object.keys(FILES) as Family[]).map((f) => [
      f,
      Object.fromEntries(
        (Object.entries(missing.has(f) ? FILES.latin : FILES[f]) as [FontStyle, string][]).map(([s, p]) => [s, resolve(p)]),
      ),
    ]),
  ) as Record<Family, Record<FontStyle, string>>;
}

/** fontkit's font, as pdfkit takes it (pdfkit accepts a parsed font in place of a file). */
interface FontkitFont {
  layout(text: string, features?: unknown): unknown;
}

// Parsed once per process: the Chinese face alone is 10 MB, and fontkit decodes a face's tables (cmap, GSUB,
// GPOS, glyphs) lazily and keeps them on the font object, so a face parsed per document would decode them
// again for every render. Every document registers the same parsed faces; pdfkit still gives each document
// its own subset (only the glyphs that document uses are embedded).
let parsed: Map<string, FontkitFont> | null = null;
function parsedFonts(): Map<string, FontkitFont> {
  if (!parsed) {
    const files = fontFiles();
    parsed = new Map();
    for (const family of Object.keys(files) as Family[]) {
      for (const style of Object.keys(files[family]) as FontStyle[])
        parsed.set(`${family}-${style}`, fontkit.create(readFileSync(files[family][style])) as FontkitFont);
    }
  }
  return parsed;
}

/** Registers the nine faces with a document under `latin-regular`, `arabic-bold`, … */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, font] of parsedFonts()) doc.registerFont(name, font as unknown as ArrayBuffer);
}
