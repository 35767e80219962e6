#!/usr/bin/env node
// Runs the whole suite (unit + e2e) with vitest and ends with the plain line CI reads:
// `N passed, N failed` (plus `, N skipped`). vitest's own summary is printed too, for people.
// A run that executed no test at all is a failure: a green run must prove something ran.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'convene-test-'));
const report = join(dir, 'report.json');
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit', env: process.env });

let passed = 0;
let failed = 0;
let skipped = 0;
let suiteErrors = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = json.numFailedTests ?? 0;
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  // A file that fails to load counts as a failure even though no test inside it ran.
  suiteErrors = (json.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
} catch (error) {
  console.error(`Could not read the test report (${error.message}).`);
  suiteErrors = 1;
}
rmSync(dir, { recursive: true, force: true });
failed += suiteErrors;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
const ok = run.status === 0 && failed === 0 && passed > 0;
if (passed === 0) console.error('No test ran: that is a failure, not a pass.');
process.exit(ok ? 0 : 1);
