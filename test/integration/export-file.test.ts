import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeExportIo, writeExportFile, type ExportFileHandle, type ExportIo } from '../../electron/core/files/export-file';
import { EsepError } from '../../shared/errors';
import { createI18n, errorMessage } from '../../shared/i18n';
import { tempDir } from '../helpers/temp-core';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** A system error as fs raises it. */
function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** The real file system with one step replaced: a stick that fails exactly there. */
function failing(overrides: Partial<ExportIo> & { handle?: (real: ExportFileHandle) => Partial<ExportFileHandle> }): ExportIo {
  const { handle, ...io } = overrides;
  return {
    ...nodeExportIo,
    ...(handle
      ? {
          async create(file: string) {
            const real = await nodeExportIo.create(file);
            return { ...real, ...handle(real) };
          },
        }
      : {}),
    ...io,
  };
}

async function failure(promise: Promise<unknown>): Promise<EsepError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EsepError);
  return error as EsepError;
}

const PACKAGE = 'esep-103200000-0001.zip';
/** Three chunks and a bit: a failure can strike part-way. */
const bytes = randomBytes(3 * 1024 * 1024 + 123);

describe('writeExportFile on the real file system', () => {
  it('writes the file whole under its name, with its SHA-256, and nothing else', async () => {
    const dir = tempDir();
    const written = await writeExportFile(dir, PACKAGE, bytes);
    expect(written).toEqual({ path: path.join(dir, PACKAGE), fileName: PACKAGE, sha256: sha256(bytes), bytes: bytes.length });
    expect(sha256(fs.readFileSync(written.path))).toBe(sha256(bytes));
    expect(fs.readdirSync(dir)).toEqual([PACKAGE]);
  });

  it('writing the same bytes again is the same file; other bytes under the name get "name (2)"', async () => {
    const dir = tempDir();
    await writeExportFile(dir, PACKAGE, bytes);
    const mtime = fs.statSync(path.join(dir, PACKAGE)).mtimeMs;
    const again = await writeExportFile(dir, PACKAGE, bytes);
    expect(again.path).toBe(path.join(dir, PACKAGE));
    expect(fs.statSync(again.path).mtimeMs).toBe(mtime);

    const other = Buffer.from('another package');
    const second = await writeExportFile(dir, PACKAGE, other);
    expect(second.fileName).toBe('esep-103200000-0001 (2).zip');
    const third = await writeExportFile(dir, PACKAGE, Buffer.from('a third one'));
    expect(third.fileName).toBe('esep-103200000-0001 (3).zip');
    expect(sha256(fs.readFileSync(path.join(dir, PACKAGE)))).toBe(sha256(bytes));
    expect(fs.readFileSync(second.path, 'utf8')).toBe('another package');
    expect(fs.readdirSync(dir).sort()).toEqual([PACKAGE, 'esep-103200000-0001 (2).zip', 'esep-103200000-0001 (3).zip'].sort());
  });

  it('writes under a name FAT32 and Windows accept', async () => {
    const dir = tempDir();
    const written = await writeExportFile(dir, 'NUL.zip', Buffer.from('x'));
    expect(written.fileName).toBe('_NUL.zip');
    const odd = await writeExportFile(dir, 'Абай: 2025?.zip', Buffer.from('y'));
    expect(odd.fileName).toBe('Абай_ 2025_.zip');
  });

  it('a folder that does not exist (a stick not inserted) is export_target_gone, and nothing is created', async () => {
    const parent = tempDir();
    const dir = path.join(parent, 'E');
    const error = await failure(writeExportFile(dir, PACKAGE, bytes));
    expect(error.code).toBe('export_target_gone');
    expect(error.details).toEqual({ dir });
    expect(fs.readdirSync(parent)).toEqual([]);
    // A file where the folder should be is no folder either.
    fs.writeFileSync(dir, 'not a folder');
    expect((await failure(writeExportFile(dir, PACKAGE, bytes))).code).toBe('export_target_gone');
  });

  it('a read-only folder (a write-protected stick) is export_target_readonly, and nothing is left', async () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o555);
    try {
      // root writes into a read-only folder regardless; there the refusal the kernel gives
      // everyone else is simulated at the same step.
      const io = process.getuid?.() === 0 ? failing({ create: () => Promise.reject(systemError('EACCES')) }) : nodeExportIo;
      const error = await failure(writeExportFile(dir, PACKAGE, bytes, io));
      expect(error.code).toBe('export_target_readonly');
      expect(error.details).toEqual({ dir });
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.chmodSync(dir, 0o755);
    }
  });
});

describe('writeExportFile on a stick that fails', () => {
  it('full part-way through the write (ENOSPC): export_disk_full with the size needed, no half file, no temp file', async () => {
    const dir = tempDir();
    let chunks = 0;
    const io = failing({
      handle: (real) => ({
        async write(chunk) {
          if (++chunks === 3) throw systemError('ENOSPC');
          await real.write(chunk);
        },
      }),
    });
    const error = await failure(writeExportFile(dir, PACKAGE, bytes, io));
    expect(chunks).toBe(3);
    expect(error.code).toBe('export_disk_full');
    expect(error.details).toEqual({ dir, needed: 3.1 });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a quota or a full FAT reported only at close (EDQUOT) is export_disk_full too', async () => {
    const dir = tempDir();
    const io = failing({
      handle: (real) => ({
        async close() {
          await real.close();
          throw systemError('EDQUOT');
        },
      }),
    });
    expect((await failure(writeExportFile(dir, PACKAGE, bytes, io))).code).toBe('export_disk_full');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('EIO at fsync (the stick pulled out while flushing): export_target_gone, the temp file removed', async () => {
    const dir = tempDir();
    let created = '';
    const io = failing({
      async create(file) {
        created = file;
        const real = await nodeExportIo.create(file);
        return { ...real, sync: () => Promise.reject(systemError('EIO')) };
      },
    });
    const error = await failure(writeExportFile(dir, PACKAGE, bytes, io));
    expect(error.code).toBe('export_target_gone');
    expect(path.dirname(created)).toBe(dir);
    expect(path.basename(created)).toMatch(/^\.esep-[0-9a-f]{12}\.part$/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('the stick removed between the write and the rename: export_target_gone, nothing under the name', async () => {
    const dir = tempDir();
    const io = failing({
      async rename(from) {
        fs.rmSync(from);
        throw systemError('ENOENT');
      },
    });
    expect((await failure(writeExportFile(dir, PACKAGE, bytes, io))).code).toBe('export_target_gone');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a read-back that differs from what was written: export_verify_failed, and the file is removed', async () => {
    const dir = tempDir();
    const io = failing({
      async *read(file) {
        const back = fs.readFileSync(file);
        back[back.length >> 1]! ^= 0x01;
        yield back;
      },
    });
    const error = await failure(writeExportFile(dir, PACKAGE, bytes, io));
    expect(error.code).toBe('export_verify_failed');
    expect(error.details).toEqual({ dir, fileName: PACKAGE });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a read-back that is cut short (the stick gone after the rename) is caught the same way', async () => {
    const dir = tempDir();
    const io = failing({
      async *read(file) {
        yield fs.readFileSync(file).subarray(0, 1000);
      },
    });
    expect((await failure(writeExportFile(dir, PACKAGE, bytes, io))).code).toBe('export_verify_failed');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('reports the write failure, not the clean-up that failed after it', async () => {
    const dir = tempDir();
    const io = failing({
      handle: () => ({ write: () => Promise.reject(systemError('ENXIO')), close: () => Promise.reject(systemError('EIO')) }),
      remove: () => Promise.reject(systemError('EIO')),
    });
    expect((await failure(writeExportFile(dir, PACKAGE, bytes, io))).code).toBe('export_target_gone');
  });

  it('passes on what is not a system error (a bug), to be logged', async () => {
    const dir = tempDir();
    const bug = new TypeError('not a system error');
    const io = failing({ syncDir: () => Promise.reject(bug) });
    await expect(writeExportFile(dir, PACKAGE, bytes, io)).rejects.toBe(bug);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('says in Kazakh and Russian which folder, and how much room the package needs', async () => {
    const dir = tempDir();
    const io = failing({ handle: () => ({ write: () => Promise.reject(systemError('ENOSPC')) }) });
    const error = await failure(writeExportFile(dir, PACKAGE, bytes, io));
    for (const lng of ['kk', 'ru'] as const) {
      const text = errorMessage(createI18n(lng).t, error.toPayload());
      expect(text).toContain(dir);
      expect(text).toContain('3.1 МБ');
    }
    const gone = await failure(writeExportFile(path.join(dir, 'F'), PACKAGE, bytes));
    expect(errorMessage(createI18n('kk').t, gone.toPayload())).toContain(`${path.join(dir, 'F')} қалтасы`);
    expect(errorMessage(createI18n('ru').t, gone.toPayload())).toContain(`Папка ${path.join(dir, 'F')}`);
  });
});
