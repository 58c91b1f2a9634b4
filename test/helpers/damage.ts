import fs from 'node:fs';
import Database from 'better-sqlite3';

/** Random bytes (a fixed seed, so a failure can be replayed) over eight pages in the middle of a database file. */
export function damageMiddle(file: string, seed = 615): Buffer {
  const bytes = fs.readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  const pages = bytes.length / pageSize;
  let x = seed;
  const from = Math.floor(pages / 2) - 4;
  for (let i = from * pageSize; i < (from + 8) * pageSize; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  fs.writeFileSync(file, bytes);
  return bytes;
}

/**
 * Random bytes over the pages of one table (found through SQLite's dbstat), for damage that
 * only what reads that table meets: the check at open, which reads the schema and counts the
 * classifier's units, does not.
 */
export function damageTable(file: string, table: string, seed = 615): void {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare(`SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno`).pluck().all(table) as number[];
  db.close();
  if (pages.length === 0) throw new Error(`no leaf pages of ${table}`);
  const bytes = fs.readFileSync(file);
  let x = seed;
  for (const page of pages) {
    // The page's cells, past its header (page 1 is never a table's leaf here).
    for (let i = (page - 1) * pageSize + 8; i < page * pageSize; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      bytes[i] = x & 0xff;
    }
  }
  fs.writeFileSync(file, bytes);
}
