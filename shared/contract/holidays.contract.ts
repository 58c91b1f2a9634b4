import { z } from 'zod';
import { HOLIDAY_KINDS, type HolidayDay } from '../domain/calendar/holidays';
import { channel, IsoDateString, NoInput, RequiredText, Text, UntrimmedText, Year } from './schemas';

export type { HolidayDay } from '../domain/calendar/holidays';

/**
 * One day as an administrator enters it (a form, a CSV or JSON row). A holiday needs its name in
 * both languages; a day off or a working day may leave them empty (the screens then say
 * "day off"/"working day", with the holiday it was moved from).
 */
export const HolidayDayInput = z
  .object({
    date: IsoDateString,
    kind: z.enum(HOLIDAY_KINDS),
    nameKk: Text(200),
    nameRu: Text(200),
    movedFrom: IsoDateString.nullable(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.kind === 'holiday' && (d.nameKk === '' || d.nameRu === '')) {
      ctx.addIssue({ code: 'custom', path: [d.nameKk === '' ? 'nameKk' : 'nameRu'], message: 'required' });
    }
    if (d.movedFrom !== null && d.kind !== 'day_off') ctx.addIssue({ code: 'custom', path: ['movedFrom'], message: 'day_off_only' });
    if (d.movedFrom !== null && d.movedFrom === d.date) ctx.addIssue({ code: 'custom', path: ['movedFrom'], message: 'same_day' });
  });
export type HolidayDayInput = z.infer<typeof HolidayDayInput>;

export const HOLIDAY_FILE_FORMATS = ['csv', 'json'] as const;
export type HolidayFileFormat = (typeof HOLIDAY_FILE_FORMATS)[number];

export interface HolidaysFile {
  fileName: string;
  content: string;
}

export interface HolidaysImported {
  added: number;
  updated: number;
}

/** The calendar's holidays and moved days off (issue 13, point 8). */
export const holidaysContract = {
  /** The days from `from` to `to` inclusive, at most a little over a year (a month view, a year's list). */
  'holidays:list': channel<HolidayDay[]>()(z.object({ from: IsoDateString, to: IsoDateString }).strict()),
  /** The years that have rows, newest first. */
  'holidays:years': channel<number[]>()(NoInput),
  /** Saves a day; `previousDate` when an edit moved it to another date. */
  'holidays:save': channel<HolidayDay>()(z.object({ day: HolidayDayInput, previousDate: IsoDateString.optional() }).strict()),
  'holidays:remove': channel<{ date: string }>()(z.object({ date: IsoDateString }).strict()),
  /** A file of days (CSV or JSON, as holidays:export writes), applied whole or refused whole. */
  'holidays:import': channel<HolidaysImported>()(z.object({ fileName: RequiredText(260), content: UntrimmedText(2_000_000) }).strict()),
  'holidays:export': channel<HolidaysFile>()(z.object({ year: Year, format: z.enum(HOLIDAY_FILE_FORMATS) }).strict()),
};
