import { addDays, fromYmd, weekdayIndex, type IsoDate } from '../dates';

/**
 * Kazakhstan's non-working days as data: the holidays, the days off a holiday on a weekend
 * moves to, and the working days a Government decree makes of a weekend day.
 */
export const HOLIDAY_KINDS = ['holiday', 'day_off', 'working_day'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export interface HolidayDay {
  date: IsoDate;
  kind: HolidayKind;
  nameKk: string;
  nameRu: string;
  /** For a day off moved here: the holiday's date it replaces. */
  movedFrom: IsoDate | null;
  /** Derived from the transfer rule at seeding, not entered from a decree. */
  computed: boolean;
}

interface FixedHoliday {
  month: number;
  day: number;
  nameKk: string;
  nameRu: string;
  /**
   * Religious days off (Labour Code art. 84 p. 5: Orthodox Christmas, Kurban ait's first day) are
   * outside the Law "On holidays" list and are not moved when they fall on a weekend
   * (Ministry of Labour, enbek.gov.kz, 8 August 2019: Kurban ait on Sunday 11 August 2019).
   */
  moves: boolean;
}

/**
 * The national and state holidays of the Law "On holidays in the Republic of Kazakhstan"
 * (art. 1–2, days off by its art. 5 and the Labour Code art. 84): Republic Day (25 October)
 * since the 2022 amendment; Orthodox Christmas a religious day off (art. 84 p. 5).
 */
export const FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  { month: 1, day: 1, nameKk: 'Жаңа жыл', nameRu: 'Новый год', moves: true },
  { month: 1, day: 2, nameKk: 'Жаңа жыл', nameRu: 'Новый год', moves: true },
  { month: 1, day: 7, nameKk: 'Православиелік Рождество', nameRu: 'Православное Рождество', moves: false },
  { month: 3, day: 8, nameKk: 'Халықаралық әйелдер күні', nameRu: 'Международный женский день', moves: true },
  { month: 3, day: 21, nameKk: 'Наурыз мейрамы', nameRu: 'Наурыз мейрамы', moves: true },
  { month: 3, day: 22, nameKk: 'Наурыз мейрамы', nameRu: 'Наурыз мейрамы', moves: true },
  { month: 3, day: 23, nameKk: 'Наурыз мейрамы', nameRu: 'Наурыз мейрамы', moves: true },
  { month: 5, day: 1, nameKk: 'Қазақстан халқының бірлігі мерекесі', nameRu: 'Праздник единства народа Казахстана', moves: true },
  { month: 5, day: 7, nameKk: 'Отан қорғаушы күні', nameRu: 'День защитника Отечества', moves: true },
  { month: 5, day: 9, nameKk: 'Жеңіс күні', nameRu: 'День Победы', moves: true },
  { month: 7, day: 6, nameKk: 'Астана күні', nameRu: 'День столицы', moves: true },
  { month: 8, day: 30, nameKk: 'Қазақстан Республикасының Конституциясы күні', nameRu: 'День Конституции Республики Казахстан', moves: true },
  { month: 10, day: 25, nameKk: 'Республика күні', nameRu: 'День Республики', moves: true },
  { month: 12, day: 16, nameKk: 'Тәуелсіздік күні', nameRu: 'День Независимости', moves: true },
];

const KURBAN_AIT = { nameKk: 'Құрбан айт', nameRu: 'Курбан айт' };

/**
 * Kurban ait's first day, set each year by the Ministry of Labour with the Spiritual
 * Administration of Muslims: 2025-06-06 (tengrinews.kz, June 2025), 2026-05-27 (egov.kz calendar
 * via inform.kz, 2 January 2026); 2027-05-16 is the astronomical estimate, not yet confirmed.
 */
export const KURBAN_AIT_FIRST_DAY: Readonly<Record<number, IsoDate>> = {
  2025: '2025-06-06',
  2026: '2026-05-27',
  2027: '2027-05-16',
};

/** Decree-made transfers known at seeding; later ones are rows an administrator adds. */
export const DECREE_TRANSFERS: readonly HolidayDay[] = [
  // Government decree for 2025 (holidayssky.com and the egov.kz calendar): Sunday 5 January worked, Friday 3 January off.
  { date: '2025-01-03', kind: 'day_off', nameKk: '', nameRu: '', movedFrom: '2025-01-05', computed: false },
  { date: '2025-01-05', kind: 'working_day', nameKk: '', nameRu: '', movedFrom: null, computed: false },
];

export function isWeekend(date: IsoDate): boolean {
  return weekdayIndex(date) >= 5;
}

/**
 * A year's holidays and the days off their transfer makes: a holiday that falls on a Saturday
 * or a Sunday gives the next working day off (Law "On holidays" art. 5; Labour Code art. 85),
 * the next day that is neither a weekend, a holiday nor a day already given, so Nauryz on
 * Saturday–Monday gives Tuesday and Wednesday. Sorted by date.
 */
export function holidaysOfYear(year: number): HolidayDay[] {
  const holidays: HolidayDay[] = FIXED_HOLIDAYS.map((h) => ({
    date: fromYmd(year, h.month, h.day),
    kind: 'holiday' as const,
    nameKk: h.nameKk,
    nameRu: h.nameRu,
    movedFrom: null,
    computed: false,
  }));
  const kurban = KURBAN_AIT_FIRST_DAY[year];
  if (kurban) holidays.push({ date: kurban, kind: 'holiday', ...KURBAN_AIT, movedFrom: null, computed: false });
  holidays.sort((a, b) => (a.date < b.date ? -1 : 1));

  const taken = new Set(holidays.map((h) => h.date));
  const moving = new Set(FIXED_HOLIDAYS.filter((h) => h.moves).map((h) => fromYmd(year, h.month, h.day)));
  const transfers: HolidayDay[] = [];
  for (const h of holidays) {
    if (!moving.has(h.date) || !isWeekend(h.date)) continue;
    let day = addDays(h.date, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    transfers.push({ date: day, kind: 'day_off', nameKk: h.nameKk, nameRu: h.nameRu, movedFrom: h.date, computed: true });
  }
  return [...holidays, ...transfers].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** The rows the app ships with: each seeded year by the rule, then the decree transfers known then. */
export function seededHolidays(years: readonly number[]): HolidayDay[] {
  const byDate = new Map<IsoDate, HolidayDay>();
  for (const y of years) for (const d of holidaysOfYear(y)) byDate.set(d.date, d);
  for (const d of DECREE_TRANSFERS) if (years.some((y) => d.date.startsWith(`${y}-`))) byDate.set(d.date, d);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

export const SEEDED_YEARS = [2025, 2026, 2027] as const;

/** Whether people are off work on a day: a weekend unless a decree made it a working day, or a holiday or day off. */
export function isDayOff(date: IsoDate, entry: Pick<HolidayDay, 'kind'> | undefined): boolean {
  if (entry) return entry.kind !== 'working_day';
  return isWeekend(date);
}
