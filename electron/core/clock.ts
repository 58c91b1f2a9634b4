import { localIsoDate, type IsoDate } from '../../shared/domain/dates';

/** Injected everywhere a service needs "now": tests and the CLI's --today pin it. */
export interface Clock {
  now(): Date;
  /** The calendar date on this computer (the akimat's local day, not UTC). */
  today(): IsoDate;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => localIsoDate(new Date()),
};

/** A clock stopped on a given day (noon local time), for tests and the CLI's --today. */
export function fixedClock(today: IsoDate): Clock {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const noon = new Date(y, m - 1, d, 12, 0, 0);
  return { now: () => new Date(noon), today: () => today };
}
