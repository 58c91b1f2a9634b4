import { z } from 'zod';
import { EARLIEST_EFFECTIVE_FROM, type AssessedObligation, type Obligation, type RuleSet } from '../domain/rules';
import { REPORTING_UNIT_KINDS } from '../domain/units/unit-kind';
import { channel, IsoDateString, KatoCode, NoInput, RequiredText } from './schemas';

/** A rule set as listed in Settings: the built-in one is read-only. */
export interface RuleSetView extends RuleSet {
  builtIn: boolean;
}

/**
 * The shape of a rule set an administrator adds. The core assigns the id. What the data
 * means (months 1..12, windows inside their year and apart, a kind in one group only, a start
 * no other set covering the same kind shares) is checked by validateRuleSet and findConflicts,
 * which answer with problem codes the UI can translate (`rule_set_invalid`).
 */
const WindowRuleInput = z
  .object({
    key: z.string().max(32),
    startMonth: z.number().int(),
    lengthMonths: z.number().int(),
    coversOffsetMonths: z.number().int(),
    coversMonths: z.number().int(),
  })
  .strict();

const RuleGroupInput = z
  .object({
    code: z.string().max(32),
    kinds: z.array(z.enum(REPORTING_UNIT_KINDS)).min(1).max(REPORTING_UNIT_KINDS.length),
    windows: z.array(WindowRuleInput).min(1).max(12),
    reportDueMonths: z.number().int().nullable().optional(),
  })
  .strict();

const Name = RequiredText(500);

export const RuleSetInput = z
  .object({
    nameKk: Name,
    nameRu: Name,
    effectiveFrom: IsoDateString.refine((d) => d >= EARLIEST_EFFECTIVE_FROM, 'too_early'),
    effectiveTo: IsoDateString.nullable().optional(),
    groups: z.array(RuleGroupInput).min(1).max(REPORTING_UNIT_KINDS.length),
  })
  .strict();

export type RuleSetInput = z.infer<typeof RuleSetInput>;

/**
 * What the rule engine is asked about: a kind of unit, or one unit by its KATO code (its kind,
 * and for compliance its recorded meetings); exactly one of the two. Both are named when the
 * choice is wrong, since either may be the one to fix.
 */
const Subject = {
  kind: z.enum(REPORTING_UNIT_KINDS).optional(),
  kato: KatoCode.optional(),
  from: IsoDateString,
  to: IsoDateString,
};

function exactlyOneSubject(input: { kind?: unknown; kato?: unknown }, ctx: z.RefinementCtx): void {
  if ((input.kind === undefined) === (input.kato === undefined)) {
    for (const field of ['kind', 'kato']) ctx.addIssue({ code: 'custom', path: [field], message: 'kind_or_kato' });
  }
}

export const ScheduleInput = z.object(Subject).strict().superRefine(exactlyOneSubject);
export type ScheduleInput = z.infer<typeof ScheduleInput>;

/** `held`: dates to assess instead of the unit's recorded meetings (what-if); none may be after today. */
export const ComplianceInput = z
  .object({ ...Subject, held: z.array(IsoDateString).max(1000).optional() })
  .strict()
  .superRefine(exactlyOneSubject);
export type ComplianceInput = z.infer<typeof ComplianceInput>;

/**
 * Rule sets as data (issue 3 §4): list, add (validated), remove a custom one; and what they
 * give: the legal windows over a period, and their compliance as of the core's today.
 */
export const rulesContract = {
  'rules:list': channel<RuleSetView[]>()(NoInput),
  'rules:add': channel<RuleSetView>()(z.object({ ruleSet: RuleSetInput }).strict()),
  'rules:remove': channel<{ id: string }>()(z.object({ id: z.string().min(1) }).strict()),
  'rules:schedule': channel<Obligation[]>()(ScheduleInput),
  'rules:compliance': channel<AssessedObligation[]>()(ComplianceInput),
};
