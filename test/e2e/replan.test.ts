import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, sessionScript, type Session } from './support/api.js';
import { ensurePluginBuilt } from './support/buildPlugin.js';
import { chromiumOrSkip, launchChromium } from './support/chromium.js';
import { startServer, type RunningServer } from './support/startServer.js';

// The product's reason to exist (docs/product.md): the session runs short, the Chair re-plans against the hard
// stop, sees the re-plan before applying it, and the unheard speaker is invited to submit in writing.

const root = resolve(import.meta.dirname, '../..');
const executable = chromiumOrSkip();

const localInput = (ms: number) => {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

describe.skipIf(!executable)('re-planning against the hard stop', () => {
  let server: RunningServer;
  let browser: Browser;
  let engagementId = '';
  let chair: Session;
  const speakers: Session[] = [];
  const names = ['Amina Diallo', 'Jonas Berg', 'Lucía Fernández'];

  beforeAll(async () => {
    ensurePluginBuilt(root);
    server = await startServer(root);
    browser = await launchChromium(executable!);
    const api = apiClient(server.url);
    chair = await api.devSignIn('Ambassador Chair');
    engagementId = (await api.createEngagement(chair.token, { title: 'Consultation running short', speakingSeconds: 180 })).id;
    const added = await api.command(chair.token, engagementId, { type: 'question.add', text: 'What should the annual report recommend?' });
    const questionId = (added.events[0] as unknown as { question: { id: string } }).question.id;
    await api.command(chair.token, engagementId, { type: 'engagement.open' });
    await api.command(chair.token, engagementId, { type: 'engagement.start' });
    await api.command(chair.token, engagementId, { type: 'question.open', questionId });
    for (const [i, name] of names.entries()) {
      const invitation = await api.invite(chair.token, engagementId, {
        role: 'stakeholder',
        displayName: name,
        organization: `Organization ${i + 1}`,
        category: 'ngo',
      });
      const session = await api.redeem(invitation.code);
      speakers.push(session);
      await api.command(session.token, engagementId, { type: 'floor.request', questionId, note: `Point ${i + 1}` });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedInPage(session: Session, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    await context.addInitScript((value) => sessionStorage.setItem('convene.session', value), sessionScript(session));
    const page = await context.newPage();
    await page.goto(`${server.url}/e/${encodeURIComponent(engagementId)}`);
    return page;
  }

  it('given three waiting speakers of 3 minutes and 7 to 8 minutes left, when the Chair reorders by keyboard, previews a cap and applies it, then the last speaker is deferred and can submit in writing', async () => {
    const console = await signedInPage(chair, { width: 1280, height: 720 });
    const rows = console.getByTestId('waiting-row');
    // The console renders after its code and the stream arrive, later than the load event on a busy machine.
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);

    // Keyboard reordering: the move buttons are ordinary buttons (Enter), no mouse needed.
    await console.getByRole('button', { name: 'Move Lucía Fernández up' }).focus();
    await console.keyboard.press('Enter');
    await expect.poll(() => rows.nth(1).textContent()).toContain('Lucía Fernández');

    await console.getByLabel('Hard stop (your local time)').fill(localInput(Date.now() + 8 * 60_000));
    await console.getByRole('button', { name: 'Set hard stop' }).click();
    await console.getByText(/min past the hard stop/).waitFor();

    await console.getByRole('radio', { name: 'Cap the list, defer the rest to writing' }).check();
    await console.getByRole('button', { name: 'Preview' }).click();
    const preview = console.getByRole('region', { name: 'Re-plan preview' });
    await preview.waitFor();
    // Nothing changed yet: the preview is only a preview.
    expect(await rows.count()).toBe(3);
    const deferredText = (await preview.textContent()) ?? '';
    expect(deferredText).toMatch(/would be invited to submit in writing/);
    expect(deferredText).toContain('Deferred: Jonas Berg');
    await preview.getByRole('button', { name: 'Apply this re-plan' }).click();
    // Two speakers of 3 minutes fit in 7 to 8 minutes; the third leaves the list.
    await expect.poll(() => rows.count()).toBe(2);

    // Jonas, last after the reorder, is invited to submit in writing and does so.
    const jonas = await signedInPage(speakers[1], { width: 320, height: 800 });
    await jonas.getByText('Time ran short and you were not heard').waitFor();
    const form = jonas.locator('section', { has: jonas.getByRole('heading', { name: 'Your statement in writing' }) });
    await form.getByLabel('Title').fill('Recommendations on capacity-building');
    await form.getByLabel('Your statement').fill('The report should set out concrete, funded follow-up actions.');
    await form.getByRole('button', { name: 'Submit' }).click();
    await jonas.getByText('Thank you: your written statement').waitFor();

    await console.getByRole('tab', { name: 'Record' }).click();
    await console.getByText('(in place of a deferred intervention)').waitFor();
    expect(await console.getByText('Recommendations on capacity-building').count()).toBe(1);
  }, 180_000);
});
