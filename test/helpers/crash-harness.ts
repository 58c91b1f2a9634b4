/**
 * Crash safety, proven by killing (issue 12 point 8): a child process (crash-child.ts) runs a
 * seeded random mix of writes, legacy Excel imports, package imports and backups on a copy of
 * a prepared installation; the harness kills it with SIGKILL after a seeded random delay, opens
 * the installation as the app would after a crash, and checks it:
 * - the database is intact, its foreign keys hold, the search index matches the issues and no
 *   attachment file is missing or left over (checkInstallation);
 * - every operation the child acknowledged (`ok` line, printed after the call returned) is there;
 * - each import is there wholly or not at all, its bookkeeping (`imported_packages`, the audit
 *   entry of a legacy import) agreeing;
 * - every file under a backup's final name is a complete backup of this installation, and what
 *   a backup cut short leaves is removed at a start once it is stale.
 * A trial's seed replays its mix of operations and its delay (not the exact instruction the
 * kill lands on: that is the operating system's).
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openCore } from '../../electron/core/core';
import { fixedClock } from '../../electron/core/clock';
import { corePaths, SOURCE_RESOURCES_DIR } from '../../electron/core/paths';
import { checkInstallation } from '../../electron/core/db/check';
import { backupInto, inspectBackup, installationIdOf, parseBackupFileName, ROTATION } from '../../electron/core/db/backup';
import { sha256Of } from '../../electron/core/files/content-store';
import { STALE_TEMP_MS } from '../../electron/core/services/attachments.service';
import { KIND_SPECS } from '../../electron/core/exchange/record-format';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { blankIssueFields } from '../../shared/contract/issue-defaults';
import { buildTemplateDb, openCoreOnCopy } from './template-db';
import { legacyWorkbook, ruRow, RU_HEADERS } from './legacy-xlsx';
import { samplePdf } from './sample-files';
import { mulberry32, PHASES, type ChildConfig, type Phase } from './crash-protocol';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHILD = path.join(ROOT, 'test/helpers/crash-child.ts');

const TODAY = '2025-07-15';
const DISTRICT = '103200000';
/** The okrug the district's own writes are about (its issues, meetings, minutes). */
const LOCAL_OKRUG = '103230000';
/** The okrugs whose packages the district imports: records of their own origins, so each import's rows can be counted. */
const SENDING_OKRUGS = ['103233000', '103235000'] as const;
const XLSX_FILES = 2;
const XLSX_ROWS = 1000;
const PACKAGE_ISSUES = 150;

/**
 * How the kill is aimed, each target with its cue and its window (the kill comes within the
 * window after the cue). Anywhere: after `ready`, the child running every kind of operation.
 * Writes take a millisecond or two, too short to aim at from here: the child runs only writes,
 * and the kill comes after `ready`. Imports and backups take tens to hundreds of milliseconds:
 * the kill comes after their `begin` line (a legacy import's commit, past its preview), within
 * WINDOW_SHARE of what the same operation took when the fixtures were made, so that it lands
 * inside it on a fast machine or a slow one.
 */
const ANYWHERE_MS = 1500;
const WRITES_MS = 300;
const WINDOW_SHARE = 0.5;
const CUES: Record<KillTarget, string> = { any: 'ready', write: 'ready', xlsx: 'begin xlsx commitImport', package: 'begin package ', backup: 'begin backup ' };
/** A child that never reaches its cue is killed anyway, and the trial still checked. */
const CUE_TIMEOUT_MS = 20_000;

type Envelope = { ok: true; value: any } | { ok: false; error: unknown };

export interface CrashFixtures {
  workDir: string;
  /** A data folder to copy for each trial: the district's installation, set up, with a held meeting and its minutes. */
  baseDir: string;
  child: Omit<ChildConfig, 'dataDir' | 'seed'>;
  xlsx: Array<{ marker: string; rows: number; sha256: string }>;
  /** Each package's id, origin, and the rows of its origin a complete import leaves, by table. */
  packages: Array<{ packageId: string; origin: string; rows: Record<string, number> }>;
  /** By target, how long after its cue the kill may come (see CUES). */
  windows: Record<KillTarget, number>;
}

function caller(handlers: ReturnType<typeof createHandlers>) {
  return async (channel: string, input: unknown) => {
    const result = (await dispatch(handlers, channel, input, (e) => console.error(e))) as Envelope;
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
}

/** The installations, workbooks and packages every trial starts from, made once per run. */
export async function prepareCrashFixtures(workDir: string, template?: string | null): Promise<CrashFixtures> {
  fs.mkdirSync(workDir, { recursive: true });
  const templateFile = template ?? buildTemplateDb(path.join(workDir, 'template'));
  const open = (name: string) => openCoreOnCopy({ dataDir: path.join(workDir, name), today: TODAY, template: templateFile, actor: 'crash-setup' });

  const base = open('base');
  const call = caller(createHandlers(base, '0.0.0-crash'));
  await call('setup:complete', { rootKato: DISTRICT, language: 'kk' });
  const meeting = await call('meetings:recordHeld', { unitKato: LOCAL_OKRUG, heldOn: '2025-07-10' });
  const minutes = await call('minutes:open', { meetingId: meeting.id });
  base.close();

  const packages: Array<{ file: string; packageId: string; origin: string }> = [];
  for (const okrug of SENDING_OKRUGS) packages.push(await okrugPackage(open(`okrug-${okrug}`), okrug, path.join(workDir, 'stick')));

  const xlsx: CrashFixtures['xlsx'] = [];
  const xlsxFiles: ChildConfig['xlsx'] = [];
  for (let n = 0; n < XLSX_FILES; n++) {
    const marker = `Crash log ${n}:`;
    const data = await legacyWorkbook({
      headers: RU_HEADERS,
      rows: Array.from({ length: XLSX_ROWS }, (_, r) => ruRow(r + 1, { date: `${String(1 + (r % 28)).padStart(2, '0')}.0${1 + (r % 6)}.2025`, text: `${marker} вопрос ${r + 1}`, category: 'Прочее' })),
    });
    const file = path.join(workDir, `log-${n}.xlsx`);
    fs.writeFileSync(file, data);
    xlsx.push({ marker, rows: XLSX_ROWS, sha256: sha256Of(data) });
    xlsxFiles.push({ file, fileName: path.basename(file) });
  }

  const fixtures: CrashFixtures = {
    workDir,
    baseDir: path.join(workDir, 'base'),
    child: {
      today: TODAY,
      unitKato: LOCAL_OKRUG,
      meetingId: meeting.id,
      heldOn: '2025-07-10',
      minutes: { id: minutes.id, revision: minutes.revision },
      xlsx: xlsxFiles,
      packages: packages.map(({ file }) => ({ file })),
      trust: packages.map((p) => p.origin),
    },
    xlsx,
    packages: [],
    windows: { any: ANYWHERE_MS, write: WRITES_MS, xlsx: 0, package: 0, backup: 0 },
  };
  await measureOnCopy(fixtures, packages);
  return fixtures;
}

/** An okrug's year: a held meeting with minutes, a PDF attached, issues with a status change; its package. */
async function okrugPackage(core: ReturnType<typeof openCoreOnCopy>, okrug: string, stick: string): Promise<{ file: string; packageId: string; origin: string }> {
  try {
    const call = caller(createHandlers(core, '0.0.0-crash'));
    await call('setup:complete', { rootKato: okrug, language: 'kk' });
    const meeting = await call('meetings:recordHeld', { unitKato: okrug, heldOn: '2025-07-05' });
    const minutes = await call('minutes:open', { meetingId: meeting.id });
    await call('minutes:save', { minutesId: minutes.id, revision: minutes.revision, body: { number: '1', date: '2025-07-05', place: 'Ауыл', chair: 'Әкім', secretary: 'Хатшы', presentCount: 40, presentList: '', invited: '', items: [] } });
    await call('attachments:add', { meetingId: meeting.id, fileName: 'хаттама.pdf', kind: 'minutes_scan', dataBase64: samplePdf(okrug).toString('base64') });
    for (let i = 0; i < PACKAGE_ISSUES; i++) {
      const issue = await call('issues:create', { unitKato: okrug, meetingId: meeting.id, raisedOn: '2025-07-05', fields: blankIssueFields(`Мәселе ${okrug} № ${i + 1}`), author: null });
      if (i % 2 === 0) await call('issues:setStatus', { items: [{ id: issue.id, revision: issue.revision }], change: { statusId: 'in_progress', onDate: '2025-07-06', comment: '', documentRef: '', outcome: null } });
    }
    fs.mkdirSync(stick, { recursive: true });
    const pkg = await call('exchange:export', { period: { start: '2025-01-01', end: '2025-12-31' }, dir: stick, language: 'kk', attachments: true });
    const verified = await call('exchange:verify', { source: { path: pkg.path } });
    return { file: pkg.path, packageId: verified.packages[0].packageId, origin: core.ctx.installationId };
  } finally {
    core.close();
  }
}

/**
 * On a copy of the base, as a trial's child would: the rows each package leaves when applied
 * whole, and how long a package import, a legacy import's commit and a backup take (the kill
 * windows).
 */
async function measureOnCopy(fixtures: CrashFixtures, packages: Array<{ file: string; packageId: string; origin: string }>): Promise<void> {
  const dir = path.join(fixtures.workDir, 'expected');
  fs.cpSync(fixtures.baseDir, dir, { recursive: true });
  const core = openCore({ paths: corePaths(dir, SOURCE_RESOURCES_DIR), clock: fixedClock(TODAY), actor: 'crash-setup' });
  const timed = async (step: () => Promise<unknown>) => {
    const started = performance.now();
    await step();
    return performance.now() - started;
  };
  const windowOf = (ms: number[]) => Math.max(1, Math.floor(WINDOW_SHARE * Math.min(...ms)));
  try {
    const call = caller(createHandlers(core, '0.0.0-crash'));
    const applying: number[] = [];
    for (const p of packages) {
      applying.push(await timed(() => call('exchange:import', { source: { path: p.file }, trust: fixtures.child.trust })));
      const rows = originRows(core.ctx.db, p.origin);
      if (rows.issues !== PACKAGE_ISSUES || rows.imported_packages !== 1) throw new Error(`The package of ${p.origin} applied as ${JSON.stringify(rows)}`);
      fixtures.packages.push({ packageId: p.packageId, origin: p.origin, rows });
    }
    const committing: number[] = [];
    for (const { file, fileName } of fixtures.child.xlsx) {
      const source = { fileName, dataBase64: fs.readFileSync(file).toString('base64') };
      const { suggested } = await call('issuesImport:preview', { source });
      committing.push(await timed(() => call('issuesImport:commit', { source, mapping: suggested, unitKato: fixtures.child.unitKato, onlyValid: false })));
    }
    const backingUp = [await timed(() => backupInto(core.ctx.db, core.paths.backupDir, 'manual', new Date()))];
    fixtures.windows = { ...fixtures.windows, package: windowOf(applying), xlsx: windowOf(committing), backup: windowOf(backingUp) };
  } finally {
    core.close();
  }
}

/** Every row a package of `origin` brings: its records of every kind, their history, the origin, the package. */
function originRows(db: Database.Database, origin: string): Record<string, number> {
  const count = (sql: string) => db.prepare(sql).pluck().get(origin) as number;
  const rows: Record<string, number> = {};
  for (const spec of KIND_SPECS) rows[spec.table] = count(`SELECT count(*) FROM ${spec.table} WHERE origin = ?`);
  rows.issue_history = count('SELECT count(*) FROM issue_history h JOIN issues i ON i.id = h.issue_id WHERE i.origin = ?');
  rows.origins = count('SELECT count(*) FROM origins WHERE id = ?');
  rows.imported_packages = count('SELECT count(*) FROM imported_packages WHERE origin = ?');
  return rows;
}

export interface TrialResult {
  seed: number;
  target: KillTarget;
  /** The phase of the child's last `begin` line when it was killed; null if it was killed before its first operation. */
  killedIn: Phase | null;
  killedDuring: string | null;
  /** Whether the kill came before that operation's end (no `ok` or `refused` after its `begin`). */
  inside: boolean;
  /** The acknowledged operations, each with how long it took. */
  acknowledged: Array<{ op: string; ms: number }>;
  /** Empty when the installation came through the crash as it must. */
  problems: string[];
  /** Files in backups/ after the reopening that are not backups (temp files of a backup cut short, see checkLeftovers). */
  leftovers: string[];
  ms: number;
  dataDir: string;
}

export type KillTarget = Phase | 'any';

/**
 * One trial: a copy of the base, the child run and killed, the copy checked (and removed unless
 * it failed). The seed picks the target (a phase, or anywhere) unless one is given.
 */
export async function runCrashTrial(fixtures: CrashFixtures, seed: number, chosen?: KillTarget): Promise<TrialResult> {
  const started = performance.now();
  const random = mulberry32(seed ^ 0x5eed);
  const drawn = (['any', ...PHASES] as const)[Math.floor(random() * (PHASES.length + 1))]!;
  const target = chosen ?? drawn;
  const delay = Math.floor(random() * fixtures.windows[target]);
  const dataDir = fs.mkdtempSync(path.join(fixtures.workDir, `trial-${seed}-`));
  fs.cpSync(fixtures.baseDir, dataDir, { recursive: true });
  const configFile = path.join(dataDir, 'crash-child.json');
  fs.writeFileSync(configFile, JSON.stringify({ ...fixtures.child, dataDir, seed, ...(target === 'write' ? { only: 'write' } : {}) } satisfies ChildConfig));

  const { lines, problems } = await runChild(configFile, (line) => line.startsWith(CUES[target]), delay);
  const begin = lines.findLastIndex((l) => l.startsWith('begin '));
  const lastBegin = begin < 0 ? null : lines[begin]!.split(' ');
  const inside = begin >= 0 && !lines.slice(begin + 1).some((l) => l.startsWith('ok ') || l.startsWith('refused '));
  const acked = lines.filter((l) => l.startsWith('ok ')).map((l): Acknowledged => {
    const [, op, json] = /^ok (\S+) (.*)$/.exec(l)!;
    return { op: op!, data: JSON.parse(json!) };
  });
  if (problems.length === 0) problems.push(...checkAfterCrash(fixtures, dataDir, acked));
  const leftovers = problems.length === 0 ? checkLeftovers(dataDir, problems) : [];
  if (problems.length === 0) fs.rmSync(dataDir, { recursive: true, force: true });
  return { seed, target, killedIn: (lastBegin?.[1] as Phase | undefined) ?? null, killedDuring: lastBegin?.[2] ?? null, inside, acknowledged: acked.map(({ op, data }) => ({ op, ms: data.ms as number })), problems, leftovers, ms: performance.now() - started, dataDir };
}

/** Runs the child until `cue` matches a line, then kills it `delay` ms later; its lines, and what went wrong. */
function runChild(configFile: string, cue: (line: string) => boolean, delay: number): Promise<{ lines: string[]; problems: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, configFile], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  let killed = false;
  let timer: NodeJS.Timeout | undefined;
  const kill = () => {
    killed = true;
    child.kill('SIGKILL');
  };
  const fallback = setTimeout(kill, CUE_TIMEOUT_MS);
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    if (timer === undefined && cue(line)) timer = setTimeout(kill, delay);
  });
  return new Promise((resolve) => {
    // 'close': the exit and the end of its output, so every line written before the kill is read.
    child.on('close', (code, signal) => {
      clearTimeout(fallback);
      clearTimeout(timer);
      const problems = killed && signal === 'SIGKILL' ? [] : [`the child ended on its own (code ${code}, signal ${signal}): ${stderr.trim()}`];
      resolve({ lines, problems });
    });
  });
}

export interface Acknowledged {
  op: string;
  data: any;
}

/** The installation after the crash, opened as the app opens it, then checked (see the top of the file). */
export function checkAfterCrash(fixtures: CrashFixtures, dataDir: string, acked: Acknowledged[]): string[] {
  const problems: string[] = [];
  const paths = corePaths(dataDir, SOURCE_RESOURCES_DIR);
  try {
    openCore({ paths, clock: fixedClock(TODAY), actor: 'crash-check' }).close();
  } catch (error) {
    return [`the core does not open after the crash: ${(error as Error).message}`];
  }
  const report = checkInstallation(paths);
  if (!report.ok) return [`check: ${JSON.stringify(report)}`];

  const db = new Database(paths.dbFile, { readonly: true, fileMustExist: true });
  try {
    const revisionOf = (table: string, id: string) => (db.prepare(`SELECT revision FROM ${table} WHERE id = ?`).pluck().get(id) as number | undefined) ?? 0;
    const ackedXlsx = new Set<number>();
    const ackedPackages = new Set<number>();
    const backups: string[] = [];
    for (const { op, data } of acked) {
      if (op === 'createIssue' && revisionOf('issues', data.id) < data.revision) problems.push(`acknowledged issue ${data.id} is missing`);
      if (op === 'setIssueStatus') {
        for (const c of data.items) if (revisionOf('issues', c.id) < c.revision) problems.push(`acknowledged status change of ${c.id} (revision ${c.revision}) is missing`);
      }
      if (op === 'saveMinutes') {
        const row = db.prepare('SELECT revision, chair FROM minutes WHERE id = ?').get(data.id) as { revision: number; chair: string } | undefined;
        if (!row || row.revision < data.revision || (row.revision === data.revision && row.chair !== data.chair)) problems.push(`acknowledged minutes revision ${data.revision} is missing`);
      }
      if ((op === 'planMeeting' || op === 'recordHeld') && revisionOf('meetings', data.id) === 0) problems.push(`acknowledged meeting ${data.id} is missing`);
      // Its file is checked with the others by checkInstallation (a live row whose file is missing).
      if (op === 'addAttachment' && !db.prepare('SELECT 1 FROM attachments WHERE id = ? AND deleted_at IS NULL').get(data.id)) problems.push(`acknowledged attachment ${data.id} is missing`);
      if (op === 'importXlsx') ackedXlsx.add(data.n);
      if (op === 'importPackage') ackedPackages.add(data.n);
      if (op === 'backup') backups.push(data.file);
    }

    fixtures.xlsx.forEach(({ marker, rows, sha256 }, n) => {
      const issues = db.prepare("SELECT count(*) FROM issues WHERE text LIKE ? || '%'").pluck().get(marker) as number;
      const audits = db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'issue_import' AND json_extract(after_json, '$.sha256') = ?").pluck().get(sha256) as number;
      const whole = issues === rows && audits === 1;
      if (!whole && !(issues === 0 && audits === 0)) problems.push(`legacy import ${n} is partly applied: ${issues} of ${rows} issues, ${audits} audit entries`);
      if (ackedXlsx.has(n) && !whole) problems.push(`acknowledged legacy import ${n} is missing`);
    });

    fixtures.packages.forEach(({ packageId, origin, rows }, n) => {
      const now = originRows(db, origin);
      const none = Object.values(now).every((c) => c === 0);
      const whole = Object.entries(rows).every(([table, c]) => now[table] === c);
      const recorded = (db.prepare('SELECT count(*) FROM imported_packages WHERE id = ?').pluck().get(packageId) as number) === 1;
      if (!(whole && recorded) && !(none && !recorded)) problems.push(`package ${n} is partly applied: ${JSON.stringify(now)} of ${JSON.stringify(rows)}`);
      if (ackedPackages.has(n) && !whole) problems.push(`acknowledged package ${n} is missing`);
    });

    problems.push(...checkBackups(paths.backupDir, installationIdOf(db), backups));
  } finally {
    db.close();
  }
  return problems;
}

/**
 * Every file under a backup's name is a complete, intact backup of this installation; temp
 * files may be left. Of the acknowledged backups, the newest the rotation keeps must be there
 * (one more, unacknowledged, may have finished and rotated the oldest away).
 */
function checkBackups(backupDir: string, installationId: string | null, acknowledged: string[]): string[] {
  const problems: string[] = [];
  const names = fs.existsSync(backupDir) ? fs.readdirSync(backupDir) : [];
  for (const name of names.filter((n) => parseBackupFileName(n))) {
    try {
      const info = inspectBackup(path.join(backupDir, name));
      if (info.installationId !== installationId) problems.push(`backup ${name} names installation ${info.installationId}`);
    } catch (error) {
      problems.push(`backup ${name} is not a complete backup: ${(error as Error).message}`);
    }
  }
  for (const file of acknowledged.slice(-(ROTATION.KEEP_OTHER - 1))) {
    if (!fs.existsSync(file)) problems.push(`acknowledged backup ${path.basename(file)} is missing`);
  }
  return problems;
}

/**
 * What a backup cut short left in backups/ (its temp copy): the names, and a problem if a start
 * an hour later (the files aged, the core opened again) does not remove them.
 */
function checkLeftovers(dataDir: string, problems: string[]): string[] {
  const paths = corePaths(dataDir, SOURCE_RESOURCES_DIR);
  const others = () => (fs.existsSync(paths.backupDir) ? fs.readdirSync(paths.backupDir).filter((name) => !parseBackupFileName(name)) : []);
  const leftovers = others();
  if (leftovers.length === 0) return [];
  const past = new Date(Date.now() - 2 * STALE_TEMP_MS);
  for (const name of leftovers) fs.utimesSync(path.join(paths.backupDir, name), past, past);
  openCore({ paths, clock: fixedClock(TODAY), actor: 'crash-check' }).close();
  const still = others();
  if (still.length > 0) problems.push(`left in backups/ after a start an hour later: ${still.join(', ')}`);
  return leftovers;
}

export interface CrashRun {
  trials: TrialResult[];
  failures: TrialResult[];
  /** Kills by the phase the child was in, and of those how many came before the operation's end. */
  killedIn: Record<Phase | 'before', { kills: number; inside: number }>;
  ms: number;
}

/**
 * `trials` trials, seeds `seed`, `seed + 1`, …, at most `parallel` children at a time; trial i
 * aims at `targets[i]` where given, else where its seed says. In parallel a trial's checks (run
 * here, synchronously) can make another's kill come later than its delay: still a random point.
 */
export async function runCrashTrials(
  fixtures: CrashFixtures,
  options: { trials: number; seed: number; parallel?: number; targets?: readonly KillTarget[]; onTrial?: (t: TrialResult) => void },
): Promise<CrashRun> {
  const started = performance.now();
  const trials: TrialResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < options.trials) {
      const i = next++;
      const result = await runCrashTrial(fixtures, options.seed + i, options.targets?.[i]);
      trials.push(result);
      options.onTrial?.(result);
    }
  };
  await Promise.all(Array.from({ length: options.parallel ?? 1 }, worker));
  trials.sort((a, b) => a.seed - b.seed);
  const killedIn = Object.fromEntries((['before', ...PHASES] as const).map((p) => [p, { kills: 0, inside: 0 }])) as CrashRun['killedIn'];
  for (const t of trials) {
    killedIn[t.killedIn ?? 'before'].kills++;
    if (t.inside) killedIn[t.killedIn ?? 'before'].inside++;
  }
  return { trials, failures: trials.filter((t) => t.problems.length > 0), killedIn, ms: performance.now() - started };
}
