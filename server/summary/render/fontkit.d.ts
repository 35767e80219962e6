// fontkit (pdfkit's font engine) ships no types; only what pdfFonts.ts, pdfText.ts and the tests use is declared.
declare module 'fontkit' {
  interface Font {
    layout(text: string, features?: unknown): unknown;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
  export function openSync(path: string, postscriptName?: string): Font;
}
