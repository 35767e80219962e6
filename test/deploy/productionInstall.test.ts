import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A production install (`npm ci --omit=dev` after `npm run build`) must start: everything the server
// imports at run time is a dependency, and `npm start` builds nothing (it only checks plugin/dist).

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs|js)$/.test(name) ? [path] : [];
  });
}

/** Bare specifiers imported by value (type-only imports vanish at run time). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(
    /^\s*import\s+(?!type\s)[^'"]*?from\s+'([^'.][^']*)'|import\('([^'.][^']*)'\)|^\s*import\s+'([^'.][^']*)'/gm,
  )) {
    const spec = match[1] ?? match[2] ?? match[3];
    if (spec) found.push(spec);
  }
  return found;
}

const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

describe('a production install', () => {
  it('given the server sources, when their run-time imports are listed, then each is a dependency (not a devDependency) or built into Node', () => {
    const missing = sourceFiles(join(ROOT, 'server'))
      .flatMap((file) => runtimeImports(file).map((spec) => ({ file: relative(ROOT, file), name: packageOf(spec) })))
      .filter(({ name }) => !name.startsWith('node:') && !builtinModules.includes(name) && !(name in pkg.dependencies));
    expect(missing).toEqual([]);
    // The server runs TypeScript through tsx, so tsx is a run-time dependency too.
    expect(pkg.scripts.start).toContain('--import tsx');
    expect(pkg.dependencies).toHaveProperty('tsx');
  });

  it('given the start script, when it runs, then it builds nothing (a production install has no Vite)', () => {
    expect(pkg.scripts.start).not.toMatch(/vite|npm run build/);
    expect(pkg.scripts.prepare).toBe('node scripts/prepare.mjs');
  });

  it('given no plugin/dist, when npm start checks the build, then it stops with "run npm run build"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convene-start-'));
    try {
      mkdirSync(join(dir, 'scripts'));
      cpSync(join(ROOT, 'scripts/requireBuild.mjs'), join(dir, 'scripts/requireBuild.mjs'));
      const run = spawnSync(process.execPath, [join(dir, 'scripts/requireBuild.mjs')], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('run npm run build');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('given no Vite (npm ci --omit=dev), when prepare runs, then it skips the build and succeeds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convene-prepare-'));
    try {
      mkdirSync(join(dir, 'scripts'));
      cpSync(join(ROOT, 'scripts/prepare.mjs'), join(dir, 'scripts/prepare.mjs'));
      const run = spawnSync(process.execPath, [join(dir, 'scripts/prepare.mjs')], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('not built here');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
