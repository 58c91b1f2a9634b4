import { prepared } from '../statements';
import type { Db } from '../open';
import { unitsUnder } from './units.repo';

/** Per status, over a unit's subtree: how many issues, and how many of them on control. */
export interface StatusCount {
  statusId: string;
  n: number;
  onControl: number;
}

/** `issue_status_counts` is kept by triggers on issues (migration 90): no writer maintains it by hand. */
const SQL = {
  under: `SELECT status_id, sum(n) AS n, sum(on_control) AS on_control FROM issue_status_counts
          WHERE unit_kato IN ${unitsUnder('@unit')} GROUP BY status_id`,
  all: 'SELECT coalesce(sum(n), 0) AS n FROM issue_status_counts',
};

/** The statement of statusCountsUnder, for the query-plan tests. */
export const statusCountsUnderSql = SQL.under;

export function statusCountsUnder(db: Db, unitKato: string): StatusCount[] {
  return (prepared(db, SQL.under).all({ unit: unitKato }) as Array<{ status_id: string; n: number; on_control: number }>).map((r) => ({
    statusId: r.status_id,
    n: r.n,
    onControl: r.on_control,
  }));
}

/** How many issues the database holds, under any unit. */
export function issueCountAll(db: Db): number {
  return (prepared(db, SQL.all).get() as { n: number }).n;
}
