import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type Session } from './support/api.js';
import { ensurePluginBuilt } from './support/buildPlugin.js';
import { chromiumOrSkip, launchChromium } from './support/chromium.js';
import { signedInPage } from './support/signedInPage.js';
import { startServer, type RunningServer } from './support/startServer.js';

// The Chair's summary leaves the tab as real files (issue 5): after a tiny session run through the API
// (a question, one stakeholder heard, a public note, the engagement ended), the Chair downloads the draft as
// DOCX and PDF from the console's Summary tab. The tab fetches with the bearer and saves through a temporary
// <a download>, so the test catches the browser's download, then opens the files as a reader would.

const root = resolve(import.meta.dirname, '../..');
const shots = join(root, 'docs/screenshots');
const executable = chromiumOrSkip();

const TITLE = 'Consultation on digital public goods';
const QUESTION = 'Which digital public goods should the report recommend?';
const NOTE = 'Several speakers asked for open standards in public procurement.';

describe.skipIf(!executable)('downloading the Chair’s summary in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let engagementUrl = '';
  let chair: Session;
  let downloads = '';

  beforeAll(async () => {
    ensurePluginBuilt(root);
    server = await startServer(root);
    browser = await launchChromium(executable!);
    mkdirSync(shots, { recursive: true });
    downloads = mkdtempSync(join(tmpdir(), 'convene-downloads-'));

    const api = apiClient(server.url);
    chair = await api.devSignIn('Ambassador Chair');
    const engagementId = (await api.createEngagement(chair.token, { title: TITLE, speakingSeconds: 180 })).id;
    const added = await api.command(chair.token, engagementId, { type: 'question.add', text: QUESTION });
    const questionId = (added.events[0] as unknown as { question: { id: string } }).question.id;
    await api.command(chair.token, engagementId, { type: 'engagement.open' });
    await api.command(chair.token, engagementId, { type: 'engagement.start' });
    await api.command(chair.token, engagementId, { type: 'question.open', questionId });
    const invitation = await api.invite(chair.token, engagementId, {
      role: 'stakeholder',
      displayName: 'Amina Diallo',
      organization: 'Cyber Africa Network',
      category: 'ngo',
    });
    const amina = await api.redeem(invitation.code);
    await api.command(amina.token, engagementId, { type: 'floor.request', questionId, note: 'Open standards' });
    await api.command(chair.token, engagementId, { type: 'floor.give' });
    await api.command(chair.token, engagementId, { type: 'floor.end' });
    await api.command(chair.token, engagementId, { type: 'note.add', questionId, text: NOTE, visibility: 'public' });
    await api.command(chair.token, engagementId, { type: 'engagement.end' });
    engagementUrl = `${server.url}/e/${encodeURIComponent(engagementId)}`;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  /** Clicks a download button and returns the saved file's path and the name the server gave it. */
  async function download(page: Page, buttonName: string, as: string): Promise<{ path: string; suggested: string }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
    const path = join(downloads, as);
    await file.saveAs(path);
    expect(await file.failure()).toBeNull();
    return { path, suggested: file.suggestedFilename() };
  }

  it('given an ended engagement with one speaker heard and a public note, when the Chair downloads the draft as DOCX and PDF, then the tab confirms it and both files open with the title', async () => {
    const console = await signedInPage(browser, contexts, engagementUrl, chair, { width: 1280, height: 720 });
    await console.getByRole('tab', { name: 'Summary' }).click();
    await console.getByRole('heading', { name: 'Chair’s summary' }).waitFor();
    // The draft is built from the record: the public note is in it before anything is downloaded.
    await console.getByText(NOTE, { exact: false }).first().waitFor();
    const confirmation = console
      .getByRole('group', { name: 'The current draft' })
      .getByText('Results successfully downloaded', { exact: true });
    expect(await confirmation.count()).toBe(0);

    // DOCX: a zip whose document names the engagement and carries real Word headings.
    const docx = await download(console, 'Download the current draft as Word (DOCX)', 'summary.docx');
    expect(docx.suggested).toMatch(/\.docx$/);
    await confirmation.waitFor();
    const zip = await JSZip.loadAsync(readFileSync(docx.path));
    const documentXml = await zip.file('word/document.xml')?.async('string');
    expect(documentXml).toBeDefined();
    expect(documentXml).toContain(TITLE);
    expect(documentXml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(documentXml).toContain(QUESTION);

    // PDF: the magic number, and pdftotext reads the title back out of it.
    const pdf = await download(console, 'Download the current draft as PDF', 'summary.pdf');
    expect(pdf.suggested).toMatch(/\.pdf$/);
    await confirmation.waitFor();
    expect(readFileSync(pdf.path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(TITLE);

    // The exact Store wording, once, under the draft's buttons.
    expect(await confirmation.textContent()).toBe('Results successfully downloaded');
    expect(await confirmation.count()).toBe(1);
    await console.screenshot({ path: join(shots, 'summary-console.png') });
    // Two Chromium downloads and a PDF render on a shared two-core machine.
  }, 180_000);
});
