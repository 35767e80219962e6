import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { parseAst } from 'rolldown/parseAst';
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
      /\bDate\.now\(|new Date\(\s*\)|Math\.random\(|crypto\.|\bprocess\.(env|argv|hrtime|exit|cwd|nextTick|memoryUsage|pid)\b/.test(
        readFileSync(join(root, file), 'utf8'),
      ),
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

/** Every file of the repository (no node_modules, dist or .git), relative to the root. */
function allFiles(dir = ''): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist' || name === '.git') return [];
    const path = dir ? join(dir, name) : name;
    return statSync(join(root, path)).isDirectory() ? allFiles(path) : [path];
  });
}

/** The comments of a TypeScript file (line and block), or the whole text of a document. */
function commentsOf(file: string): string {
  const text = readFileSync(join(root, file), 'utf8');
  if (file.endsWith('.md')) return text;
  return [...text.matchAll(/\/\*[\s\S]*?\*\/|(?<![:'"`\\])\/\/[^\n]*/g)].map((m) => m[0]).join('\n');
}

/** Every function (declaration, expression, arrow) in a file that spans more than `max` lines. */
function longFunctions(file: string, max: number): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const n = node as { type?: string; start: number; end: number; body?: unknown };
    if (typeof n.type === 'string' && /Function/.test(n.type) && n.body) {
      const lines = lineAt(n.end) - lineAt(n.start) + 1;
      if (lines > max) found.push(`${file}:${lineAt(n.start)} (${lines} lines)`);
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'parent') visit(value);
  };
  visit(parseAst(text, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' }));
  return found;
}

describe('the repository stands alone', () => {
  const files = allFiles();
  const names = new Set(files.map((f) => f.split('/').at(-1)));
  const cited = (file: string) => [...commentsOf(file).matchAll(/[\w./-]*[A-Za-z]\.md\b/g)].map((m) => m[0]);
  const texts = files.filter((f) => /\.(ts|tsx|mts|mjs|md)$/.test(f) && !f.startsWith('test/summary/golden/'));

  it('every .md file a comment or document cites is in the repository', () => {
    const missing = texts.flatMap((file) =>
      cited(file)
        .filter((ref) => {
          const name = ref.split('/').at(-1)!;
          const inRepo = [ref, join(dirname(file), ref)].some((path) => files.includes(path.replace(/^\.\//, '')));
          return !inRepo && !names.has(name);
        })
        .map((ref) => `${file} cites ${ref}`),
    );
    expect(missing).toEqual([]);
  });

  it('no comment or document cites design notes a reader of the repository does not have ("notes §…")', () => {
    const offenders = texts.filter((file) => /notes §|\/work\/shared/.test(commentsOf(file)));
    expect(offenders).toEqual([]);
  });
});

describe('the house keeps its shape', () => {
  it('server/http imports nothing from app.ts or main.ts (the types routes share live in http/)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles('server/http')) {
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = resolveRelative(file, spec).replace(/\.js$/, '');
        if (target === 'server/app' || target === 'server/main') offenders.push(`${file} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('no function in server/ or plugin/ is over 150 lines', () => {
    const offenders = [...sourceFiles('server'), ...sourceFiles('plugin')].flatMap((file) => longFunctions(file, 150));
    expect(offenders).toEqual([]);
  });

  it('no command is cast to Command, and no route guards a service method that might be missing', () => {
    const offenders = [...sourceFiles('server'), ...sourceFiles('plugin'), ...sourceFiles('test')].filter(
      (file) => file !== 'test/architecture.test.ts' && /as unknown as Command\b|\bnotWired\b/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
