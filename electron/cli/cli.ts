import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import type { TFunction } from 'i18next';
import pkg from '../../package.json' with { type: 'json' };
import { openCore, type Core } from '../core/core';
import { corePaths, pathsFromOptions, SOURCE_RESOURCES_DIR } from '../core/paths';
import { fixedClock, systemClock } from '../core/clock';
import { createDispatch, type HandlersOf, type OutputOf } from '../core/api/dispatch';
import { createHandlers, guardedAgainstDamage } from '../core/api/handlers';
import { guardedByPermission } from '../core/api/access-guard';
import { sessionOperator, signIn } from '../core/services/operators.service';
import { DemoGenerateInput, demoContract } from '../core/demo/demo.contract';
import { createDemoHandlers } from '../core/demo/demo.handlers';
import { contract } from '../../shared/contract/contract';
import { Year } from '../../shared/contract/schemas';
import type { IssueRow } from '../../shared/contract/issues.contract';
import { REPORT_FORMATS, REPORT_SECTIONS, type PeriodReport, type ReportFormat } from '../../shared/contract/reports.contract';
import type { Envelope } from '../../shared/contract/envelope';
import type { UnitSummary } from '../../shared/contract/types';
import { createI18n, errorMessage, isUiLanguage, type UiLanguage } from '../../shared/i18n';
import { EsepError } from '../../shared/errors';
import { isIsoDate } from '../../shared/domain/dates';
import type { Obligation } from '../../shared/domain/rules';
import { parsePeriod, type ReportPeriod } from '../../shared/domain/reports/period';
import { medianDaysToClose, resolvedShare, type Figures } from '../../shared/domain/reports/figures';
import { writeFileAtomically } from '../core/files/atomic-write';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { CorePaths } from '../core/paths';
import { readHeaderVersion } from '../core/db/open';
import { backupInto, backupToFolder, restoreBackup, writeBackup, type BackupInfo } from '../core/db/backup';
import { checkInstallation, type CheckReport } from '../core/db/check';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /**
   * Asks for the operator's PIN or password without echoing it (a terminal); absent when there
   * is none to ask on (a script), and ESEP_SECRET must then carry it.
   */
  readSecret?: (prompt: string) => Promise<string>;
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/**
 * The CLI's door: the app's contract and, for `generate`, the demo tooling beside it (which the
 * app's doors do not serve). Every command is channel inputs built from argv, dispatched here.
 */
const CLI_CONTRACT = { ...contract, ...demoContract };
const dispatchCli = createDispatch(CLI_CONTRACT);

type CliContract = typeof CLI_CONTRACT;
type CliChannel = keyof CliContract;
type Output<K extends CliChannel> = OutputOf<CliContract[K]>;
/** argv values go to the schema as they are: only the field names are checked here. */
type RawInput<K extends CliChannel> = { [P in keyof z.input<CliContract[K]['input']>]?: unknown };
type Call = <K extends CliChannel>(channel: K, input: RawInput<K>) => Output<K>;
/** For the channels that answer with a promise (documents are built asynchronously). */
type CallAsync = <K extends CliChannel>(channel: K, input: RawInput<K>) => Promise<Output<K>>;

/** A mistake in how the command was called (which options, not their values): exit code 2 and the usage. */
class UsageError extends Error {}

type Opts = Record<string, string | boolean | undefined>;

interface Printed {
  json: unknown;
  text: string;
}

interface CommandBase {
  options: NonNullable<ParseArgsConfig['options']>;
  /** Its lines in the usage. */
  usage: string;
  /** Works on an installation (--data-dir or --db) rather than the shipped classifier alone. */
  needsData?: true;
  /** Channel input fields (paths) → the option that fills them, to name them in a `validation` message. */
  fields: Record<string, string>;
  /** Takes file arguments after the options (`verify FILE`, `import FILE...`). */
  positionals?: true;
  /** Changes the installation: says on stderr which operator it acts as. */
  writes?: true;
}

/** A command over the contract: the core opened for it, its channels called. */
interface ContractCommand extends CommandBase {
  run(opts: Opts, call: Call, t: TFunction, lang: UiLanguage, callAsync: CallAsync, files: string[]): Printed | Promise<Printed>;
}

/**
 * A command on the installation's files with the core closed: `restore` swaps the database
 * file, `check` must neither migrate nor sweep what it checks, `backup` copies the file as it is.
 */
interface FilesCommand extends CommandBase {
  onFiles(opts: Opts, paths: CorePaths, t: TFunction, files: string[]): Printed | Promise<Printed>;
}

type Command = ContractCommand | FilesCommand;

const COMMON = {
  json: { type: 'boolean', default: false },
  'data-dir': { type: 'string' },
  db: { type: 'string' },
  lang: { type: 'string' },
  operator: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const RANGE = {
  ...COMMON,
  kind: { type: 'string' },
  kato: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const RANGE_FIELDS = { kind: '--kind', kato: '--kato', from: '--from', to: '--to' };

const PERIOD_FORMS = '2026, 2026-H1, 2026-Q3 or 2026-01-01..2026-06-30';

/** What `report --format` takes: the report's JSON, or one of its documents. */
const REPORT_OUTPUTS = ['json', ...REPORT_FORMATS] as const;

const COMMANDS: Record<string, Command> = {
  schedule: {
    options: RANGE,
    usage: 'schedule   (--kind KIND | --kato CODE) --from YYYY-MM-DD --to YYYY-MM-DD [--json]',
    fields: RANGE_FIELDS,
    run: (o, call) => {
      const obligations = call('rules:schedule', { kind: o.kind, kato: o.kato, from: o.from, to: o.to });
      return {
        json: obligations.map(describe),
        text: table(
          ['rule set', 'group', 'window', 'window start', 'window end', 'covers'],
          obligations.map((o) => [o.ruleSetId, o.group, o.windowKey, o.windowStart, o.windowEnd, `${o.coversStart} – ${o.coversEnd}`]),
        ),
      };
    },
  },
  compliance: {
    options: { ...RANGE, held: { type: 'string' }, today: { type: 'string' } },
    usage: `compliance (--kind KIND | --kato CODE) --from YYYY-MM-DD --to YYYY-MM-DD
             [--held D1,D2,...] [--today YYYY-MM-DD] [--json]`,
    fields: { ...RANGE_FIELDS, held: '--held' },
    run: (o, call, t) => {
      // --held wins; otherwise, for --kato, the unit's recorded meetings (none without --data-dir).
      const held = typeof o.held === 'string' ? list(o.held) : undefined;
      const assessed = call('rules:compliance', { kind: o.kind, kato: o.kato, from: o.from, to: o.to, held });
      return {
        json: assessed.map((o) => ({
          ...describe(o),
          status: o.status,
          heldOn: o.meeting?.heldOn ?? null,
          meetingId: o.meeting?.id ?? null,
          ...(o.reportDueMonths === null ? {} : { reportDue: o.reportDue }),
        })),
        text: table(
          ['group', 'window', 'window start', 'window end', 'status', 'held on', 'report due'],
          assessed.map((o) => [o.group, o.windowKey, o.windowStart, o.windowEnd, t(`Status.${o.status}`), o.meeting?.heldOn ?? '', o.reportDue ?? '']),
        ),
      };
    },
  },
  units: {
    options: { ...COMMON, kato: { type: 'string' }, search: { type: 'string' }, limit: { type: 'string' } },
    usage: `units      (--kato CODE | --search TEXT [--limit N]) [--json]
             N: ${span(contract['units:search'].input.shape.limit.unwrap())}, 50 by default`,
    fields: { kato: '--kato', query: '--search', limit: '--limit' },
    run: (o, call, t) => {
      if ((o.kato === undefined) === (o.search === undefined)) throw new UsageError('units needs exactly one of --kato or --search');
      const units: UnitSummary[] =
        o.kato !== undefined ? [call('units:get', { kato: o.kato })] : call('units:search', { query: o.search, limit: o.limit === undefined ? 50 : numeric(o.limit) });
      return {
        json: units.map((u) => ({ kato: u.kato, kind: u.kind, nameKk: u.nameKk, nameRu: u.nameRu, parent: u.parent })),
        text: table(
          ['KATO', 'kind', 'name (kk)', 'name (ru)', 'parent'],
          units.map((u) => [u.kato, t(`Kind.${u.kind}`), u.nameKk, u.nameRu, u.parent ?? '']),
        ),
      };
    },
  },
  status: {
    options: { ...COMMON, year: { type: 'string' }, today: { type: 'string' } },
    usage: `status     --year YYYY [--today YYYY-MM-DD] [--json]   (needs --data-dir or --db)
             compliance of every reporting unit of the working set in that year`,
    needsData: true,
    fields: { year: '--year' },
    run: (o, call, t, lang) => {
      const grid = call('obligations:grid', { year: numeric(o.year) });
      const cells = grid.rows.flatMap((row) => row.obligations.map((cell) => ({ unit: row.unit, cell })));
      return {
        json: cells.map(({ unit, cell }) => ({
          kato: unit.kato,
          kind: unit.kind,
          windowStart: cell.windowStart,
          windowEnd: cell.windowEnd,
          status: cell.status,
          meetingId: cell.meeting?.id ?? null,
        })),
        text: table(
          ['KATO', 'unit', 'window', 'window start', 'window end', 'status', 'held on', 'planned for'],
          cells.map(({ unit, cell }) => [
            unit.kato,
            lang === 'kk' ? unit.nameKk : unit.nameRu,
            cell.windowKey,
            cell.windowStart,
            cell.windowEnd,
            t(`Status.${cell.status}`),
            cell.meeting?.heldOn ?? '',
            cell.planned?.plannedOn ?? '',
          ]),
        ),
      };
    },
  },
  generate: {
    writes: true,
    options: {
      ...COMMON,
      unit: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      seed: { type: 'string' },
      today: { type: 'string' },
      issues: { type: 'string' },
    },
    usage: `generate   --unit CODE --from YYYY --to YYYY --seed SEED [--issues N] [--today YYYY-MM-DD] [--json]
             (needs --data-dir or --db) fills an installation with realistic demo meetings
             and citizens' issues for the unit's subtree, the same for the same seed; a few
             issues per held meeting, or about N in all with --issues N; sets the working
             root to the unit if none is set yet; SEED: ${span(DemoGenerateInput.shape.seed)}, N: ${span(DemoGenerateInput.shape.issues.unwrap())}`,
    needsData: true,
    fields: { unitKato: '--unit', fromYear: '--from', toYear: '--to', seed: '--seed', issues: '--issues' },
    run: (o, call) => {
      const started = performance.now();
      const summary = call('demo:generate', { unitKato: o.unit, fromYear: numeric(o.from), toYear: numeric(o.to), seed: numeric(o.seed), issues: numeric(o.issues) });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const { byStatus: s, issues } = summary;
      const closed = Object.entries(issues.byStatus).reduce((n, [status, count]) => n + (['done', 'explained', 'forwarded', 'rejected'].includes(status) ? count : 0), 0);
      return {
        json: summary,
        text:
          `generated ${summary.meetings} meetings (held ${s.held + s.closed}, planned ${s.planned + s.announced + s.postponed}, cancelled ${s.cancelled}), ` +
          `${summary.akims} akims, ${summary.officials} officials for ${summary.units} units under ${summary.unit}, ` +
          `${issues.issues} issues (${issues.atMeetings} raised at meetings; closed ${closed}, overdue ${issues.overdue}, prolonged ${issues.prolonged}), ` +
          `${summary.fromYear}–${summary.toYear}, seed ${summary.seed}, today ${summary.today}, in ${seconds} s\n`,
      };
    },
  },
  issues: {
    options: {
      ...COMMON,
      status: { type: 'string' },
      search: { type: 'string' },
      unit: { type: 'string' },
      period: { type: 'string' },
      limit: { type: 'string' },
      today: { type: 'string' },
    },
    usage: `issues     [--status S] [--search TEXT] [--unit CODE] [--period P] [--limit N] [--today YYYY-MM-DD] [--json]
             (needs --data-dir or --db) the citizens' issue log, newest first (N: 50 by default);
             S is a status id (new, in_progress, done, explained, planned, forwarded,
             rejected or an added one), open, closed or overdue; TEXT is searched in
             Kazakh and Russian, each word as a prefix ("мектеп" finds "мектептің");
             P: raised in ${PERIOD_FORMS} (as report counts them)`,
    needsData: true,
    fields: { 'filter.unitKato': '--unit', 'filter.search': '--search', 'filter.statusIds': '--status', period: '--period', 'filter.from': '--period', 'filter.to': '--period', limit: '--limit' },
    run: (o, call, t, lang) => {
      // The log takes empty text as no search (a cleared search box); typed here, it is a mistake.
      if (typeof o.search === 'string' && o.search.trim() === '') throw new UsageError('--search needs some text');
      const period = periodOption(o.period);
      const statuses = call('issueStatuses:list', {});
      const filter: Record<string, unknown> = { unitKato: o.unit, search: o.search, from: period?.start, to: period?.end };
      const status = o.status;
      if (status === 'open' || status === 'closed') filter.open = status === 'open';
      else if (status === 'overdue') filter.overdue = true;
      else if (typeof status === 'string') {
        if (!statuses.some((s) => s.id === status)) throw new UsageError(`--status: one of ${[...statuses.map((s) => s.id), 'open', 'closed', 'overdue'].join(', ')}: ${status}`);
        filter.statusIds = [status];
      }
      const { rows, total } = issuePages(call, filter, typeof o.limit === 'string' ? numeric(o.limit) : 50);
      const names = new Map(statuses.map((s) => [s.id, lang === 'kk' ? s.nameKk : s.nameRu]));
      const clip = (text: string) => (text.length > 70 ? `${text.slice(0, 69)}…` : text);
      return {
        json: { rows, total },
        text:
          table(
            ['unit', 'No', 'raised on', 'kind', 'status', 'deadline', 'text'],
            rows.map((r) => [
              r.unitKato,
              String(r.registryNo),
              r.raisedOn,
              t(`Minutes.issueKinds.${r.kind}`),
              `${names.get(r.statusId) ?? r.statusId}${r.overdue ? ` — ${t('Issues.overdue')}` : ''}`,
              r.deadline ?? '',
              clip(r.text.replace(/\s+/g, ' ')),
            ]),
          ) + `${rows.length} of ${total}\n`,
      };
    },
  },
  report: {
    options: { ...COMMON, unit: { type: 'string' }, period: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, today: { type: 'string' } },
    usage: `report     --unit CODE --period P [--format ${REPORT_OUTPUTS.join('|')}] [--out FILE] [--today YYYY-MM-DD] [--json]
             (needs --data-dir or --db) the unit's period report, consolidated over its subtree:
             each reporting unit's meetings (windows opening in the period), attendance and
             citizens' issues (raised in the period), and the totals, their sums; a table, or
             the report as JSON with --format json (or --json); --format docx|xlsx|pdf writes the
             document with every section (in --lang kk|ru, else the installation's language) to
             --out FILE or its own name in the current folder; --out FILE writes the output
             there and prints the file's path; P: ${PERIOD_FORMS}`,
    needsData: true,
    fields: { unitKato: '--unit', period: '--period', format: '--format' },
    run: (o, call, t, lang, callAsync) => {
      if (o.format !== undefined && !(REPORT_OUTPUTS as readonly unknown[]).includes(o.format)) throw invalid('format');
      if (typeof o.out === 'string' && o.format === undefined) throw new UsageError('--out needs --format');
      if (isReportFormat(o.format)) {
        const language = lang === 'kk' || lang === 'ru' ? lang : (call('settings:get', {}).language ?? 'kk');
        const input = { unitKato: o.unit, period: periodOption(o.period), document: 'period', format: o.format, language, sections: [...REPORT_SECTIONS], personalData: false };
        return callAsync('reports:export', input).then((file) => saved(typeof o.out === 'string' ? o.out : path.basename(file.fileName), Buffer.from(file.dataBase64, 'base64')));
      }
      const report = call('reports:get', { unitKato: o.unit, period: periodOption(o.period) });
      const json = reportJson(report);
      const text = `${JSON.stringify(json, null, 2)}\n`;
      if (typeof o.out === 'string') return saved(o.out, text);
      return { json, text: o.format === 'json' ? text : reportTable(report, t, lang) };
    },
  },
};

Object.assign(COMMANDS, exchangeCommands(), backupCommands());

/** Backups, restore and the full check (issue 12, point 7). */
function backupCommands(): Record<string, FilesCommand> {
  return {
    backup: {
      options: { ...COMMON, out: { type: 'string' } },
      usage: `backup     --data-dir DIR [--out FILE|DIR] [--json]
             an online copy of the database (safe while Esep runs), checked before it gets its
             name; into --out (a file, or a folder such as a USB stick), else into DIR/backups/`,
      needsData: true,
      fields: {},
      onFiles: async (o, paths) => {
        const db = openForBackup(paths.dbFile);
        try {
          const now = systemClock.now();
          if (typeof o.out !== 'string') return backupPrinted(await backupInto(db, paths.backupDir, 'manual', now));
          const target = path.resolve(o.out);
          if (isDirectory(target)) return backupPrinted(await backupToFolder(db, target, now));
          if (!isDirectory(path.dirname(target))) throw new EsepError('file_unwritable', { file: target });
          return backupPrinted(await writeBackup(db, target));
        } finally {
          db.close();
        }
      },
    },
    restore: {
      options: { ...COMMON, 'other-installation': { type: 'boolean', default: false } },
      usage: `restore    --data-dir DIR [--other-installation] FILE [--json]
             puts the backup FILE in place of the database after checking it (intact, a schema
             this version knows, this installation's unless --other-installation); the database
             as it was is kept in DIR/backups/ first; Esep must not be running`,
      needsData: true,
      positionals: true,
      fields: {},
      onFiles: async (o, paths, t, files) => {
        if (files.length !== 1) throw new UsageError('restore takes one FILE');
        const result = await restoreBackup(paths, path.resolve(files[0]!), { now: systemClock.now(), otherInstallation: o['other-installation'] === true });
        return { json: result, text: `${t('Cli.restore.done', { file: result.restored.file, kept: result.keptAs ?? '—' })}\n` };
      },
    },
    check: {
      options: COMMON,
      usage: `check      --data-dir DIR [--json]
             read-only: the database's integrity and foreign keys, the issue search index
             against the issues, attachment files no record names and records whose file is
             missing; exit 0 when all is in order, 2 otherwise`,
      needsData: true,
      fields: {},
      onFiles: (_o, paths, t) => {
        const report = checkInstallation(paths);
        const printed = { json: report, text: checkText(report, paths.dbFile, t) };
        if (!report.ok) throw new Refused(printed, 'check found problems');
        return printed;
      },
    },
  };
}

/** The database as it is, for a copy: read-only, so `backup` never migrates or writes it. */
function openForBackup(file: string): Database.Database {
  if (!fs.existsSync(file) || readHeaderVersion(file) === null) throw new EsepError('db_unreadable', { file });
  return new Database(file, { readonly: true, fileMustExist: true });
}

function isDirectory(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;
}

function backupPrinted(info: BackupInfo): Printed {
  return { json: info, text: `${info.file}\n` };
}

function checkText(report: CheckReport, file: string, t: TFunction): string {
  if (report.ok) return `${t('Cli.check.ok', { file })}\n`;
  const lines = [t('Cli.check.failed', { file })];
  for (const problem of report.integrity.slice(0, 10)) lines.push(t('Cli.check.integrity', { problem }));
  const fk = report.foreignKeys[0];
  if (fk) lines.push(t('Cli.check.foreignKeys', { count: report.foreignKeys.length, example: `${fk.table} ${fk.rowid ?? ''} → ${fk.parent}` }));
  if (report.search.missing.length > 0) lines.push(t('Cli.check.searchMissing', { count: report.search.missing.length }));
  if (report.search.extra.length > 0) lines.push(t('Cli.check.searchExtra', { count: report.search.extra.length }));
  if (report.files.unreferenced.length > 0) lines.push(t('Cli.check.filesUnreferenced', { count: report.files.unreferenced.length }));
  const missing = report.files.missing[0];
  if (missing) lines.push(t('Cli.check.filesMissing', { count: report.files.missing.length, id: missing.id }));
  return `${lines.join('\n')}\n`;
}

/**
 * The exchange between installations (issue 11): a new installation with its key pair, its
 * identity, its package for a period, and a package verified or imported at the level above.
 */
function exchangeCommands(): Record<string, Command> {
  const language = (lang: UiLanguage, call: Call) => (lang === 'kk' || lang === 'ru' ? lang : (call('settings:get', {}).language ?? 'kk'));
  const countsText = (counts: Partial<Record<string, { new: number; changed: number; unchanged: number; refused: number }>>) =>
    table(
      ['records', 'new', 'updated', 'unchanged', 'refused'],
      Object.entries(counts).map(([kind, c]) => [kind, String(c!.new), String(c!.changed), String(c!.unchanged), String(c!.refused)]),
    );
  return {
    setup: {
      writes: true,
      options: { ...COMMON, unit: { type: 'string' }, today: { type: 'string' } },
      usage: `setup      --data-dir DIR --unit CODE [--lang kk|ru] [--json]
             a new installation for the unit (what the first-run wizard does), with its
             signing key pair; --lang is the installation's language (kk by default)`,
      needsData: true,
      fields: { rootKato: '--unit', language: '--lang' },
      run: (o, call, _t, lang) => {
        call('setup:complete', { rootKato: o.unit, language: lang === 'ru' ? 'ru' : 'kk' });
        const identity = call('identity:get', {});
        return { json: identity, text: identityText(identity) };
      },
    },
    identity: {
      options: { ...COMMON, today: { type: 'string' } },
      usage: `identity   --data-dir DIR [--json]
             the installation's id, unit, public key (minisign format) and fingerprint`,
      needsData: true,
      fields: {},
      run: (_o, call) => {
        const identity = call('identity:get', {});
        return { json: identity, text: identityText(identity) };
      },
    },
    export: {
      writes: true,
      options: { ...COMMON, period: { type: 'string' }, out: { type: 'string' }, attachments: { type: 'boolean', default: false }, today: { type: 'string' } },
      usage: `export     --data-dir DIR --period P --out DIR [--attachments] [--json]
             writes the installation's signed package for the period (its records up to the
             period's end, the report in --lang, the packages received from below) into the
             folder --out, and prints its path and SHA-256; P: ${PERIOD_FORMS}`,
      needsData: true,
      fields: { period: '--period', dir: '--out', language: '--lang' },
      run: (o, call, _t, lang, callAsync) => {
        if (typeof o.out !== 'string') throw new UsageError('export needs --out DIR');
        return callAsync('exchange:export', { period: periodOption(o.period), dir: path.resolve(o.out), language: language(lang, call), attachments: o.attachments === true }).then((pkg) => ({
          json: pkg,
          text: `${pkg.path}\nSHA-256 ${pkg.sha256}\n${pkg.bytes} bytes, package No. ${pkg.sequence}, ${Object.entries(pkg.records)
            .filter(([, n]) => n! > 0)
            .map(([kind, n]) => `${n} ${kind}`)
            .join(', ')}; ${pkg.forwarded} forwarded\n`,
        }));
      },
    },
    verify: {
      options: { ...COMMON, today: { type: 'string' } },
      usage: `verify     FILE [--json]
             exit 0 if the package is intact and signed by the key it names (each package it
             carries too), 2 with the reason otherwise; compare the fingerprint with the sender's`,
      positionals: true,
      fields: {},
      run: async (_o, _call, _t, _lang, callAsync, files) => {
        if (files.length !== 1) throw new UsageError('verify takes one FILE');
        const result = await callAsync('exchange:verify', { source: { path: path.resolve(files[0]!) } });
        return {
          json: result,
          text:
            `${result.fileName}: intact, SHA-256 ${result.sha256}\n` +
            result.packages
              .map((p) => `${p.forwardedIn ? '  forwarded: ' : ''}${p.originUnit} ${p.unit?.nameRu ?? ''} — package No. ${p.sequence}, period ${p.period.start}..${p.period.end}, signed by ${p.fingerprint}\n`)
              .join(''),
        };
      },
    },
    import: {
      writes: true,
      options: { ...COMMON, 'trust-new': { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false }, today: { type: 'string' } },
      usage: `import     --data-dir DIR [--trust-new] [--dry-run] FILE... [--json]
             verifies each package and applies it in one transaction (--dry-run: only says what
             it would do); the first package of an installation needs --trust-new once its
             fingerprint (shown) was compared with the sender's; prints per file the new,
             updated, unchanged and refused records; exit 2 if any file is refused`,
      needsData: true,
      positionals: true,
      fields: {},
      run: async (o, _call, t, _lang, callAsync, files) => {
        if (files.length === 0) throw new UsageError('import needs at least one FILE');
        const results: unknown[] = [];
        let text = '';
        let refused = 0;
        for (const file of files) {
          const source = { path: path.resolve(file) };
          try {
            const preview = await callAsync('exchange:preview', { source });
            const fresh = preview.packages.filter((p) => p.origin.trust === 'new');
            if (!o['dry-run'] && fresh.length > 0 && !o['trust-new']) {
              throw new EsepError('package_origin_untrusted', { kato: fresh[0]!.origin.unitKato, fingerprint: fresh[0]!.origin.fingerprint });
            }
            const result = o['dry-run'] ? preview : await callAsync('exchange:import', { source, trust: fresh.map((p) => p.origin.installationId) });
            results.push({ file, ok: true, ...result });
            for (const p of result.packages) {
              text += `${file}: ${p.forwardedIn ? 'forwarded ' : ''}package No. ${p.sequence} of ${p.origin.unitKato} (${p.origin.fingerprint}, ${p.origin.trust}): ${p.disposition}${o['dry-run'] ? ' (dry run)' : ''}\n`;
              if (p.gap > 0) text += `  warning: ${p.gap} earlier package(s) of this origin never arrived\n`;
              if (Object.keys(p.counts).length > 0) text += countsText(p.counts).replace(/^/gm, '  ');
            }
          } catch (error) {
            if (!(error instanceof EsepError) || error.code === 'internal') throw error;
            refused++;
            results.push({ file, ok: false, error: error.toPayload() });
            text += `${file}: ${errorMessage(t, error.toPayload())}\n`;
          }
        }
        if (refused > 0) throw new Refused({ json: results, text }, `${refused} package(s) refused`);
        return { json: results, text };
      },
    },
  };
}

/** Some files were refused, or a check found problems: what was printed still goes out, with exit code 2. */
class Refused extends Error {
  constructor(
    readonly printed: Printed,
    message: string,
  ) {
    super(message);
  }
}

function identityText(identity: Output<'identity:get'>): string {
  const unit = identity.root ? `${identity.root.kato} ${identity.root.nameKk} / ${identity.root.nameRu}` : '(not set up)';
  const key = identity.key ? `fingerprint ${identity.key.fingerprint}\n${identity.key.publicKey}` : 'no signing key\n';
  return `installation ${identity.installationId}\nunit ${unit}\n${key}`;
}

const LEGEND = `Common: --data-dir DIR or --db FILE (read an installation's data and rule sets), --lang kk|ru|en,
        --operator LOGIN (on an installation with operators: act as this operator; the PIN or
        password from ESEP_SECRET, else asked on the terminal).
CODE is a KATO code (9 digits); YYYY a year, ${span(Year)}.
Kinds: oblast capital republican_city city_district district oblast_city district_city
       rural_okrug settlement village
`;

/** A number schema's bounds, so the usage states the range the schema checks, not a copy of it. */
function span(schema: z.ZodNumber): string {
  return `${schema.minValue}–${schema.maxValue}`;
}

function usage(command?: string): string {
  const commands = command === undefined ? Object.values(COMMANDS) : [COMMANDS[command]!];
  return `Usage: esep <command> [options]\n${commands.map((c) => `  ${c.usage}\n`).join('')}${LEGEND}`;
}

/**
 * Runs one CLI command; returns the exit code, or a promise of it for a command whose channel
 * answers asynchronously (a document export). Writes only JSON to stdout with --json.
 */
export function runCli(argv: readonly string[], io: CliIo): number | Promise<number> {
  const [name, ...rest] = argv;
  const lang = pickLanguage(rest, io.env);
  const t = createI18n(lang).t;
  const command = name === undefined ? undefined : Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  let opts: Opts = {};
  let core: Core | undefined;
  try {
    if (name === undefined || name === '--help' || name === 'help') {
      io.stdout(usage());
      return name === undefined ? EXIT_BAD_INPUT : EXIT_OK;
    }
    if (command === undefined) throw new UsageError(`unknown command: ${name}`);
    const parsed = parseArgs({ args: [...rest], options: command.options, strict: true, allowPositionals: command.positionals === true });
    opts = parsed.values as Opts;
    if (command.needsData && !hasData(opts)) throw new UsageError(`${name} works on an installation's data: give --data-dir DIR or --db FILE`);
    const print = (printed: Printed): number => {
      io.stdout(opts.json ? `${JSON.stringify(printed.json, null, 2)}\n` : printed.text);
      return EXIT_OK;
    };
    if ('onFiles' in command) {
      const paths = pathsFromOptions({ dataDir: opts['data-dir'] as string | undefined, db: opts.db as string | undefined }, SOURCE_RESOURCES_DIR)!;
      const printed = command.onFiles(opts, paths, t, parsed.positionals);
      return printed instanceof Promise ? printed.then(print, (error: unknown) => failed(error)) : print(printed);
    }
    core = openCoreFor(opts);
    // The demo's generators write as much as an import: an administrator's, once operators exist.
    const handlers: HandlersOf<CliContract> = {
      ...createHandlers(core, pkg.version),
      ...guardedAgainstDamage(core, guardedByPermission(core, 'settings.write', createDemoHandlers(core))),
    };
    const log = (error: unknown) => io.stderr(`esep: ${(error as Error).stack ?? String(error)}\n`);
    const unwrap = <K extends CliChannel>(envelope: Envelope<unknown>): Output<K> => {
      if (!envelope.ok) throw new EsepError(envelope.error.code, envelope.error.details);
      return envelope.value as Output<K>;
    };
    const call: Call = (channel, input) => {
      const envelope = dispatchCli(handlers, channel, input, log);
      if (envelope instanceof Promise) throw new Error(`${channel} answers asynchronously: use callAsync`);
      return unwrap<typeof channel>(envelope);
    };
    const callAsync: CallAsync = async <K extends CliChannel>(channel: K, input: RawInput<K>) => unwrap<K>(await dispatchCli(handlers, channel, input, log));
    const opened = core;
    const signing = signInFor(opened, opts, io, t);
    const run = (): Printed | Promise<Printed> => {
      const who = command.writes ? actingAs(opened, t) : null;
      if (who) io.stderr(`esep: ${who}\n`);
      return command.run(opts, call, t, lang, callAsync, parsed.positionals);
    };
    const printed = signing ? signing.then(run) : run();
    if (printed instanceof Promise) {
      // The core stays open until the answer is in; `finally` below must not close it first.
      const open = core;
      core = undefined;
      return printed.then(print, (error: unknown) => failed(error)).finally(() => open.close());
    }
    return print(printed);
  } catch (error) {
    return failed(error);
  } finally {
    core?.close();
  }

  function failed(error: unknown): number {
    if (error instanceof Refused) {
      // Each file's outcome, refused ones included: stdout as with success, the reasons on stderr too.
      if (opts.json) io.stdout(`${JSON.stringify(error.printed.json, null, 2)}\n`);
      else io.stderr(error.printed.text);
      return EXIT_BAD_INPUT;
    }
    const commandUsage = usage(command === undefined ? undefined : name);
    if (error instanceof EsepError) {
      if (error.code === 'auth_required') {
        io.stderr(`esep: ${t('Cli.operatorRequired')}\n`);
      } else if (error.code === 'validation' && command !== undefined) {
        const fields = namedFields(error.details?.['fields'], command, opts);
        io.stderr(`esep: ${errorMessage(t, { code: 'validation', details: { fields } })}\n${commandUsage}`);
      } else {
        io.stderr(`esep: ${errorMessage(t, error.toPayload())}\n`);
      }
      return error.code === 'internal' ? EXIT_INTERNAL : EXIT_BAD_INPUT;
    }
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`esep: ${(error as Error).message}\n${commandUsage}`);
      return EXIT_BAD_INPUT;
    }
    io.stderr(`esep: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_INTERNAL;
  }
}

/**
 * A `validation` error names the channel's fields; the reader typed options, so it names those
 * with the text given (as the app names its form's labels): `--from 2025-02-30`, and of a
 * comma list the item at fault (`held.1` → its second date).
 */
function namedFields(fields: unknown, command: Command, opts: Opts): string[] {
  const paths = Array.isArray(fields) ? fields.map(String) : [];
  const named = paths.map((path) => {
    const key = Object.keys(command.fields).find((f) => path === f || path.startsWith(`${f}.`));
    if (key === undefined) return path;
    const option = command.fields[key]!;
    const given = opts[option.slice(2)];
    if (typeof given !== 'string') return option;
    const index = /^\.(\d+)$/.exec(path.slice(key.length))?.[1];
    const text = index !== undefined && given.includes(',') ? (list(given)[Number(index)] ?? given) : given;
    return `${option} ${text === '' || /\s/.test(text) ? JSON.stringify(text) : text}`;
  });
  return [...new Set(named)];
}

/** D1,D2,...: the items, trimmed, empty ones dropped. */
function list(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function isParseArgsError(error: unknown): boolean {
  return typeof (error as { code?: unknown })?.code === 'string' && (error as { code: string }).code.startsWith('ERR_PARSE_ARGS');
}

function pickLanguage(args: readonly string[], env: NodeJS.ProcessEnv): UiLanguage {
  const i = args.indexOf('--lang');
  const explicit = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  for (const candidate of [explicit, env.ESEP_LANG, env.LC_ALL?.slice(0, 2), env.LANG?.slice(0, 2)]) {
    if (isUiLanguage(candidate)) return candidate;
  }
  return 'en';
}

/**
 * --operator LOGIN signs in for this one command, with the secret from ESEP_SECRET or asked for
 * on the terminal; null when no operator was named (an installation without operators is open,
 * and on one with operators only the open channels then answer).
 */
function signInFor(core: Core, opts: Opts, io: CliIo, t: TFunction): Promise<void> | null {
  const login = opts.operator;
  if (typeof login !== 'string') return null;
  const secret = io.env.ESEP_SECRET !== undefined ? Promise.resolve(io.env.ESEP_SECRET) : io.readSecret?.(t('Cli.secretPrompt', { login }));
  if (!secret) return Promise.reject(new UsageError(`--operator ${login}: give the PIN or password in ESEP_SECRET (no terminal to ask on)`));
  const typed = secret.catch(() => Promise.reject(new UsageError('no PIN or password given')));
  return typed.then((given) => signIn(core, { login, secret: given })).then(() => undefined);
}

/**
 * Who the command's changes will name, said before it makes them; nothing on an installation
 * without operators (its changes name the CLI, as they always did), nor when none was named
 * (the command's first request is then refused, auth_required).
 */
function actingAs(core: Core, t: TFunction): string | null {
  const operator = sessionOperator(core);
  return operator ? t('Cli.actingAs', { name: operator.name, login: operator.login, role: t(`Cli.role.${operator.role}`) }) : null;
}

function hasData(opts: Opts): boolean {
  return opts['data-dir'] !== undefined || opts.db !== undefined;
}

/**
 * Without --data-dir the CLI never creates files: it loads the shipped classifier into an
 * in-memory database, whose only rule set is the built-in one. --today pins the core's clock,
 * so it is the door's own option (like --data-dir), checked here rather than by a channel.
 */
function openCoreFor(opts: Opts): Core {
  const today = opts.today;
  if (typeof today === 'string' && !isIsoDate(today)) throw new EsepError('date_invalid', { date: today });
  const clock = typeof today === 'string' ? fixedClock(today) : systemClock;
  const paths = pathsFromOptions({ dataDir: opts['data-dir'] as string | undefined, db: opts.db as string | undefined }, SOURCE_RESOURCES_DIR) ?? {
    ...corePaths('', SOURCE_RESOURCES_DIR),
    dbFile: ':memory:',
  };
  return openCore({ paths, clock, actor: 'cli' });
}

/**
 * An option's text as a number, for the schema to judge (whole or not, in range). Only decimal
 * digits make one: Number() alone would also take "1e3", "0x10" or "" (as 0).
 */
function numeric(text: string): number;
function numeric(text: string | boolean | undefined): number | undefined;
function numeric(text: string | boolean | undefined): number | undefined {
  if (typeof text !== 'string') return undefined;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

/** The largest window issues:list serves: the log screen's virtualised list asks for no more. */
const ISSUE_PAGE = contract['issues:list'].input.shape.limit.maxValue ?? 500;

/** Up to `limit` issues, newest first, a window at a time (--limit may exceed one window). */
function issuePages(call: Call, filter: Record<string, unknown>, limit: number): { rows: IssueRow[]; total: number } {
  const rows: IssueRow[] = [];
  for (;;) {
    // A bad --limit (0, -3, NaN) reaches the schema in the first request.
    const page = call('issues:list', { filter, sort: { key: 'raisedOn', dir: 'desc' }, offset: rows.length, limit: Math.min(ISSUE_PAGE, limit - rows.length) });
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= Math.min(limit, page.total)) return { rows, total: page.total };
  }
}

function describe(o: Obligation) {
  return {
    ruleSet: o.ruleSetId,
    group: o.group,
    kind: o.kind,
    windowKey: o.windowKey,
    windowStart: o.windowStart,
    windowEnd: o.windowEnd,
    coversStart: o.coversStart,
    coversEnd: o.coversEnd,
  };
}

function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n') + '\n';
}

/** A mistake in a value only the CLI reads (not a channel field): named like the channel's own refusals. */
function invalid(field: string): EsepError {
  return new EsepError('validation', { fields: [field] });
}

/**
 * --period as a report period. A range of two real days the wrong way round is refused as the
 * report refuses it (range_invalid, naming both days), for `issues` too, whose log would just
 * list nothing; anything else parsePeriod cannot read is a malformed --period.
 */
function periodOption(text: string | boolean | undefined): ReportPeriod | undefined {
  if (typeof text !== 'string') return undefined;
  const period = parsePeriod(text);
  if (period) return period;
  const [start, end, ...more] = text.trim().split('..');
  if (start !== undefined && end !== undefined && more.length === 0 && isIsoDate(start) && isIsoDate(end)) throw new EsepError('range_invalid', { from: start, to: end });
  throw invalid('period');
}

/**
 * The report as it is, plus the two figures that cannot be summed, derived from the totals at
 * the top level only: every other total stays the sum of the `units` rows.
 */
function isReportFormat(value: unknown): value is ReportFormat {
  return (REPORT_FORMATS as readonly unknown[]).includes(value);
}

function reportJson(report: PeriodReport) {
  return { ...report, medianDaysToClose: medianDaysToClose(report.issues), resolvedShare: resolvedShare(report.issues) };
}

function reportTable(report: PeriodReport, t: TFunction, lang: UiLanguage): string {
  const name = (u: { nameKk: string; nameRu: string }) => (lang === 'kk' ? u.nameKk : u.nameRu);
  const figures = (f: Figures) =>
    [
      f.meetings.required,
      f.meetings.heldOnTime,
      f.meetings.heldLate,
      f.meetings.missed,
      f.meetings.open,
      f.meetings.upcoming,
      f.attendance.people,
      f.attendance.onlineViewers,
      f.issues.total,
      f.issues.closed,
      f.issues.overdue,
    ].map(String);
  const c = (key: string) => t(`Cli.report.columns.${key}`);
  const header = [
    c('kato'),
    c('unit'),
    c('required'),
    ...(['held_on_time', 'held_late', 'missed', 'open', 'upcoming'] as const).map((s) => t(`Status.${s}`)),
    c('people'),
    c('onlineViewers'),
    c('issues'),
    c('closed'),
    c('overdue'),
  ];
  const rows = report.units.map((u) => [u.kato, `${'  '.repeat(u.depth)}${name(u)}`, ...figures(u)]);
  const { unit, period, issues } = report;
  const title = `${t('Cli.report.title', { unit: name(unit), kato: unit.kato, start: period.start, end: period.end })}\n\n`;
  const share = resolvedShare(issues);
  const days = medianDaysToClose(issues);
  const number = (value: number, style?: 'percent') => new Intl.NumberFormat(lang, { style, maximumFractionDigits: 1 }).format(value);
  const resolution = share !== null && days !== null ? `\n${t('Cli.report.resolution', { share: number(share, 'percent'), days: number(days) })}\n` : '';
  return title + table(header, [...rows, ['', t('Cli.report.total'), ...figures(report)]]) + resolution;
}

/**
 * Writes an output file atomically (a temp file in its folder, then a rename) and prints its
 * path. A folder that is missing or read-only is the reader's to fix: a bad input, not a crash.
 */
function saved(target: string, data: Buffer | string): Printed {
  const file = path.resolve(target);
  try {
    writeFileAtomically(file, data);
  } catch (error) {
    if (['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EISDIR', 'EROFS'].includes((error as NodeJS.ErrnoException).code ?? '')) throw new EsepError('file_unwritable', { file });
    throw error;
  }
  return { json: { file }, text: `${file}\n` };
}
