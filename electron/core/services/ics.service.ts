import ical, {
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
} from 'ical-generator';
import type { TFunction } from 'i18next';
import type { CoreContext } from '../context';
import type { IcsFile } from '../../../shared/contract/calendar.contract';
import type { Language } from '../../../shared/contract/schemas';
import type { Meeting, UnitSummary } from '../../../shared/contract/types';
import { addDays, toYmd, type IsoDate } from '../../../shared/domain/dates';
import { isReportingKind } from '../../../shared/domain/units/unit-kind';
import { EsepError } from '../../../shared/errors';
import { createI18n } from '../../../shared/i18n';
import { formatOfficialDate } from '../../../shared/format/dates';
import { listMeetingsUnder } from '../db/repos/meetings.repo';
import { getAkim } from '../db/repos/akims.repo';
import { getUnit } from '../db/repos/units.repo';
import { requireWorkingRoot } from './settings.service';
import { namedObligation } from './meetings.service';

/** The zone every time in the file is given in: a meeting's time is the akimat's wall clock. */
export const KZ_TIME_ZONE = 'Asia/Almaty';
/** Kazakhstan went over to one zone, UTC+5, on 1 March 2024; Almaty had been UTC+6 (no DST since 2005). */
const UTC5_FROM: IsoDate = '2024-03-01';
const MEETING_MINUTES = 120;

/**
 * The working set's meetings still to take place in [from, to], as one iCalendar file that
 * Outlook, Thunderbird and phones open: a VEVENT per meeting with a stable UID (re-importing
 * updates rather than duplicates), its time in Asia/Almaty with the VTIMEZONE included, or an
 * all-day event when no time is set.
 */
export function exportIcs(ctx: CoreContext, input: { from: IsoDate; to: IsoDate; language: Language }): IcsFile {
  if (input.from > input.to) throw new EsepError('range_invalid', { from: input.from, to: input.to });
  const root = requireWorkingRoot(ctx);
  const { t } = createI18n(input.language);
  const meetings = listMeetingsUnder(ctx.db, root, { from: input.from, to: input.to, statuses: ['planned', 'announced', 'postponed'] });
  const earliest = meetings.reduce<IsoDate | null>((min, m) => (m.plannedOn && (min === null || m.plannedOn < min) ? m.plannedOn : min), null);

  const calendar = ical({
    name: t('Ics.calendarName'),
    prodId: { company: 'Esep', product: 'Esep', language: input.language.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone name: ical-generator would then write DTSTAMP in local time.
    timezone: { name: null, generator: (tz) => (tz === KZ_TIME_ZONE ? vtimezone(earliest ?? input.from) : null) },
  });
  const units = new Map<string, UnitSummary | null>();
  const unitOf = (kato: string) => (units.has(kato) ? units.get(kato)! : units.set(kato, getUnit(ctx.db, kato)).get(kato)!);

  for (const m of meetings) {
    const unit = unitOf(m.unitKato);
    if (!unit || !m.plannedOn) continue;
    const name = input.language === 'kk' ? unit.nameKk : unit.nameRu;
    const when = m.plannedTime
      ? { start: wallClock(m.plannedOn, m.plannedTime, 0), end: wallClock(m.plannedOn, m.plannedTime, MEETING_MINUTES), timezone: KZ_TIME_ZONE }
      : { start: utcMidnight(m.plannedOn), end: utcMidnight(addDays(m.plannedOn, 1)), allDay: true };
    calendar.createEvent({
      id: `${m.id}@esep`,
      sequence: m.revision - 1,
      stamp: ctx.clock.now(),
      created: new Date(m.createdAt),
      lastModified: new Date(m.updatedAt),
      ...when,
      summary: t('Ics.summary', { unit: name }),
      location: [m.venueName, m.venueAddress].filter((s) => s.trim() !== '').join(', ') || null,
      description: describe(ctx, m, unit, input.language, t),
      status: m.status === 'announced' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
    });
  }
  return { fileName: `esep-meetings-${input.from}-${input.to}.ics`, content: calendar.toString() };
}

function describe(ctx: CoreContext, m: Meeting, unit: UnitSummary, language: Language, t: TFunction): string {
  const lines: string[] = [];
  const akim = m.akimId ? getAkim(ctx.db, m.akimId) : null;
  if (akim) lines.push(t('Ics.akim', { name: akim.fullName }));
  lines.push(t('Ics.format', { format: t(`Ics.formats.${m.format}`) }));
  if (m.broadcastLinks.length > 0) lines.push(t('Ics.broadcast', { links: m.broadcastLinks.join(' ') }));
  const window = m.obligation && m.plannedOn && isReportingKind(unit.kind) ? namedObligation(ctx, unit.kind, m.obligation, m.plannedOn) : undefined;
  if (window) lines.push(t('Ics.window', { from: formatOfficialDate(window.windowStart, language), to: formatOfficialDate(window.windowEnd, language) }));
  if (!m.obligation && m.outsideWindowReason) lines.push(t('Ics.outsideWindow', { reason: m.outsideWindowReason }));
  if (m.status === 'postponed' && m.postponedFrom) {
    lines.push(t('Ics.postponed', { date: formatOfficialDate(m.postponedFrom, language), reason: m.statusReason }));
  }
  return lines.join('\n');
}

/** An all-day event's date: ical-generator writes a Date's UTC calendar day. */
function utcMidnight(date: IsoDate): Date {
  const { year, month, day } = toYmd(date);
  return new Date(Date.UTC(year, month - 1, day));
}

function utcOffsetMinutes(date: IsoDate): number {
  return date < UTC5_FROM ? 360 : 300;
}

/**
 * A wall-clock time in Kazakhstan, `minutes` after `time` on `date`, in the Temporal
 * PlainDateTime shape ical-generator accepts. With the event's zone set it writes
 * `DTSTART;TZID=Asia/Almaty:yyyyMMddTHHmmss` from these fields as they are, whatever zone the
 * computer running Esep is set to (a Date would be read in that zone).
 */
function wallClock(date: IsoDate, time: string, minutes: number): ICalTemporalPlainDateTimeStub {
  const [h, min] = time.split(':').map(Number) as [number, number];
  const total = h * 60 + min + minutes;
  const day = addDays(date, Math.floor(total / 1440));
  const { year, month, day: dd } = toYmd(day);
  const hour = Math.floor((total % 1440) / 60);
  const minute = total % 60;
  const text = `${day}T${pad2(hour)}:${pad2(minute)}:00`;
  const plain: ICalTemporalPlainDateTimeStub = {
    year,
    month,
    day: dd,
    hour,
    minute,
    second: 0,
    toJSON: () => text,
    toString: () => text,
    toPlainDate: () => ({ year, month, day: dd, toJSON: () => day, toString: () => day }),
    toZonedDateTime: (timeZoneId) => {
      const epochMilliseconds = Date.UTC(year, month - 1, dd, hour, minute) - utcOffsetMinutes(day) * 60_000;
      const zoned: ICalTemporalZonedDateTimeStub = {
        ...plain,
        timeZoneId,
        toPlainDateTime: () => plain,
        withTimeZone: () => zoned,
        toInstant: () => ({
          epochMilliseconds,
          toJSON: () => new Date(epochMilliseconds).toISOString(),
          toString: () => new Date(epochMilliseconds).toISOString(),
          toZonedDateTimeISO: () => zoned,
        }),
      };
      return zoned;
    },
  };
  return plain;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Asia/Almaty as a VTIMEZONE. Only the offsets the file needs are written: for meetings from
 * March 2024 on that is a single fixed UTC+5 observance, which every client (Outlook included,
 * which reads only the last observance of a zone) gets right.
 */
function vtimezone(earliest: IsoDate): string {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${KZ_TIME_ZONE}`, `X-LIC-LOCATION:${KZ_TIME_ZONE}`];
  if (earliest < UTC5_FROM) {
    lines.push('BEGIN:STANDARD', 'TZOFFSETFROM:+0600', 'TZOFFSETTO:+0600', 'TZNAME:+06', 'DTSTART:20050315T000000', 'END:STANDARD');
    lines.push('BEGIN:STANDARD', 'TZOFFSETFROM:+0600', 'TZOFFSETTO:+0500', 'TZNAME:+05', 'DTSTART:20240301T000000', 'END:STANDARD');
  } else {
    lines.push('BEGIN:STANDARD', 'TZOFFSETFROM:+0500', 'TZOFFSETTO:+0500', 'TZNAME:+05', 'DTSTART:19700101T000000', 'END:STANDARD');
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
