import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import { tempDir, KARAAUYL_OKRUG } from '../helpers/temp-core';
import { snapshot } from '../helpers/db-snapshot';
import { damageMiddle } from '../helpers/damage';
import { createI18n, errorMessage } from '../../shared/i18n';
import type { ErrorPayload } from '../../shared/errors';

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { LANG: 'C' } });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

const TODAY = '2026-06-15';
let template: string;

/** An installation with demo meetings and issues, copied per test from one generated once. */
function installation(): string {
  const dir = tempDir('esep-cli-backup-');
  fs.copyFileSync(path.join(template, 'esep.sqlite'), path.join(dir, 'esep.sqlite'));
  return dir;
}

function write(dataDir: string, sql: string, ...params: unknown[]): void {
  const db = new Database(path.join(dataDir, 'esep.sqlite'));
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  template = tempDir('esep-cli-backup-template-');
  const r = await cli('generate', '--data-dir', template, '--unit', KARAAUYL_OKRUG, '--from', '2025', '--to', '2026', '--seed', '3', '--today', TODAY);
  expect(r.code, r.stderr).toBe(0);
  // A single file to copy: the WAL folded in.
  const db = new Database(path.join(template, 'esep.sqlite'));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
});

describe('esep backup and restore', () => {
  it('a restore from a backup made to a folder brings back exactly the data of that moment', async () => {
    const dataDir = installation();
    const usb = tempDir('esep-usb-');
    const made = await cli('backup', '--data-dir', dataDir, '--out', usb, '--json');
    expect([made.code, made.stderr]).toEqual([0, '']);
    const backup = made.json();
    expect(path.dirname(backup.file)).toBe(usb);
    expect(fs.readdirSync(usb)).toEqual([path.basename(backup.file)]);
    const atBackup = snapshot(backup.file);
    expect(atBackup['issues']!.length).toBeGreaterThan(5);

    write(dataDir, 'DELETE FROM issue_history WHERE issue_id IN (SELECT id FROM issues WHERE seq % 2 = 0)');
    write(dataDir, `UPDATE issues SET text = 'changed after the backup' WHERE seq % 3 = 0`);
    write(dataDir, `INSERT INTO settings (key, value, updated_at) VALUES ('after', 'x', 1)`);
    expect(snapshot(path.join(dataDir, 'esep.sqlite'))).not.toEqual(atBackup);

    const restored = await cli('restore', '--data-dir', dataDir, backup.file, '--lang', 'ru');
    expect([restored.code, restored.stderr]).toEqual([0, '']);
    expect(restored.stdout).toMatch(/^Восстановлено из .*\. Прежняя база данных сохранена как .*esep-before-restore-.*\.sqlite\.\n$/);
    expect(snapshot(path.join(dataDir, 'esep.sqlite'))).toEqual(atBackup);
    // The core opens on it as on any database, and finds all in order.
    const check = await cli('check', '--data-dir', dataDir, '--lang', 'kk');
    expect([check.code, check.stderr]).toEqual([0, '']);
    expect(check.stdout).toContain('бәрі дұрыс');
    const issues = await cli('issues', '--data-dir', dataDir, '--today', TODAY, '--json');
    expect(issues.json().total).toBe(atBackup['issues']!.length);
  });

  it('without --out: into DATA/backups, named and rotated', async () => {
    const dataDir = installation();
    const r = await cli('backup', '--data-dir', dataDir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${path.join(dataDir, 'backups')}/esep-manual-.*-v\\d+\\.sqlite\\n$`));
  });

  const refusals: Array<[string, (dataDir: string) => Promise<{ args: string[]; error: (file: string) => ErrorPayload }>]> = [
    [
      'another installation’s backup',
      async () => {
        const other = installation();
        write(other, `UPDATE installation SET id = 'another-installation'`);
        const file = path.join(tempDir(), 'other.sqlite');
        expect((await cli('backup', '--data-dir', other, '--out', file)).code).toBe(0);
        return { args: [file], error: (dataDir) => ({ code: 'backup_other_installation', details: { file, installation: 'another-installation', current: currentId(dataDir) } }) };
      },
    ],
    [
      'a damaged backup',
      async (dataDir) => {
        const file = path.join(tempDir(), 'damaged.sqlite');
        expect((await cli('backup', '--data-dir', dataDir, '--out', file)).code).toBe(0);
        const bytes = fs.readFileSync(file);
        bytes.fill(0x5a, 4096 * 2, 4096 * 8);
        fs.writeFileSync(file, bytes);
        return { args: [file], error: () => ({ code: 'backup_damaged', details: { file } }) };
      },
    ],
    [
      'not a database',
      async () => {
        const file = path.join(tempDir(), 'notes.txt');
        fs.writeFileSync(file, 'x'.repeat(500));
        return { args: [file], error: () => ({ code: 'db_unreadable', details: { file } }) };
      },
    ],
  ];

  it.each(refusals)('restore refuses %s: exit 2, the reason in kk and ru, the database unchanged', async (_label, make) => {
    for (const lang of ['kk', 'ru'] as const) {
      const dataDir = installation();
      const { args, error } = await make(dataDir);
      const before = snapshot(path.join(dataDir, 'esep.sqlite'));
      const r = await cli('restore', '--data-dir', dataDir, ...args, '--lang', lang);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toBe(`esep: ${errorMessage(createI18n(lang).t, error(dataDir))}\n`);
      expect(snapshot(path.join(dataDir, 'esep.sqlite'))).toEqual(before);
      expect(fs.readdirSync(dataDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    }
  });

  it('restore --other-installation takes another installation’s backup', async () => {
    const other = installation();
    write(other, `UPDATE installation SET id = 'another-installation'`);
    const file = path.join(tempDir(), 'other.sqlite');
    expect((await cli('backup', '--data-dir', other, '--out', file)).code).toBe(0);
    const dataDir = installation();
    const r = await cli('restore', '--data-dir', dataDir, '--other-installation', file, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.json().restored.installationId).toBe('another-installation');
    expect(currentId(dataDir)).toBe('another-installation');
  });

  it('restore refuses while the database is open in another program', async () => {
    const dataDir = installation();
    const file = path.join(tempDir(), 'b.sqlite');
    expect((await cli('backup', '--data-dir', dataDir, '--out', file)).code).toBe(0);
    const running = new Database(path.join(dataDir, 'esep.sqlite'));
    running.pragma('journal_mode = WAL');
    try {
      const r = await cli('restore', '--data-dir', dataDir, file, '--lang', 'ru');
      expect([r.code, r.stderr]).toEqual([2, `esep: ${errorMessage(createI18n('ru').t, { code: 'db_in_use', details: { file: path.join(dataDir, 'esep.sqlite') } })}\n`]);
    } finally {
      running.close();
    }
  });

  it('backup --out into a folder that does not exist: exit 2, nothing written', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'missing', 'b.sqlite');
    const r = await cli('backup', '--data-dir', installation(), '--out', out, '--lang', 'kk');
    expect([r.code, r.stderr]).toEqual([2, `esep: ${errorMessage(createI18n('kk').t, { code: 'file_unwritable', details: { file: out } })}\n`]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

function currentId(dataDir: string): string {
  const db = new Database(path.join(dataDir, 'esep.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT id FROM installation').pluck().get() as string;
  } finally {
    db.close();
  }
}

describe('a damaged database in the CLI', () => {
  it('refuses a change with the damaged-database message in Russian, and writes nothing', async () => {
    const dataDir = tempDir('esep-cli-damaged-');
    expect((await cli('setup', '--data-dir', dataDir, '--unit', KARAAUYL_OKRUG, '--today', TODAY)).code).toBe(0);
    const file = path.join(dataDir, 'esep.sqlite');
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    damageMiddle(file);
    const before = fs.readFileSync(file);
    const changed = await cli('generate', '--data-dir', dataDir, '--unit', KARAAUYL_OKRUG, '--from', '2027', '--to', '2027', '--seed', '4', '--today', TODAY, '--lang', 'ru');
    expect(changed.code).toBe(2);
    expect(changed.stderr.trim()).toBe(`esep: ${errorMessage(createI18n('ru').t, { code: 'db_damaged' })}`);
    expect(changed.stderr).not.toMatch(/\bat \S+:\d+/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0).toBe(false);
  });
});

describe('esep check', () => {
  it('finds a search index out of step, broken references, orphan and missing files: exit 2, and changes nothing', async () => {
    const dataDir = installation();
    const db = new Database(path.join(dataDir, 'esep.sqlite'));
    const [first, second] = db.prepare('SELECT seq FROM issues ORDER BY seq LIMIT 2').pluck().all() as number[];
    db.prepare('DELETE FROM issue_search WHERE rowid = ?').run(first);
    db.prepare(`INSERT INTO issue_search (rowid, body) VALUES (999999, 'жоқ')`).run();
    const meeting = db.prepare(`SELECT id, origin FROM meetings LIMIT 1`).get() as { id: string; origin: string };
    const sha = 'ab'.repeat(32);
    db.prepare(`INSERT INTO attachments (id, origin, meeting_id, sha256, file_name, mime, size, kind, created_at) VALUES ('att-1', ?, ?, ?, 'a.pdf', 'application/pdf', 3, 'other', 1)`).run(meeting.origin, meeting.id, sha);
    db.pragma('foreign_keys = OFF');
    db.prepare(`UPDATE issues SET unit_kato = '999999999' WHERE seq = ?`).run(second);
    db.close();
    const orphan = 'cd'.repeat(32);
    fs.mkdirSync(path.join(dataDir, 'attachments', 'cd'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'attachments', 'cd', orphan), 'orphan');
    const before = snapshot(path.join(dataDir, 'esep.sqlite'));

    const r = await cli('check', '--data-dir', dataDir, '--json');
    expect(r.code).toBe(2);
    const report = r.json();
    expect(report).toMatchObject({ ok: false, integrity: [], search: { missing: [first], extra: [999999] }, files: { unreferenced: [orphan], missing: [{ id: 'att-1', sha256: sha }] } });
    expect(report.foreignKeys).toContainEqual(expect.objectContaining({ table: 'issues', parent: 'units' }));

    const ru = await cli('check', '--data-dir', dataDir, '--lang', 'ru');
    expect([ru.code, ru.stdout]).toEqual([2, '']);
    expect(ru.stderr).toContain('найдены ошибки');
    expect(ru.stderr).toContain('1 вопрос отсутствует в поисковом индексе');
    expect(ru.stderr).toContain('1 вложение без файла (например, att-1)');
    expect(snapshot(path.join(dataDir, 'esep.sqlite'))).toEqual(before);
    expect(fs.existsSync(path.join(dataDir, 'attachments', 'cd', orphan))).toBe(true);
  });

  it('a damaged database: exit 2, what integrity_check says, the file unchanged', async () => {
    const dataDir = installation();
    const file = path.join(dataDir, 'esep.sqlite');
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 4096 * 4, 4096 * 12);
    fs.writeFileSync(file, bytes);
    const r = await cli('check', '--data-dir', dataDir, '--json');
    expect(r.code).toBe(2);
    expect(r.json().integrity.length).toBeGreaterThan(0);
    expect(fs.readFileSync(file)).toEqual(bytes);
  });

  it('backup, restore and check are in the help', async () => {
    const help = (await cli('--help')).stdout;
    expect(help).toMatch(/backup\s+--data-dir DIR \[--out FILE\|DIR\]/);
    expect(help).toMatch(/restore\s+--data-dir DIR \[--other-installation\] FILE/);
    expect(help).toMatch(/check\s+--data-dir DIR \[--json\]/);
  });
});
