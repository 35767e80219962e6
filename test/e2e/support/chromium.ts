import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// Finds a Chromium to drive. Where none exists, e2e tests skip LOUDLY — unless REQUIRE_BROWSER=1, which
// turns the skip into a failure (CI installs Chromium and must never pass by skipping).

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** The executable, or null after logging why e2e will be skipped. Throws when REQUIRE_BROWSER=1. */
export function chromiumOrSkip(env: NodeJS.ProcessEnv = process.env): string | null {
  const path = findChromium(env);
  if (path) return path;
  const message = `No Chromium found (CHROMIUM_PATH=${env.CHROMIUM_PATH ?? 'unset'}; tried ${CANDIDATES.join(', ')}).`;
  if (env.REQUIRE_BROWSER === '1') throw new Error(`${message} REQUIRE_BROWSER=1, so this is a failure.`);
  console.warn(
    `\n!!! ${message}\n!!! END-TO-END TESTS ARE SKIPPED. Install Chromium (apt-get install -y chromium) or set CHROMIUM_PATH.\n`,
  );
  return null;
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
}
