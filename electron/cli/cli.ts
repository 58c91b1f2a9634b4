import { performance } from 'node:perf_hooks';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { TFunction } from 'i18next';
import { openCore, type Core } from '../core/core';
import { corePaths, pathsFromOptions, SOURCE_RESOURCES_DIR } from '../core/paths';
import { fixedClock, systemClock } from '../core/clock';
import { listRuleSets } from '../core/db/repos/rule-sets.repo';
import { countMeetingsUnder, heldMeetingsUnder } from '../core/db/repos/meetings.repo';
import { obligationsGrid } from '../core/services/obligations.service';
import { generateMeetings } from '../core/demo/generate-meetings';
import { generateIssues } from '../core/demo/generate-issues';
import { listIssues } from '../core/services/issues.service';
import { listStatuses } from '../core/db/repos/issue-reference.repo';
import type { IssueFilter } from '../../shared/contract/issues.contract';
import { getUnit, searchUnits } from '../core/services/units.service';
import { createI18n, errorMessage, isUiLanguage, type UiLanguage } from '../../shared/i18n';
import { EsepError } from '../../shared/errors';
import { isIsoDate, type IsoDate } from '../../shared/domain/dates';
import { isKatoCode } from '../../shared/domain/kato';
import { DECREE_615, assessCompliance, obligationsFor, type Obligation, type RuleSet } from '../../shared/domain/rules';
import { isReportingKind, isUnitKind, type ReportingUnitKind } from '../../shared/domain/units/unit-kind';
import type { UnitSummary } from '../../shared/contract/types';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/** A mistake in how the command was called: exit code 2 and the usage line. */
class UsageError extends Error {}

const COMMON = {
  json: { type: 'boolean', default: false },
  'data-dir': { type: 'string' },
  db: { type: 'string' },
  lang: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const RANGE = {
  ...COMMON,
  kind: { type: 'string' },
  kato: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const COMMANDS = {
  schedule: RANGE,
  compliance: { ...RANGE, held: { type: 'string' }, today: { type: 'string' } },
  units: { ...COMMON, kato: { type: 'string' }, search: { type: 'string' }, limit: { type: 'string' } },
  status: { ...COMMON, year: { type: 'string' }, today: { type: 'string' } },
  generate: {
    ...COMMON,
    unit: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    seed: { type: 'string' },
    today: { type: 'string' },
    issues: { type: 'string' },
  },
  issues: { ...COMMON, status: { type: 'string' }, search: { type: 'string' }, unit: { type: 'string' }, limit: { type: 'string' }, today: { type: 'string' } },
} as const;

type CommandName = keyof typeof COMMANDS;

const USAGE = `Usage: esep <command> [options]
  schedule   (--kind KIND | --kato CODE) --from YYYY-MM-DD --to YYYY-MM-DD [--json]
  compliance (--kind KIND | --kato CODE) --from YYYY-MM-DD --to YYYY-MM-DD
             [--held D1,D2,...] [--today YYYY-MM-DD] [--json]
  units      (--kato CODE | --search TEXT [--limit N]) [--json]
  status     --year YYYY [--today YYYY-MM-DD] [--json]   (needs --data-dir or --db)
             compliance of every reporting unit of the working set in that year
  generate   --unit CODE --from YYYY --to YYYY --seed N [--issues N] [--today YYYY-MM-DD] [--json]
             (needs --data-dir or --db) fills an installation with realistic demo meetings
             and citizens' issues for the unit's subtree, the same for the same seed; a few
             issues per held meeting, or about N in all with --issues N; sets the working
             root to the unit if none is set yet
  issues     [--status S] [--search TEXT] [--unit CODE] [--limit N] [--today YYYY-MM-DD] [--json]
             (needs --data-dir or --db) the citizens' issue log, newest first (50 by default);
             S is a status id (new, in_progress, done, explained, planned, forwarded,
             rejected or an added one), open, closed or overdue; TEXT is searched in
             Kazakh and Russian, each word as a prefix ("мектеп" finds "мектептің")
Common: --data-dir DIR or --db FILE (read an installation's data and rule sets), --lang kk|ru|en.
Kinds: oblast capital republican_city city_district district oblast_city district_city
       rural_okrug settlement village
`;

/** Runs one CLI command; returns the exit code. Writes only JSON to stdout with --json. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const [command, ...rest] = argv;
  const lang = pickLanguage(rest, io.env);
  const t = createI18n(lang).t;
  let core: Core | undefined;
  try {
    if (command === undefined || command === '--help' || command === 'help') {
      io.stdout(USAGE);
      return command === undefined ? EXIT_BAD_INPUT : EXIT_OK;
    }
    if (!(command in COMMANDS)) throw new UsageError(`unknown command: ${command}`);
    const { values } = parseArgs({ args: [...rest], options: COMMANDS[command as CommandName], strict: true, allowPositionals: false });
    const opts = values as Record<string, string | boolean | undefined>;
    const openData = () => (core ??= openCoreFor(opts, opts.today as string | undefined));
    const output = run(command as CommandName, opts, openData, t, lang);
    io.stdout(opts.json ? `${JSON.stringify(output.json, null, 2)}\n` : output.text);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof EsepError) {
      io.stderr(`esep: ${errorMessage(t, error.toPayload())}\n`);
      return error.code === 'internal' ? EXIT_INTERNAL : EXIT_BAD_INPUT;
    }
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`esep: ${(error as Error).message}\n${USAGE}`);
      return EXIT_BAD_INPUT;
    }
    io.stderr(`esep: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_INTERNAL;
  } finally {
    core?.close();
  }
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
 * Without --data-dir the CLI never creates files: it loads the shipped classifier into an
 * in-memory database and uses the built-in rule set.
 */
function openCoreFor(opts: Record<string, string | boolean | undefined>, today: string | undefined): Core {
  const clock = today && isIsoDate(today) ? fixedClock(today) : systemClock;
  const paths = pathsFromOptions({ dataDir: opts['data-dir'] as string | undefined, db: opts.db as string | undefined }, SOURCE_RESOURCES_DIR) ?? {
    ...corePaths('', SOURCE_RESOURCES_DIR),
    dbFile: ':memory:',
  };
  return openCore({ paths, clock, actor: 'cli' });
}

interface Output {
  json: unknown;
  text: string;
}

function run(command: CommandName, opts: Record<string, string | boolean | undefined>, openData: () => Core, t: TFunction, lang: UiLanguage): Output {
  switch (command) {
    case 'units':
      return unitsCommand(opts, openData, t);
    case 'schedule':
    case 'compliance':
      return obligationsCommand(command, opts, openData, t);
    case 'status':
      return statusCommand(opts, openData, t, lang);
    case 'generate':
      return generateCommand(opts, openData);
    case 'issues':
      return issuesCommand(opts, openData, t, lang);
  }
}

function requireData(opts: Record<string, string | boolean | undefined>, command: string): void {
  if (!hasData(opts)) throw new UsageError(`${command} works on an installation's data: give --data-dir DIR or --db FILE`);
  // Checked here: openCoreFor would fall back to the system clock for a malformed date.
  if (opts.today !== undefined) requireDate(opts.today, '--today');
}

function requireYear(value: string | boolean | undefined, option: string): number {
  if (typeof value !== 'string') throw new UsageError(`${option} YYYY is required`);
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 2013 || year > 2100) throw new UsageError(`${option}: a year from 2013 to 2100: ${value}`);
  return year;
}

/** The obligations grid of the working set, one element per obligation, in the grid's order. */
function statusCommand(opts: Record<string, string | boolean | undefined>, openData: () => Core, t: TFunction, lang: UiLanguage): Output {
  requireData(opts, 'status');
  const year = requireYear(opts.year, '--year');
  const grid = obligationsGrid(openData().ctx, { year });
  const cells = grid.rows.flatMap((row) => row.obligations.map((cell) => ({ unit: row.unit, cell })));
  const name = (u: UnitSummary) => (lang === 'kk' ? u.nameKk : u.nameRu);
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
        name(unit),
        cell.windowKey,
        cell.windowStart,
        cell.windowEnd,
        t(`Status.${cell.status}`),
        cell.meeting?.heldOn ?? '',
        cell.planned?.plannedOn ?? '',
      ]),
    ),
  };
}

function generateCommand(opts: Record<string, string | boolean | undefined>, openData: () => Core): Output {
  requireData(opts, 'generate');
  const kato = opts.unit;
  if (typeof kato !== 'string') throw new UsageError('--unit CODE is required');
  if (!isKatoCode(kato)) throw new EsepError('kato_invalid', { kato });
  const fromYear = requireYear(opts.from, '--from');
  const toYear = requireYear(opts.to, '--to');
  if (fromYear > toYear) throw new EsepError('range_invalid', { from: String(fromYear), to: String(toYear) });
  const seed = Number(opts.seed);
  if (typeof opts.seed !== 'string' || !/^\d+$/.test(opts.seed) || seed > 0xffffffff) throw new UsageError(`--seed: a whole number from 0 to 4294967295: ${opts.seed ?? ''}`);
  const { ctx } = openData();
  const existing = countMeetingsUnder(ctx.db, kato);
  if (existing > 0) throw new UsageError(`generate fills an empty installation: ${existing} meetings are already recorded under ${kato}`);
  const target = opts.issues === undefined ? null : wholeNumber(opts.issues, '--issues', 0, 1_000_000);
  const started = performance.now();
  // One transaction: a failure leaves the installation as empty as it was.
  const { summary, issues } = ctx.db.transaction(() => {
    const meetings = generateMeetings(ctx, { unitKato: kato, fromYear, toYear, seed });
    return { summary: meetings, issues: generateIssues(ctx, { unitKato: kato, seed, fromYear, target }) };
  })();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const s = summary.byStatus;
  const closed = Object.entries(issues.byStatus).reduce((n, [status, count]) => n + (['done', 'explained', 'forwarded', 'rejected'].includes(status) ? count : 0), 0);
  return {
    json: { ...summary, issues },
    text:
      `generated ${summary.meetings} meetings (held ${s.held + s.closed}, planned ${s.planned + s.announced + s.postponed}, cancelled ${s.cancelled}), ` +
      `${summary.akims} akims, ${summary.officials} officials for ${summary.units} units under ${summary.unit}, ` +
      `${issues.issues} issues (${issues.atMeetings} raised at meetings; closed ${closed}, overdue ${issues.overdue}, prolonged ${issues.prolonged}), ` +
      `${fromYear}–${toYear}, seed ${seed}, today ${summary.today}, in ${seconds} s\n`,
  };
}

function wholeNumber(value: string | boolean | undefined, option: string, min: number, max: number): number {
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n < min || n > max) throw new UsageError(`${option}: a whole number from ${min} to ${max}: ${String(value ?? '')}`);
  return n;
}

/** The issue log, newest first, filtered like the log screen's quick filters. */
function issuesCommand(opts: Record<string, string | boolean | undefined>, openData: () => Core, t: TFunction, lang: UiLanguage): Output {
  requireData(opts, 'issues');
  const limit = opts.limit === undefined ? 50 : wholeNumber(opts.limit, '--limit', 1, 100_000);
  const unit = opts.unit as string | undefined;
  if (unit !== undefined && !isKatoCode(unit)) throw new EsepError('kato_invalid', { kato: unit });
  const { ctx } = openData();
  const statuses = listStatuses(ctx.db);
  const filter: IssueFilter = { ...(unit === undefined ? {} : { unitKato: unit }) };
  const status = opts.status as string | undefined;
  if (status === 'open' || status === 'closed') filter.open = status === 'open';
  else if (status === 'overdue') filter.overdue = true;
  else if (status !== undefined) {
    if (!statuses.some((s) => s.id === status)) throw new UsageError(`--status: one of ${[...statuses.map((s) => s.id), 'open', 'closed', 'overdue'].join(', ')}: ${status}`);
    filter.statusIds = [status];
  }
  if (typeof opts.search === 'string') {
    if (opts.search.trim() === '') throw new UsageError('--search needs some text');
    filter.search = opts.search.trim().slice(0, 200);
  }
  const page = listIssues(ctx, { filter, sort: { key: 'raisedOn', dir: 'desc' }, offset: 0, limit });
  const names = new Map(statuses.map((s) => [s.id, lang === 'kk' ? s.nameKk : s.nameRu]));
  const clip = (text: string) => (text.length > 70 ? `${text.slice(0, 69)}…` : text);
  return {
    json: page,
    text:
      table(
        ['unit', 'No', 'raised on', 'kind', 'status', 'deadline', 'text'],
        page.rows.map((r) => [
          r.unitKato,
          String(r.registryNo),
          r.raisedOn,
          t(`Minutes.issueKinds.${r.kind}`),
          `${names.get(r.statusId) ?? r.statusId}${r.overdue ? ` — ${t('Issues.overdue')}` : ''}`,
          r.deadline ?? '',
          clip(r.text.replace(/\s+/g, ' ')),
        ]),
      ) + `${page.rows.length} of ${page.total}\n`,
  };
}

function unitsCommand(opts: Record<string, string | boolean | undefined>, openData: () => Core, t: TFunction): Output {
  const kato = opts.kato as string | undefined;
  const search = opts.search as string | undefined;
  if ((kato === undefined) === (search === undefined)) throw new UsageError('units needs exactly one of --kato or --search');
  let units: UnitSummary[];
  if (kato !== undefined) {
    if (!isKatoCode(kato)) throw new EsepError('kato_invalid', { kato });
    units = [getUnit(openData().ctx, kato)];
  } else {
    const limit = opts.limit === undefined ? 50 : Number(opts.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit: a whole number from 1 to 1000: ${opts.limit}`);
    if (!search?.trim()) throw new UsageError('--search needs some text');
    units = searchUnits(openData().ctx, { query: search, limit });
  }
  const json = units.map((u) => ({ kato: u.kato, kind: u.kind, nameKk: u.nameKk, nameRu: u.nameRu, parent: u.parent }));
  const text = table(
    ['KATO', 'kind', 'name (kk)', 'name (ru)', 'parent'],
    units.map((u) => [u.kato, t(`Kind.${u.kind}`), u.nameKk, u.nameRu, u.parent ?? '']),
  );
  return { json, text };
}

function requireDate(value: string | boolean | undefined, option: string): IsoDate {
  if (typeof value !== 'string') throw new UsageError(`${option} YYYY-MM-DD is required`);
  if (!isIsoDate(value)) throw new EsepError('date_invalid', { date: value });
  return value;
}

function obligationsCommand(
  command: 'schedule' | 'compliance',
  opts: Record<string, string | boolean | undefined>,
  openData: () => Core,
  t: TFunction,
): Output {
  const from = requireDate(opts.from, '--from');
  const to = requireDate(opts.to, '--to');
  if (from > to) throw new EsepError('range_invalid', { from, to });
  const { kind, unit } = resolveKind(opts, openData);
  const ruleSets: RuleSet[] = hasData(opts) ? listRuleSets(openData().ctx.db) : [DECREE_615];

  if (command === 'schedule') {
    const obligations = obligationsFor(ruleSets, kind, from, to);
    return {
      json: obligations.map((o) => describe(o)),
      text: table(
        ['rule set', 'group', 'window', 'window start', 'window end', 'covers'],
        obligations.map((o) => [o.ruleSetId, o.group, o.windowKey, o.windowStart, o.windowEnd, `${o.coversStart} – ${o.coversEnd}`]),
      ),
    };
  }

  const today = opts.today === undefined ? systemClock.today() : requireDate(opts.today, '--today');
  const held = heldMeetings(opts, unit, openData);
  for (const m of held) {
    if (m.heldOn > today) throw new EsepError('date_in_future', { date: m.heldOn, today });
  }
  const assessed = assessCompliance(ruleSets, kind, from, to, held, today);
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

function resolveKind(
  opts: Record<string, string | boolean | undefined>,
  openData: () => Core,
): { kind: ReportingUnitKind; unit: UnitSummary | null } {
  const kindOpt = opts.kind as string | undefined;
  const kato = opts.kato as string | undefined;
  if ((kindOpt === undefined) === (kato === undefined)) throw new UsageError('give exactly one of --kind or --kato');
  if (kindOpt !== undefined) {
    if (!isUnitKind(kindOpt) || !isReportingKind(kindOpt)) throw new UsageError(`--kind: not a kind of unit with an akim: ${kindOpt}`);
    return { kind: kindOpt, unit: null };
  }
  if (!isKatoCode(kato)) throw new EsepError('kato_invalid', { kato: String(kato) });
  const unit = getUnit(openData().ctx, kato);
  if (!isReportingKind(unit.kind)) throw new EsepError('unit_not_reporting', { kato });
  return { kind: unit.kind, unit };
}

function hasData(opts: Record<string, string | boolean | undefined>): boolean {
  return opts['data-dir'] !== undefined || opts.db !== undefined;
}

/** --held wins; otherwise, with --data-dir and --kato, the meetings recorded for that unit. */
function heldMeetings(opts: Record<string, string | boolean | undefined>, unit: UnitSummary | null, openData: () => Core) {
  if (typeof opts.held === 'string') {
    return opts.held
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        if (!isIsoDate(d)) throw new EsepError('date_invalid', { date: d });
        return { id: null, heldOn: d };
      });
  }
  if (unit && hasData(opts)) return heldMeetingsUnder(openData().ctx.db, unit.kato).get(unit.kato) ?? [];
  return [];
}

function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n') + '\n';
}
