// The write-path baseline: a bare Express JSON endpoint that does the same durable SQLite insert as
// Convene's event log (WAL, synchronous=FULL, one row per request) without auth, validation or the domain.
import Database from 'better-sqlite3';
import express from 'express';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const db = new Database(join(mkdtempSync(join(tmpdir(), 'bare-insert-')), 'bare.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(
  'CREATE TABLE events (engagement_id TEXT NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL, at TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (engagement_id, version))',
);
const insert = db.prepare('INSERT INTO events (engagement_id, version, type, at, data) VALUES (?, ?, ?, ?, ?)');
let version = 0;

const app = express();
app.use(express.json());
app.post('/api/engagements/:id/commands', (req, res) => {
  version += 1;
  const at = new Date().toISOString();
  const event = { ...req.body, at, version };
  insert.run(req.params.id, version, String(req.body.type), at, JSON.stringify(event));
  res.json({ version, events: [event] });
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ kind: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('message', (message: { kind: string }) => {
  if (message.kind === 'stop') process.exit(0);
});
