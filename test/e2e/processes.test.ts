import { resolve } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type Session } from './support/api.js';
import { seriousViolations } from './support/axe.js';
import { ensurePluginBuilt } from './support/buildPlugin.js';
import { chromiumOrSkip, launchChromium } from './support/chromium.js';
import { signedInPage } from './support/signedInPage.js';
import { startServer, type RunningServer } from './support/startServer.js';

// Processes in real Chromium (docs/processes.md): the Chair files a proposal from the speakers list in the
// console's Proposals view and asks the proponent a question; the proponent sees it in "My proposals" in the
// side panel and answers it there; the portal page renders at 320 px and in Arabic, right to left, without
// sideways scrolling, passes axe, and names no proponent who did not agree.

const root = resolve(import.meta.dirname, '../..');
const executable = chromiumOrSkip();
const PAPER_TITLE = 'بوابة لبناء القدرات: a portal for capacity-building with a deliberately long title that has to wrap at 320 px';

describe.skipIf(!executable)('a process in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let chair: Session;
  let ana: Session;
  let engagementId = '';
  let processId = '';

  const call = async (token: string | null, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${text}`);
    return JSON.parse(text);
  };

  beforeAll(async () => {
    ensurePluginBuilt(root);
    server = await startServer(root);
    browser = await launchChromium(executable!);
    const api = apiClient(server.url);
    chair = await api.devSignIn('Process Chair');
    ana = await api.devSignIn('Ana Pereira');
    engagementId = (await api.createEngagement(chair.token, { title: 'Informal virtual engagement' })).id;
    const added = await api.command(chair.token, engagementId, { type: 'question.add', text: 'How can capacity-building be needs-based?' });
    const questionId = (added.events[0] as unknown as { question: { id: string } }).question.id;
    await api.command(chair.token, engagementId, { type: 'engagement.open' });
    const registered = await api.command(ana.token, engagementId, {
      type: 'participant.register',
      organization: 'Cyber NGO',
      category: 'ngo',
    });
    const participantId = (registered.events[0] as unknown as { participant: { id: string } }).participant.id;
    await api.command(chair.token, engagementId, { type: 'participant.approve', participantId });
    await api.command(chair.token, engagementId, { type: 'engagement.start' });
    await api.command(chair.token, engagementId, { type: 'question.open', questionId });
    const requested = await api.command(ana.token, engagementId, {
      type: 'floor.request',
      questionId,
      note: 'A portal matching needs and offers.',
    });
    expect(requested.events.map((e) => e.type)).toContain('floor.requested');
    await api.command(chair.token, engagementId, { type: 'floor.give' });
    await api.command(chair.token, engagementId, { type: 'floor.end' });

    processId = (await call(chair.token, '/api/processes', { title: 'Open-ended working group, 2026' })).id;
    await call(chair.token, `/api/processes/${processId}/engagements`, { engagementId });
    await call(chair.token, `/api/processes/${processId}/commands`, {
      type: 'process.addMember',
      userId: ana.user.id,
      displayName: 'Ana Pereira',
      organization: 'Cyber NGO',
      category: 'ngo',
      role: 'stakeholder',
    });
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('PROPOSAL-12, PROPOSAL-9, PROPOSAL-5: the Chair files the intervention from the speakers list in the Proposals view, asks the proponent a question and moves its status', async () => {
    const page = await signedInPage(browser, contexts, `${server.url}/e/${encodeURIComponent(engagementId)}`, chair, {
      width: 1280,
      height: 900,
    });
    await page.getByRole('tab', { name: 'Proposals' }).click();
    await page.getByRole('heading', { name: 'Proposals register' }).waitFor();
    await page.getByRole('button', { name: 'File as a proposal: Cyber NGO (Ana Pereira)' }).click();
    await page.getByText('Filed as a proposal').waitFor();
    await page.getByText(/^Proposal 1: /).waitFor();
    await page.getByLabel('Question to the proponents').fill('Who would host the portal?');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await expect.poll(async () => Object.keys((await call(chair.token, `/api/processes/${processId}`)).questions).length).toBe(1);
    const view = await call(chair.token, `/api/processes/${processId}`);
    const proposal = Object.values(
      view.proposals as Record<string, { source: { kind: string; text: string | null }; proponents: unknown[] }>,
    )[0];
    expect(proposal.source).toMatchObject({ kind: 'intervention', text: 'A portal matching needs and offers.' });
    expect(proposal.proponents).toHaveLength(1);
    // PROPOSAL-5: the status road, with its history (who and when is on the record).
    await page.getByLabel('New status').selectOption('discussed');
    await page.getByRole('button', { name: 'Change the status' }).click();
    await page.getByText(/· Discussed$/).waitFor();
    await page.getByText('History').click();
    await page.getByText(/Question to the proponent → Discussed/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);

  it('PROPOSAL-10, PAPER-1: the proponent sees the question in "My proposals" in the side panel at 320 px, answers it there and uploads a concept paper', async () => {
    const panel = await signedInPage(browser, contexts, `${server.url}/e/${encodeURIComponent(engagementId)}?view=panel`, ana, {
      width: 320,
      height: 900,
    });
    await panel.getByRole('heading', { name: 'My proposals' }).waitFor();
    const answer = panel.getByLabel('The Chair’s team asks: Who would host the portal?');
    await answer.fill('A regional hub, rotating every two years.');
    await panel.getByRole('button', { name: 'Send the answer' }).click();
    await panel.getByText('No question is waiting for your answer.').waitFor();
    const view = await call(chair.token, `/api/processes/${processId}`);
    expect(Object.values(view.questions as Record<string, { answer: string | null }>).map((q) => q.answer)).toEqual([
      'A regional hub, rotating every two years.',
    ]);
    expect(await panel.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    // PAPER-1: the proponent uploads its concept paper from the same panel.
    await panel.getByLabel('Title of the paper').fill(PAPER_TITLE);
    await panel.getByLabel('Language of the paper').selectOption('ar');
    await panel.getByLabel('The paper (PDF, Word, ODT, text or Markdown)').setInputFiles({
      name: 'paper.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('A concept paper.\n'),
    });
    await panel.getByRole('button', { name: 'Upload a concept paper' }).click();
    await panel.getByRole('button', { name: 'Upload a new version' }).waitFor();
    await panel.getByText(/1 version, not published yet/).waitFor();
    expect(await seriousViolations(panel)).toEqual([]);
  }, 120_000);

  it('PROCESS-VIEW-5: the portal page renders at 320 px and in Arabic, right to left, without sign-in, passes axe and names no unconsented proponent', async () => {
    // The paper the proponent uploaded in the side panel, published by the Chair.
    const papers = (await call(chair.token, `/api/processes/${processId}`)).papers as Record<string, { id: string }>;
    const [paper] = Object.values(papers);
    await call(chair.token, `/api/processes/${processId}/commands`, { type: 'paper.publish', paperId: paper.id });
    const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/p/${processId}?lang=ar`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: 'ورقات المفاهيم' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    const text = await page.evaluate(() => document.body.textContent ?? '');
    expect(text).toContain('بوابة لبناء القدرات');
    expect(text).not.toContain('Cyber NGO');
    expect(text).not.toContain('Ana Pereira');
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);
});
