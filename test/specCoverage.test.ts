import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// "Every rule in server/domain/SPEC.md has a test that cites it": the rule ids are read from the spec (a
// bold id opening a list item, e.g. `- **FLOOR-2** …`) and looked for, as whole ids, in the tests.

const root = resolve(import.meta.dirname, '..');

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(join(root, path)).isDirectory()) return files(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

const specText = files('server/domain', /^SPEC.*\.md$/)
  .map((f) => readFileSync(join(root, f), 'utf8'))
  .join('\n');
const ruleIds = [...new Set([...specText.matchAll(/^\s*-\s+\*\*([A-Z]+(?:-[A-Z]+)*-\d+)\*\*/gm)].map((m) => m[1]))];
const testText = files('test', /\.test\.tsx?$/)
  .map((f) => readFileSync(join(root, f), 'utf8'))
  .join('\n');

describe('SPEC.md coverage', () => {
  it('the spec numbers its rules', () => {
    expect(ruleIds.length).toBeGreaterThan(100);
    expect(ruleIds).toContain('FLOOR-2');
  });

  it('every rule in the spec is cited by at least one test', () => {
    const uncited = ruleIds.filter((id) => !new RegExp(`\\b${id}(?![-\\d])`).test(testText));
    expect(uncited, `rules no test cites: ${uncited.join(', ')}`).toEqual([]);
  });

  it('every rule id a test cites exists in the spec (no test cites a rule that is not written down)', () => {
    const cited = new Set(
      [
        ...testText.matchAll(
          /\b((?:LIFE|AGENDA|Q|PART|INV|NOTE|INPUT|FLOOR|TIME|DEFER|VIEW|AUTH|BREAKOUT|BREAKOUT-VIEW|SUMMARY|SUMMARY-VIEW|PROCESS|PROCESS-VIEW|PROPOSAL|PAPER|FEEDBACK|ANNEX)-\d+)\b/g,
        ),
      ].map((m) => m[1]),
    );
    const unknown = [...cited].filter((id) => !ruleIds.includes(id));
    expect(unknown, `cited but not in the spec: ${unknown.join(', ')}`).toEqual([]);
  });
});
