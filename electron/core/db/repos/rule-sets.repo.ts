import type { Db } from '../open';
import type { RuleSet } from '../../../../shared/domain/rules';
import { DECREE_615 } from '../../../../shared/domain/rules';

interface RuleSetRow {
  id: string;
  name_kk: string;
  name_ru: string;
  effective_from: string;
  effective_to: string | null;
  groups_json: string;
}

/**
 * The rule sets in force: the built-in Decree 615 (code, read-only, never stored so it cannot
 * drift) followed by those an administrator added.
 */
export function listRuleSets(db: Db): RuleSet[] {
  const rows = db.prepare('SELECT * FROM rule_sets ORDER BY effective_from, id').all() as RuleSetRow[];
  return [
    DECREE_615,
    ...rows.map((r) => ({
      id: r.id,
      nameKk: r.name_kk,
      nameRu: r.name_ru,
      effectiveFrom: r.effective_from,
      effectiveTo: r.effective_to,
      groups: JSON.parse(r.groups_json) as RuleSet['groups'],
    })),
  ];
}
