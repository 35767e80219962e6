import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Builds the tab once per run when plugin/dist is missing or older than its sources.

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (max, name) => (name === 'node_modules' || name === 'dist' ? max : Math.max(max, newestMtime(join(path, name)))),
    0,
  );
}

export function ensurePluginBuilt(root: string): void {
  const built = join(root, 'plugin/dist/index.html');
  const sources = Math.max(
    newestMtime(join(root, 'plugin/src')),
    newestMtime(join(root, 'plugin/index.html')),
    newestMtime(join(root, 'plugin/vite.config.ts')),
    newestMtime(join(root, 'server/domain')),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  // vitest runs with NODE_ENV=test, which Vite would pass on to React (a development build): test what ships.
  const result = spawnSync('npx', ['vite', 'build', '--config', 'plugin/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`Building the plugin failed (exit ${result.status}).`);
}
