import type { TFunction } from 'i18next';
import type { IssueCategory } from '../../../../shared/contract/issues.contract';
import type { UnitSummary } from '../../../../shared/contract/types';
import { ISSUE_KINDS } from '../../../../shared/domain/issues/issue';
import { codesUnder } from '../../../../shared/domain/kato';
import { refName, type IssueNames } from '../../hooks/useIssueNames';

/** A tree (categories) flattened in display order, each row with its depth. */
export function categoryTree(categories: readonly IssueCategory[], withArchived = false): Array<{ category: IssueCategory; depth: number }> {
  const kept = categories.filter((c) => withArchived || !c.archived);
  const ids = new Set(kept.map((c) => c.id));
  const children = new Map<string | null, IssueCategory[]>();
  for (const c of kept) {
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const out: Array<{ category: IssueCategory; depth: number }> = [];
  const walk = (parent: string | null, depth: number) => {
    for (const c of [...(children.get(parent) ?? [])].sort((a, b) => a.ordinal - b.ordinal)) {
      out.push({ category: c, depth });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The localities (villages) of the working set under a unit; all of them without one. */
export function localitiesUnder<U extends Pick<UnitSummary, 'kato' | 'kind' | 'parent'>>(units: readonly U[], root: string | null | undefined): U[] {
  const under = root ? codesUnder(units, root) : null;
  return units.filter((u) => u.kind === 'locality' && (!under || under.has(u.kato)));
}

/** An option's text indented by depth (a <select> cannot style its options). */
export const indent = (depth: number, text: string) => `${'\u2003'.repeat(depth)}${text}`;

export interface Choice {
  value: string;
  label: string;
}

/** The category tree as <select> choices (archived ones only when `keep` is one of them). */
export function categoryChoices(names: IssueNames, keep: string | null = null): Choice[] {
  return categoryTree(names.categories, true)
    .filter(({ category }) => !category.archived || category.id === keep)
    .map(({ category, depth }) => ({ value: category.id, label: indent(depth, refName(category, names.lng)) }));
}

/** Responsible bodies as <select> choices (an archived one only when `keep` is it). */
export function bodyChoices(names: IssueNames, keep: string | null = null): Choice[] {
  return names.bodies.filter((b) => !b.archived || b.id === keep).map((b) => ({ value: b.id, label: refName(b, names.lng) }));
}

/** The localities under a unit (all of the working set's without one) as <select> choices. */
export function localityChoices(names: IssueNames, root: string | null | undefined): Choice[] {
  return localitiesUnder(names.units, root).map((u) => ({ value: u.kato, label: refName(u, names.lng) }));
}

/** Reporting units (not localities) of the working set, indented as a tree. */
export function unitChoices(names: IssueNames): Choice[] {
  return names.units.filter((u) => u.kind !== 'locality').map((u) => ({ value: u.kato, label: indent(u.depth, refName(u, names.lng)) }));
}

/** The kinds of issue (the same words the minutes use). */
export function kindChoices(t: TFunction): Choice[] {
  return ISSUE_KINDS.map((k) => ({ value: k, label: t(`Minutes.issueKinds.${k}`) }));
}
