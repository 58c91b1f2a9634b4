import { vi } from 'vitest';
import type { Language } from '../../shared/contract/schemas';
import { blankMeeting } from '../../shared/contract/meeting-defaults';
import type { Akim, AppInfo, GridCell, GridRow, Meeting, ObligationsGrid, PlannedRef, Settings, UnitSearchHit, UnitSummary } from '../../shared/contract/types';
import type { Dashboard, IcsFile, Reminder } from '../../shared/contract/calendar.contract';
import type { MeetingPlanInput, PlanPreview, PlanWarning } from '../../shared/contract/meetings.contract';
import { canApply, isUpcomingStatus, type AnnouncementChannel, type MeetingAction, type MeetingStatus } from '../../shared/domain/meetings/meeting';
import { addDays, addMonths, isIsoDate, type IsoDate } from '../../shared/domain/dates';
import { DECREE_615, assessCompliance, findConflicts, nextWindowStart, obligationsFor, validateRuleSet, type Obligation, type RuleSet } from '../../shared/domain/rules';
import type { RuleSetInput, RuleSetView } from '../../shared/contract/rules.contract';
import { isReportingKind } from '../../shared/domain/units/unit-kind';
import { EsepError } from '../../shared/errors';
import type { Attachment, FileData, Minutes } from '../../shared/contract/minutes.contract';
import { completenessProblems, type AttachmentKind, type MinutesBody } from '../../shared/domain/minutes/minutes';
import { diffMinutes } from '../../shared/domain/minutes/diff';
import { createFakeIssues } from './fake-issues';
import { createFakeImport } from './fake-import';
import { createFakePlan } from './fake-plan';

/**
 * A stand-in for the core behind `renderer/src/api.ts`: a small KATO tree (Abai district of
 * Abai oblast and two of its rural okrugs, plus a namesake district elsewhere), meetings kept in
 * memory and a grid assessed with the real Decree 615 rules, so a recorded meeting changes a
 * cell exactly as it would in the app.
 */
export const UNITS: UnitSummary[] = [
  { kato: '100000000', kind: 'oblast', nameKk: 'Абай облысы', nameRu: 'область Абай', parent: null },
  { kato: '103200000', kind: 'district', nameKk: 'Абай ауданы', nameRu: 'Абайский район', parent: '100000000' },
  { kato: '103230000', kind: 'rural_okrug', nameKk: 'Қарауыл а.о.', nameRu: 'Караульский с.о.', parent: '103200000' },
  { kato: '103233000', kind: 'rural_okrug', nameKk: 'Кеңгірбай би а.о.', nameRu: 'Кенгирбайбийский с.о.', parent: '103200000' },
  { kato: '103230100', kind: 'locality', nameKk: 'Қарауыл а.', nameRu: 'с.Караул', parent: '103230000' },
  { kato: '350000000', kind: 'oblast', nameKk: 'Қарағанды облысы', nameRu: 'Карагандинская область', parent: null },
  { kato: '353200000', kind: 'district', nameKk: 'Абай ауданы', nameRu: 'Абайский район', parent: '350000000' },
];

export const ROOT = UNITS[1]!;
export const OKRUG = UNITS[2]!;
export const OKRUG_2 = UNITS[3]!;

export const TODAY: IsoDate = '2025-07-10';

const INFO: AppInfo = {
  version: '0.1.0',
  dataDir: '/home/user/.config/Esep',
  schemaVersion: 10,
  katoEdition: 'NK RK 11-2025',
  installationId: '5b1f7c1e-8f0a-4c55-9d57-1c2a9e3f4b6d',
  today: TODAY,
};

function byKato(kato: string): UnitSummary {
  const unit = UNITS.find((u) => u.kato === kato);
  if (!unit) throw new EsepError('unit_unknown', { kato });
  return unit;
}

function depthBelow(root: string, kato: string): number | null {
  let depth = 0;
  for (let u: UnitSummary | undefined = byKato(kato); u; u = u.parent ? byKato(u.parent) : undefined, depth++) {
    if (u.kato === root) return depth;
  }
  return null;
}

interface World {
  settings: Settings;
  meetings: Meeting[];
  akims: Akim[];
  nextId: number;
}

const world: World = { settings: { language: null, workingRoot: null, reminderDays: 7, resume: null }, meetings: [], akims: [], nextId: 1 };

function meeting(unitKato: string, heldOn: IsoDate, note = ''): Meeting {
  const id = `00000000-0000-4000-8000-${String(world.nextId++).padStart(12, '0')}`;
  return { ...blankMeeting({ id, origin: INFO.installationId, unitKato, now: 0 }), status: 'held', heldOn, note };
}

function grid(year: number): ObligationsGrid {
  const root = world.settings.workingRoot;
  if (!root) throw new EsepError('setup_required');
  const rows: GridRow[] = [];
  for (const unit of UNITS) {
    const depth = depthBelow(root.kato, unit.kato);
    if (depth === null || !isReportingKind(unit.kind)) continue;
    const held = heldOf(unit.kato);
    const obligations = assessCompliance([DECREE_615, ...customRuleSets], unit.kind, `${year}-01-01`, `${year}-12-31`, held, TODAY);
    rows.push({ unit, depth, obligations: obligations.map((o) => ({ ...o, planned: o.meeting ? null : plannedFor(unit.kato, o) })) });
  }
  return { year, today: TODAY, rows };
}

function search(query: string): UnitSearchHit[] {
  const words = query.toLocaleLowerCase('ru').split(/\s+/).filter(Boolean);
  return UNITS.filter(
    (u) => isReportingKind(u.kind) && words.every((w) => `${u.kato} ${u.nameKk} ${u.nameRu}`.toLocaleLowerCase('ru').includes(w)),
  ).map((u) => {
    const parent = u.parent === null ? null : byKato(u.parent);
    return { ...u, parentNameKk: parent?.nameKk ?? null, parentNameRu: parent?.nameRu ?? null };
  });
}

/** Rule sets an administrator added, checked the way the core checks them. */
let customRuleSets: RuleSet[] = [];

function ruleSetViews(): RuleSetView[] {
  const added = [...customRuleSets].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  return [DECREE_615, ...added].map((rs) => ({ ...rs, builtIn: rs.id === DECREE_615.id }));
}

function addRuleSet(input: RuleSetInput): RuleSetView {
  const rs: RuleSet = {
    ...input,
    id: `00000000-0000-4000-9000-${String(world.nextId++).padStart(12, '0')}`,
    effectiveTo: input.effectiveTo ?? null,
    groups: input.groups.map((g) => ({ ...g, reportDueMonths: g.reportDueMonths ?? null })),
  };
  const problems = [...validateRuleSet(rs), ...findConflicts([DECREE_615, ...customRuleSets, rs])];
  if (problems.length > 0) throw new EsepError('rule_set_invalid', { problems: [...new Set(problems.map((p) => p.code))] });
  customRuleSets.push(rs);
  return { ...rs, builtIn: false };
}

/* ---- Meeting planning, akims, dashboard and reminders: the core's rules, in miniature ---- */

const AROUND_MONTHS = 15;
const HELD: readonly MeetingStatus[] = ['held', 'closed'];

function heldOf(kato: string) {
  return world.meetings.filter((m) => m.unitKato === kato && m.heldOn && HELD.includes(m.status)).map((m) => ({ id: m.id, heldOn: m.heldOn! }));
}

const sameWindow = (a: { ruleSetId: string; windowKey: string }, b: { ruleSetId: string; windowKey: string } | null) =>
  b !== null && a.ruleSetId === b.ruleSetId && a.windowKey === b.windowKey;

function plannedFor(kato: string, o: Obligation): PlannedRef | null {
  const m = world.meetings.find((x) => x.unitKato === kato && isUpcomingStatus(x.status) && sameWindow(o, x.obligation));
  return m ? { id: m.id, plannedOn: m.plannedOn!, status: m.status } : null;
}

function reportingUnit(kato: string): UnitSummary & { kind: Exclude<UnitSummary['kind'], 'locality'> } {
  const unit = byKato(kato);
  if (!isReportingKind(unit.kind)) throw new EsepError('unit_not_reporting', { kato });
  const root = world.settings.workingRoot;
  if (!root || depthBelow(root.kato, kato) === null) throw new EsepError('unit_outside_working_set', { kato });
  return unit as UnitSummary & { kind: Exclude<UnitSummary['kind'], 'locality'> };
}

function previewPlan({ unitKato, date, excludeMeetingId }: { unitKato: string; date: IsoDate; excludeMeetingId?: string }): PlanPreview {
  const unit = reportingUnit(unitKato);
  const sets = [DECREE_615, ...customRuleSets];
  const from = addMonths(date, -AROUND_MONTHS);
  const to = addMonths(date, AROUND_MONTHS);
  const obligations = obligationsFor(sets, unit.kind, from, to);
  const assessed = assessCompliance(sets, unit.kind, from, to, heldOf(unitKato).filter((m) => m.id !== excludeMeetingId), TODAY);
  const isHeld = (o: Obligation) => assessed.some((a) => sameWindow(a, o) && a.meeting !== null);
  const warnings: PlanWarning[] = [];
  let suggested = obligations.find((o) => o.windowStart <= date && date <= o.windowEnd) ?? null;
  if (!suggested) {
    const previous = obligations.filter((o) => o.windowEnd < date).at(-1);
    const next = previous ? nextWindowStart(sets, unit.kind, previous.windowStart) : null;
    if (previous && (next === null || date < next) && !isHeld(previous)) {
      suggested = previous;
      warnings.push('late_for_window');
    } else {
      warnings.push('outside_window');
    }
  }
  if (suggested && isHeld(suggested)) warnings.push('window_already_held');
  const other = suggested ? plannedFor(unitKato, suggested) : null;
  if (other && other.id !== excludeMeetingId) warnings.push('window_already_planned');
  return { suggested, obligations, warnings };
}

function checkPlan(unitKato: string, fields: MeetingPlanInput): void {
  if (!isIsoDate(fields.plannedOn)) throw new EsepError('validation', { fields: ['plannedOn'] });
  if (fields.akimId && !world.akims.some((a) => a.id === fields.akimId && a.unitKato === unitKato)) throw new EsepError('akim_unknown', { id: fields.akimId });
  if (!fields.obligation && fields.outsideWindowReason.trim() === '') throw new EsepError('outside_window_reason_required');
}

function planMeeting(input: MeetingPlanInput & { unitKato: string }): Meeting {
  reportingUnit(input.unitKato);
  checkPlan(input.unitKato, input);
  const m: Meeting = { ...meeting(input.unitKato, '', ''), status: 'planned', heldOn: null, ...input };
  world.meetings.push(m);
  return m;
}

function findMeeting(id: string): Meeting {
  const m = world.meetings.find((x) => x.id === id);
  if (!m) throw new EsepError('not_found', { id });
  return m;
}

/** The core's `change`: the revision the caller saw, an action the status allows, then the change. */
function change(id: string, revision: number, action: MeetingAction, apply: (m: Meeting) => Partial<Meeting>): Meeting {
  const before = findMeeting(id);
  if (before.revision !== revision) throw new EsepError('conflict', { revision: before.revision });
  if (!canApply(action, before.status)) throw new EsepError('invalid_transition', { action, status: before.status });
  const after: Meeting = { ...before, ...apply(before), revision: before.revision + 1 };
  world.meetings = world.meetings.map((m) => (m.id === id ? after : m));
  return after;
}

function notFuture(date: IsoDate): void {
  if (date > TODAY) throw new EsepError('date_in_future', { date, today: TODAY });
}

function listMeetings(input: { unitKato?: string; year?: number; from?: IsoDate; to?: IsoDate; statuses?: MeetingStatus[] }): Meeting[] {
  const from = input.from ?? (input.year ? `${input.year}-01-01` : '0000-01-01');
  const to = input.to ?? (input.year ? `${input.year}-12-31` : '9999-12-31');
  const dateOf = (m: Meeting) => m.heldOn ?? m.plannedOn ?? '';
  return world.meetings
    .filter((m) => (!input.unitKato || m.unitKato === input.unitKato) && (!input.statuses || input.statuses.includes(m.status)))
    .filter((m) => dateOf(m) >= from && dateOf(m) <= to)
    .sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0));
}

function saveAkim(input: Omit<Akim, 'id' | 'origin' | 'revision'> & { id?: string; revision?: number }): Akim {
  reportingUnit(input.unitKato);
  const end = (a: { termTo: IsoDate | null }) => a.termTo ?? '9999-12-31';
  const clash = world.akims.find((a) => a.unitKato === input.unitKato && a.id !== input.id && a.termFrom <= end(input) && input.termFrom <= end(a));
  if (clash) throw new EsepError('akim_term_overlap', { name: clash.fullName, from: clash.termFrom, to: clash.termTo ?? '…' });
  const akim: Akim = {
    id: input.id ?? `00000000-0000-4000-a000-${String(world.nextId++).padStart(12, '0')}`,
    origin: INFO.installationId,
    revision: (input.revision ?? 0) + 1,
    unitKato: input.unitKato,
    fullName: input.fullName,
    position: input.position,
    termFrom: input.termFrom,
    termTo: input.termTo,
  };
  world.akims = [...world.akims.filter((a) => a.id !== akim.id), akim];
  return akim;
}

const daysFrom = (from: IsoDate, to: IsoDate) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

function dashboard(year: number): Dashboard {
  const g = grid(year);
  const counts: Dashboard['counts'] = { upcoming: 0, open: 0, planned: 0, held_on_time: 0, held_late: 0, missed: 0 };
  const out: Dashboard = { year, today: TODAY, counts, closingSoon: [], missed: [], heldLate: [], participation: [], reportDeadlines: [] };
  for (const row of g.rows) {
    for (const cell of row.obligations as GridCell[]) {
      const entry = { unit: row.unit, cell, daysLeft: daysFrom(TODAY, cell.windowEnd) };
      const pending = cell.status === 'open' || cell.status === 'upcoming';
      counts[pending && cell.planned ? 'planned' : cell.status]++;
      if (pending && !cell.planned && entry.daysLeft >= 0 && entry.daysLeft <= 30) out.closingSoon.push(entry);
      if (cell.status === 'missed') out.missed.push(entry);
      if (cell.status === 'held_late') out.heldLate.push(entry);
    }
  }
  return out;
}

function reminders(): Reminder[] {
  const out: Reminder[] = [];
  for (const row of grid(Number(TODAY.slice(0, 4))).rows) {
    for (const cell of row.obligations) {
      const daysLeft = daysFrom(TODAY, cell.windowEnd);
      if (cell.status !== 'open' || daysLeft > world.settings.reminderDays) continue;
      out.push({ id: `w-${row.unit.kato}-${cell.windowKey}`, kind: 'window_closing', unit: row.unit, date: cell.windowEnd, daysLeft, meetingId: cell.planned?.id ?? null, windowKey: cell.windowKey });
    }
  }
  const tomorrow = addDays(TODAY, 1);
  for (const m of world.meetings) {
    if (isUpcomingStatus(m.status) && m.plannedOn === tomorrow) {
      out.push({ id: `m-${m.id}`, kind: 'meeting_tomorrow', unit: byKato(m.unitKato), date: tomorrow, daysLeft: 1, meetingId: m.id, windowKey: null });
    }
  }
  return out;
}

function subtreeOf(kato: string): Array<UnitSummary & { depth: number }> {
  reportingUnit(kato);
  return UNITS.flatMap((u) => {
    const depth = depthBelow(kato, u.kato);
    return depth === null ? [] : [{ ...u, depth }];
  }).sort((a, b) => a.depth - b.depth);
}

/* ---- Minutes and attachments: the core's rules, in miniature ---- */

let minutesByMeeting = new Map<string, Minutes>();
let attachments: Array<Attachment & { dataBase64: string }> = [];

function minutesById(id: string): Minutes {
  const m = [...minutesByMeeting.values()].find((x) => x.id === id);
  if (!m) throw new EsepError('not_found', { id });
  return m;
}

function putMinutes(m: Minutes): Minutes {
  minutesByMeeting.set(m.meetingId, m);
  return m;
}

function openMinutes(meetingId: string): Minutes {
  const existing = minutesByMeeting.get(meetingId);
  if (existing) return existing;
  const m = findMeeting(meetingId);
  if (!HELD.includes(m.status)) throw new EsepError('meeting_not_held', { status: m.status });
  return putMinutes({
    id: `00000000-0000-4000-b000-${String(world.nextId++).padStart(12, '0')}`,
    origin: INFO.installationId,
    revision: 1,
    meetingId,
    status: 'draft',
    finalizedAt: null,
    finalizedBy: null,
    updatedAt: Date.UTC(2025, 6, 10, 9, 32),
    amendments: [],
    number: '',
    date: m.heldOn,
    place: m.venueName ?? '',
    chair: '',
    secretary: '',
    presentCount: m.attendance ?? null,
    presentList: '',
    invited: '',
    items: [],
  });
}

const bodyFields = (m: MinutesBody): MinutesBody => ({
  number: m.number, date: m.date, place: m.place, chair: m.chair, secretary: m.secretary,
  presentCount: m.presentCount, presentList: m.presentList, invited: m.invited, items: m.items,
});

function fresh(minutesId: string, revision: number): Minutes {
  const m = minutesById(minutesId);
  if (m.revision !== revision) throw new EsepError('conflict', { revision: m.revision });
  return m;
}

/** The issue log's channels (fake-issues.ts), wired to this world's units, meetings and minutes. */
export const fakeIssues = createFakeIssues({
  today: TODAY,
  within: (root, kato) => depthBelow(root, kato) !== null,
  meeting: (id) => findMeeting(id),
  minutes: (meetingId) => minutesByMeeting.get(meetingId) ?? null,
});

/** The legacy Excel import's channels (fake-import.ts), creating issues through the fake log. */
const fakeImport = createFakeImport({
  today: TODAY,
  places: (unitKato) => {
    const root = world.settings.workingRoot?.kato ?? unitKato;
    return UNITS.filter((u) => depthBelow(root, u.kato) !== null).map((u) => ({ ...u, inUnit: depthBelow(unitKato, u.kato) !== null }));
  },
  issues: fakeIssues.api,
});

/** The action plan's channels (fake-plan.ts), over the fake issue log. */
export const fakePlan = createFakePlan({
  issues: () => fakeIssues.all(),
  within: (root, kato) => depthBelow(root, kato) !== null,
  meeting: (id) => findMeeting(id),
});

export const fakeApi = {
  app: { info: vi.fn(async (_: Record<string, never>) => INFO) },
  settings: {
    get: vi.fn(async (_: Record<string, never>) => world.settings),
    setLanguage: vi.fn(async ({ language }: { language: Language }) => {
      world.settings = { ...world.settings, language };
      return world.settings;
    }),
    setResume: vi.fn(async ({ resume }: { resume: Settings['resume'] }) => {
      world.settings = { ...world.settings, resume };
      return world.settings;
    }),
    setReminderDays: vi.fn(async ({ days }: { days: number }) => {
      world.settings = { ...world.settings, reminderDays: days };
      return world.settings;
    }),
  },
  setup: {
    complete: vi.fn(async ({ rootKato, language }: { rootKato: string; language: Language }) => {
      world.settings = { ...world.settings, language, workingRoot: byKato(rootKato) };
      return world.settings;
    }),
  },
  units: {
    search: vi.fn(async ({ query }: { query: string; limit?: number; reportingOnly?: boolean }) => search(query)),
    get: vi.fn(async ({ kato }: { kato: string }) => byKato(kato)),
    subtree: vi.fn(async ({ kato }: { kato: string }) => subtreeOf(kato)),
  },
  obligations: { grid: vi.fn(async ({ year }: { year: number }) => grid(year)) },
  rules: {
    list: vi.fn(async (_: Record<string, never>) => ruleSetViews()),
    add: vi.fn(async ({ ruleSet }: { ruleSet: RuleSetInput }) => addRuleSet(ruleSet)),
    remove: vi.fn(async ({ id }: { id: string }) => {
      if (id === DECREE_615.id) throw new EsepError('rule_set_builtin', { id });
      if (!customRuleSets.some((rs) => rs.id === id)) throw new EsepError('not_found', { id });
      customRuleSets = customRuleSets.filter((rs) => rs.id !== id);
      return { id };
    }),
  },
  meetings: {
    recordHeld: vi.fn(async ({ unitKato, heldOn, note }: { unitKato: string; heldOn: string; note?: string }) => {
      if (!isIsoDate(heldOn)) throw new EsepError('date_invalid', { date: heldOn });
      if (heldOn > TODAY) throw new EsepError('date_in_future', { date: heldOn, today: TODAY });
      const m = meeting(unitKato, heldOn, note ?? '');
      world.meetings.push(m);
      return m;
    }),
    list: vi.fn(async (input: { unitKato?: string; year?: number; from?: IsoDate; to?: IsoDate; statuses?: MeetingStatus[] }) => listMeetings(input)),
    get: vi.fn(async ({ id }: { id: string }) => findMeeting(id)),
    preview: vi.fn(async (input: { unitKato: string; date: IsoDate; excludeMeetingId?: string }) => previewPlan(input)),
    plan: vi.fn(async (input: MeetingPlanInput & { unitKato: string }) => planMeeting(input)),
    update: vi.fn(async ({ id, revision, ...fields }: MeetingPlanInput & { id: string; revision: number }) =>
      change(id, revision, 'update', (m) => {
        checkPlan(m.unitKato, fields);
        return { ...fields, outsideWindowReason: fields.obligation ? '' : fields.outsideWindowReason };
      }),
    ),
    announce: vi.fn(async (i: { id: string; revision: number; announcedOn: IsoDate; channels: AnnouncementChannel[] }) => {
      notFuture(i.announcedOn);
      return change(i.id, i.revision, 'announce', () => ({ status: 'announced', announcedOn: i.announcedOn, announcementChannels: i.channels }));
    }),
    markHeld: vi.fn(async (i: { id: string; revision: number; heldOn: IsoDate; attendance: number; onlineViewers: number | null }) => {
      if (i.attendance < 0) throw new EsepError('validation', { fields: ['attendance'] });
      notFuture(i.heldOn);
      return change(i.id, i.revision, 'markHeld', () => ({ status: 'held', heldOn: i.heldOn, attendance: i.attendance, onlineViewers: i.onlineViewers }));
    }),
    close: vi.fn(async (i: { id: string; revision: number }) => change(i.id, i.revision, 'close', () => ({ status: 'closed' }))),
    cancel: vi.fn(async (i: { id: string; revision: number; reason: string }) =>
      change(i.id, i.revision, 'cancel', () => ({ status: 'cancelled', statusReason: i.reason })),
    ),
    postpone: vi.fn(async (i: { id: string; revision: number; reason: string; newDate: IsoDate }) =>
      change(i.id, i.revision, 'postpone', (m) => ({ status: 'postponed', statusReason: i.reason, postponedFrom: m.plannedOn, plannedOn: i.newDate })),
    ),
    setOfficials: vi.fn(async (i: { id: string; revision: number; officials: Array<Omit<Meeting['officials'][number], 'id'>> }) =>
      change(i.id, i.revision, 'setOfficials', () => ({ officials: i.officials.map((o, n) => ({ ...o, id: `official-${n}` })) })),
    ),
    exportIcs: vi.fn(async ({ from, to }: { from: IsoDate; to: IsoDate; language: Language }): Promise<IcsFile> => ({
      fileName: `esep-${from}-${to}.ics`,
      content: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n',
    })),
    remove: vi.fn(async ({ id }: { id: string }) => {
      if (!world.meetings.some((m) => m.id === id)) throw new EsepError('not_found', { id });
      world.meetings = world.meetings.filter((m) => m.id !== id);
      return { id };
    }),
  },
  akims: {
    list: vi.fn(async ({ unitKato }: { unitKato: string }) => world.akims.filter((a) => a.unitKato === unitKato)),
    save: vi.fn(async (input: Omit<Akim, 'id' | 'origin' | 'revision'> & { id?: string; revision?: number }) => saveAkim(input)),
  },
  dashboard: { get: vi.fn(async ({ year }: { year: number }) => dashboard(year)) },
  reminders: { list: vi.fn(async (_: Record<string, never>) => reminders()) },
  minutes: {
    open: vi.fn(async ({ meetingId }: { meetingId: string }) => openMinutes(meetingId)),
    save: vi.fn(async ({ minutesId, revision, body }: { minutesId: string; revision: number; body: MinutesBody }) => {
      const m = minutesById(minutesId);
      if (m.status === 'final') throw new EsepError('minutes_final');
      fresh(minutesId, revision);
      if (diffMinutes(bodyFields(m), body).length === 0) return m;
      return putMinutes({ ...m, ...body, revision: m.revision + 1, updatedAt: m.updatedAt + 60_000 });
    }),
    finalize: vi.fn(async ({ minutesId, revision }: { minutesId: string; revision: number }) => {
      const m = fresh(minutesId, revision);
      if (m.status === 'final') throw new EsepError('minutes_final');
      const problems = completenessProblems(m);
      if (problems.length > 0) throw new EsepError('minutes_incomplete', { problems });
      return putMinutes({ ...m, status: 'final', finalizedAt: m.updatedAt, finalizedBy: 'Хатшы', revision: m.revision + 1 });
    }),
    amend: vi.fn(async ({ minutesId, revision, reason, body }: { minutesId: string; revision: number; reason: string; body: MinutesBody }) => {
      const m = fresh(minutesId, revision);
      const changes = diffMinutes(bodyFields(m), body);
      const amendment = { id: `amendment-${m.amendments.length + 1}`, at: m.updatedAt + 60_000, actor: 'Хатшы', reason, changes };
      return putMinutes({ ...m, ...body, revision: m.revision + 1, updatedAt: amendment.at, amendments: [...m.amendments, amendment] });
    }),
    exportDocx: vi.fn(async ({ minutesId, language }: { minutesId: string; language: Language }): Promise<FileData> => {
      minutesById(minutesId);
      return { fileName: `minutes-${language}.docx`, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', dataBase64: 'UEsDBA==' };
    }),
  },
  attachments: {
    list: vi.fn(async ({ meetingId }: { meetingId: string }): Promise<Attachment[]> =>
      attachments.filter((a) => a.meetingId === meetingId).map(({ dataBase64: _, ...a }) => a),
    ),
    add: vi.fn(async ({ meetingId, fileName, kind, dataBase64 }: { meetingId: string; fileName: string; kind: AttachmentKind; dataBase64: string }) => {
      if (dataBase64 === '') throw new EsepError('attachment_empty', { fileName });
      const ext = fileName.split('.').pop()?.toLowerCase() ?? '';
      const mime = ext === 'png' ? 'image/png' : ext === 'jpg' || ext === 'jpeg' ? 'image/jpeg' : ext === 'pdf' ? 'application/pdf' : null;
      if (!mime) throw new EsepError('attachment_type', { fileName });
      // Like the core: the same content on the same meeting is the attachment already there.
      const same = attachments.find((x) => x.meetingId === meetingId && x.dataBase64 === dataBase64);
      if (same) {
        const { dataBase64: _, ...out } = same;
        return out;
      }
      const a = { id: `00000000-0000-4000-c000-${String(world.nextId++).padStart(12, '0')}`, meetingId, sha256: dataBase64, fileName, mime, size: Math.floor((dataBase64.length * 3) / 4), kind, createdAt: 0, dataBase64 };
      attachments.push(a);
      const { dataBase64: _, ...out } = a;
      return out;
    }),
    read: vi.fn(async ({ id }: { id: string }): Promise<FileData> => {
      const a = attachments.find((x) => x.id === id);
      if (!a) throw new EsepError('not_found', { id });
      return { fileName: a.fileName, mime: a.mime, dataBase64: a.dataBase64 };
    }),
    remove: vi.fn(async ({ id }: { id: string }) => {
      attachments = attachments.filter((a) => a.id !== id);
      return { id };
    }),
    open: vi.fn(async ({ id }: { id: string }) => ({ id })),
  },
  ...fakeIssues.api,
  ...fakeImport.api,
  ...fakePlan.api,
};

/**
 * A fresh world before each test. `setUp` starts after first-run setup with a few meetings:
 * the district held its Q1 meeting on time; one okrug held January's on time and April's late
 * (in May); the other held none.
 */
export function resetWorld(options: { setUp: boolean; language?: Language | null } = { setUp: false }): void {
  world.nextId = 1;
  world.akims = [];
  customRuleSets = [];
  minutesByMeeting = new Map();
  attachments = [];
  world.settings = options.setUp
    ? { language: options.language === undefined ? 'kk' : options.language, workingRoot: ROOT, reminderDays: 7, resume: null }
    : { language: options.language ?? null, workingRoot: null, reminderDays: 7, resume: null };
  world.meetings = options.setUp
    ? [meeting(ROOT.kato, '2025-02-12'), meeting(OKRUG.kato, '2025-01-20', 'Ауыл клубында'), meeting(OKRUG.kato, '2025-05-05')]
    : [];
  fakeIssues.reset();
  fakePlan.reset();
  for (const area of Object.values(fakeApi)) for (const fn of Object.values(area)) fn.mockClear();
}
