import { describe, expect, it } from 'vitest';
import { DOWNLOADED } from '../../../plugin/src/features/summary/downloadSummary.js';
import {
  fallbackFilename,
  filenameFromContentDisposition,
  SUMMARY_FORMATS,
  summaryPath,
} from '../../../plugin/src/features/summary/summaryFiles.js';

describe('summary downloads', () => {
  it('given the six formats of docs/api.md, then each has a download URL; a published version adds ?version', () => {
    expect(SUMMARY_FORMATS).toEqual(['md', 'html', 'docx', 'pdf', 'json', 'csv']);
    expect(summaryPath('eng 1', 'pdf')).toBe('/api/engagements/eng%201/summary?format=pdf');
    expect(summaryPath('e1', 'csv', 3)).toBe('/api/engagements/e1/summary?format=csv&version=3');
  });

  it('LIFE-7: given a language chosen, then the download asks for it with ?lang; without one the summary keeps its own', () => {
    expect(summaryPath('e1', 'pdf', null, 'ar')).toBe('/api/engagements/e1/summary?format=pdf&lang=ar');
    expect(summaryPath('e1', 'docx', 2, 'zh-Hans')).toBe('/api/engagements/e1/summary?format=docx&version=2&lang=zh-Hans');
    expect(summaryPath('e1', 'md', null, null)).toBe('/api/engagements/e1/summary?format=md');
  });

  it('given Express’s Content-Disposition for an ASCII name, then the quoted filename is used', () => {
    expect(filenameFromContentDisposition('attachment; filename="chairs-summary-capacity-building-v2.docx"')).toBe(
      'chairs-summary-capacity-building-v2.docx',
    );
  });

  it('given both filename and filename*, then the UTF-8 filename* wins and is percent-decoded', () => {
    const header = `attachment; filename="r?sum?.md"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%D8%B9%D8%B1%D8%A8%D9%8A.md`;
    expect(filenameFromContentDisposition(header)).toBe('résumé عربي.md');
  });

  it('given a bare token, an escaped quote, or a path, then the name is read and stripped of any folder', () => {
    expect(filenameFromContentDisposition('attachment; filename=summary.csv')).toBe('summary.csv');
    expect(filenameFromContentDisposition('attachment; filename="a \\"quoted\\" name.md"')).toBe('a "quoted" name.md');
    expect(filenameFromContentDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(filenameFromContentDisposition("attachment; filename*=UTF-8''..%2F..%2Fx.pdf")).toBe('x.pdf');
  });

  it('given no header, no filename or a malformed encoding, then the fallback name is used', () => {
    expect(filenameFromContentDisposition(null)).toBeNull();
    expect(filenameFromContentDisposition('attachment')).toBeNull();
    expect(filenameFromContentDisposition(`attachment; filename*=UTF-8''%E0%A4%A`)).toBeNull();
    expect(fallbackFilename('json')).toBe('chairs-summary-draft.json');
    expect(fallbackFilename('pdf', 4)).toBe('chairs-summary-v4.pdf');
  });

  it('Teams Store rule: after a download the confirmation reads exactly "Results successfully downloaded"', () => {
    expect(DOWNLOADED).toBe('Results successfully downloaded');
  });
});
