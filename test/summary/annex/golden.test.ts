import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAnnex } from '../../../server/summary/annex/buildAnnex.js';
import { renderAnnexText } from '../../../server/summary/annex/renderAnnex.js';
import { smallRegister } from './smallRegister.js';

// The annex's Markdown, locked: a change of wording or layout shows up here as a diff to review. When the
// change is meant, write the new output over golden/small.md (renderAnnexText(buildAnnex(smallRegister().state, …), 'md')).

describe('the annex of a small register', () => {
  it('ANNEX-1: given the small register, when rendered to Markdown, then it equals the golden file test/summary/annex/golden/small.md', () => {
    const annex = buildAnnex(smallRegister().state, { generatedAt: '2026-12-07T12:00:00.000Z' });
    const golden = readFileSync(new URL('./golden/small.md', import.meta.url), 'utf8');
    expect(renderAnnexText(annex, 'md').body).toBe(golden);
  });
});
