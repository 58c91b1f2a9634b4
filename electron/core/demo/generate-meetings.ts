import type { CoreContext } from '../context';
import type { Akim, Meeting, Official, UnitSummary } from '../../../shared/contract/types';
import { addDays, daysBetween, toYmd, type IsoDate } from '../../../shared/domain/dates';
import type { AnnouncementChannel, MeetingFormat, MeetingStatus, QuestionChannel } from '../../../shared/domain/meetings/meeting';
import { DECREE_615, nextWindowStart, obligationsFor, type Obligation } from '../../../shared/domain/rules';
import { isReportingKind, type ReportingUnitKind } from '../../../shared/domain/units/unit-kind';
import { EsepError } from '../../../shared/errors';
import { positionCounterpart, type Positions } from '../../../shared/domain/people/positions';
import { appendAudit } from '../db/repos/audit.repo';
import { saveAkim } from '../db/repos/akims.repo';
import { saveMeeting } from '../db/repos/meetings.repo';
import { listRuleSets } from '../db/repos/rule-sets.repo';
import { getSetting } from '../db/repos/settings.repo';
import { getUnit, isInSubtree, subtree } from '../db/repos/units.repo';
import { completeSetup } from '../services/settings.service';

/**
 * Demo data: realistic meetings for every reporting unit under a unit over whole years, the
 * same for the same seed. Most windows are held on time, some late, some missed, a few
 * cancelled or postponed; windows still open or coming up soon have planned meetings.
 *
 * Rows are written through the repos in one transaction, each with its audit entry, rather
 * than through planMeeting/markHeld: an oblast over a decade is tens of thousands of service
 * calls, each re-reading the unit, the rule sets and the meeting, and the services draw random
 * ids, which would make two runs differ. Every meeting is built in a state the lifecycle can
 * reach (see meeting.ts) and fulfils the obligation it names; the integration test checks both.
 */

export interface GenerateInput {
  unitKato: string;
  fromYear: number;
  toYear: number;
  seed: number;
}

export interface GenerateSummary {
  root: string;
  unit: string;
  fromYear: number;
  toYear: number;
  seed: number;
  today: IsoDate;
  units: number;
  akims: number;
  meetings: number;
  byStatus: Record<MeetingStatus, number>;
  officials: number;
}

/** mulberry32: a tiny, fast 32-bit PRNG; plenty for demo data and identical on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** A random subset, in the list's order, of at least one item. */
  some<T>(items: readonly T[], p: number): T[] {
    const out = items.filter(() => this.chance(p));
    return out.length > 0 ? out : [this.pick(items)];
  }
  dayIn(from: IsoDate, to: IsoDate): IsoDate {
    return addDays(from, this.int(0, daysBetween(from, to)));
  }
  /** UUIDv4-shaped, from the stream: the same seed gives the same ids. */
  uuid(): string {
    const b = Array.from({ length: 16 }, () => Math.floor(this.next() * 256));
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

const MALE_NAMES = ['Ерлан', 'Бауыржан', 'Серік', 'Асхат', 'Нұрлан', 'Ержан', 'Қайрат', 'Дәурен', 'Мұрат', 'Талғат', 'Айдос', 'Бақыт', 'Ғалым', 'Жандос', 'Марат', 'Арман', 'Ербол', 'Қанат', 'Болат', 'Самат'];
const FEMALE_NAMES = ['Айгүл', 'Гүлнар', 'Динара', 'Жанар', 'Сәуле', 'Әсем', 'Мәдина', 'Ботагөз', 'Ақмарал', 'Назгүл'];
const SURNAMES = ['Қасымов', 'Сейітов', 'Нұрланов', 'Жұмабаев', 'Омаров', 'Ахметов', 'Тоқтаров', 'Әбдірашев', 'Серікбаев', 'Мұхамедов', 'Байжанов', 'Есімов', 'Құрманов', 'Әлімжанов', 'Төлегенов', 'Сәрсенов', 'Жақыпов', 'Оспанов', 'Ыбыраев', 'Бекмұхамедов'];
export const STREETS = ['Абай', 'Бейбітшілік', 'Тәуелсіздік', 'Достық', 'Жамбыл', 'Әл-Фараби', 'Наурыз', 'Бірлік', 'Жастар', 'Құрманғазы'];
const RURAL_VENUES = ['Мәдениет үйі', 'Ауылдық клуб', 'Мектептің акт залы', 'Әкімдіктің мәжіліс залы', 'Спорт кешені'];
const CITY_VENUES = ['Мәдениет сарайы', 'Әкімдіктің мәжіліс залы', 'Драма театры', 'Жастар орталығы'];
const RURAL_KINDS = new Set<string>(['rural_okrug', 'settlement', 'village']);
/** Windows opening within this many days of today have their meetings planned already (some of them). */
const PLAN_AHEAD_DAYS = 120;
const TIMES = ['10:00', '10:00', '11:00', '11:00', '14:30', '15:00', '16:00'];
const POSTPONE_REASONS = ['Ауа райының қолайсыздығы (боран)', 'Әкімнің іссапарға шығуы', 'Залда жөндеу жұмыстары', 'Су тасқыны қаупі'];
const CANCEL_REASONS = ['Карантиндік шектеулер', 'Төтенше жағдай', 'Әкімнің ауысуы'];
const GOVERNMENT = [
  [{ positionKk: 'Қазақстан Республикасының Ауыл шаруашылығы министрі', positionRu: 'Министр сельского хозяйства Республики Казахстан' }, 'ҚР Ауыл шаруашылығы министрлігі'],
  [{ positionKk: 'Қазақстан Республикасы Премьер-Министрінің орынбасары', positionRu: 'Заместитель Премьер-Министра Республики Казахстан' }, 'ҚР Үкіметі'],
  [{ positionKk: 'Қазақстан Республикасының Энергетика вице-министрі', positionRu: 'Вице-министр энергетики Республики Казахстан' }, 'ҚР Энергетика министрлігі'],
  [{ positionKk: '«Самұрық-Қазына» ҰӘҚ АҚ басқарма төрағасының орынбасары', positionRu: 'Заместитель председателя правления АО «ФНБ «Самрук-Казына»' }, '«Самұрық-Қазына» ҰӘҚ АҚ'],
  [{ positionKk: '«ҚазАвтоЖол» ҰК АҚ басқарма төрағасы', positionRu: 'Председатель правления АО «НК «ҚазАвтоЖол»' }, '«ҚазАвтоЖол» ҰК АҚ'],
] as const;

/** A Kazakh position with its Russian one from the table of common positions. */
export const bilingual = (kk: string): Positions => ({ positionKk: kk, positionRu: positionCounterpart(kk, 'kk') ?? '' });
const POSITIONS: Record<ReportingUnitKind, string> = {
  oblast: 'Облыс әкімі',
  capital: 'Қала әкімі',
  republican_city: 'Қала әкімі',
  city_district: 'Аудан әкімі',
  district: 'Аудан әкімі',
  oblast_city: 'Қала әкімі',
  district_city: 'Қала әкімі',
  rural_okrug: 'Ауылдық округ әкімі',
  settlement: 'Кент әкімі',
  village: 'Ауыл әкімі',
};
const ANNOUNCE: readonly AnnouncementChannel[] = ['website', 'social_media', 'messengers', 'print', 'radio', 'tv', 'public_places', 'egov'];
const QUESTIONS: readonly QuestionChannel[] = ['email', 'box', 'website', 'call_centre', 'social_media', 'messengers', 'personal_reception'];

/** 10:00 in Kazakhstan (UTC+5) on a day: a plausible moment for a record made that day. */
export function instant(date: IsoDate): number {
  const { year, month, day } = toYmd(date);
  return Date.UTC(year, month - 1, day, 5, 0, 0);
}

export function fullName(r: Random): string {
  const father = r.pick(MALE_NAMES);
  if (r.chance(0.2)) return `${r.pick(SURNAMES)}а ${r.pick(FEMALE_NAMES)} ${father}қызы`;
  return `${r.pick(SURNAMES)} ${r.pick(MALE_NAMES)} ${father}ұлы`;
}

function official(r: Random, position: Positions, body: string, marks: Pick<Official, 'isGovernment' | 'isOblastLeadership'>): Official {
  return { id: r.uuid(), fullName: fullName(r), ...position, body, ...marks };
}

interface Place {
  unit: UnitSummary;
  venueKato: string | null;
  town: string;
}

/** Fills the database; the caller checks it holds no meetings under the unit yet. */
export function generateMeetings(ctx: CoreContext, input: GenerateInput): GenerateSummary {
  if (input.fromYear > input.toYear) throw new EsepError('range_invalid', { from: String(input.fromYear), to: String(input.toYear) });
  const unit = getUnit(ctx.db, input.unitKato);
  if (!unit) throw new EsepError('unit_unknown', { kato: input.unitKato });
  if (!isReportingKind(unit.kind)) throw new EsepError('unit_not_reporting', { kato: unit.kato });
  let root = getSetting(ctx.db, 'working_root');
  if (root === null) {
    const language = getSetting(ctx.db, 'language');
    completeSetup(ctx, { rootKato: unit.kato, language: language === 'ru' ? 'ru' : 'kk' });
    root = unit.kato;
  } else if (!isInSubtree(ctx.db, root, unit.kato)) {
    throw new EsepError('unit_outside_working_set', { kato: unit.kato, root });
  }

  const today = ctx.clock.today();
  const ruleSets = listRuleSets(ctx.db);
  // Data that reaches today also has the windows of the coming months planned, as an akimat would.
  const planAhead = addDays(today, PLAN_AHEAD_DAYS);
  const rangeEnd = input.toYear >= toYmd(today).year && planAhead > `${input.toYear}-12-31` ? planAhead : `${input.toYear}-12-31`;
  const r = new Random(input.seed);
  const all = subtree(ctx.db, unit.kato);
  const children = new Map<string, UnitSummary[]>();
  for (const u of all) if (u.parent) (children.get(u.parent) ?? children.set(u.parent, []).get(u.parent)!).push(u);
  const localitiesOf = (kato: string) => (children.get(kato) ?? []).filter((c) => c.kind === 'locality');

  const summary: GenerateSummary = {
    root,
    unit: unit.kato,
    fromYear: input.fromYear,
    toYear: input.toYear,
    seed: input.seed,
    today,
    units: 0,
    akims: 0,
    meetings: 0,
    byStatus: { planned: 0, announced: 0, postponed: 0, held: 0, closed: 0, cancelled: 0 },
    officials: 0,
  };

  ctx.db.transaction(() => {
    for (const u of all) {
      if (!isReportingKind(u.kind)) continue;
      summary.units++;
      // A unit meets in one of its own localities, else in one of its sub-units' (a district's centre).
      const places = localitiesOf(u.kato).length > 0 ? localitiesOf(u.kato) : (children.get(u.kato) ?? []).flatMap((c) => localitiesOf(c.kato));
      const akims = makeAkims(ctx, r, u, input, today);
      summary.akims += akims.length;
      const obligations = obligationsFor(ruleSets, u.kind, `${input.fromYear}-01-01`, rangeEnd);
      obligations.forEach((o, i) => {
        const claimEnd = obligations[i + 1]?.windowStart ?? nextWindowStart(ruleSets, u.kind as ReportingUnitKind, o.windowStart);
        const place = places.length > 0 ? r.pick(places) : null;
        const meeting = makeMeeting(ctx, r, { unit: u, venueKato: place?.kato ?? null, town: place?.nameKk ?? u.nameKk }, o, claimEnd, akims, today);
        if (!meeting) return;
        saveMeeting(ctx.db, meeting);
        appendAudit(ctx, { action: 'insert', entity: 'meeting', entityId: meeting.id, after: { ...meeting, generatedWithSeed: input.seed } });
        summary.meetings++;
        summary.byStatus[meeting.status]++;
        summary.officials += meeting.officials.length;
      });
    }
  })();
  return summary;
}

/** One akim after another, terms adjacent, the last still in office: every day has exactly one. */
function makeAkims(ctx: CoreContext, r: Random, unit: UnitSummary, input: GenerateInput, today: IsoDate): Akim[] {
  const akims: Akim[] = [];
  let from = `${input.fromYear - r.int(1, 4)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  const last = `${Math.max(input.toYear, toYmd(today).year)}-12-31`;
  for (;;) {
    const end = addDays(from, r.int(2 * 365, 6 * 365));
    const akim: Akim = {
      id: r.uuid(),
      origin: ctx.installationId,
      revision: 1,
      unitKato: unit.kato,
      fullName: fullName(r),
      ...bilingual(POSITIONS[unit.kind as ReportingUnitKind]),
      termFrom: from,
      termTo: end >= last ? null : end,
    };
    akims.push(akim);
    saveAkim(ctx.db, akim, instant(from < today ? from : today));
    appendAudit(ctx, { action: 'insert', entity: 'akim', entityId: akim.id, after: akim });
    if (akim.termTo === null) return akims;
    from = addDays(end, 1);
  }
}

function akimOn(akims: readonly Akim[], date: IsoDate): string | null {
  return akims.find((a) => a.termFrom <= date && (a.termTo === null || date <= a.termTo))?.id ?? null;
}

type Fate = 'on_time' | 'late' | 'cancelled' | 'missed' | 'planned' | 'postponed' | 'none';

function fateOf(r: Random, o: Obligation, claimEnd: IsoDate | null, today: IsoDate): Fate {
  const x = r.int(0, 99);
  if (o.windowEnd < today) {
    const lateRoom = addDays(o.windowEnd, 1) <= today && (claimEnd === null || addDays(o.windowEnd, 1) < claimEnd);
    if (x < 78) return 'on_time';
    if (x < 86) return lateRoom ? 'late' : 'missed';
    if (x < 90) return 'cancelled';
    return 'missed';
  }
  if (o.windowStart <= today) {
    if (x < 45) return 'on_time';
    if (today >= o.windowEnd) return 'none';
    if (x < 80) return 'planned';
    if (x < 85) return 'postponed';
    return 'none';
  }
  if (daysBetween(today, o.windowStart) > PLAN_AHEAD_DAYS) return 'none';
  if (x < 50) return 'planned';
  if (x < 56) return 'postponed';
  return 'none';
}

function makeMeeting(
  ctx: CoreContext,
  r: Random,
  place: Place,
  o: Obligation,
  claimEnd: IsoDate | null,
  akims: readonly Akim[],
  today: IsoDate,
): Meeting | null {
  const fate = fateOf(r, o, claimEnd, today);
  if (fate === 'missed' || fate === 'none') return null;

  const lastWindowDay = o.windowEnd < today ? o.windowEnd : today;
  let plannedOn: IsoDate;
  let heldOn: IsoDate | null = null;
  let status: MeetingStatus;
  let postponedFrom: IsoDate | null = null;
  let statusReason = '';
  switch (fate) {
    case 'on_time':
      heldOn = r.dayIn(o.windowStart, lastWindowDay);
      plannedOn = heldOn;
      status = 'held';
      if (r.chance(0.06) && heldOn > o.windowStart) {
        postponedFrom = r.dayIn(o.windowStart, addDays(heldOn, -1));
        statusReason = r.pick(POSTPONE_REASONS);
      }
      break;
    case 'late': {
      const lateEnd = [addDays(o.windowEnd, 45), today, claimEnd ? addDays(claimEnd, -1) : today].sort()[0]!;
      heldOn = r.dayIn(addDays(o.windowEnd, 1), lateEnd);
      plannedOn = heldOn;
      status = 'held';
      break;
    }
    case 'cancelled':
      plannedOn = r.dayIn(o.windowStart, o.windowEnd);
      status = 'cancelled';
      statusReason = r.pick(CANCEL_REASONS);
      break;
    case 'planned':
    case 'postponed': {
      const first = o.windowStart > today ? o.windowStart : addDays(today, 1);
      plannedOn = r.dayIn(first, o.windowEnd);
      status = 'planned';
      if (fate === 'postponed' && plannedOn > first) {
        postponedFrom = r.dayIn(first, addDays(plannedOn, -1));
        statusReason = r.pick(POSTPONE_REASONS);
        status = 'postponed';
      }
      break;
    }
  }
  if (status === 'held' && heldOn !== null && daysBetween(heldOn, today) > 30 && r.chance(0.8)) status = 'closed';

  // Plans are made one to two months ahead, never after today; announcements one to four weeks ahead.
  const createdOn = [addDays(postponedFrom ?? plannedOn, -r.int(31, 60)), today].sort()[0]!;
  const announcedOn = [addDays(plannedOn, -r.int(7, 30)), today].sort()[0]!;
  const announced = status === 'held' || status === 'closed' ? r.chance(0.85) : plannedOn <= addDays(today, 30) && r.chance(0.6);
  if (status === 'planned' && announced) status = 'announced';
  const format: MeetingFormat = r.chance(0.7) ? 'in_person' : r.chance(0.85) ? 'hybrid' : 'online';
  const links = format === 'in_person' ? [] : [`https://www.instagram.com/akimat_${place.unit.kato}`, ...(r.chance(0.4) ? [`https://www.youtube.com/@akimat${place.unit.kato}`] : [])];
  const isHeld = status === 'held' || status === 'closed';
  const decreeGroup = o.ruleSetId === DECREE_615.id ? o.group : null;
  const officials = makeOfficials(r, decreeGroup, o.windowKey.endsWith('-Q1'), isHeld);
  const steps = 1 + (postponedFrom ? 1 : 0) + (announced ? 1 : 0) + (isHeld ? 1 : 0) + (status === 'closed' ? 1 : 0) + (status === 'cancelled' ? 1 : 0) + (officials.length > 0 ? 1 : 0);
  const lastDay = heldOn ?? (status === 'cancelled' ? [plannedOn, today].sort()[0]! : createdOn);
  const venues = RURAL_KINDS.has(place.unit.kind) ? RURAL_VENUES : CITY_VENUES;

  return {
    id: r.uuid(),
    origin: ctx.installationId,
    revision: steps,
    unitKato: place.unit.kato,
    kind: 'reporting',
    status,
    plannedOn,
    plannedTime: r.chance(0.95) ? r.pick(TIMES) : null,
    heldOn,
    venueName: r.pick(venues),
    venueAddress: `${place.town}, ${r.pick(STREETS)} көшесі, ${r.int(1, 120)}`,
    venueKato: place.venueKato,
    format,
    broadcastLinks: links,
    akimId: akimOn(akims, plannedOn),
    obligation: { ruleSetId: o.ruleSetId, windowKey: o.windowKey },
    outsideWindowReason: '',
    announcedOn: announced ? announcedOn : null,
    announcementChannels: announced ? r.some(ANNOUNCE, 0.35) : [],
    questionsChannels: r.some(QUESTIONS, 0.3),
    questionsFrom: announced ? announcedOn : null,
    questionsTo: announced ? addDays(plannedOn, -1) : null,
    attendance: isHeld ? attendance(r, decreeGroup) : null,
    onlineViewers: isHeld && format !== 'in_person' ? r.int(50, 5000) : null,
    statusReason,
    postponedFrom,
    officials,
    note: '',
    createdAt: instant(createdOn),
    updatedAt: instant(lastDay < createdOn ? createdOn : lastDay),
  };
}

function attendance(r: Random, group: string | null): number {
  if (group === 'A') return r.int(250, 400);
  if (group === 'B') return r.int(100, 350);
  return r.int(20, 200);
}

/**
 * Point 4.1 (group A: a Government-level participant) and point 5 (group B in Q1: the oblast
 * akim or a deputy) are met most of the time, so the dashboard has some warnings of each kind.
 */
function makeOfficials(r: Random, group: string | null, q1: boolean, held: boolean): Official[] {
  const out: Official[] = [];
  if (group === 'A' && r.chance(0.8)) {
    const [position, body] = r.pick(GOVERNMENT);
    out.push(official(r, position, body, { isGovernment: true, isOblastLeadership: false }));
  }
  if (group === 'B' && q1 && r.chance(0.75)) {
    out.push(official(r, bilingual('Облыс әкімінің орынбасары'), 'Облыс әкімдігі', { isGovernment: false, isOblastLeadership: true }));
  }
  if (group === 'C' && held && r.chance(0.2)) {
    out.push(official(r, bilingual('Аудан әкімінің орынбасары'), 'Аудан әкімдігі', { isGovernment: false, isOblastLeadership: false }));
  }
  return out;
}
