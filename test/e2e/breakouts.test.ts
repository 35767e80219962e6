import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type Session } from './support/api.js';
import { seriousViolations } from './support/axe.js';
import { ensurePluginBuilt } from './support/buildPlugin.js';
import { chromiumOrSkip, launchChromium } from './support/chromium.js';
import { signedInPage } from './support/signedInPage.js';
import { startServer, type RunningServer } from './support/startServer.js';

// A breakout round end to end in real Chromium (issue 4): the Chair plans two themed rooms with a
// rapporteur, places people by hand and starts the round; both stakeholders see their room and the same
// countdown, read the Chair's message, come back to plenary when the round ends, and the rapporteur's
// report reaches the Chair's console. No LiveKit is configured, so joining explains that the round runs
// without audio and video here (BREAKOUT-20). The admission set-up goes through the API, as in replan.test.ts.

const root = resolve(import.meta.dirname, '../..');
const shots = join(root, 'docs/screenshots');
const executable = chromiumOrSkip();

const ROOM_1 = 'Financing capacity-building';
const ROOM_2 = 'Skills and training';
const MESSAGE = 'Five minutes left: agree on your two main proposals.';
const KEY_POINT = 'Funding should follow national implementation plans.';
const PROPOSAL = 'A shared register of capacity-building offers.';

/** m:ss → seconds. */
const seconds = (text: string): number => {
  const m = /^(\d+):(\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`not a round countdown: ${text}`);
  return Number(m[1]) * 60 + Number(m[2]);
};

describe.skipIf(!executable)('a breakout round in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let engagementUrl = '';
  let chair: Session;
  let amina: Session;
  let jonas: Session;

  beforeAll(async () => {
    ensurePluginBuilt(root);
    // No LiveKit here, whatever the environment says: the round runs without media (BREAKOUT-20).
    server = await startServer(root, { LIVEKIT_URL: '', LIVEKIT_API_KEY: '', LIVEKIT_API_SECRET: '' });
    browser = await launchChromium(executable!);
    mkdirSync(shots, { recursive: true });
    const api = apiClient(server.url);
    chair = await api.devSignIn('Ambassador Chair');
    const engagementId = (await api.createEngagement(chair.token, { title: 'Consultation on capacity-building' })).id;
    await api.command(chair.token, engagementId, {
      type: 'question.add',
      text: 'How can capacity-building be made more implementation-oriented?',
    });
    await api.command(chair.token, engagementId, { type: 'engagement.open' });
    await api.command(chair.token, engagementId, { type: 'engagement.start' });
    const invite = async (displayName: string, organization: string) =>
      api.redeem((await api.invite(chair.token, engagementId, { role: 'stakeholder', displayName, organization, category: 'ngo' })).code);
    amina = await invite('Amina Diallo', 'Cyber Africa Network');
    jonas = await invite('Jonas Berg', 'Nordic Research Institute');
    engagementUrl = `${server.url}/e/${encodeURIComponent(engagementId)}`;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('BREAKOUT-1, 2, 10, 14, 17, 18, 19: given two admitted stakeholders, when the Chair plans, assigns, starts, messages and ends a round, then both panels follow it and the rapporteur’s report reaches the console', async () => {
    const console = await signedInPage(browser, contexts, engagementUrl, chair, { width: 1280, height: 720 });
    const aminaPanel = await signedInPage(browser, contexts, `${engagementUrl}?view=panel`, amina, { width: 320, height: 800 });
    const jonasPanel = await signedInPage(browser, contexts, `${engagementUrl}?view=panel`, jonas, { width: 320, height: 800 });
    const panels = [aminaPanel, jonasPanel];

    // Plan: two rooms, manual placement, 5 minutes; Amina reports for room 1.
    await console.getByRole('tab', { name: 'Breakouts' }).click();
    const planner = console.getByRole('region', { name: 'Plan a breakout round' });
    await planner.waitFor();
    await planner.getByLabel('Title (optional)').fill('Round on implementation');
    await planner.getByLabel('Duration (minutes)').fill('5');
    await planner.getByRole('radio', { name: /^Manual/ }).check();
    const room1 = planner.getByRole('group', { name: 'Room 1', exact: true });
    await room1.getByLabel('Room 1 theme').fill(ROOM_1);
    await room1.getByLabel('Rapporteur').selectOption({ label: 'Amina Diallo (Cyber Africa Network)' });
    await planner.getByRole('group', { name: 'Room 2', exact: true }).getByLabel('Room 2 theme').fill(ROOM_2);
    await planner.getByRole('button', { name: 'Plan the round' }).click();
    await console.getByText(/Round on implementation: 2 rooms, 5 minutes, you assign the rooms — planned\./).waitFor();

    // Before the start, the panels say the Chair assigns the rooms; no countdown yet.
    for (const panel of panels) {
      await panel.getByRole('heading', { name: 'Breakouts: Round on implementation' }).waitFor();
      await panel.getByText('The round has not started yet.', { exact: false }).waitFor();
      expect(await panel.getByTestId('round-countdown').count()).toBe(0);
    }

    // Assign: the rapporteur is already pinned to her room (BREAKOUT-2); Jonas is placed by the per-person select.
    await expect.poll(() => console.getByLabel('Room for Amina Diallo').locator('option:checked').textContent()).toBe(ROOM_1);
    await console.getByLabel('Room for Jonas Berg').selectOption({ label: ROOM_2 });
    await expect.poll(() => console.getByLabel('Room for Jonas Berg').locator('option:checked').textContent()).toBe(ROOM_2);

    // Start.
    await console.getByRole('button', { name: 'Start (5 minutes)' }).click();
    await console.getByRole('heading', { name: 'Round running' }).waitFor();

    // Both stakeholders see their own room and the same countdown as the Chair (from the server's deadline).
    await aminaPanel.getByText('The round is running.').waitFor();
    await jonasPanel.getByText('The round is running.').waitFor();
    expect(await aminaPanel.getByText('Your room:').textContent()).toBe(`Your room: ${ROOM_1}`);
    expect(await jonasPanel.getByText('Your room:').textContent()).toBe(`Your room: ${ROOM_2}`);
    expect(await aminaPanel.getByText('Rapporteur: you').count()).toBe(1);
    expect(await jonasPanel.getByText('Rapporteur: you').count()).toBe(0);
    for (const panel of [console, ...panels]) await panel.getByTestId('round-countdown').waitFor();
    const readings = await Promise.all([console, ...panels].map((page) => page.getByTestId('round-countdown').textContent()));
    const values = readings.map((text) => seconds(text ?? ''));
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(2);
    expect(values[0]).toBeGreaterThan(4 * 60);
    // The client's estimate of the server's clock may lag a second behind it (offset from the event stream).
    expect(values[0]).toBeLessThanOrEqual(5 * 60 + 2);

    // No media server: joining explains itself instead of failing (BREAKOUT-20).
    await jonasPanel.getByRole('button', { name: `Join the room: ${ROOM_2}` }).click();
    await jonasPanel.getByText('No audio and video here').waitFor();
    await jonasPanel.getByText(/runs without audio and video here/).waitFor();

    // Broadcast: the Chair's message shows on both panels (BREAKOUT-18).
    await console.getByLabel('Message to all rooms').fill(MESSAGE);
    await console.getByRole('button', { name: 'Send to all rooms' }).click();
    await console.getByText('Sent to every room.').waitFor();
    for (const panel of panels) {
      await panel.locator('[aria-live="assertive"]').filter({ hasText: 'Message from the Chair' }).filter({ hasText: MESSAGE }).waitFor();
    }

    // Screenshots and accessibility while the round runs (the busiest state of both surfaces).
    expect(await aminaPanel.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await console.screenshot({ path: join(shots, 'breakouts-console.png') });
    await aminaPanel.screenshot({ path: join(shots, 'breakouts-panel.png') });
    for (const [name, page] of [
      ['breakouts console (running)', console],
      ['breakouts panel (rapporteur)', aminaPanel],
      ['breakouts panel (no media)', jonasPanel],
    ] as const) {
      expect({ view: name, violations: await seriousViolations(page) }).toEqual({ view: name, violations: [] });
    }

    // End: everyone is back in plenary; the countdown and the message are gone (BREAKOUT-17).
    await console.getByRole('button', { name: 'End the round now…' }).click();
    await console.getByRole('group', { name: 'Confirm ending the round' }).getByRole('button', { name: 'End the round' }).click();
    await console.getByText(/Round on implementation: 2 rooms, 5 minutes, you assign the rooms — ended\./).waitFor();
    for (const panel of panels) {
      await panel.getByText('The round has ended; everyone is back in plenary.').waitFor();
      expect(await panel.getByTestId('round-countdown').count()).toBe(0);
      expect(await panel.getByText(MESSAGE).count()).toBe(0);
      expect(await panel.getByRole('button', { name: /^Join the room/ }).count()).toBe(0);
    }
    await console.getByText('Report awaited').waitFor();

    // Only the rapporteur gets the report form; she files it from her panel (BREAKOUT-19).
    expect(await jonasPanel.getByRole('button', { name: 'File the report' }).count()).toBe(0);
    const form = aminaPanel.getByRole('region', { name: `Rapporteur’s report: ${ROOM_1}` });
    await form.getByLabel('Key points').fill(KEY_POINT);
    await form.getByLabel('Proposals').fill(PROPOSAL);
    await form.getByLabel('Who').fill('Secretariat');
    await form.getByLabel('What').fill('Draft the register');
    await form.getByLabel('When').fill('by the next session');
    await form.getByRole('button', { name: 'File the report' }).click();
    await form.getByText('Your report was filed.', { exact: false }).waitFor();

    // The Chair sees it in the rooms overview, with its content.
    await console.getByText('Report filed (revision 1)').waitFor();
    await console.getByText(`Read the report of “${ROOM_1}”`).click();
    const report = console.locator('details', { has: console.getByText(`Read the report of “${ROOM_1}”`) });
    await report.getByText(KEY_POINT).waitFor();
    expect(await report.getByText(PROPOSAL).count()).toBe(1);
    expect(await report.getByText('Secretariat: Draft the register (by the next session)').count()).toBe(1);
    // Three browser contexts on a shared two-core machine: the flow needs more than the default minute.
  }, 240_000);
});
