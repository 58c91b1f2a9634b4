import type { CoreContext } from '../context';
import { HolidayDayInput, type HolidayFileFormat, type HolidaysFile, type HolidaysImported } from '../../../shared/contract/holidays.contract';
import type { HolidayDay } from '../../../shared/domain/calendar/holidays';
import { holidaysToCsv, holidaysToJson, parseHolidaysFile } from '../../../shared/domain/calendar/holidays-file';
import { daysBetween, type IsoDate } from '../../../shared/domain/dates';
import { EsepError } from '../../../shared/errors';
import { appendAudit } from '../db/repos/audit.repo';
import { deleteHoliday, getHoliday, holidayYears, listHolidays, putHoliday } from '../db/repos/holidays.repo';

/** A month view asks for six weeks, the Settings list for a year: more is a mistake of the caller. */
const MAX_RANGE_DAYS = 400;

export function listHolidaysIn(ctx: CoreContext, input: { from: IsoDate; to: IsoDate }): HolidayDay[] {
  const span = daysBetween(input.from, input.to);
  if (span < 0 || span > MAX_RANGE_DAYS) throw new EsepError('range_invalid', { from: input.from, to: input.to });
  return listHolidays(ctx.db, input.from, input.to);
}

export function listHolidayYears(ctx: CoreContext): number[] {
  return holidayYears(ctx.db);
}

function entered(d: HolidayDayInput): HolidayDay {
  return { ...d, computed: false };
}

/** Saves a day an administrator entered or edited; an edit that moved its date removes the old row. */
export function saveHoliday(ctx: CoreContext, input: { day: HolidayDayInput; previousDate?: IsoDate | undefined }): HolidayDay {
  const day = entered(input.day);
  ctx.db.transaction(() => {
    const moved = input.previousDate !== undefined && input.previousDate !== day.date;
    const before = getHoliday(ctx.db, input.previousDate ?? day.date);
    if (moved) {
      if (before === null) throw new EsepError('not_found', { date: input.previousDate! });
      deleteHoliday(ctx.db, input.previousDate!);
    }
    putHoliday(ctx.db, day, ctx.clock.now().getTime());
    appendAudit(ctx, { action: before ? 'update' : 'insert', entity: 'holiday', entityId: day.date, ...(before ? { before } : {}), after: day });
  })();
  return day;
}

export function removeHoliday(ctx: CoreContext, input: { date: IsoDate }): { date: IsoDate } {
  ctx.db.transaction(() => {
    const before = getHoliday(ctx.db, input.date);
    if (before === null) throw new EsepError('not_found', { date: input.date });
    deleteHoliday(ctx.db, input.date);
    appendAudit(ctx, { action: 'delete', entity: 'holiday', entityId: input.date, before });
  })();
  return { date: input.date };
}

const FILE_FIELDS: Record<string, string> = { date: 'date', kind: 'kind', nameKk: 'name_kk', nameRu: 'name_ru', movedFrom: 'moved_from' };

/**
 * Applies a file of days whole or not at all: each row is checked by the contract's schema
 * before anything is written; a row replaces the day of its date, the other days stay.
 */
export function importHolidays(ctx: CoreContext, input: { fileName: string; content: string }): HolidaysImported {
  const parsed = parseHolidaysFile(input.content);
  if (!parsed.ok) throw new EsepError('holidays_file_unreadable', { line: parsed.line });
  const days: HolidayDay[] = [];
  const seen = new Set<IsoDate>();
  for (const row of parsed.rows) {
    const checked = HolidayDayInput.safeParse(row.value);
    if (!checked.success) {
      const key = String(checked.error.issues[0]?.path[0] ?? 'date');
      throw new EsepError('holidays_file_invalid', { line: row.line, field: FILE_FIELDS[key] ?? key });
    }
    if (seen.has(checked.data.date)) throw new EsepError('holidays_file_invalid', { line: row.line, field: 'date' });
    seen.add(checked.data.date);
    days.push(entered(checked.data));
  }
  let added = 0;
  ctx.db.transaction(() => {
    const now = ctx.clock.now().getTime();
    for (const d of days) {
      if (getHoliday(ctx.db, d.date) === null) added++;
      putHoliday(ctx.db, d, now);
    }
    appendAudit(ctx, { action: 'import', entity: 'holiday', entityId: input.fileName, after: { days: days.length, added } });
  })();
  return { added, updated: days.length - added };
}

export function exportHolidays(ctx: CoreContext, input: { year: number; format: HolidayFileFormat }): HolidaysFile {
  const days = listHolidays(ctx.db, `${input.year}-01-01`, `${input.year}-12-31`);
  return {
    fileName: `esep-holidays-${input.year}.${input.format}`,
    content: input.format === 'csv' ? holidaysToCsv(days) : holidaysToJson(days),
  };
}
