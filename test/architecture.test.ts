import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

// The boundaries docs/architecture.md draws, kept by a test rather than by good intentions.

const root = resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  const abs = join(root, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(abs, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(relative(root, path));
    return /\.(ts|tsx)$/.test(name) ? [relative(root, path)] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return specifiers.map((m) => m[1] ?? m[2]);
}

const resolveRelative = (file: string, spec: string) => relative(root, resolve(dirname(join(root, file)), spec));

describe('architecture boundaries', () => {
  it('server/domain imports only zod and itself (pure: no Node API, no I/O)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles('server/domain')) {
      for (const spec of importsOf(file)) {
        if (spec === 'zod') continue;
        if (spec.startsWith('.') && resolveRelative(file, spec).startsWith('server/domain')) continue;
        offenders.push(`${file} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('server/domain reads no clock and no randomness', () => {
    const offenders = sourceFiles('server/domain').filter((file) =>
      /\bDate\.now\(|new Date\(\s*\)|Math\.random\(|crypto\.|process\./.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('plugin imports from server/ only server/domain', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles('plugin/src')) {
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = resolveRelative(file, spec);
        if (target.startsWith('server/') && !target.startsWith('server/domain')) offenders.push(`${file} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('process.env is read only by server/config.ts (configuration is parsed once)', () => {
    const offenders = sourceFiles('server').filter(
      (file) => file !== 'server/config.ts' && /process\.env/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('server/http calls the write path instead of deciding: it never imports decide or evolve', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles('server/http')) {
      for (const spec of importsOf(file)) {
        if (/domain\/(decide|evolve)(\.js)?$/.test(spec)) offenders.push(`${file} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
