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

function toRuleSet(r: RuleSetRow): RuleSet {
  return {
    id: r.id,
    nameKk: r.name_kk,
    nameRu: r.name_ru,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
    groups: JSON.parse(r.groups_json) as RuleSet['groups'],
  };
}

/**
 * The rule sets in force: the built-in Decree 615 (code, read-only, never stored so it cannot
 * drift) followed by those an administrator added, by effective date.
 */
export function listRuleSets(db: Db): RuleSet[] {
  const rows = db.prepare('SELECT * FROM rule_sets WHERE deleted_at IS NULL ORDER BY effective_from, id').all() as RuleSetRow[];
  return [DECREE_615, ...rows.map(toRuleSet)];
}

/** A stored (custom) rule set; never the built-in one. */
export function getStoredRuleSet(db: Db, id: string): RuleSet | null {
  const row = db.prepare('SELECT * FROM rule_sets WHERE id = ? AND deleted_at IS NULL').get(id) as RuleSetRow | undefined;
  return row ? toRuleSet(row) : null;
}

export function insertRuleSet(db: Db, rs: RuleSet, meta: { origin: string; now: number }): void {
  db.prepare(
    `INSERT INTO rule_sets (id, origin, revision, name_kk, name_ru, effective_from, effective_to, groups_json, created_at, updated_at)
     VALUES (@id, @origin, 1, @nameKk, @nameRu, @effectiveFrom, @effectiveTo, @groupsJson, @now, @now)`,
  ).run({
    id: rs.id,
    origin: meta.origin,
    nameKk: rs.nameKk,
    nameRu: rs.nameRu,
    effectiveFrom: rs.effectiveFrom,
    effectiveTo: rs.effectiveTo,
    groupsJson: JSON.stringify(rs.groups),
    now: meta.now,
  });
}

/** Soft delete: the row stays as a tombstone so an exchange package can carry the removal. */
export function markRuleSetDeleted(db: Db, id: string, now: number): void {
  db.prepare('UPDATE rule_sets SET deleted_at = ?, updated_at = ?, revision = revision + 1 WHERE id = ?').run(now, now, id);
}
