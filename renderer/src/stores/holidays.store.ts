import { create } from 'zustand';
import { api } from '../api';
import type { HolidayDay, HolidayDayInput, HolidayFileFormat, HolidaysFile, HolidaysImported } from '../../../shared/contract/holidays.contract';
import type { ErrorPayload } from '../../../shared/errors';
import { attempt, toErrorPayload, type Result } from './result';
import { onReset } from './reset';

interface HolidaysData {
  /** The days of each year fetched, by date; a year absent until asked for. */
  byYear: Record<number, HolidayDay[]>;
  /** The years that have rows, newest first (Settings' year choice). */
  years: number[];
  error: ErrorPayload | null;
}

interface HolidaysActions {
  /** Fetches a year once (the month view, the meeting form and Settings share it). */
  ensureYear(year: number): Promise<void>;
  loadYears(): Promise<void>;
  save(day: HolidayDayInput, previousDate?: string): Promise<Result<HolidayDay>>;
  remove(date: string): Promise<Result<{ date: string }>>;
  importFile(fileName: string, content: string): Promise<Result<HolidaysImported>>;
  exportYear(year: number, format: HolidayFileFormat): Promise<Result<HolidaysFile>>;
}

export type HolidaysState = HolidaysData & HolidaysActions;

const initial: HolidaysData = { byYear: {}, years: [], error: null };

const pending = new Map<number, Promise<void>>();

export const useHolidaysStore = create<HolidaysState>()((set, get) => {
  async function fetchYear(year: number): Promise<void> {
    try {
      const days = await api.holidays.list({ from: `${year}-01-01`, to: `${year}-12-31` });
      set((s) => ({ byYear: { ...s.byYear, [year]: days }, error: null }));
    } catch (error) {
      set({ error: toErrorPayload(error) });
    }
  }

  /** After a change every year shown is fetched again: an import or a moved date may touch any of them. */
  async function changed<T>(result: Result<T>): Promise<Result<T>> {
    if (result.ok) await Promise.all([...Object.keys(get().byYear).map((y) => fetchYear(Number(y))), get().loadYears()]);
    return result;
  }

  return {
    ...initial,

    ensureYear(year) {
      if (get().byYear[year] !== undefined) return Promise.resolve();
      const inFlight = pending.get(year);
      if (inFlight) return inFlight;
      const request = fetchYear(year).finally(() => pending.delete(year));
      pending.set(year, request);
      return request;
    },

    async loadYears() {
      const result = await attempt(() => api.holidays.years({}));
      if (result.ok) set({ years: result.value });
    },

    save: async (day, previousDate) => changed(await attempt(() => api.holidays.save({ day, ...(previousDate ? { previousDate } : {}) }))),
    remove: async (date) => changed(await attempt(() => api.holidays.remove({ date }))),
    importFile: async (fileName, content) => changed(await attempt(() => api.holidays.import({ fileName, content }))),
    exportYear: (year, format) => attempt(() => api.holidays.export({ year, format })),
  };
});

onReset(() => {
  pending.clear();
  useHolidaysStore.setState(initial);
});
