import yazl from 'yazl';
import { FILE_MODE, MTIME } from './zip-canonical';
import { EntryNames, entryNameProblem } from './zip-reader';

export interface ZipWriteEntry {
  /** `/`-separated; a name the reader would refuse is a programming error here. */
  name: string;
  data: Uint8Array;
  /** Deflate (method 8) or store (method 0). */
  compress: boolean;
}

/**
 * A zip in the canonical form of zip-canonical.ts, entries in the order given: a fixed time
 * (the DOS epoch, no extended timestamp field), a fixed mode, no comments. The same entries
 * give the same bytes (deflate output depends on the zlib build, so across machines only stored
 * entries are guaranteed identical).
 */
export async function writeCanonicalZip(entries: readonly ZipWriteEntry[]): Promise<Buffer> {
  const names = new EntryNames();
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    const problem = entryNameProblem(entry.name);
    if (problem || entry.name.endsWith('/')) throw new TypeError(`Unsafe zip entry name ${JSON.stringify(entry.name)}: ${problem ?? 'directory'}`);
    try {
      names.add(entry.name);
    } catch {
      throw new TypeError(`Zip entry name ${JSON.stringify(entry.name)} collides with another`);
    }
    zip.addBuffer(Buffer.from(entry.data), entry.name, { mtime: MTIME, mode: FILE_MODE, compress: entry.compress, forceDosTimestamp: true });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
