/**
 * What travels in a package (docs/exchange.md §What travels), one JSON lines file per kind
 * under `data/records/`. Records are the origin's aggregates, each with its id, origin and
 * revision, replaced whole by a higher revision; reference rows are the vocabulary the records
 * name, added where missing and never overwritten (each installation keeps its own lists).
 * The order is the order of applying: a row only names rows of kinds before it.
 */
export const REFERENCE_KINDS = ['issue_statuses', 'issue_categories', 'bodies', 'body_people', 'rule_sets'] as const;
export const RECORD_KINDS = ['akims', 'meetings', 'minutes', 'attachments', 'issues', 'action_plan_rows'] as const;
export const PACKAGE_KINDS = [...REFERENCE_KINDS, ...RECORD_KINDS] as const;

export type ReferenceKind = (typeof REFERENCE_KINDS)[number];
export type RecordKind = (typeof RECORD_KINDS)[number];
export type PackageKind = (typeof PACKAGE_KINDS)[number];

/** What applying a package does, or would do, to the records of one kind. */
export interface KindCounts {
  new: number;
  changed: number;
  unchanged: number;
  refused: number;
}

export const emptyCounts = (): KindCounts => ({ new: 0, changed: 0, unchanged: 0, refused: 0 });
