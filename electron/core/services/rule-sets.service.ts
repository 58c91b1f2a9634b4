import { randomUUID } from 'node:crypto';
import type { CoreContext } from '../context';
import type { RuleSetInput, RuleSetView } from '../../../shared/contract/rules.contract';
import { EsepError } from '../../../shared/errors';
import { appendAudit } from '../db/repos/audit.repo';
import { getStoredRuleSet, insertRuleSet, listRuleSets, markRuleSetDeleted } from '../db/repos/rule-sets.repo';
import { DECREE_615, findConflicts, validateRuleSet, type RuleSet } from '../../../shared/domain/rules';

function view(rs: RuleSet): RuleSetView {
  return { ...rs, builtIn: rs.id === DECREE_615.id };
}

/** The built-in Decree 615 first, then the added sets by effective date. */
export function listRuleSetViews(ctx: CoreContext): RuleSetView[] {
  return listRuleSets(ctx.db).map(view);
}

/**
 * Adds an administrator's rule set. It supersedes earlier sets for the kinds it covers from
 * its effectiveFrom; meetings already recorded are left as they are (compliance is computed,
 * never stored). Refused with `rule_set_invalid` and the problem codes when the set is unsound
 * or takes over a kind on the same day as a set already stored.
 */
export function addRuleSet(ctx: CoreContext, input: { ruleSet: RuleSetInput }): RuleSetView {
  const { ruleSet: i } = input;
  const rs: RuleSet = {
    id: randomUUID(),
    nameKk: i.nameKk.trim(),
    nameRu: i.nameRu.trim(),
    effectiveFrom: i.effectiveFrom,
    effectiveTo: i.effectiveTo ?? null,
    groups: i.groups.map((g) => ({
      code: g.code,
      kinds: g.kinds,
      windows: g.windows.map((w) => ({ ...w })),
      reportDueMonths: g.reportDueMonths ?? null,
    })),
  };
  ctx.db.transaction(() => {
    const conflicts = findConflicts([...listRuleSets(ctx.db), rs]).filter(
      (p) => p.ruleSetId === rs.id || p.details['otherRuleSetId'] === rs.id,
    );
    const problems = [...validateRuleSet(rs), ...conflicts];
    if (problems.length > 0) {
      throw new EsepError('rule_set_invalid', { problems: [...new Set(problems.map((p) => p.code))] });
    }
    insertRuleSet(ctx.db, rs, { origin: ctx.installationId, now: ctx.clock.now().getTime() });
    appendAudit(ctx, { action: 'insert', entity: 'rule_set', entityId: rs.id, after: rs });
  })();
  return view(rs);
}

/** Removes an added rule set; the sets it superseded govern again. The built-in one stays. */
export function removeRuleSet(ctx: CoreContext, input: { id: string }): { id: string } {
  if (input.id === DECREE_615.id) throw new EsepError('rule_set_builtin', { id: input.id });
  ctx.db.transaction(() => {
    const before = getStoredRuleSet(ctx.db, input.id);
    if (before === null) throw new EsepError('not_found', { id: input.id });
    markRuleSetDeleted(ctx.db, input.id, ctx.clock.now().getTime());
    appendAudit(ctx, { action: 'delete', entity: 'rule_set', entityId: input.id, before });
  })();
  return { id: input.id };
}
