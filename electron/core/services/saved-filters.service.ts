import { randomUUID } from 'node:crypto';
import type { CoreContext } from '../context';
import { IssueFilter } from '../../../shared/contract/issues.contract';
import { EsepError } from '../../../shared/errors';
import { appendAudit } from '../db/repos/audit.repo';
import * as repo from '../db/repos/saved-filters.repo';

/** The issue log's named filters. One scope today; the table allows others later. */
const SCOPE = 'issues';

export interface SavedFilter {
  id: string;
  name: string;
  filter: IssueFilter;
}

/** The stored JSON as a filter of today's contract, or null when it no longer is one. */
function parse(json: string): IssueFilter | null {
  try {
    const parsed = IssueFilter.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Filters saved by an older version that no longer validate are left out, not failed on. */
export function listSavedFilters(ctx: CoreContext): SavedFilter[] {
  return repo.listSavedFilters(ctx.db, SCOPE).flatMap((row) => {
    const filter = parse(row.filterJson);
    return filter ? [{ id: row.id, name: row.name, filter }] : [];
  });
}

export function saveFilter(ctx: CoreContext, input: { name: string; filter: IssueFilter }): SavedFilter {
  return ctx.db.transaction(() => {
    if (repo.savedFilterNamed(ctx.db, SCOPE, input.name) !== null) throw new EsepError('name_taken', { name: input.name });
    const saved: SavedFilter = { id: randomUUID(), name: input.name, filter: input.filter };
    repo.insertSavedFilter(ctx.db, SCOPE, { id: saved.id, name: saved.name, filterJson: JSON.stringify(saved.filter), createdAt: ctx.clock.now().getTime() });
    appendAudit(ctx, { action: 'insert', entity: 'saved_filter', entityId: saved.id, after: saved });
    return saved;
  })();
}

export function removeSavedFilter(ctx: CoreContext, input: { id: string }): { id: string } {
  return ctx.db.transaction(() => {
    const before = repo.getSavedFilter(ctx.db, SCOPE, input.id);
    if (!before) throw new EsepError('not_found', { id: input.id });
    repo.removeSavedFilter(ctx.db, SCOPE, input.id);
    appendAudit(ctx, { action: 'delete', entity: 'saved_filter', entityId: input.id, before: { name: before.name, filter: before.filterJson } });
    return { id: input.id };
  })();
}
