import { describe, expect, it } from 'vitest';
import type { PortalListing } from '../../server/portal/portalListing.js';
import { PORTAL_LABELS, PORTAL_LANGUAGES, portalLanguageOf, renderPortalPage } from '../../server/portal/portalPage.js';

// The portal page's HTML (PROCESS-VIEW-5): escaped, in six languages, Arabic right to left, one column.

const listing: PortalListing = {
  processId: 'oewg',
  title: 'OEWG <b>2026</b>',
  description: 'Papers & more',
  themes: [
    {
      theme: 'Capacity-building',
      questions: [
        {
          questionRef: 'GQ "1"',
          papers: [
            {
              paperId: 'p1',
              proposalNumber: 3,
              proposalTitle: 'A delegation: a <script>alert(1)</script> hub',
              title: 'مركز إقليمي',
              language: 'ar',
              version: 2,
              attachmentId: 'a1',
              publishedAt: '2026-11-28T09:00:00.000Z',
              proponents: ['Kenya'],
            },
          ],
        },
      ],
    },
  ],
};

describe('the portal page', () => {
  it('PROCESS-VIEW-5: every value is escaped, the paper has its anchor and link, and there is no script', () => {
    const html = renderPortalPage(listing, 'en', (p) => `/p/oewg/papers/${p.paperId}/${p.version}?x=<y>`);
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('OEWG &lt;b&gt;2026&lt;/b&gt;');
    expect(html).toContain('Papers &amp; more');
    expect(html).toContain('GQ &quot;1&quot;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('id="paper-p1-v2"');
    expect(html).toContain('href="/p/oewg/papers/p1/2?x=&lt;y&gt;"');
    expect(html).toContain('<h4 lang="ar" dir="auto"><bdi>مركز إقليمي</bdi></h4>');
    expect(html).toContain('Put forward by: <bdi>Kenya</bdi>');
    expect(html).toContain('name="viewport" content="width=device-width, initial-scale=1"');
    // One column that reflows at 320 px: no fixed widths, long words wrap.
    expect(html).toContain('overflow-wrap:anywhere');
    expect(html).not.toMatch(/width:\s*\d{3,}px/);
  });

  it('PROCESS-VIEW-5: Arabic is right to left, every language has every label, and the language comes from ?lang or Accept-Language', () => {
    expect(renderPortalPage(listing, 'ar', () => '/x')).toContain('<html lang="ar" dir="rtl">');
    const keys = Object.keys(PORTAL_LABELS.en).sort();
    for (const lang of PORTAL_LANGUAGES) {
      expect(Object.keys(PORTAL_LABELS[lang]).sort(), lang).toEqual(keys);
      for (const [key, value] of Object.entries(PORTAL_LABELS[lang]))
        if (typeof value === 'string') expect(value.trim(), `${lang}.${key}`).not.toBe('');
      expect(renderPortalPage({ ...listing, themes: [] }, lang, () => '/x')).toContain(PORTAL_LABELS[lang].none);
    }
    expect(portalLanguageOf('fr', 'ar')).toBe('fr');
    expect(portalLanguageOf(undefined, 'de-DE, ar;q=0.8, en;q=0.5')).toBe('ar');
    expect(portalLanguageOf('xx', undefined)).toBe('en');
  });
});
