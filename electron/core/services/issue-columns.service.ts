import type { CoreContext } from '../context';
import { IssueColumnsLayout } from '../../../shared/contract/issue-columns.contract';
import { deleteSetting, getSetting, putSetting } from '../db/repos/settings.repo';

/**
 * The issue log's columns as this installation's user left them. A stored value this version
 * cannot read (a column since renamed, a hand edit) reads as the defaults, never as an error:
 * it is a layout, not a record.
 */
export function getIssueColumns(ctx: CoreContext): IssueColumnsLayout | null {
  const stored = getSetting(ctx.db, 'issue_columns');
  if (stored === null) return null;
  try {
    const layout = IssueColumnsLayout.safeParse(JSON.parse(stored));
    return layout.success ? layout.data : null;
  } catch {
    return null;
  }
}

/** Not audited, like the resume point: where a column edge was dragged is nobody's record. */
export function setIssueColumns(ctx: CoreContext, layout: IssueColumnsLayout | null): IssueColumnsLayout | null {
  if (layout) putSetting(ctx.db, 'issue_columns', JSON.stringify(layout), ctx.clock.now().getTime());
  else deleteSetting(ctx.db, 'issue_columns');
  return getIssueColumns(ctx);
}
