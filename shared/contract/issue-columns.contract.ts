import { z } from 'zod';
import { COLUMN_WIDTH, FIXED_ISSUE_COLUMNS, ISSUE_COLUMNS, type IssueColumnsLayout as Layout } from '../domain/issues/issue-columns';
import { channel, NoInput } from './schemas';

const ColumnId = z.enum(ISSUE_COLUMNS);

export const IssueColumnsLayout = z
  .object({
    hidden: z
      .array(ColumnId)
      .max(ISSUE_COLUMNS.length)
      .refine((ids) => ids.every((id) => !FIXED_ISSUE_COLUMNS.includes(id)), 'fixed')
      .refine((ids) => new Set(ids).size === ids.length, 'duplicate'),
    widths: z.partialRecord(ColumnId, z.number().int().min(COLUMN_WIDTH.min).max(COLUMN_WIDTH.max)),
  })
  .strict() satisfies z.ZodType<Layout>;
export type IssueColumnsLayout = z.infer<typeof IssueColumnsLayout>;

export const issueColumnsContract = {
  /** Null until the user changes the columns (or after a reset): the defaults apply. */
  'settings:issueColumns': channel<IssueColumnsLayout | null>()(NoInput),
  /** Null resets the columns to the defaults. */
  'settings:setIssueColumns': channel<IssueColumnsLayout | null>()(z.object({ layout: IssueColumnsLayout.nullable() }).strict()),
};
