import type { UnitSummary } from '../../../shared/contract/types';
import type { UiLanguage } from '../../../shared/i18n';

/** A unit's name in the reader's language (Russian for the developers' English). */
export function unitName(unit: Pick<UnitSummary, 'nameKk' | 'nameRu'>, lng: UiLanguage): string {
  return lng === 'kk' ? unit.nameKk : unit.nameRu;
}

/** The name in the other product language, shown muted next to the main one. */
export function otherUnitName(unit: Pick<UnitSummary, 'nameKk' | 'nameRu'>, lng: UiLanguage): string {
  return lng === 'kk' ? unit.nameRu : unit.nameKk;
}
