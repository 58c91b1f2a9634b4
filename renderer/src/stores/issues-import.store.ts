import { create } from 'zustand';
import { api } from '../api';
import type { ChannelInput } from '../../../shared/contract/contract';
import type { ImportCheck, ImportPreview, ImportReport } from '../../../shared/contract/issues-import.contract';
import { attempt, type Result } from './result';

interface IssuesImportActions {
  /** The file's sheets, its header row and the suggested mapping of its columns. */
  preview(input: ChannelInput<'issuesImport:preview'>): Promise<Result<ImportPreview>>;
  /** Every row checked as it would be imported, and the values no reference entry matches; nothing is written. */
  check(input: ChannelInput<'issuesImport:check'>): Promise<Result<ImportCheck>>;
  /** The import itself, in one transaction (refused whole, with the report, if the log changed since the check). */
  commit(input: ChannelInput<'issuesImport:commit'>): Promise<Result<ImportReport>>;
}

/**
 * The Excel import's calls to the core. Actions only: the file, its mapping and the last
 * check are the wizard's own until it imports, so there is nothing here to cache or reset.
 */
export const useIssuesImportStore = create<IssuesImportActions>()(() => ({
  preview: (input) => attempt(() => api.issuesImport.preview(input)),
  check: (input) => attempt(() => api.issuesImport.check(input)),
  commit: (input) => attempt(() => api.issuesImport.commit(input)),
}));
