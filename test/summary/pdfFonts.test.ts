import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { describeMissingFonts, fontFiles, missingFonts } from '../../server/summary/render/pdfFonts.js';

// Issue 11: the PDF's fonts come from npm packages the project installs; the server says at start-up, once,
// which scripts it cannot draw when one is missing (server/main.ts logs describeMissingFonts(missingFonts())).
// A missing package is stood in for by a resolver that does not find it, as Node's does after a pruned install.

const require = createRequire(import.meta.url);
const without =
  (...packages: string[]) =>
  (path: string): string => {
    if (packages.some((p) => path.startsWith(`${p}/`))) throw new Error(`Cannot find module '${path}'`);
    return require.resolve(path);
  };

describe('the PDF fonts at start-up (issue 11, LIFE-7)', () => {
  it('given this install, then every face is there and the server has nothing to say', () => {
    expect(missingFonts()).toEqual([]);
    expect(describeMissingFonts(missingFonts())).toBeNull();
  });

  it('given the Korean and Arabic packages missing, then the message names their scripts and packages, and their letters fall back to the Latin face', () => {
    const resolve = without('@expo-google-fonts/noto-sans-kr', '@expo-google-fonts/noto-sans-arabic');
    const missing = missingFonts(resolve);
    expect(missing.map((m) => m.family)).toEqual(['arabic', 'hangul']);
    expect(describeMissingFonts(missing)).toBe(
      'PDF summaries cannot draw Arabic, Korean (Hangul): @expo-google-fonts/noto-sans-arabic, @expo-google-fonts/noto-sans-kr are not installed (npm ci installs them); those letters print as missing glyphs.',
    );
    const files = fontFiles(resolve);
    expect(files.hangul).toEqual(files.latin);
    expect(files.arabic).toEqual(files.latin);
    expect(files.cjk.regular).toMatch(/NotoSansSC_400Regular\.ttf$/);
  });

  it('given the Latin face missing, then the message says no PDF summary can be drawn', () => {
    const missing = missingFonts(without('@expo-google-fonts/noto-sans'));
    expect(missing.map((m) => m.family)).toEqual(['latin']);
    expect(describeMissingFonts(missing)).toBe(
      'PDF summaries cannot be drawn: @expo-google-fonts/noto-sans is not installed (npm ci installs it).',
    );
  });
});
