import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The Dockerfile cannot be built on machines without a docker daemon (.ci/run says when it skips), so its
// commands are checked against the repository instead: the npm scripts it runs exist, the files it copies
// exist (or are made by the build stage), and it starts the server as `npm start` does.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
/** Instructions, with continuation lines joined and comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));
/** What the build stage makes that is not in the repository. */
const BUILT = new Set(['node_modules', 'plugin/dist']);

describe('Dockerfile', () => {
  it('given its RUN lines, when they run npm scripts, then each script exists in package.json', () => {
    const runs = instructions.filter((line) => line.startsWith('RUN '));
    const named = runs.flatMap((line) => [...line.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]));
    expect(named).toContain('build');
    for (const name of named) expect(Object.keys(scripts), name).toContain(name);
  });

  it('given its COPY lines, when they name files, then each exists in the repository or is made by the build stage', () => {
    const copies = instructions.filter((line) => line.startsWith('COPY '));
    expect(copies.length).toBeGreaterThan(3);
    for (const line of copies) {
      const words = line.split(/\s+/).slice(1);
      const fromBuild = words.some((w) => w.startsWith('--from='));
      const sources = words.filter((w) => !w.startsWith('--')).slice(0, -1);
      for (const source of sources) {
        const path = fromBuild ? source.replace(/^\/app\//, '') : source;
        if (path === '.') continue;
        expect(BUILT.has(path) || existsSync(join(ROOT, path)), `${line}: ${path}`).toBe(true);
      }
    }
  });

  it('given its CMD, when compared with npm start, then it starts the same server entry point', () => {
    const cmd = instructions.find((line) => line.startsWith('CMD '));
    const argv = JSON.parse(cmd!.slice(4)) as string[];
    expect(scripts.start.endsWith(argv.join(' '))).toBe(true);
    expect(existsSync(join(ROOT, argv.at(-1)!))).toBe(true);
  });

  it('given the runtime stage, when read, then it is Node 22 slim, runs as a non-root user, keeps DATA_DIR in a volume and checks /api/health', () => {
    expect(instructions.filter((line) => line.startsWith('FROM '))).toEqual(['FROM node:22-slim AS build', 'FROM node:22-slim AS runtime']);
    const runtime = instructions.slice(instructions.indexOf('FROM node:22-slim AS runtime'));
    expect(runtime).toContain('USER node');
    expect(runtime.join('\n')).toMatch(/DATA_DIR=\/data/);
    expect(runtime).toContain('VOLUME ["/data"]');
    expect(runtime.find((line) => line.startsWith('HEALTHCHECK'))).toContain('/api/health');
  });

  it('given compose.yaml, when read, then it runs Convene with PostgreSQL, DATABASE_URL and SESSION_SECRET', () => {
    const compose = readFileSync(join(ROOT, 'compose.yaml'), 'utf8');
    expect(compose).toMatch(/image: postgres:/);
    expect(compose).toMatch(/DATABASE_URL: postgres:\/\//);
    expect(compose).toMatch(/SESSION_SECRET:/);
    expect(compose).toMatch(/issue 9/);
  });
});
