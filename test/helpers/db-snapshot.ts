import Database from 'better-sqlite3';

/** Every table's rows, in rowid order (the FTS shadow tables included): the data, compared exactly. */
export function snapshot(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`).all() as Array<{ name: string; sql: string }>;
    // WITHOUT ROWID tables have no rowid: every column orders them instead.
    const order = (t: { name: string; sql: string }) => (/WITHOUT ROWID/i.test(t.sql) ? (db.pragma(`table_info("${t.name}")`) as Array<{ name: string }>).map((c) => `"${c.name}"`).join(', ') : 'rowid');
    return Object.fromEntries(tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}" ORDER BY ${order(t)}`).all()]));
  } finally {
    db.close();
  }
}
