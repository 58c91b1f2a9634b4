import { z } from 'zod';
import type { FileData } from './minutes.contract';
import type { IssueRow } from './issues.contract';
import { channel, Id, IsoDateString, KatoCode, Language, Revision, Text } from './schemas';
import { PLAN_MARKS, type PlanMark } from '../domain/issues/issue';
import { AMOUNT_PATTERN } from '../domain/issues/plan';
import type { IsoDate } from '../domain/dates';

/* ---------------------------------------------------------------- action plan */

export interface ActionPlanRow {
  id: string;
  /** The installation that wrote the row (one planning a received issue writes its own rows). */
  origin: string;
  revision: number;
  issueId: string;
  ordinal: number;
  measure: string;
  completionForm: string;
  executor: string;
  deadline: IsoDate | null;
  fundingSource: string;
  /** Tenge as typed and validated ("1250000", "1 250 000.50"), never a float. */
  fundingAmount: string;
  mark: PlanMark;
  markNote: string;
  markDate: IsoDate | null;
}

/** A plan row with what the plan prints about its issue (who raised it is not printed). */
export interface ActionPlanLine extends ActionPlanRow {
  issue: Pick<IssueRow, 'registryNo' | 'meetingNo' | 'unitKato' | 'localityKato' | 'text' | 'kind' | 'raisedOn' | 'meetingId'>;
}

/** The rows of a plan, and how many issues in its scope have none yet (what "fill" would add). */
export interface ActionPlan {
  lines: ActionPlanLine[];
  issuesWithoutRow: number;
}

const PlanScope = z.union([
  z.object({ meetingId: Id }).strict(),
  z.object({ unitKato: KatoCode, from: IsoDateString, to: IsoDateString }).strict(),
]);
export type PlanScope = z.infer<typeof PlanScope>;

const PlanRowFields = z
  .object({
    measure: Text(5000),
    completionForm: Text(500),
    executor: Text(500),
    deadline: IsoDateString.nullable(),
    fundingSource: Text(500),
    fundingAmount: z
      .string()
      .trim()
      .max(30)
      .refine((s) => s === '' || AMOUNT_PATTERN.test(s), 'amount'),
    mark: z.enum(PLAN_MARKS),
    markNote: Text(5000),
    markDate: IsoDateString.nullable(),
  })
  .strict();
export type PlanRowFields = z.infer<typeof PlanRowFields>;

/** The action plan (план мероприятий / іс-шаралар жоспары) of a meeting or of a unit's period. */
export const actionPlanContract = {
  'actionPlan:list': channel<ActionPlan>()(z.object({ scope: PlanScope }).strict()),
  /** A row for every issue in scope that has none yet (measure from the issue's answer or decision); idempotent. */
  'actionPlan:fill': channel<ActionPlan>()(z.object({ scope: PlanScope }).strict()),
  'actionPlan:saveRow': channel<ActionPlanLine>()(
    z.object({ id: Id.optional(), revision: Revision.optional(), issueId: Id, fields: PlanRowFields }).strict(),
  ),
  'actionPlan:removeRow': channel<{ id: string }>()(z.object({ id: Id, revision: Revision }).strict()),
  'actionPlan:export': channel<FileData>()(
    z.object({ scope: PlanScope, language: Language, format: z.enum(['xlsx', 'docx']) }).strict(),
  ),

} as const;
