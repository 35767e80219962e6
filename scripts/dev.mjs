#!/usr/bin/env node
// `npm run dev`: the API with reload (tsx watch) and Vite's dev server for the tab (plugin/vite.config.ts
// proxies /api to the API), together in one terminal. Ctrl-C stops both; if either stops, so does the other.
// The environment is passed through untouched except that invitation links default to Vite's address,
// where the tab lives in development.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV || 'development',
  PUBLIC_URL: process.env.PUBLIC_URL || 'http://localhost:5173',
};

const children = [
  {
    name: 'api',
    args: [fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url)), 'watch', '--clear-screen=false', 'server/main.ts'],
  },
  { name: 'tab', args: [fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url)), '--config', 'plugin/vite.config.ts'] },
].map(({ name, args }) => {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[dev] ${name} stopped (${signal ?? `exit ${code}`}); stopping the other.`);
      stop(code ?? 1);
    }
  });
  return child;
});

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  // Give them the API's own shutdown deadline, then insist.
  const hard = setTimeout(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    process.exit(code || 1);
  }, 12_000);
  hard.unref();
  Promise.all(
    children.map((child) => (child.exitCode !== null || child.signalCode !== null ? null : new Promise((r) => child.on('exit', r)))),
  ).then(() => process.exit(code));
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
console.log(`[dev] API on http://127.0.0.1:${env.PORT || 3978}, tab on ${env.PUBLIC_URL} (Ctrl-C stops both)`);
