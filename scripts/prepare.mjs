#!/usr/bin/env node
// `prepare` (run by `npm install` and `npm ci`): builds the tab into plugin/dist, so that the README's
// `npm install && npm start` works on a fresh machine. A production install (`npm ci --omit=dev`) has no
// Vite: it skips the build and says so; build before (`npm run build`) and keep plugin/dist.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
if (!existsSync(vite)) {
  console.log(
    'prepare: Vite is not installed (a production install): the tab is not built here; `npm start` serves plugin/dist as built before.',
  );
  process.exit(0);
}
const run = spawnSync(process.execPath, [vite, 'build', '--config', 'plugin/vite.config.ts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
