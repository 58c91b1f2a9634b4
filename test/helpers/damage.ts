import fs from 'node:fs';

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
