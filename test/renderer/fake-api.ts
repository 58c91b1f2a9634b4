import { vi } from 'vitest';
import type { Language } from '../../shared/contract/schemas';
import type { AppInfo, GridRow, Meeting, ObligationsGrid, Settings, UnitSearchHit, UnitSummary } from '../../shared/contract/types';
import { isIsoDate, type IsoDate } from '../../shared/domain/dates';
import { DECREE_615, assessCompliance } from '../../shared/domain/rules';
import { isReportingKind } from '../../shared/domain/units/unit-kind';
import { EsepError } from '../../shared/errors';

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
  nextId: number;
}

const world: World = { settings: { language: null, workingRoot: null, reminderDays: 7 }, meetings: [], nextId: 1 };

function meeting(unitKato: string, heldOn: IsoDate, note = ''): Meeting {
  const id = `00000000-0000-4000-8000-${String(world.nextId++).padStart(12, '0')}`;
  return {
    id,
    origin: INFO.installationId,
    revision: 1,
    unitKato,
    kind: 'reporting',
    status: 'held',
    plannedOn: null,
    plannedTime: null,
    heldOn,
    venueName: '',
    venueAddress: '',
    venueKato: null,
    format: 'in_person',
    broadcastLinks: [],
    akimId: null,
    obligation: null,
    outsideWindowReason: '',
    announcedOn: null,
    announcementChannels: [],
    questionsChannels: [],
    questionsFrom: null,
    questionsTo: null,
    attendance: null,
    onlineViewers: null,
    statusReason: '',
    postponedFrom: null,
    officials: [],
    note,
    createdAt: 0,
    updatedAt: 0,
  };
}

function grid(year: number): ObligationsGrid {
  const root = world.settings.workingRoot;
  if (!root) throw new EsepError('setup_required');
  const rows: GridRow[] = [];
  for (const unit of UNITS) {
    const depth = depthBelow(root.kato, unit.kato);
    if (depth === null || !isReportingKind(unit.kind)) continue;
    const held = world.meetings.filter((m) => m.unitKato === unit.kato && m.heldOn).map((m) => ({ id: m.id, heldOn: m.heldOn! }));
    const obligations = assessCompliance([DECREE_615], unit.kind, `${year}-01-01`, `${year}-12-31`, held, TODAY);
    rows.push({ unit, depth, obligations: obligations.map((o) => ({ ...o, planned: null })) });
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

export const fakeApi = {
  app: { info: vi.fn(async (_: Record<string, never>) => INFO) },
  settings: {
    get: vi.fn(async (_: Record<string, never>) => world.settings),
    setLanguage: vi.fn(async ({ language }: { language: Language }) => {
      world.settings = { ...world.settings, language };
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
  },
  obligations: { grid: vi.fn(async ({ year }: { year: number }) => grid(year)) },
  meetings: {
    recordHeld: vi.fn(async ({ unitKato, heldOn, note }: { unitKato: string; heldOn: string; note?: string }) => {
      if (!isIsoDate(heldOn)) throw new EsepError('date_invalid', { date: heldOn });
      if (heldOn > TODAY) throw new EsepError('date_in_future', { date: heldOn, today: TODAY });
      const m = meeting(unitKato, heldOn, note ?? '');
      world.meetings.push(m);
      return m;
    }),
    list: vi.fn(async ({ unitKato }: { unitKato: string; year?: number }) =>
      world.meetings.filter((m) => m.unitKato === unitKato).sort((a, b) => (a.heldOn! < b.heldOn! ? -1 : 1)),
    ),
    remove: vi.fn(async ({ id }: { id: string }) => {
      if (!world.meetings.some((m) => m.id === id)) throw new EsepError('not_found', { id });
      world.meetings = world.meetings.filter((m) => m.id !== id);
      return { id };
    }),
  },
};

/**
 * A fresh world before each test. `setUp` starts after first-run setup with a few meetings:
 * the district held its Q1 meeting on time; one okrug held January's on time and April's late
 * (in May); the other held none.
 */
export function resetWorld(options: { setUp: boolean; language?: Language | null } = { setUp: false }): void {
  world.nextId = 1;
  world.settings = options.setUp
    ? { language: options.language === undefined ? 'kk' : options.language, workingRoot: ROOT, reminderDays: 7 }
    : { language: options.language ?? null, workingRoot: null, reminderDays: 7 };
  world.meetings = options.setUp
    ? [meeting(ROOT.kato, '2025-02-12'), meeting(OKRUG.kato, '2025-01-20', 'Ауыл клубында'), meeting(OKRUG.kato, '2025-05-05')]
    : [];
  for (const area of Object.values(fakeApi)) for (const fn of Object.values(area)) fn.mockClear();
}
