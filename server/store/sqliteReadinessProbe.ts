import Database from 'better-sqlite3';

// Readiness of the SQLite store: a fresh read-only connection on the database file answers a query on the
// event log. A fresh connection, not the writer's: the writer keeps its file open (and its page cache)
// even when the file at DATA_DIR/convene.db has become unreadable, replaced or corrupt, and /api/ready must
// see what a restart would see. Throws when the file cannot be opened or read.

export function createSqliteReadinessProbe(file: string, timeoutMs = 1000): () => void {
  return () => {
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: timeoutMs });
    try {
      db.prepare('SELECT version FROM events LIMIT 1').get();
    } finally {
      db.close();
    }
  };
}
