// Runs in a child process whose disk the parent test has made faulty (a file-size limit, a read-only mount):
// tries to open the store and append, and prints what happened as one JSON line.
import { AppError } from '../../../server/appError.js';
import { openSqliteEventStore } from '../../../server/store/sqliteEventStore.js';

// With a file-size limit the kernel sends SIGXFSZ on the write that crosses it; handling the signal makes
// the write fail with EFBIG instead, which is what a full disk looks like to SQLite.
process.on('SIGXFSZ', () => {});

const [file, bigText] = [process.argv[2]!, 'x'.repeat(Number(process.argv[3] ?? 0))];
const report = (outcome: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(outcome)}\n`);
try {
  const store = openSqliteEventStore(file);
  const version = (await store.load('eng-1')).length;
  try {
    await store.append(
      'eng-1',
      version,
      [{ type: 'engagement.updated', at: '2026-11-28T09:00:00.000Z', changes: { description: bigText } }],
      {
        commandId: 'cmd-big',
        fingerprint: 'f'.repeat(64),
        result: { version: version + 1 },
      },
    );
    report({ stage: 'append', ok: true });
  } catch (error) {
    report({ stage: 'append', ok: false, code: error instanceof AppError ? error.code : String(error), detail: (error as Error).message });
  }
  await store.close();
} catch (error) {
  report({ stage: 'open', ok: false, code: error instanceof AppError ? error.code : String(error), detail: (error as Error).message });
}
