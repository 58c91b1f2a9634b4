import type { CoreContext } from '../context';
import type { RuleSetView } from '../../../shared/contract/rules.contract';
import { EsepError } from '../../../shared/errors';
import { listRuleSets } from '../db/repos/rule-sets.repo';
import { DECREE_615 } from '../../../shared/domain/rules';

export function listRuleSetViews(ctx: CoreContext): RuleSetView[] {
  return listRuleSets(ctx.db).map((rs) => ({ ...rs, builtIn: rs.id === DECREE_615.id }));
}

export function addRuleSet(_ctx: CoreContext, _input: { ruleSet: unknown }): RuleSetView {
  throw new EsepError('internal');
}

export function removeRuleSet(_ctx: CoreContext, _input: { id: string }): { id: string } {
  throw new EsepError('internal');
}
