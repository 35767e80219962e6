import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type Session } from './support/api.js';
import { wcagViolations } from './support/axe.js';
import { ensurePluginBuilt } from './support/buildPlugin.js';
import { chromiumOrSkip, launchChromium } from './support/chromium.js';
import { signedInPage } from './support/signedInPage.js';
import { startServer, type RunningServer } from './support/startServer.js';

// The tab for everyone (issue 17), in real Chromium against the real server, with the keyboard only:
// where focus lands after Give the floor, Next speaker, Add question and Request the floor; what the
// surface's live region said; that no live region ticks; headings without gaps; titles naming the
// engagement; the stage at 320 px and every surface at 200 % text without sideways scroll; and axe-core
// (WCAG 2.2 A/AA) with 0 violations on console, Chair's panel, stakeholder panel and stage, in English and
// Arabic, dark and high contrast. Fluent's focus sentinels (`data-tabster-dummy`) are excluded from axe
// (support/axe.ts). Lean on CPU: one browser, four pages reused, navigation instead of new contexts.

const root = resolve(import.meta.dirname, '../..');
const executable = chromiumOrSkip();
const TITLE = 'Informal consultation on capacity-building';
const QUESTION = 'How can capacity-building be made more implementation-oriented?';

/** The active element, described; `body` when focus fell to the page. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return 'body';
    return `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} ${(e.textContent ?? '').trim().slice(0, 60)}`;
  });

const announced = (page: Page) => page.getByTestId('announcer').textContent();

/** Heading levels in document order, without the hidden ones. */
const headingLevels = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
      .filter((h) => !h.closest('[aria-hidden="true"]') && (h as HTMLElement).offsetParent !== null)
      .map((h) => Number(h.tagName[1])),
  );

const noGaps = (levels: number[]) => levels.length > 0 && levels[0] === 1 && levels.every((l, i) => i === 0 || l <= levels[i - 1]! + 1);

/** The surface itself is shown, not the shell that holds its place while its code loads. */
const surfaceReady = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('[data-testid="meeting-shell"]') && document.querySelector('h1'));

const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** The scroll width and the innermost elements that reach past the viewport, to say what to fix. */
const widestElements = () => {
  const width = document.documentElement.clientWidth;
  const over = [...document.querySelectorAll('body *')].filter((e) => {
    const r = e.getBoundingClientRect();
    const p = e.parentElement?.getBoundingClientRect();
    return (r.right > width + 1 || r.left < -1) && r.width > 0 && (!p || (p.right <= width + 1 && p.left >= -1));
  });
  const name = (e: Element) =>
    `${e.tagName.toLowerCase()}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''}.${String(e.className).split(' ')[0]}`;
  return `${document.documentElement.scrollWidth}px: ${over.slice(0, 4).map(name).join(', ')}`;
};

/** Text of every live region except timers, sampled four times about a second apart: changes per region. */
async function liveRegionChanges(page: Page): Promise<number[]> {
  const sample = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[aria-live], [role="status"], [role="alert"], [role="log"]')]
        .filter((e) => e.getAttribute('role') !== 'timer' && e.getAttribute('aria-live') !== 'off')
        .map((e) => e.textContent ?? ''),
    );
  const samples: string[][] = [await sample()];
  for (let i = 0; i < 3; i++) {
    await page.waitForTimeout(1100);
    samples.push(await sample());
  }
  return samples[0]!.map((_, region) => samples.slice(1).filter((s, i) => s[region] !== samples[i]![region]).length);
}

describe.skipIf(!executable)('the tab for everyone: keyboard, screen reader, reflow, axe', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let chair: Session;
  let amina: Session;
  let engagementUrl = '';
  let stageUrl = '';
  let consolePage: Page;
  let aminaPage: Page;

  beforeAll(async () => {
    ensurePluginBuilt(root);
    server = await startServer(root);
    browser = await launchChromium(executable!);
    const api = apiClient(server.url);
    chair = await api.devSignIn('Ambassador Chair');
    const engagementId = (await api.createEngagement(chair.token, { title: TITLE })).id;
    const added = await api.command(chair.token, engagementId, { type: 'question.add', text: QUESTION });
    const questionId = (added.events[0] as unknown as { question: { id: string } }).question.id;
    await api.command(chair.token, engagementId, { type: 'engagement.open' });
    await api.command(chair.token, engagementId, { type: 'engagement.start' });
    await api.command(chair.token, engagementId, { type: 'question.open', questionId });
    const invite = async (displayName: string, organization: string) =>
      api.redeem((await api.invite(chair.token, engagementId, { role: 'stakeholder', displayName, organization, category: 'ngo' })).code);
    amina = await invite('Amina Diallo', 'Cyber Africa Network');
    const jonas = await invite('Jonas Berg', 'Nordic Research Institute');
    await api.command(jonas.token, engagementId, { type: 'floor.request', questionId });
    engagementUrl = `${server.url}/e/${encodeURIComponent(engagementId)}`;
    stageUrl = `${server.url}/stage/${encodeURIComponent(engagementId)}`;
    consolePage = await signedInPage(browser, contexts, engagementUrl, chair, { width: 1280, height: 800 });
    aminaPage = await signedInPage(browser, contexts, `${engagementUrl}?view=panel`, amina, { width: 320, height: 800 });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('given a stakeholder with the keyboard, when she requests the floor, then focus lands on her place in line and the panel says it', async () => {
    await aminaPage.getByRole('heading', { name: 'The floor' }).waitFor();
    expect(await aminaPage.title()).toBe(`Side panel · ${TITLE} · Convene`);
    await aminaPage.getByLabel('Note for the Chair (optional)').focus();
    await aminaPage.keyboard.type('Open standards');
    await aminaPage.keyboard.press('Tab');
    expect(await focused(aminaPage)).toContain('Request the floor');
    await aminaPage.keyboard.press('Enter');
    await aminaPage.getByTestId('place-in-line').filter({ hasText: 'You are number 2 in line' }).waitFor();
    await expect.poll(() => focused(aminaPage)).toContain('You are number 2 in line');
    await expect.poll(() => announced(aminaPage)).toBe('Your request is number 2 in line');
    expect(noGaps(await headingLevels(aminaPage))).toBe(true);
  });

  it('given the Chair with the keyboard, when she gives the floor and then moves to the next speaker, then focus stays in the console and each speaker is announced', async () => {
    await consolePage.getByTestId('waiting-row').filter({ hasText: 'Amina Diallo' }).waitFor();
    expect(await consolePage.title()).toBe(`Console · ${TITLE} · Convene`);
    expect(noGaps(await headingLevels(consolePage))).toBe(true);

    await consolePage.getByTestId('waiting-row').filter({ hasText: 'Jonas Berg' }).getByRole('button', { name: 'Give the floor' }).focus();
    await consolePage.keyboard.press('Enter');
    await consolePage.getByTestId('speaker-name').filter({ hasText: 'Jonas Berg' }).waitFor();
    // The row is gone: focus is on the heading of the result, the card that shows the speaker.
    await expect.poll(() => focused(consolePage)).toMatch(/^h2#current-h/);
    await expect.poll(() => announced(consolePage)).toBe('Jonas Berg has the floor');

    await consolePage.getByRole('button', { name: 'Next speaker' }).focus();
    await consolePage.keyboard.press('Enter');
    await consolePage.getByTestId('speaker-name').filter({ hasText: 'Amina Diallo' }).waitFor();
    // Nobody is left waiting, so the button is aria-disabled, and it still has focus.
    await expect.poll(() => focused(consolePage)).toContain('Next speaker');
    expect(await consolePage.getByRole('button', { name: 'Next speaker' }).getAttribute('aria-disabled')).toBe('true');
    await expect.poll(() => announced(consolePage)).toBe('Amina Diallo has the floor');
    await expect.poll(() => announced(aminaPage)).toBe('You have the floor');

    // Pause and Resume are one button: focus stays on it.
    await consolePage.getByRole('button', { name: 'Pause' }).focus();
    await consolePage.keyboard.press('Enter');
    await consolePage.getByRole('button', { name: 'Resume' }).waitFor();
    await expect.poll(() => focused(consolePage)).toContain('Resume');
    await consolePage.keyboard.press('Enter');
    await consolePage.getByRole('button', { name: 'Pause' }).waitFor();
    await expect.poll(() => focused(consolePage)).toContain('Pause');
  });

  it('given a stakeholder who has the floor, when the clocks tick, then no live region on any surface changes its text every second', async () => {
    await aminaPage.getByTestId('you-have-the-floor').waitFor();
    const stage = await consolePage.context().newPage();
    await stage.goto(stageUrl);
    await stage.getByTestId('speaker-name').filter({ hasText: 'Amina Diallo' }).waitFor();
    expect(await stage.title()).toBe(`Stage · ${TITLE} · Convene`);
    expect(noGaps(await headingLevels(stage))).toBe(true);
    const [panel, console_, onStage] = await Promise.all([
      liveRegionChanges(aminaPage),
      liveRegionChanges(consolePage),
      liveRegionChanges(stage),
    ]);
    // At most one change in three seconds: a minute mark may fall inside the window, a ticking clock would not fit.
    for (const changes of [panel, console_, onStage]) expect(Math.max(0, ...changes)).toBeLessThanOrEqual(1);
    // The clock itself is a timer, outside every status region.
    expect(await aminaPage.locator('[role="status"] [role="timer"], [aria-live="polite"] [role="timer"]').count()).toBe(0);

    // Reflow: the stage at 320 CSS px, then every surface with text at 200 %.
    await stage.setViewportSize({ width: 320, height: 640 });
    expect(await scrollsSideways(stage)).toBe(false);
    await stage.close();
  });

  it('given the Chair on the Prepare tab with the keyboard, when she adds a question, then focus returns to the question field and "Question added" is said', async () => {
    await consolePage.getByRole('tab', { name: 'Prepare' }).focus();
    await consolePage.keyboard.press('Enter');
    await consolePage.getByLabel('New guiding question').focus();
    await consolePage.keyboard.type('What should the secretariat do first?');
    await consolePage.getByRole('button', { name: 'Add question' }).focus();
    await consolePage.keyboard.press('Enter');
    await expect.poll(() => consolePage.getByTestId('question-row').count()).toBe(2);
    await expect.poll(() => focused(consolePage)).toMatch(/^textarea/);
    expect(await consolePage.getByLabel('New guiding question').evaluate((e) => e === document.activeElement)).toBe(true);
    await expect.poll(() => announced(consolePage)).toBe('Question added');
    expect(noGaps(await headingLevels(consolePage))).toBe(true);
    await consolePage.getByRole('tab', { name: 'Live' }).click();
  });

  it('given a command answer that breaks the wire contract, when the Chair acts, then the console shows a clear error and keeps working', async () => {
    await consolePage.route('**/commands', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"unexpected":true}' }),
    );
    await consolePage.getByRole('button', { name: 'Extend 1 min' }).click();
    await consolePage.getByText('The server’s answer could not be read (version).').waitFor();
    await consolePage.unroute('**/commands');
    expect(await consolePage.getByRole('heading', { level: 1, name: TITLE }).count()).toBe(1);
  });

  it('given every surface, when text is enlarged to 200 %, then none scrolls sideways', async () => {
    // Each page keeps its person: the Chair's context for the Chair's surfaces, Amina's for hers.
    const surfaces: [string, string, Page, { width: number; height: number }][] = [
      ['console', engagementUrl, consolePage, { width: 1280, height: 800 }],
      ['Chair’s panel', `${engagementUrl}?view=panel`, consolePage, { width: 320, height: 800 }],
      ['stakeholder panel', `${engagementUrl}?view=panel`, aminaPage, { width: 320, height: 800 }],
      ['stage', stageUrl, consolePage, { width: 1280, height: 720 }],
      ['stage at 320 px', stageUrl, consolePage, { width: 320, height: 640 }],
    ];
    const wide: string[] = [];
    for (const [name, url, page, viewport] of surfaces) {
      await page.setViewportSize(viewport);
      await page.goto(url);
      await surfaceReady(page);
      // What the browser's text-size setting does: the root font size doubles; rem-based sizes follow.
      await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
      await page.waitForTimeout(100);
      if (await scrollsSideways(page)) wide.push(`${name}: ${await page.evaluate(widestElements)}`);
      await page.evaluate(() => (document.documentElement.style.fontSize = ''));
    }
    expect(wide).toEqual([]);
  }, 120_000);

  it('given console, Chair’s panel, stakeholder panel and stage, in English and Arabic, dark and high contrast, then axe finds no WCAG 2.2 A/AA violation', async () => {
    const surfaces: [string, string, Page, { width: number; height: number }][] = [
      ['console', engagementUrl, consolePage, { width: 1280, height: 800 }],
      ['Chair’s panel', `${engagementUrl}?view=panel`, consolePage, { width: 320, height: 800 }],
      ['stakeholder panel', `${engagementUrl}?view=panel`, aminaPage, { width: 320, height: 800 }],
      ['stage', stageUrl, consolePage, { width: 1280, height: 720 }],
    ];
    const found: Record<string, string[]> = {};
    for (const [name, url, page, viewport] of surfaces) {
      await page.setViewportSize(viewport);
      for (const variant of ['lang=en', 'lang=ar', 'lang=en&theme=dark', 'lang=en&theme=contrast']) {
        await page.goto(`${url}${url.includes('?') ? '&' : '?'}${variant}`);
        await surfaceReady(page);
        expect((await page.getByRole('tab').count()) > 0).toBe(name === 'console' || name === 'Chair’s panel');
        if (variant === 'lang=ar') {
          await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
          // The view's name in the title is translated too.
          expect(await page.title()).toMatch(/^\p{Script=Arabic}/u);
        }
        // Every view, in every language: a title naming the engagement, headings without gaps.
        expect(await page.title()).toContain(TITLE);
        expect({ view: name, variant, levels: noGaps(await headingLevels(page)) }).toEqual({ view: name, variant, levels: true });
        const violations = await wcagViolations(page);
        if (violations.length) found[`${name} (${variant})`] = violations.map((v) => `${v.id}: ${v.targets.slice(0, 3).join(', ')}`);
      }
    }
    expect(found).toEqual({});
  }, 240_000);

  it('given the Chair with the keyboard, when she ends the intervention, then focus lands on the floor card’s heading and the end is said', async () => {
    await consolePage.setViewportSize({ width: 1280, height: 800 });
    await consolePage.goto(engagementUrl);
    await consolePage.getByTestId('speaker-name').filter({ hasText: 'Amina Diallo' }).waitFor();
    await consolePage.getByRole('button', { name: 'End', exact: true }).focus();
    await consolePage.keyboard.press('Enter');
    await consolePage.getByText('Nobody has the floor.').waitFor();
    await expect.poll(() => focused(consolePage)).toMatch(/^h2#current-h/);
    await expect.poll(() => announced(consolePage)).toBe('Nobody has the floor');
  });
});
