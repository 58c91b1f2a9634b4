import { useEffect, useMemo } from 'react';
import type { Body, BodyPerson, IssueCategory, IssueStatus } from '../../../shared/contract/issues.contract';
import type { UnitSummary } from '../../../shared/contract/types';
import type { UiLanguage } from '../../../shared/i18n';
import { unitName } from '../format/units';
import { useT } from '../i18n';
import { useAppStore } from '../stores/app.store';
import { useIssueReferenceStore } from '../stores/issue-reference.store';
import { useSubtree } from './useSubtree';

/**
 * Reference rows are stored data in both languages, not UI text: shown by the UI language
 * (Russian for the developers' English, as unit names are).
 */
export const refName = unitName;

export interface IssueNames {
  lng: UiLanguage;
  statuses: IssueStatus[];
  categories: IssueCategory[];
  bodies: Body[];
  status(id: string): string;
  statusOf(id: string): IssueStatus | undefined;
  category(id: string | null): string;
  body(id: string | null): string;
  person(id: string | null): BodyPerson | undefined;
  /** A unit or locality of the working set by KATO code (the code itself until names arrive). */
  unit(kato: string | null): string;
  units: ReadonlyArray<UnitSummary & { depth: number }>;
}

/** Names of everything an issue refers to, in the reader's language; loads the reference data once. */
export function useIssueNames(): IssueNames {
  const { lng } = useT();
  const statuses = useIssueReferenceStore((s) => s.statuses);
  const categories = useIssueReferenceStore((s) => s.categories);
  const bodies = useIssueReferenceStore((s) => s.bodies);
  const load = useIssueReferenceStore((s) => s.load);
  const root = useAppStore((s) => s.settings?.workingRoot?.kato ?? '');
  const units = useSubtree(root);
  useEffect(() => void load(), [load]);

  return useMemo(() => {
    const statusById = new Map(statuses.map((s) => [s.id, s]));
    const categoryById = new Map(categories.map((c) => [c.id, c]));
    const bodyById = new Map(bodies.map((b) => [b.id, b]));
    const people = new Map(bodies.flatMap((b) => b.people.map((p) => [p.id, p] as const)));
    const unitByKato = new Map(units.map((u) => [u.kato, u]));
    const named = (row: { nameKk: string; nameRu: string } | undefined, fallback: string) => (row ? refName(row, lng) : fallback);
    return {
      lng,
      statuses,
      categories,
      bodies,
      units,
      status: (id) => named(statusById.get(id), id),
      statusOf: (id) => statusById.get(id),
      category: (id) => (id === null ? '' : named(categoryById.get(id), id)),
      body: (id) => (id === null ? '' : named(bodyById.get(id), id)),
      person: (id) => (id === null ? undefined : people.get(id)),
      unit: (kato) => (kato === null ? '' : named(unitByKato.get(kato), kato)),
    };
  }, [statuses, categories, bodies, units, lng]);
}
