import { toYmd, type IsoDate } from '../dates';
import type { MeetingStatus } from './meeting';

/** Meetings the participation points are checked on: held, or still expected (not cancelled). */
export const PARTICIPATION_STATUSES: readonly MeetingStatus[] = ['planned', 'announced', 'postponed', 'held', 'closed'];

/** Decree 615 point 4.1 (group A: Government-level participants) or 5 (group B, Q1: the oblast akim or a deputy). */
export type ParticipationPoint = '4.1' | '5';

/**
 * The point a reporting meeting of a unit in Decree 615 `group` on `date` falls short of, given
 * who took part; null when it meets both (or neither applies).
 */
export function missingParticipation(
  group: string | null,
  date: IsoDate,
  officials: ReadonlyArray<{ isGovernment: boolean; isOblastLeadership: boolean }>,
): ParticipationPoint | null {
  if (group === 'A' && !officials.some((o) => o.isGovernment)) return '4.1';
  if (group === 'B' && toYmd(date).month <= 3 && !officials.some((o) => o.isOblastLeadership)) return '5';
  return null;
}
